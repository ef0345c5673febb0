import { DatePrecision, DateValue, Span } from './types';

/** A date the article states about itself, in a dateline, a stamp or a full date on one of its first lines. */
export interface StatedDate {
  year: number | null;
  month: number | null;
  day: number | null;
  span: Span;
  kind: 'dateline' | 'stamp';
  text: string;
}

/** An interval some evidence allows, with a short reason ("Steinberg Deputy Secretary of State 2009-01-28..2011-07-29"). */
export interface DateEvidence {
  earliest: string | null;
  latest: string | null;
  reason: string;
}

/** A date expression found in a sentence; spans are UTF-16 offsets into the whole document. */
export interface DateMention {
  span: Span;
  text: string;
}

export type Tense = 'past' | 'future' | 'unknown';

// Days are counted from 1970-01-01 (UTC) so that intervals are plain integer ranges.
const MS_PER_DAY = 86_400_000;

/** Years a news article or the meetings it reports can fall in: from the oldest newspapers to plans ten years ahead. */
export const PLAUSIBLE_YEARS = { earliest: 1800, latest: new Date().getUTCFullYear() + 10 } as const;

export function isPlausibleYear(year: number): boolean {
  return year >= PLAUSIBLE_YEARS.earliest && year <= PLAUSIBLE_YEARS.latest;
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function partsOf(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
function weekdayOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthStart(year: number, month: number): number {
  return dayNumber(year, month, 1);
}

function monthEnd(year: number, month: number): number {
  return dayNumber(year, month, daysInMonth(year, month));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

function isoDay(day: number): string {
  const p = partsOf(day);
  return `${isoMonth(p.year, p.month)}-${pad(p.day)}`;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Reads "2009", "2009-09" or "2009-09-29" as the first or last day it covers. */
function parseIsoBound(text: string | null, edge: 'start' | 'end'): number | null {
  const match = text ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text.trim()) : null;
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    return isValidDay(year, month, day) ? dayNumber(year, month, day) : null;
  }
  if (match[2]) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return null;
    return edge === 'start' ? monthStart(year, month) : monthEnd(year, month);
  }
  return edge === 'start' ? dayNumber(year, 1, 1) : dayNumber(year, 12, 31);
}

function describeInterval(earliest: number | null, latest: number | null): string {
  if (earliest !== null && earliest === latest) return isoDay(earliest);
  return `${earliest === null ? '…' : isoDay(earliest)}..${latest === null ? '…' : isoDay(latest)}`;
}

/** The value is as precise as the interval allows: a day, a month, a year, or nothing. */
function dateValueOf(earliest: number | null, latest: number | null, basis: string): DateValue {
  let value: string | null = null;
  let precision: DatePrecision | null = null;
  if ((earliest !== null && !isPlausibleYear(partsOf(earliest).year)) || (latest !== null && !isPlausibleYear(partsOf(latest).year))) {
    return { value: null, precision: null, earliest: null, latest: null, basis: `${basis}; outside the years ${PLAUSIBLE_YEARS.earliest}..${PLAUSIBLE_YEARS.latest}, so no date` };
  }
  if (earliest !== null && latest !== null && earliest <= latest) {
    const a = partsOf(earliest);
    const b = partsOf(latest);
    if (earliest === latest) {
      value = isoDay(earliest);
      precision = 'day';
    } else if (a.year === b.year && a.month === b.month) {
      value = isoMonth(a.year, a.month);
      precision = 'month';
    } else if (a.year === b.year) {
      value = pad(a.year, 4);
      precision = 'year';
    }
  }
  return {
    value,
    precision,
    earliest: earliest === null ? null : isoDay(earliest),
    latest: latest === null ? null : isoDay(latest),
    basis,
  };
}

// ---------------------------------------------------------------------------
// Month and weekday names

const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "January", "Jan.", "Sept", "sep" -> 1..12. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w === 'sept') return 9;
  const index = MONTH_NAMES.findIndex((name) => name === w || (w.length === 3 && name.startsWith(w)));
  return index < 0 ? null : index + 1;
}

