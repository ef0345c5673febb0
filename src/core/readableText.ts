import { isPlausibleYear } from './dates';
import { ArticleDocument, ArticleFormat, DateValue, Span } from './types';

/**
 * The text the engine reads: the document's own, the same length, with everything that is not
 * article prose replaced by spaces (line breaks kept), so that every offset still points into the
 * file and no name can contain, or run across, what was blanked.
 */
export interface ReadableText {
  text: string;
  format: ArticleFormat;
  /** A markdown article's YAML or TOML front matter, blanked in `text`. */
  frontMatter: FrontMatter | null;
}

/** What a markdown article's front matter says about it. */
export interface FrontMatter {
  span: Span;
  /** The key that dated the article and its value as written: { key: 'date', value: '2023-06-18' }. */
  date: { key: string; value: string } | null;
  title: string | null;
  author: string | null;
}

/** The format given, else markdown for a .md, .markdown or .mdx path, else plain text. */
export function formatOf(document: Pick<ArticleDocument, 'uri' | 'format'>): ArticleFormat {
  if (document.format) return document.format;
  return /\.(md|markdown|mdx)$/i.test(document.uri.replace(/[?#].*$/s, '')) ? 'markdown' : 'plain';
}

export function readableText(text: string, format: ArticleFormat): ReadableText {
  const blanks = new Blanks(text);
  let frontMatter: FrontMatter | null = null;
  if (format === 'markdown') {
    frontMatter = readFrontMatter(text);
    if (frontMatter) blanks.blank(frontMatter.span.start, frontMatter.span.end);
    new MarkdownScanner(text, blanks).scan(frontMatter?.span.end ?? 0);
  }
  blankAddresses(text, blanks);
  return { text: blanks.result(), format, frontMatter };
}

/**
 * The article's date from its front matter, at day precision, or null when the front matter
 * gives none the engine can read (an ISO day in a plausible year).
 */
export function frontMatterDate(frontMatter: FrontMatter | null): DateValue | null {
  const date = frontMatter?.date;
  const match = date && /^(\d{4})[-/](\d{2})[-/](\d{2})(?![\d])/.exec(date.value);
  if (!date || !match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  if (!isPlausibleYear(year)) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return { value: iso, precision: 'day', earliest: iso, latest: iso, basis: `front matter ${date.key}: ${date.value}` };
}

// ---------------------------------------------------------------------------
// Blanking

const SPACE = 0x20;

/** The document's UTF-16 units, some of them to be replaced by spaces. */
class Blanks {
  private readonly units: Uint16Array;
  private changed = false;

  constructor(private readonly text: string) {
    this.units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) this.units[i] = text.charCodeAt(i);
  }

  /** Spaces over [start, end), keeping line breaks. No range ends inside a surrogate pair, so both halves go together. */
  blank(start: number, end: number): void {
    const { units } = this;
    for (let i = Math.max(0, start); i < end && i < units.length; i++) if (units[i] !== 0x0a && units[i] !== 0x0d) units[i] = SPACE;
    if (end > start) this.changed = true;
  }

  /**
   * The text with the ranges blanked, and the invisible characters and lone surrogates (halves of
   * no character) too: each is a single unit, so one space takes its place.
   */
  result(): string {
    const { units } = this;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < units.length && units[i + 1] >= 0xdc00 && units[i + 1] <= 0xdfff) {
        if (isInvisiblePair(unit, units[i + 1])) {
          units[i] = SPACE;
          units[i + 1] = SPACE;
          this.changed = true;
        }
        i++;
      } else if ((unit >= 0xd800 && unit <= 0xdfff) || isInvisible(unit)) {
        units[i] = SPACE;
        this.changed = true;
      }
    }
    return this.changed ? new TextDecoder(PLATFORM_UTF16, { ignoreBOM: true }).decode(units) : this.text;
  }
}

/** A Uint16Array holds its units in the platform's byte order. */
const PLATFORM_UTF16 = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'utf-16le' : 'utf-16be';

/**
 * Control characters but tab, line feed, form feed and carriage return, format characters (such
 * as the Arabic number signs), and every character Unicode says to render invisibly (Default_Ignorable_Code_Point: bidi marks, embeddings,
 * overrides and isolates, zero-width spaces and joiners, soft hyphens, the combining grapheme
 * joiner, variation selectors, a byte-order mark inside the text). Built once, a flag per unit.
 */
/** The class of those characters, for a regular expression with the u flag: cards show them, the engine blanks them. */
export const INVISIBLE_CHARACTERS = '\\p{Cc}\\p{Cf}\\p{Default_Ignorable_Code_Point}';
const INVISIBLE = new RegExp(`^[${INVISIBLE_CHARACTERS}]$`, 'u');
let invisibleUnits: Uint8Array | undefined;

function isInvisible(unit: number): boolean {
  if (!invisibleUnits) {
    invisibleUnits = new Uint8Array(0x10000);
    for (let u = 0; u < 0x10000; u++) {
      if (u >= 0xd800 && u <= 0xdfff) continue;
      invisibleUnits[u] = INVISIBLE.test(String.fromCharCode(u)) && u !== 0x09 && u !== 0x0a && u !== 0x0c && u !== 0x0d ? 1 : 0;
    }
  }
  return invisibleUnits[unit] === 1;
}

/** Invisible characters beyond the first plane: tag characters, musical and Egyptian formatting, shorthand controls. */
function isInvisiblePair(high: number, low: number): boolean {
  return INVISIBLE.test(String.fromCharCode(high, low));
}

// ---------------------------------------------------------------------------
// URLs and e-mail addresses

const isAsciiAlphanumeric = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSchemeUnit = (c: number) => isAsciiAlphanumeric(c) || c === 0x2b || c === 0x2d || c === 0x2e; // + - .
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isWhitespace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029;
/** A URL ends at whitespace or at what cannot be in one: angle brackets, quotes, backticks. */
const endsUrl = (c: number) => isWhitespace(c) || c === 0x3c || c === 0x3e || c === 0x22 || c === 0x60;
/** Left off the end of a URL: the sentence's punctuation and markdown emphasis after it. */
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '’', '*', '_']);
const isEmailLocalUnit = (c: number) => isAsciiAlphanumeric(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
const isDomainUnit = (c: number) => isAsciiAlphanumeric(c) || c === 0x2e || c === 0x2d;

/**
 * "scheme://…", "www.…" and e-mail addresses are never names. Each search starts after the last
 * address found, and each scan back stops where the last one ended, so the pass is linear.
 */
function blankAddresses(text: string, blanks: Blanks): void {
  let done = 0;
  const starts = /:\/\/|www\.|@/gi;
  for (let found = starts.exec(text); found; found = starts.exec(text)) {
    const at = found.index;
    const address = found[0] === '@' ? emailAround(text, at, done) : found[0] === '://' ? urlAround(text, at, done) : wwwAt(text, at, done);
    if (!address) continue;
    blanks.blank(address.start, address.end);
    done = address.end;
    starts.lastIndex = Math.max(starts.lastIndex, address.end);
  }
}

function urlAround(text: string, separator: number, floor: number): Span | null {
  let start = separator;
  while (start > floor && isSchemeUnit(text.charCodeAt(start - 1))) start--;
  while (start < separator && !isAsciiLetter(text.charCodeAt(start))) start++;
  if (start === separator) return null;
  return { start, end: urlEnd(text, separator + 3) };
}

function wwwAt(text: string, at: number, floor: number): Span | null {
  const before = at > floor ? text.charCodeAt(at - 1) : SPACE;
  if (isSchemeUnit(before) || before === 0x40 || !isAsciiAlphanumeric(text.charCodeAt(at + 4))) return null;
  return { start: at, end: urlEnd(text, at + 4) };
}

/** Where a URL ends: at whitespace, without the punctuation after it or a closing bracket it did not open. */
function urlEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !endsUrl(text.charCodeAt(end))) end++;
  let open = 0;
  let unopened = 0;
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '(' || c === '[') open++;
    else if (c === ')' || c === ']') {
      if (open > 0) open--;
      else unopened++;
    }
  }
  for (;;) {
    const last = text[end - 1];
    if (end > from && TRAILING_PUNCTUATION.has(last)) end--;
    else if (end > from && (last === ')' || last === ']') && unopened > 0) {
      end--;
      unopened--;
    } else return end;
  }
}

