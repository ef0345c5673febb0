import nlp from 'compromise';

/** One word as compromise splits it, with its UTF-16 offsets into the analysed text. */
export interface Token {
  /** The word itself, without surrounding punctuation or whitespace. */
  text: string;
  start: number;
  end: number;
  /** Punctuation and whitespace before and after the word, as compromise keeps them. */
  pre: string;
  post: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index of the first token and one past the last in Tokenized.tokens. */
  first: number;
  last: number;
}

export interface Tokenized {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * Splits text into sentences and words with compromise's tokenizer (no tagging: tagging is
 * the slow part and the engine classifies words itself). compromise keeps every character in
 * some term's pre/text/post, so summing their lengths gives exact offsets.
 */
export function tokenize(text: string, stopBefore?: (sentencesSoFar: number) => boolean): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (const piece of boundedPieces(text)) {
    if (stopBefore?.(sentences.length)) break;
    tokenizePiece(text, piece, tokens, sentences);
  }
  splitAtBlankLines(tokens, sentences, text);
  return { text, tokens, sentences };
}

/**
 * compromise's sentence splitter re-tests a growing chunk while it finds no sentence end ("Mr.
 * Mr. …", "....", "Jan. 31, Jan. 31, …"), and its word splitter copies its list at every hyphen:
 * both grow with the square of the stretch they are given. Handing it pieces of at most this many
 * characters keeps tokenizing linear; a piece ends at a line end where it can, so ordinary
 * paragraphs are never cut.
 */
export const PIECE_CHARS = 1500;

/** [start, end) pieces covering the text: whole lines up to PIECE_CHARS, longer lines cut at a likely sentence end or a space. */
export function boundedPieces(text: string): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > PIECE_CHARS) {
    const limit = start + PIECE_CHARS;
    // Within the piece only: searching back from the limit through a text without line ends would scan it all each time.
    const lineEnd = text.slice(start, limit).lastIndexOf('\n') + 1;
    const end = lineEnd > 0 ? start + lineEnd : cutInsideLine(text, start, limit);
    pieces.push([start, end]);
    start = end;
  }
  if (start < text.length || pieces.length === 0) pieces.push([start, text.length]);
  return pieces;
}

/** Where to cut a line longer than a piece: after the last full stop that ends a long word, else the last space, else anywhere but inside a surrogate pair. */
function cutInsideLine(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  let space = -1;
  for (let i = window.length - 1; i > window.length / 2; i--) {
    if (!/\s/.test(window[i])) continue;
    if (space < 0) space = i + 1;
    if (/\p{Ll}{3}[.!?]["'”’)]*$/u.test(window.slice(Math.max(0, i - 8), i))) return start + i + 1;
  }
  if (space > 0) return start + space;
  const cut = limit;
  return /[\uDC00-\uDFFF]/.test(text[cut] ?? '') ? cut - 1 : cut;
}

function tokenizePiece(text: string, [pieceStart, pieceEnd]: [number, number], tokens: Token[], sentences: Sentence[]): void {
  let offset = pieceStart;
  const document = nlp.tokenize(text.slice(pieceStart, pieceEnd)).document as Array<Array<{ text: string; pre: string; post: string }>>;
  for (const terms of document) {
    const first = tokens.length;
    let sentenceStart = -1;
    for (const term of terms) {
      if (term.text.length === 0) continue;
      const start = placeOf(text, term.text, offset, offset + term.pre.length, pieceEnd);
      if (start < 0) continue;
      const end = start + term.text.length;
      offset = end;
      // Spaced punctuation ("Kohl , 66 ,") belongs to the words around it, as in unspaced text.
      const previous = tokens.length > first ? tokens[tokens.length - 1] : undefined;
      if (!/[\p{L}\p{N}]/u.test(term.text) && previous) {
        previous.post += term.pre + term.text + term.post;
        continue;
      }
      if (sentenceStart < 0) sentenceStart = start;
      pushSplittingCompounds(tokens, { text: term.text, start, end, pre: term.pre, post: term.post, sentence: sentences.length });
    }
    if (tokens.length > first) {
      sentences.push({ start: sentenceStart, end: tokens[tokens.length - 1].end, first, last: tokens.length });
    }
  }
}

/** How far from where the lengths put it a word is looked for, when compromise changed a character before it. */
const RESYNC_REACH = 64;

/**
 * Where a term of compromise is in the text. Its pieces add up to the text, so the lengths give
 * the offset; but compromise drops or changes some rare characters, so the word is checked there
 * and otherwise looked for close by. A word that is not in the text at all is left out.
 */
function placeOf(text: string, word: string, after: number, expected: number, limit: number): number {
  if (text.startsWith(word, expected)) return expected;
  const window = text.slice(after, Math.min(limit, expected + word.length + RESYNC_REACH));
  const found = window.indexOf(word);
  return found < 0 ? -1 : after + found;
}

/**
 * compromise keeps "U.S.-China" as one word; each capitalised part names something of its own
 * ("China-U.S. relations" has two places), so such compounds become one token per part, joined
 * by a "-" in post. Lowercase parts stay attached ("one-China", "Jae-in").
 */
function pushSplittingCompounds(tokens: Token[], token: Token): void {
  const parts = token.text.split(/(?<=[\p{L}.])-(?=\p{Lu})/u);
  if (parts.length < 2 || !/^\p{Lu}/u.test(parts[0])) {
    tokens.push(token);
    return;
  }
  let start = token.start;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    tokens.push({ ...token, text: part, start, end: start + part.length, pre: index === 0 ? token.pre : '', post: last ? token.post : '-' });
    start += part.length + 1;
  });
}