const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December';
// Full names come first so that "June" is not read as "Jun" followed by "e".
const MONTH_WORD = `(?:(?:${MONTH_FULL})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)(?![A-Za-z])`;
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const FULL_DATE =
  `(?:\\d{4}-\\d{2}-\\d{2}|\\d{4}/\\d{2}/\\d{2}` +
  `|${MONTH_WORD}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4}` +
  `|\\d{1,2}[ \\t]+${MONTH_WORD},?[ \\t]+\\d{4})(?!\\d)`;

/** Either case for the first letter, for words that may open a sentence. */
function anyCase(word: string): string {
  return `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`;
}

/** Reads the date in a dateline or stamp: an ISO date, or a month name with a day and maybe a year. */
function parseDateText(text: string): { year: number | null; month: number; day: number } | null {
  const iso = /(?<!\d)(\d{4})[-/](\d{2})[-/](\d{2})(?!\d)/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isPlausibleYear(year) && isValidDay(year, month, day) ? { year, month, day } : null;
  }
  // The month is the word next to the day ("Jan. 31", "3 March"), not a place such as "MAR DEL PLATA".
  const nextToNumber = text.matchAll(/[A-Za-z]+(?=\.?[ \t]+\d)|(?<=\d[ \t]+)[A-Za-z]+/g);
  const month = [...nextToNumber].map((word) => monthNumber(word[0])).find((n) => n !== null);
  if (month === undefined || month === null) return null;
  const numbers = text.match(/\d+/g) ?? [];
  const yearText = numbers.find((n) => n.length === 4);
  const dayText = numbers.find((n) => n.length <= 2);
  if (dayText === undefined) return null;
  const year = yearText === undefined ? null : Number(yearText);
  if (year !== null && !isPlausibleYear(year)) return null;
  const day = Number(dayText);
  // Without a year, February 29 must stay possible.
  return isValidDay(year ?? 2000, month, day) ? { year, month, day } : null;
}

// ---------------------------------------------------------------------------
// Dates the article states about itself

/** Datelines and a first-line date are only looked for near the top, where wire copy puts them. */
const HEAD_LENGTH = 2000;

const DATELINE = new RegExp(
  '^[ \\t]*(' +
    // Place: capitalised words, optionally a state abbreviation ("SAN FRANCISCO, Calif.").
    "(?:[A-Z][A-Za-z.'’\\-]*(?:[ \\t]+[A-Z][A-Za-z.'’\\-]*)*(?:,[ \\t]+[A-Z][a-z]*\\.)?,[ \\t]+)?" +
    `${MONTH_WORD}[ \\t]+\\d{1,2}(?:,[ \\t]*\\d{4})?)` +
    '(?:[ \\t]*\\([^()\\r\\n]{1,40}\\))?[ \\t]*(?:--|—|–|-)(?=\\s|$)',
  'gm',
);

// The captured stamp is the tail of the match, which gives its offset without the 'd' flag.
const STAMP = new RegExp(
  '(?:^|[|·•])[ \\t]*(' +
    '(?:Last[ \\t]+)?(?:Updated|Published|Posted|Released|Modified|Date)(?:[ \\t]+on)?[ \\t]*:?[ \\t]*' +
    `(?:${WEEKDAY},?[ \\t]+)?${FULL_DATE})`,
  'gm',
);

// A full date alone on one of the first three lines, after a headline, optionally after its place ("Moscow, March 3, 2022").
const TOP_DATE = new RegExp(
  `^(?:[^\\r\\n]{0,200}\\r?\\n){0,2}?[ \\t]*(?:[A-Z][A-Za-z.'’ -]{0,40},[ \\t]+)?((?:${WEEKDAY},?[ \\t]+)?${FULL_DATE})[^\\r\\n]{0,20}(?:\\r?\\n|$)`,
);