function emailAround(text: string, at: number, floor: number): Span | null {
  let start = at;
  while (start > floor && isEmailLocalUnit(text.charCodeAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && isDomainUnit(text.charCodeAt(end))) end++;
  while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
  const domain = text.slice(at + 1, end);
  if (start === at || !/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) return null;
  if (text.slice(Math.max(floor, start - 7), start).toLowerCase() === 'mailto:') start -= 7;
  return { start, end };
}

// ---------------------------------------------------------------------------
// Front matter

const FRONT_MATTER_FENCES: Record<string, { close: string[]; field: RegExp }> = {
  '---': { close: ['---', '...'], field: /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/ },
  '+++': { close: ['+++'], field: /^([A-Za-z_][\w-]*)[ \t]*=(.*)$/ },
};

/** Keys that date an article, compared without case, "_" or "-"; the last-modified ones only when none of the first is there. */
const PUBLISHED_KEYS = ['date', 'published', 'publishdate', 'pubdate', 'publishedat', 'datepublished', 'created', 'datecreated'];
const MODIFIED_KEYS = ['updated', 'modified', 'lastmod', 'datemodified', 'lastmodifiedat'];

/** YAML between "---" lines or TOML between "+++" lines at the very start of the file; unclosed, it is none. */
function readFrontMatter(text: string): FrontMatter | null {
  const opening = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!opening) return null;
  const fence = FRONT_MATTER_FENCES[opening[1]];
  const fields: Array<{ key: string; value: string }> = [];
  let lineStart = opening[0].length;
  let listOf: { key: string; value: string } | undefined;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    if (fence.close.includes(line.trimEnd())) return frontMatterOf({ start: 0, end: lineEnd }, fields);
    const field = fence.field.exec(line);
    if (field) {
      listOf = { key: field[1], value: scalarOf(field[2]) };
      fields.push(listOf);
    } else if (listOf && listOf.value === '' && /^[ \t]*-[ \t]/.test(line)) {
      // A YAML list ("author:\n  - Jane Doe"): its first item stands for the key.
      listOf.value = scalarOf(line.replace(/^[ \t]*-/, ''));
    } else if (!/^(?:[ \t]|-[ \t]|#|\[|$)/.test(line)) {
      // Not a field, a nested value, a list item, a comment or a TOML table: a thematic break over prose, no front matter.
      return null;
    }
    lineStart = lineEnd;
  }
  return null;
}

