import bundledEventData from '../../data/kb/events.json';
import type { Span } from './types';

/** A dated international event an article may mention without giving its date. */
export interface KnownEvent {
  /** Unique slug: "g20-2018-buenos-aires", "china-us-2009-09-22-new-york". */
  id: string;
  /** "G20", "APEC", "BRICS", "UNGA", "NATO", "G7", "G8" or "China-US" for bilateral visits and talks. */
  series: string;
  name: string;
  aliases: string[];
  /** City or venue; null when the event was held by video link without a host city. */
  place: string | null;
  /** Venues, regions and nearby cities news also uses for it ("Nusa Dua", "Mar-a-Lago", "California"). */
  placeAliases: string[];
  /** Host country; null when there was none. */
  country: string | null;
  /** First and last day, ISO "YYYY-MM-DD". */
  from: string;
  to: string;
  /** Ids of officials in the officials knowledge base; [] for multilateral events. */
  participants: string[];
  /** Caveats a reader should see: "held by video link", "end of the general debate approximate". */
  note?: string;
}

/** Every field narrows the result; partial dates ("2018-06", "2019") are read as intervals. */
export interface EventQuery {
  series?: string;
  /** Matched against the city, its aliases and the host country. */
  place?: string;
  country?: string;
  /** All of these must have taken part. */
  participants?: string[];
  /** The event must end on or after this day. */
  earliest?: string | null;
  /** The event must start on or before this day. */
  latest?: string | null;
}

export interface EventCue {
  series: string;
  /** The place written right after the series ("in India", "in San Francisco"), as written. */
  place?: string;
  /** Where the series is named in the sentence. */
  span: Span;
}

const SCHEMA = 'attache-events/1';
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Other names articles use for host countries, so a place query finds the event either way. */
const COUNTRY_SYNONYMS: Record<string, string> = {
  'us': 'united states',
  'usa': 'united states',
  'america': 'united states',
  'united states of america': 'united states',
  'uk': 'united kingdom',
  'britain': 'united kingdom',
  'great britain': 'united kingdom',
  'korea': 'south korea',
  'republic of korea': 'south korea',
  'russian federation': 'russia',
  'turkiye': 'turkey',
  'holland': 'netherlands',
  'viet nam': 'vietnam',
  'czechia': 'czech republic',
  'prc': 'china',
  "people's republic of china": 'china',
};

/** Case, accents, dots and hyphens vary between articles: "Washington, D.C." = "Washington DC", "Évian" = "Evian". */
function placeKey(name: string): string {
  const key = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[.,]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim()
    .replace(/^the /, '');
  return COUNTRY_SYNONYMS[key] ?? key;
}

/** "G-20", "g20" and "G20" name one series. */
function seriesKey(series: string): string {
  return series.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** The event an entry describes, or the reason it cannot be used. */
function readEvent(entry: unknown): KnownEvent | string {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'is not an object';
  const e = entry as Record<string, unknown>;
  if (typeof e.id !== 'string' || !SLUG.test(e.id)) return "'id' is not a lowercase slug";
  if (!isNonEmptyString(e.series)) return "'series' is missing";
  if (!isNonEmptyString(e.name)) return "'name' is missing";
  if (e.aliases !== undefined && !isStringList(e.aliases)) return "'aliases' is not a list of names";
  if (e.place !== null && !isNonEmptyString(e.place)) return "'place' is neither a name nor null";
  if (e.placeAliases !== undefined && !isStringList(e.placeAliases)) return "'placeAliases' is not a list of names";
  if (e.country !== null && !isNonEmptyString(e.country)) return "'country' is neither a name nor null";
  if (!isIsoDay(e.from)) return "'from' is not a YYYY-MM-DD date";
  if (!isIsoDay(e.to)) return "'to' is not a YYYY-MM-DD date";
  if (e.from > e.to) return `'from' ${e.from} is after 'to' ${e.to}`;
  if (e.participants !== undefined && !(isStringList(e.participants) && e.participants.every((p) => SLUG.test(p)))) {
    return "'participants' is not a list of official ids";
  }
  if (e.note !== undefined && typeof e.note !== 'string') return "'note' is not text";
  const event: KnownEvent = {
    id: e.id,
    series: e.series,
    name: e.name,
    aliases: e.aliases ?? [],
    place: e.place,
    placeAliases: e.placeAliases ?? [],
    country: e.country,
    from: e.from,
    to: e.to,
    participants: e.participants ?? [],
  };
  if (e.note !== undefined) event.note = e.note;
  return event;
}

export class EventCatalog {
  private static bundledCatalog: EventCatalog | undefined;
  private readonly placeKeys: Map<KnownEvent, Set<string>>;

  private constructor(private readonly events: readonly KnownEvent[]) {
    this.placeKeys = new Map(
      events.map((event) => {
        const names = [event.place, event.country, ...event.placeAliases].filter((n): n is string => n !== null);
        return [event, new Set(names.map(placeKey))];
      }),
    );
  }

  /** The catalog shipped in data/kb/events.json; its validity is checked by the unit tests. */
  static bundled(): EventCatalog {
    EventCatalog.bundledCatalog ??= EventCatalog.fromData(bundledEventData).catalog;
    return EventCatalog.bundledCatalog;
  }

  /** Never throws: unusable entries are skipped and described in `problems`. */
  static fromData(data: unknown): { catalog: EventCatalog; problems: string[] } {
    const problems: string[] = [];
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { catalog: new EventCatalog([]), problems: ['event data is not an object'] };
    }
    const root = data as Record<string, unknown>;
    if (root.schema !== SCHEMA) {
      return { catalog: new EventCatalog([]), problems: [`event data schema is ${JSON.stringify(root.schema)}, expected "${SCHEMA}"`] };
    }
    if (!Array.isArray(root.events)) {
      return { catalog: new EventCatalog([]), problems: ["event data has no 'events' list"] };
    }
    const events: KnownEvent[] = [];
    const seen = new Set<string>();
    root.events.forEach((entry: unknown, index: number) => {
      const result = readEvent(entry);
      const rawId = (entry as { id?: unknown } | null)?.id;
      const label = typeof rawId === 'string' ? `events[${index}] "${rawId}"` : `events[${index}]`;
      if (typeof result === 'string') {
        problems.push(`${label} skipped: ${result}`);
      } else if (seen.has(result.id)) {
        problems.push(`${label} skipped: duplicate id`);
      } else {
        seen.add(result.id);
        events.push(result);
      }
    });
    events.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
    return { catalog: new EventCatalog(events), problems };
  }

  get size(): number {
    return this.events.length;
  }

  all(): readonly KnownEvent[] {
    return this.events;
  }

  byId(id: string): KnownEvent | undefined {
    return this.events.find((event) => event.id === id);
  }

  /** Events matching every given field, earliest first. */
  find(query: EventQuery): KnownEvent[] {
    const series = query.series ? seriesKey(query.series) : null;
    const place = query.place ? placeKey(query.place) : null;
    const country = query.country ? placeKey(query.country) : null;
    const participants = query.participants ?? [];
    const { earliest, latest } = query;
    return this.events.filter(
      (event) =>
        (series === null || seriesKey(event.series) === series) &&
        (place === null || this.placeKeys.get(event)!.has(place)) &&
        (country === null || (event.country !== null && placeKey(event.country) === country)) &&
        participants.every((id) => event.participants.includes(id)) &&
        // Comparing equal-length prefixes reads a partial bound as the whole month or year.
        (!earliest || event.to.slice(0, earliest.length) >= earliest) &&
        (!latest || event.from.slice(0, latest.length) <= latest),
    );
  }
}