function statedDateFrom(text: string, start: number, kind: StatedDate['kind']): StatedDate | null {
  const date = parseDateText(text);
  if (!date) return null;
  return { year: date.year, month: date.month, day: date.day, span: { start, end: start + text.length }, kind, text };
}

/** Where the article's first line with text starts: blank lines before it, such as a markdown file's blanked front matter, come before the article. */
export function articleStart(text: string): number {
  const firstText = text.search(/\S/);
  return firstText < 0 ? 0 : text.lastIndexOf('\n', firstText) + 1;
}

/** Where the article's dateline ("WASHINGTON, Jan. 31 (Xinhua) --") or top date line ("Moscow, March 3, 2022") begins, if it has one. */
export function datelineStart(text: string): number | null {
  const offset = articleStart(text);
  const head = text.slice(offset, offset + HEAD_LENGTH);
  DATELINE.lastIndex = 0;
  const dateline = DATELINE.exec(head);
  if (dateline) return offset + dateline.index + dateline[0].search(/\S/);
  const top = TOP_DATE.exec(head);
  return top ? offset + top.index + top[0].lastIndexOf(top[1]) : null;
}

/**
 * A date the article states about itself: a dateline ("WASHINGTON, Jan. 31 (Xinhua) --"), a stamp
 * ("Updated: 2013-05-28 15:18") or a full date alone on one of the first lines. A full date wins over a
 * dateline without a year; otherwise the earliest in the text wins.
 */
export function findStatedDate(text: string): StatedDate | null {
  const offset = articleStart(text);
  const head = text.slice(offset, offset + HEAD_LENGTH);
  const found: StatedDate[] = [];

  DATELINE.lastIndex = 0;
  const dateline = DATELINE.exec(head);
  if (dateline) {
    const start = offset + dateline.index + dateline[0].search(/\S/);
    const stated = statedDateFrom(dateline[1], start, 'dateline');
    if (stated) found.push(stated);
  }

  STAMP.lastIndex = 0;
  for (let stamp = STAMP.exec(text); stamp; stamp = STAMP.exec(text)) {
    const stated = statedDateFrom(stamp[1], stamp.index + stamp[0].length - stamp[1].length, 'stamp');
    if (stated) {
      found.push(stated);
      break;
    }
  }

  const top = TOP_DATE.exec(head);
  if (top) {
    const stated = statedDateFrom(top[1], offset + top.index + top[0].lastIndexOf(top[1]), 'stamp');
    if (stated) found.push(stated);
  }

  found.sort((a, b) => Number(b.year !== null) - Number(a.year !== null) || a.span.start - b.span.start);
  return found[0] ?? null;
}

// ---------------------------------------------------------------------------
// Article date from stated date and evidence

interface Bound {
  earliest: number | null;
  latest: number | null;
  reason: string;
}

function overlaps(a: Bound, b: Bound): boolean {
  return !(
    (a.earliest !== null && b.latest !== null && a.earliest > b.latest) ||
    (b.earliest !== null && a.latest !== null && b.earliest > a.latest)
  );
}

interface Intersection {
  earliest: number | null;
  latest: number | null;
  /** "2009-01-28..2009-12-31 from <reason> and <reason>", or null without usable evidence. */
  summary: string | null;
  /** What was left out and why. */
  dropped: string[];
}

/**
 * Intersects the evidence. Intervals that overlap pairwise have a common part, so conflicts are
 * removed one at a time: the evidence that conflicts with the most others goes first, and on a tie
 * the one listed later (callers list their strongest evidence first).
 */