/** A YAML or TOML value without its quotes, brackets or trailing comment. */
function scalarOf(raw: string): string {
  let value = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) return quoted[2];
  value = value.replace(/[ \t]#.*$/, '').trim();
  const list = /^\[(.*)\]$/.exec(value);
  if (list) return scalarOf(list[1].split(',')[0] ?? '');
  return value;
}

function frontMatterOf(span: Span, fields: Array<{ key: string; value: string }>): FrontMatter {
  const keyed = (keys: string[]) => {
    for (const key of keys) {
      const field = fields.find((f) => f.value !== '' && f.key.toLowerCase().replace(/[_-]/g, '') === key);
      if (field) return field;
    }
    return undefined;
  };
  const date = keyed(PUBLISHED_KEYS) ?? keyed(MODIFIED_KEYS);
  return {
    span,
    date: date ? { key: date.key, value: date.value } : null,
    title: keyed(['title'])?.value ?? null,
    author: keyed(['author', 'authors', 'byline'])?.value ?? null,
  };
}

// ---------------------------------------------------------------------------
// Markdown

/**
 * A line-by-line reading of CommonMark, enough to tell prose from the rest: fenced and indented
 * code, HTML comments and tags, link and image targets, reference definitions. Each line is read
 * once; a comment's end is searched for once, and the reading resumes after it.
 */
class MarkdownScanner {
  private fence: { marker: string; length: number } | null = null;
  private inParagraph = false;
  private inList = false;
  private previousBlank = true;
  /** The next "<!--" at or after the reading position (the text's length when there is none), searched for again only once passed. */
  private commentAt = -1;

  constructor(
    private readonly text: string,
    private readonly blanks: Blanks,
  ) {}

  scan(from: number): void {
    const { text } = this;
    let position = from;
    // After a comment that ends mid-line, the rest of that line is inline text.
    let midLine = false;
    while (position < text.length) {
      const newline = text.indexOf('\n', position);
      const lineEnd = newline < 0 ? text.length : newline;
      const resume: number = midLine ? this.inline(position, lineEnd) : this.line(position, lineEnd);
      midLine = resume > lineEnd && resume < text.length;
      position = resume > lineEnd ? resume : lineEnd + 1;
    }
  }

