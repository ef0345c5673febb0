/** What reading a file's bytes gave: its text, or why it was not analysed. */
export interface DecodedArticle {
  /** The text as an editor shows it: BOM removed, line endings kept. Empty when skipped. */
  text: string;
  /** Why the file was not analysed ("binary", "too large"); undefined when it was. */
  skipped?: string;
  /** What a reader should know about how it was read ("decoded as Windows-1252"). */
  notes: string[];
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** How much of the start of a file the binary and UTF-16 checks look at. */
const SAMPLE_BYTES = 8192;

/**
 * Turns a file's bytes into text the way an editor would: UTF-8 (with or without BOM), UTF-16
 * with a BOM or recognisably without one, and Windows-1252 for older files that are not valid
 * UTF-8. Binary files and files over the size limit are skipped with a reason instead of
 * producing garbage.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodedArticle {
  if (bytes.length > maxBytes) return { text: '', skipped: tooLargeReason(bytes.length, maxBytes), notes: [] };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notes: ['decoded as UTF-16LE'] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notes: ['decoded as UTF-16BE'] };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (manyControlCharacters(text.slice(0, SAMPLE_BYTES / 2))) return { text: '', skipped: 'binary file', notes: [] };
    return { text, notes: [`decoded as ${utf16.toUpperCase()} (no byte order mark)`] };
  }
  if (looksBinary(bytes)) return { text: '', skipped: 'binary file', notes: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), notes: [] };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), notes: ['not valid UTF-8; decoded as Windows-1252'] };
  }
}

/** The reason given for a file over the size limit. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`;
}

/**
 * 'utf-16le' or 'utf-16be' when the sample reads as UTF-16 without a BOM: the NUL bytes fall on
 * one side of each byte pair (the high byte of the Latin letters, digits, spaces and punctuation
 * that nearly every text has), and no pair is all zero (U+0000 is never text). Text in one
 * non-Latin script with no spaces has few such NULs and is not recognised; no guess is better
 * than garbage there.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    const even = bytes[i] === 0;
    const odd = bytes[i + 1] === 0;
    if (even && odd) return null;
    if (even) evenNuls++;
    if (odd) oddNuls++;
  }
  const [high, low] = oddNuls >= evenNuls ? [oddNuls, evenNuls] : [evenNuls, oddNuls];
  // At least a tenth of the characters from Latin-1, and NULs on the other side rare (U+0100, U+4E00…).
  if (pairs === 0 || high < pairs / 10 || low > high / 4) return null;
  return oddNuls >= evenNuls ? 'utf-16le' : 'utf-16be';
}

/** NUL bytes, or many control characters, in the first 8 KB: what git and editors call binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function manyControlCharacters(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) control++;
  return text.length > 0 && control / text.length > 0.1;
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return. */
function isControl(code: number): boolean {
  return code < 9 || (code > 13 && code < 32);
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The zero-based line and character of a UTF-16 offset into a text, as VS Code's positions count them. */
export function lineAndCharacter(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, character: offset - lineStart };
}