function intersectEvidence(evidence: DateEvidence[]): Intersection {
  const dropped: string[] = [];
  let kept: Bound[] = [];
  for (const item of evidence) {
    const bound = {
      earliest: parseIsoBound(item.earliest, 'start'),
      latest: parseIsoBound(item.latest, 'end'),
      reason: item.reason,
    };
    if (bound.earliest !== null && bound.latest !== null && bound.earliest > bound.latest) {
      dropped.push(`dropped '${item.reason}' (ends before it starts)`);
    } else if (bound.earliest !== null || bound.latest !== null) {
      kept.push(bound);
    }
  }

  for (;;) {
    const conflicts = kept.map((a) => kept.filter((b) => b !== a && !overlaps(a, b)).length);
    const most = Math.max(0, ...conflicts);
    if (most === 0) break;
    const weakest = conflicts.lastIndexOf(most);
    dropped.push(`dropped '${kept[weakest].reason}' (conflicts with ${most} other evidence)`);
    kept = kept.filter((_, i) => i !== weakest);
  }

  const starts = kept.flatMap((b) => (b.earliest === null ? [] : [b.earliest]));
  const ends = kept.flatMap((b) => (b.latest === null ? [] : [b.latest]));
  const earliest = starts.length ? Math.max(...starts) : null;
  const latest = ends.length ? Math.min(...ends) : null;
  if (!kept.length) return { earliest, latest, summary: null, dropped };

  const from = kept.find((b) => earliest !== null && b.earliest === earliest);
  const to = kept.find((b) => latest !== null && b.latest === latest);
  const reasons = [...new Set([from, to].filter((b): b is Bound => b !== undefined).map((b) => b.reason))];
  const summary = `evidence ${describeInterval(earliest, latest)} from ${reasons.join(' and ')}`;
  return { earliest, latest, summary, dropped };
}

function describeStated(stated: StatedDate): string {
  return `${stated.kind} '${stated.text}'`;
}

/**
 * The article's date. A stated full date wins. Otherwise the evidence intervals are intersected
 * (conflicting evidence is dropped and named in the basis). A stated month/day then picks its year
 * inside that interval; when several years fit, none is guessed: the value stays at the precision
 * the fitting dates share (usually none) and the basis lists the candidates, because a guessed year
 * shown at day precision would look certain.
 */
export function inferArticleDate(text: string, evidence: DateEvidence[]): DateValue {
  const stated = findStatedDate(text);
  const range = intersectEvidence(evidence);
  const notes = (parts: (string | null)[]): string => [...parts, ...range.dropped].filter(Boolean).join('; ');

  if (stated && stated.year !== null && stated.month !== null && stated.day !== null) {
    const day = dayNumber(stated.year, stated.month, stated.day);
    const outside =
      range.summary !== null &&
      ((range.earliest !== null && day < range.earliest) || (range.latest !== null && day > range.latest));
    return dateValueOf(day, day, notes([describeStated(stated), outside ? `disagrees with ${range.summary}` : null]));
  }

  if (stated && stated.month !== null && stated.day !== null) {
    if (range.earliest === null || range.latest === null) {
      const why = range.summary ? `${range.summary} is open-ended` : 'no evidence dates the article';
      return dateValueOf(range.earliest, range.latest, notes([`${describeStated(stated)} states no year`, why]));
    }
    const fits: number[] = [];
    for (let year = partsOf(range.earliest).year; year <= partsOf(range.latest).year; year++) {
      if (!isValidDay(year, stated.month, stated.day)) continue;
      const day = dayNumber(year, stated.month, stated.day);
      if (day >= range.earliest && day <= range.latest) fits.push(day);
    }
    if (fits.length === 1) {
      const year = partsOf(fits[0]).year;
      return dateValueOf(fits[0], fits[0], notes([`${describeStated(stated)} in ${year}, the only year that fits ${range.summary}`]));
    }
    if (fits.length > 1) {
      const years = fits.map((day) => partsOf(day).year).join(', ');
      return dateValueOf(fits[0], fits[fits.length - 1], notes([`${describeStated(stated)} fits ${years} within ${range.summary}; year left open`]));
    }
    return dateValueOf(range.earliest, range.latest, notes([`${describeStated(stated)} fits no year in ${range.summary}; dateline ignored`]));
  }

  if (range.summary === null) {
    return dateValueOf(null, null, notes(['no dateline, stamp or dated evidence']));
  }
  return dateValueOf(range.earliest, range.latest, notes([`no dateline or stamp; ${range.summary}`]));
}