  /** Reads one line from its start; returns where reading continues when a comment runs past the line. */
  private line(start: number, end: number): number {
    const { text } = this;
    const contentEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    const from = afterBlockQuotes(text, start, contentEnd);
    const indent = indentationOf(text, from, contentEnd);
    const first = from + indent.units;
    if (this.fence) {
      if (this.isClosingFence(first, contentEnd, indent.columns)) this.fence = null;
      this.blanks.blank(from, contentEnd);
      return end;
    }
    if (first === contentEnd) {
      this.previousBlank = true;
      this.inParagraph = false;
      return end;
    }
    const blankBefore = this.previousBlank;
    this.previousBlank = false;
    if (this.inList && blankBefore && indent.columns < 2 && !LIST_MARKER.test(text.slice(first, first + 11))) this.inList = false;
    // Indented code cannot interrupt a paragraph, and in a list indentation is the item's.
    if (indent.columns >= 4 && !this.inList && !this.inParagraph) {
      this.blanks.blank(from, contentEnd);
      return end;
    }
    if (indent.columns < 4 || this.inList) {
      const fence = this.openingFence(first, contentEnd);
      if (fence) {
        this.fence = fence;
        this.inParagraph = false;
        this.blanks.blank(from, contentEnd);
        return end;
      }
      REFERENCE_DEFINITION.lastIndex = first;
      if (!this.inParagraph && REFERENCE_DEFINITION.test(text)) {
        this.blanks.blank(from, contentEnd);
        return end;
      }
    }
    if (LIST_MARKER.test(text.slice(first, first + 11))) this.inList = true;
    this.inParagraph = text[first] !== '#';
    return this.inline(first, contentEnd);
  }

  private openingFence(first: number, end: number): { marker: string; length: number } | null {
    const { text } = this;
    const marker = text[first];
    if (marker !== '`' && marker !== '~') return null;
    let length = 0;
    while (first + length < end && text[first + length] === marker) length++;
    if (length < 3) return null;
    // An info string with a backtick makes the backticks inline code, not a fence.
    if (marker === '`') for (let i = first + length; i < end; i++) if (text[i] === '`') return null;
    return { marker, length };
  }

  private isClosingFence(first: number, end: number, indentColumns: number): boolean {
    const fence = this.fence!;
    if (indentColumns >= 4 && !this.inList) return false;
    let length = 0;
    while (first + length < end && this.text[first + length] === fence.marker) length++;
    return length >= fence.length && this.text.slice(first + length, end).trim() === '';
  }

  /** Inline markup in [start, end); returns `end`, or where a comment that runs past the line ends. */
  private inline(start: number, end: number): number {
    const { text } = this;
    let from = start;
    for (;;) {
      if (this.commentAt < from) {
        const next = text.indexOf('<!--', from);
        this.commentAt = next < 0 ? text.length : next;
      }
      const comment = this.commentAt;
      if (comment >= end) {
        this.markup(from, end);
        return end;
      }
      this.markup(from, comment);
      const close = text.indexOf('-->', comment + 4);
      const commentEnd = close < 0 ? text.length : close + 3;
      this.blanks.blank(comment, commentEnd);
      if (commentEnd > end) return commentEnd;
      from = commentEnd;
    }
  }

  /** HTML tags, autolinks, link and image targets and reference labels in [start, end), one line or part of one. */
  private markup(start: number, end: number): void {
    if (start >= end) return;
    this.blankTags(start, end);
    this.blankLinkTargets(start, end);
    this.blankUnderscoreEmphasis(start, end);
  }

  /** "_Xi Jinping_", "__Joe Biden__": the tokenizer takes "_" for part of a word, so emphasis by underscores goes; "snake_case" stays. */
  private blankUnderscoreEmphasis(start: number, end: number): void {
    const { text } = this;
    for (let i = start; i < end; i++) {
      if (text[i] !== '_') continue;
      let runEnd = i;
      while (runEnd < end && text[runEnd] === '_') runEnd++;
      const inWord = i > start && isWordUnit(text, i - 1) && runEnd < end && isWordUnit(text, runEnd);
      if (!inWord) this.blanks.blank(i, runEnd);
      i = runEnd;
    }
  }

  /** "<b>", "</span>", "<a href=…>", "<https://…>": tags go, the text between them stays. */
  private blankTags(start: number, end: number): void {
    const { text } = this;
    let i = start;
    while (i < end) {
      const nameAt = text[i + 1] === '/' ? i + 2 : i + 1;
      if (text[i] !== '<' || nameAt >= end || !isAsciiLetter(text.charCodeAt(nameAt))) {
        i++;
        continue;
      }
      // Up to the next bracket either way: a "<" first means this one opened no tag, and the search goes on from there.
      let j = nameAt;
      while (j < end && text[j] !== '<' && text[j] !== '>') j++;
      if (j < end && text[j] === '>') {
        this.blanks.blank(i, j + 1);
        j++;
      }
      i = j;
    }
  }

