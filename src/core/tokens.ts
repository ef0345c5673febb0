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
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  const document = nlp.tokenize(text).document as Array<Array<{ text: string; pre: string; post: string }>>;
  for (const terms of document) {
    const first = tokens.length;
    let sentenceStart = -1;
    for (const term of terms) {
      const start = offset + term.pre.length;
      const end = start + term.text.length;
      offset = end + term.post.length;
      if (term.text.length === 0) continue;
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
  splitAtBlankLines(tokens, sentences, text);
  return { text, tokens, sentences };
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
    if (previous && isHardWrapped(tokens, previous.last - 1, text)) {
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
        result.push({ start: tokens[first].start, end: tokens[i].end, first, last: i + 1 });
        first = i + 1;
      }
    }
    result.push({ start: tokens[first].start, end: sentence.end, first, last: sentence.last });
  }
  result.forEach((sentence, index) => {
    for (let i = sentence.first; i < sentence.last; i++) tokens[i].sentence = index;
  });
  sentences.splice(0, sentences.length, ...result);
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