// ---------------------------------------------------------------------------
// Date expressions in a sentence

const MODIFIER = `(?:${anyCase('early')}|${anyCase('mid')}|${anyCase('late')})`;
// Bare "May", "March" and "August" are also ordinary words; they count only after a preposition.
const PLAIN_MONTH = '(?:January|February|April|June|July|September|October|November|December)';
const WORDY_MONTH = '(?:May|March|August)';
const MONTH_PREPOSITION = ['in', 'since', 'until', 'by', 'during', 'of', 'from', 'through', 'before', 'after', 'last', 'next', 'this']
  .map(anyCase)
  .join('|');

const MENTION = new RegExp(
  '(?<![\\w-])(?:' +
    [
      '\\d{4}-\\d{2}-\\d{2}',
      `${MONTH_WORD}[ \\t]+\\d{1,2}(?:st|nd|rd|th)?(?:,?[ \\t]+\\d{4})?`,
      `\\d{1,2}[ \\t]+(?:${MONTH_FULL})(?:,?[ \\t]+\\d{4})?`,
      `(?:${MODIFIER}(?:-|[ \\t]+))?(?:${MONTH_FULL}),?[ \\t]+\\d{4}`,
      `(?:${anyCase('last')}|${anyCase('next')}|${anyCase('this')})[ \\t]+(?:${MONTH_FULL})`,
      `${MODIFIER}(?:-|[ \\t]+)(?:${MONTH_FULL})`,
      PLAIN_MONTH,
      `(?<=\\b(?:${MONTH_PREPOSITION})[ \\t]+)${WORDY_MONTH}`,
      `(?:${anyCase('early')}[ \\t]+|${anyCase('late')}[ \\t]+)?${WEEKDAY}` +
        `(?:(?:[ \\t]*,[ \\t]*|[ \\t]+(?:and|or|to)[ \\t]+)${WEEKDAY})*` +
        '(?:[ \\t]+(?:morning|afternoon|evening|night))?',
      `(?:(?:${anyCase('earlier')}|${anyCase('later')})[ \\t]+this|${anyCase('last')}|${anyCase('next')}|${anyCase('this')})` +
        '[ \\t]+(?:weekend|week|month|year)(?!-)',
      `${anyCase('today')}|${anyCase('tonight')}|${anyCase('yesterday')}|${anyCase('tomorrow')}`,
      // A bare year after a preposition ("in 1994", "back to 1994") or as the date of a noun ("their 1994 talks").
      `(?<=\\b(?:${['in', 'since', 'until', 'during', 'to', 'by', 'before', 'after', 'from', 'their', 'the', 'his', 'her', 'its'].map(anyCase).join('|')})[ \\t]+)(?:1[89]|20)\\d{2}(?![-/.,]?\\d)`,
    ].join('|') +
    ')(?!\\w)',
  'g',
);

/** Date expressions in a stretch of text (a sentence); `offset` is where that stretch starts in the document. */
export function findDateMentions(text: string, offset = 0): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const start = offset + (match.index ?? 0);
    mentions.push({ span: { start, end: start + match[0].length }, text: match[0] });
  }
  return mentions;
}

// ---------------------------------------------------------------------------
// Resolving an expression against the article date

interface Interval {
  earliest: number;
  latest: number;
}

/** What is known of the article date, as day bounds. */
interface Anchor {
  earliest: number | null;
  latest: number | null;
  /** The day itself, when the article date is known to the day. */
  day: number | null;
  year: number | null;
}