  /**
   * "[text](target "title")" keeps its text; "![alt](src)" keeps its alt; "[text][label]" keeps
   * its text. Brackets and parentheses are paired once for the whole stretch, and where the next
   * space and the next non-space are is precomputed, so each candidate is judged in constant time.
   */
  private blankLinkTargets(start: number, end: number): void {
    const { text } = this;
    if (!hasLinkJoint(text, start, end)) return;
    const length = end - start;
    // For each "(" and "[", where it closes; for each "]", where it opened.
    const closerOf = new Int32Array(length).fill(-1);
    const openerOf = new Int32Array(length).fill(-1);
    const parens: number[] = [];
    const brackets: number[] = [];
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH) i++;
      else if (c === OPEN_PAREN) parens.push(i);
      else if (c === OPEN_BRACKET) brackets.push(i);
      else if (c === CLOSE_PAREN && parens.length) closerOf[parens.pop()! - start] = i;
      else if (c === CLOSE_BRACKET && brackets.length) {
        const open = brackets.pop()!;
        openerOf[i - start] = open;
        closerOf[open - start] = i;
      }
    }
    const nextSpace = new Int32Array(length + 1);
    const nextNonSpace = new Int32Array(length + 1);
    nextSpace[length] = nextNonSpace[length] = end;
    for (let i = length - 1; i >= 0; i--) {
      const space = isWhitespace(text.charCodeAt(start + i));
      nextSpace[i] = space ? start + i : nextSpace[i + 1];
      nextNonSpace[i] = space ? nextNonSpace[i + 1] : start + i;
    }

    for (let close = start; close < end - 1; close++) {
      if (text.charCodeAt(close) !== CLOSE_BRACKET) continue;
      const after = close + 1;
      const next = text.charCodeAt(after);
      // The text of a link may begin on an earlier line: its target goes all the same.
      const open = openerOf[close - start];
      const closing = closerOf[after - start];
      const isTarget = next === OPEN_PAREN && closing >= 0 && this.isLinkTarget(after, closing, nextSpace, nextNonSpace, start);
      const isLabel = next === OPEN_BRACKET && closing >= 0 && open >= 0;
      if (!isTarget && !isLabel) continue;
      if (open >= 0) this.blanks.blank(open > start && text[open - 1] === '!' ? open - 1 : open, open + 1);
      this.blanks.blank(close, closing + 1);
      close = closing;
    }
  }

  /** "(target)", "(<target with spaces>)", "(target "title")": a destination without spaces, then maybe a title. */
  private isLinkTarget(open: number, close: number, nextSpace: Int32Array, nextNonSpace: Int32Array, base: number): boolean {
    const { text } = this;
    const first = nextNonSpace[open + 1 - base];
    if (first >= close) return true;
    let destinationEnd: number;
    if (text[first] === '<') {
      // "<…>" holds no "<", so the search stops at the next one and no stretch is searched twice.
      let gt = first + 1;
      while (gt < close && text[gt] !== '>' && text[gt] !== '<') gt++;
      if (text[gt] !== '>') return false;
      destinationEnd = gt + 1;
    } else {
      destinationEnd = Math.min(nextSpace[first - base], close);
    }
    const title = nextNonSpace[destinationEnd - base];
    if (title >= close) return true;
    const quote = text[title];
    const closingQuote = quote === '(' ? ')' : quote;
    if (quote !== '"' && quote !== "'" && quote !== '(') return false;
    let last = close - 1;
    while (last > title && isWhitespace(text.charCodeAt(last))) last--;
    return last > title && text[last] === closingQuote;
  }
}

const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isWordUnit = (text: string, i: number) => /[\p{L}\p{N}]/u.test(text[i]);

/** "](" or "][" somewhere in [start, end). */
function hasLinkJoint(text: string, start: number, end: number): boolean {
  for (let i = start; i < end - 1; i++) if (text[i] === ']' && (text[i + 1] === '(' || text[i + 1] === '[')) return true;
  return false;
}

/** "- ", "* ", "+ ", "1. ", "2) " at the start of a line. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** "[id]: https://… "title"" on a line of its own. */
const REFERENCE_DEFINITION = /\[[^\]\n]{1,999}\]:[ \t]*\S/y;

/** Past "> " markers of block quotes, which hold fences and code as the document does. */
function afterBlockQuotes(text: string, start: number, end: number): number {
  let i = start;
  for (;;) {
    let j = i;
    while (j < end && j - i < 3 && text[j] === ' ') j++;
    if (j >= end || text[j] !== '>') return i;
    i = j + 1;
    if (text[i] === ' ') i++;
  }
}

/** Leading spaces and tabs, in units and in columns (a tab reaches the next multiple of four). */
function indentationOf(text: string, start: number, end: number): { units: number; columns: number } {
  let columns = 0;
  let i = start;
  for (; i < end; i++) {
    if (text[i] === ' ') columns++;
    else if (text[i] === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return { units: i - start, columns };
}
