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

/**
 * Turns a file's bytes into text the way an editor would: UTF-8 (with or without BOM), UTF-16
 * with a BOM, and Windows-1252 for older files that are not valid UTF-8. Binary files and files
 * over the size limit are skipped with a reason instead of producing garbage.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): DecodedArticle {
  if (bytes.length > maxBytes) {
    return { text: '', skipped: `too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)})`, notes: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), notes: ['decoded as UTF-16LE'] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), notes: ['decoded as UTF-16BE'] };
  if (looksBinary(bytes)) return { text: '', skipped: 'binary file', notes: [] };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), notes: [] };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), notes: ['not valid UTF-8; decoded as Windows-1252'] };
  }
}

/** NUL bytes, or many control characters, in the first 8 KB: what git and editors call binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