function anchorOf(date: DateValue): Anchor {
  return {
    earliest: parseIsoBound(date.earliest, 'start') ?? parseIsoBound(date.value, 'start'),
    latest: parseIsoBound(date.latest, 'end') ?? parseIsoBound(date.value, 'end'),
    day: date.precision === 'day' ? parseIsoBound(date.value, 'start') : null,
    year: date.value && date.precision ? Number(date.value.slice(0, 4)) : null,
  };
}

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_RE = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MODIFIER_RE = '(?:(early|mid|late)(?:-| ))?';

/** early = days 1-10, mid = 11-20, late = 21 to the end of the month. */
function monthPart(year: number, month: number, modifier: string | undefined): Interval {
  const last = daysInMonth(year, month);
  const [from, to] = modifier === 'early' ? [1, 10] : modifier === 'mid' ? [11, 20] : modifier === 'late' ? [21, last] : [1, last];
  return { earliest: dayNumber(year, month, from), latest: dayNumber(year, month, to) };
}

/** early = January-April, mid = May-August, late = September-December. */
function yearPart(year: number, modifier: string | undefined): Interval {
  const [from, to] = modifier === 'early' ? [1, 4] : modifier === 'mid' ? [5, 8] : modifier === 'late' ? [9, 12] : [1, 12];
  return { earliest: monthStart(year, from), latest: monthEnd(year, to) };
}