/** How each series is written; acronyms are case-sensitive so ordinary words do not match. */
const SERIES_PATTERNS: Array<{ series: string; pattern: RegExp }> = [
  { series: 'G20', pattern: /\bG-?20\b|\bGroup of (?:20|[Tt]wenty)\b/g },
  { series: 'APEC', pattern: /\b(?:APEC|Apec)\b|\bAsia[- ]Pacific Economic Cooperation\b/g },
  { series: 'UNGA', pattern: /\b(?:United Nations|UN|U\.N\.)\s+General\s+Assembly\b|\bUNGA\b/g },
  { series: 'BRICS', pattern: /\b(?:BRICS?|Brics)\b/g },
  { series: 'NATO', pattern: /\b(?:NATO|Nato)\s+(?:leaders['’]?\s+)?[Ss]ummit\b/g },
  { series: 'G7', pattern: /\bG-?7\b|\bGroup of (?:7|[Ss]even)\b/g },
  { series: 'G8', pattern: /\bG-?8\b|\bGroup of (?:8|[Ee]ight)\b/g },
];

/**
 * After the series: a few words such as "summit", "leaders'" or "last week", then "in"/"at" and a
 * capitalised name, possibly several words joined by "de", "of"... ("Rio de Janeiro").
 */
const PLACE_AFTER_SERIES =
  /^(?:\s+(?!(?:in|at|and|or|but|with|which|where|when|that|who|while|after|before)\b)(?:[a-z][\p{L}'’-]*|Summit|Leaders['’]?|Meeting|Economic|\d{4}|[Tt]his|[Ll]ast)){0,4}?\s+(?:in|at)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:de|da|do|del|di|la|of)\s+)?\p{Lu}[\p{L}'’.-]*)*)/u;

/** Names that follow "in"/"at" like a place but give a time, or the institution hosting the meeting. */
const NOT_PLACES = new Set([
  'United Nations', 'UN', 'U.N.',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
]);

function placeAfter(rest: string): string | undefined {
  const match = PLACE_AFTER_SERIES.exec(rest);
  if (!match) return undefined;
  // "in Japan's Hiroshima": the possessor is the place named right after the series.
  let place = match[1].replace(/['’]s\b.*$/, '');
  // A sentence-final dot is punctuation, but the dots of "D.C." or "St. Petersburg" are part of the name.
  const lastWord = place.slice(place.lastIndexOf(' ') + 1);
  if (lastWord.endsWith('.') && lastWord.indexOf('.') === lastWord.length - 1 && lastWord.length > 3) {
    place = place.slice(0, -1);
  }
  const firstWord = place.split(/\s+/)[0].replace(/\.$/, '');
  return NOT_PLACES.has(firstWord) || NOT_PLACES.has(place) ? undefined : place;
}

/** Summit series the sentence names, in order, each with the place written right after it when there is one. */
export function eventCuesIn(sentence: string): EventCue[] {
  const found: EventCue[] = [];
  for (const { series, pattern } of SERIES_PATTERNS) {
    for (const match of sentence.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const place = placeAfter(sentence.slice(end));
      found.push(place === undefined ? { series, span: { start, end } } : { series, place, span: { start, end } });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  // One cue per series and place; a bare repeat adds nothing when the series already came with a place.
  const kept: EventCue[] = [];
  for (const cue of found) {
    const sameSeries = kept.filter((k) => k.series === cue.series);
    if (sameSeries.some((k) => k.place === cue.place)) continue;
    if (cue.place === undefined && sameSeries.length > 0) continue;
    const placeless = kept.findIndex((k) => k.series === cue.series && k.place === undefined);
    if (cue.place !== undefined && placeless >= 0) kept.splice(placeless, 1);
    kept.push(cue);
  }
  return kept;
}