/**
 * compromise joins lines that have no final stop, so a headline, a byline or a dateline runs
 * into the next paragraph. A line break ends a sentence when the line before it is short (a
 * heading) or ends in a stop; a long line without one is hard-wrapped prose that continues.
 */
function splitAtBlankLines(tokens: Token[], sentences: Sentence[], text: string): void {
  const joined: Sentence[] = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    if (previous && isHardWrapped(tokens, previous.last - 1, text) && sentence.last - previous.first <= MAX_SENTENCE_TOKENS) {
      previous.end = sentence.end;
      previous.last = sentence.last;
    } else joined.push({ ...sentence });
  }
  const result: Sentence[] = [];
  for (const sentence of joined) {
    let first = sentence.first;
    for (let i = sentence.first; i < sentence.last - 1; i++) {
      if (!tokens[i].post.includes('\n')) continue;
      if (!isHardWrapped(tokens, i, text)) {
        pushBounded(result, tokens, first, i + 1);
        first = i + 1;
      }
    }
    pushBounded(result, tokens, first, sentence.last);
  }
  result.forEach((sentence, index) => {
    for (let i = sentence.first; i < sentence.last; i++) tokens[i].sentence = index;
  });
  sentences.splice(0, sentences.length, ...result);
}

/**
 * Real sentences stay well under this many words; longer stretches are tables, lists or
 * generated text. Cutting them keeps every per-sentence step of the engine bounded.
 */
export const MAX_SENTENCE_TOKENS = 200;

function pushBounded(sentences: Sentence[], tokens: Token[], first: number, last: number): void {
  for (let from = first; from < last; from += MAX_SENTENCE_TOKENS) {
    const to = Math.min(last, from + MAX_SENTENCE_TOKENS);
    sentences.push({ start: tokens[from].start, end: tokens[to - 1].end, first: from, last: to });
  }
}

/** The line ending after token i is long and has no stop: prose wrapped by hand, which goes on. */
function isHardWrapped(tokens: Token[], i: number, text: string): boolean {
  const post = tokens[i].post;
  if (!post.includes('\n')) return false;
  const lineStart = text.lastIndexOf('\n', tokens[i].start) + 1;
  const endsInStop = /^[.!?:;"”']/.test(post.trim()) || /[.!?:;"”']$/.test(tokens[i].text);
  return !endsInStop && tokens[i].end - lineStart >= HEADING_LENGTH;
}

/** Lines shorter than this without a stop are headings, bylines or credits, not wrapped prose. */
const HEADING_LENGTH = 60;

/** Keeps the first `count` sentences and their tokens: what an analysis stopped by its time budget reads. */
export function keepSentences(tokenized: Tokenized, count: number): void {
  if (count >= tokenized.sentences.length) return;
  tokenized.tokens.length = count > 0 ? tokenized.sentences[count - 1].last : 0;
  tokenized.sentences.length = count;
}

/** Everything between token i and the next: its trailing and the next one's leading punctuation. */
export function gapAfter(tokens: Token[], i: number): string {
  return tokens[i].post + (tokens[i + 1]?.pre ?? '');
}

/** A token starts with an uppercase letter (any script that has case). */
export function isCapitalized(token: Token | string): boolean {
  return /^\p{Lu}/u.test(typeof token === 'string' ? token : token.text);
}

/** Every letter is uppercase and there are at least two of them: "WASHINGTON", "U.S.". */
export function isAllCaps(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