function weekStart(day: number): number {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** How an expression turns an article day into an interval. */
type DayRule = (day: number) => Interval;

/** Expressions that need the article's day: weekdays, "yesterday", "last week", "last weekend"... */
function nearDayRule(expression: string, tense: Tense): DayRule | null {
  switch (expression) {
    case 'today':
    case 'tonight':
      return (day) => ({ earliest: day, latest: day });
    case 'yesterday':
      return (day) => ({ earliest: day - 1, latest: day - 1 });
    case 'tomorrow':
      return (day) => ({ earliest: day + 1, latest: day + 1 });
    case 'this week':
      return (day) => ({ earliest: weekStart(day), latest: weekStart(day) + 6 });
    case 'last week':
      return (day) => ({ earliest: weekStart(day) - 7, latest: weekStart(day) - 1 });
    case 'next week':
      return (day) => ({ earliest: weekStart(day) + 7, latest: weekStart(day) + 13 });
    case 'earlier this week':
      return (day) => ({ earliest: weekStart(day), latest: day });
    case 'later this week':
      return (day) => ({ earliest: day, latest: weekStart(day) + 6 });
    case 'this weekend':
      return (day) => ({ earliest: weekStart(day) + 5, latest: weekStart(day) + 6 });
    case 'next weekend':
      return (day) => ({ earliest: weekStart(day) + 12, latest: weekStart(day) + 13 });
    case 'last weekend':
      return (day) => {
        const sunday = day - (weekdayOf(day) || 7);
        return { earliest: sunday - 1, latest: sunday };
      };
  }
  const weekdayList = new RegExp(
    `^(?:(?:early|late) )?${WEEKDAY_RE}(?:(?: ?, ?| and | or | to )${WEEKDAY_RE})*(?: (?:morning|afternoon|evening|night))?$`,
  );
  if (!weekdayList.test(expression)) return null;
  const named = (expression.match(new RegExp(WEEKDAY_RE, 'g')) ?? []).map((w) => WEEKDAY_NAMES.indexOf(w));
  const first = named[0];
  const last = named[named.length - 1];
  const length = (last - first + 7) % 7;
  // Future: the first named day on or after the article day; past: the last named day on or before
  // it; unknown (a present tense: "begins a visit on Tuesday"): whichever of the two is nearer.
  const ahead = (day: number) => {
    const start = day + ((first - weekdayOf(day) + 7) % 7);
    return { earliest: start, latest: start + length };
  };
  const behind = (day: number) => {
    const end = day - ((weekdayOf(day) - last + 7) % 7);
    return { earliest: end - length, latest: end };
  };
  if (tense === 'future') return ahead;
  if (tense === 'past') return behind;
  return (day) => (ahead(day).earliest - day < day - behind(day).latest ? ahead(day) : behind(day));
}

function shiftedMonth(day: number, shift: number): Interval {
  const { year, month } = partsOf(day);
  const shifted = new Date(Date.UTC(year, month - 1 + shift, 1));
  return monthPart(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, undefined);
}

/** Expressions relative to the article's month or year: "last month", "later this year", "last December". */
function calendarRule(expression: string): DayRule | null {
  const yearOf = (day: number): number => partsOf(day).year;
  switch (expression) {
    case 'this month':
      return (day) => shiftedMonth(day, 0);
    case 'last month':
      return (day) => shiftedMonth(day, -1);
    case 'next month':
      return (day) => shiftedMonth(day, 1);
    case 'earlier this month':
      return (day) => ({ earliest: shiftedMonth(day, 0).earliest, latest: day });
    case 'later this month':
      return (day) => ({ earliest: day, latest: shiftedMonth(day, 0).latest });
    case 'this year':
      return (day) => yearPart(yearOf(day), undefined);
    case 'last year':
      return (day) => yearPart(yearOf(day) - 1, undefined);
    case 'next year':
      return (day) => yearPart(yearOf(day) + 1, undefined);
    case 'earlier this year':
      return (day) => ({ earliest: yearPart(yearOf(day), undefined).earliest, latest: day });
    case 'later this year':
      return (day) => ({ earliest: day, latest: yearPart(yearOf(day), undefined).latest });
  }
  const relativeMonth = new RegExp(`^(last|next|this) ${MONTH_RE}$`).exec(expression);
  if (!relativeMonth) return null;
  const which = relativeMonth[1];
  const named = monthNumber(relativeMonth[2]) ?? 1;
  // "last December" is the latest December before the article's month; "next March" the first after it.
  return (day) => {
    const { year, month } = partsOf(day);
    const shift = which === 'last' ? (named < month ? 0 : -1) : which === 'next' ? (named > month ? 0 : 1) : 0;
    return monthPart(year + shift, named, undefined);
  };
}

/** A month name, possibly with a day or early/mid/late, without a year. */
interface NamedMonth {
  month: number;
  day: number | null;
  modifier: string | undefined;
}

function parseNamedMonth(expression: string): NamedMonth | null {
  const monthDay = new RegExp(`^${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?$`).exec(expression);
  const dayMonth = new RegExp(`^(\\d{1,2}) ${MONTH_RE}$`).exec(expression);
  const bare = new RegExp(`^${MODIFIER_RE}${MONTH_RE}$`).exec(expression);
  if (monthDay) return { month: monthNumber(monthDay[1]) ?? 1, day: Number(monthDay[2]), modifier: undefined };
  if (dayMonth) return { month: monthNumber(dayMonth[2]) ?? 1, day: Number(dayMonth[1]), modifier: undefined };
  if (bare) return { month: monthNumber(bare[2]) ?? 1, day: null, modifier: bare[1] };
  return null;
}

function namedMonthIn(year: number, named: NamedMonth): Interval | null {
  if (named.day === null) return monthPart(year, named.month, named.modifier);
  if (!isValidDay(year, named.month, named.day)) return null;
  const day = dayNumber(year, named.month, named.day);
  return { earliest: day, latest: day };
}

/**
 * A month name means that month of the article's year unless the tense rules it out: a past
 * event cannot start after the article, a future one cannot end before it.
 */
function namedMonthInterval(named: NamedMonth, year: number, earliest: number, latest: number, tense: Tense): Interval | null {
  const same = namedMonthIn(year, named);
  if (!same) return null;
  if (tense === 'past' && same.earliest > latest) return namedMonthIn(year - 1, named);
  if (tense === 'future' && same.latest < earliest) return namedMonthIn(year + 1, named);
  return same;
}

/** Intervals for expressions that need no article date: "2013-05-28", "March 16, 1987", "June 2012", "2012". */
function absoluteInterval(expression: string): Interval | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(expression);
  if (iso) {
    if (!isPlausibleYear(Number(iso[1]))) return null;
    const day = parseIsoBound(iso[0], 'start');
    return day === null ? null : { earliest: day, latest: day };
  }
  const full = new RegExp(`^(?:${MONTH_RE} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2} ${MONTH_RE},? \\d{4})$`).exec(expression);
  if (full) {
    const date = parseDateText(expression);
    if (!date || date.year === null) return null;
    const day = dayNumber(date.year, date.month, date.day);
    return { earliest: day, latest: day };
  }
  const monthYear = new RegExp(`^${MODIFIER_RE}${MONTH_RE},? (\\d{4})$`).exec(expression);
  if (monthYear) return isPlausibleYear(Number(monthYear[3])) ? monthPart(Number(monthYear[3]), monthNumber(monthYear[2]) ?? 1, monthYear[1]) : null;
  const year = new RegExp(`^${MODIFIER_RE}(\\d{4})$`).exec(expression);
  if (year) return isPlausibleYear(Number(year[2])) ? yearPart(Number(year[2]), year[1]) : null;
  return null;
}

function normaliseExpression(expression: string): string {
  return expression
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '')
    .replace(/^(?:on|in|at|during) /, '');
}

/**
 * Resolves a date expression against the article date, at the precision the two together justify.
 * Expressions tied to the article's day (weekdays, "yesterday", "last week") keep the article's own
 * precision when its day is unknown. `tense` decides which way weekday and month names point:
 * past means on or before the article date, future means on or after it.
 */
export function resolveDateExpression(expression: string, articleDate: DateValue, tense: Tense): DateValue {
  const said = normaliseExpression(expression);
  const quoted = `'${expression.trim()}'`;
  const result = (interval: Interval | null, why: string): DateValue =>
    interval
      ? dateValueOf(interval.earliest, interval.latest, `${quoted} ${why} → ${describeInterval(interval.earliest, interval.latest)}`)
      : dateValueOf(null, null, `${quoted} ${why}`);

  const absolute = absoluteInterval(said);
  if (absolute) return result(absolute, 'is a calendar date');

  const anchor = anchorOf(articleDate);
  const articleLabel = articleDate.value ?? describeInterval(anchor.earliest, anchor.latest);

  const nearDay = nearDayRule(said, tense);
  if (nearDay && anchor.day !== null) return result(nearDay(anchor.day), `from article date ${articleLabel}`);
  if (nearDay) {
    const known = articleDate.precision ? `only to the ${articleDate.precision}` : 'not at all';
    return { ...articleDate, basis: `${quoted} needs the article's day, which is known ${known} (${articleLabel})` };
  }

  const calendar = calendarRule(said);
  if (calendar) {
    if (anchor.earliest === null || anchor.latest === null) return result(null, 'needs an article date, which is unknown');
    const interval = { earliest: calendar(anchor.earliest).earliest, latest: calendar(anchor.latest).latest };
    return result(interval, `from article date ${articleLabel}`);
  }

  const named = parseNamedMonth(said);
  if (named) {
    if (anchor.earliest === null || anchor.latest === null) return result(null, 'needs an article date, which is unknown');
    const tenseNote = tense === 'unknown' ? '' : `, ${tense}`;
    if (anchor.year !== null) {
      const interval = namedMonthInterval(named, anchor.year, anchor.earliest, anchor.latest, tense);
      return result(interval, `in the year of article date ${articleLabel}${tenseNote}`);
    }
    // The article's year is open: the expression may fall anywhere between its readings at either end.
    const atStart = namedMonthInterval(named, partsOf(anchor.earliest).year, anchor.earliest, anchor.earliest, tense);
    const atEnd = namedMonthInterval(named, partsOf(anchor.latest).year, anchor.latest, anchor.latest, tense);
    return result(atStart && atEnd && { earliest: atStart.earliest, latest: atEnd.latest }, `relative to article dates ${articleLabel}${tenseNote}`);
  }

  return result(null, 'is not a date expression Attaché resolves');
}
