import { Corpus, CorpusPerson, CorpusPlace, TimelineEvent } from './corpus';
import { KbRole, KnowledgeBase, Official, sameCountry, titlesMatch } from './knowledgeBase';
import { MeetingKind, MeetingStatus, Role } from './types';

/** How the export tells how precisely an event is dated: the engine's precision, or 'undated'. */
export type ExportDatePrecision = 'day' | 'month' | 'year' | 'undated';

/** Where a participant's role on the event's date comes from: the event's own articles, or the knowledge base. */
export type RoleSource = 'text' | 'knowledge-base';

/**
 * One timeline event as a row of the export, in ICEWS's spirit: who met whom, when, where, in
 * what capacity, and the words that say so. Lists are parallel to `participants`; a null in
 * them is "not known". Offsets are UTF-16 code units into `evidence_article`, end exclusive.
 */
export interface EventRow {
  event_id: string;
  date: string | null;
  date_precision: ExportDatePrecision;
  kind: MeetingKind;
  status: MeetingStatus;
  participants: string[];
  participant_kb_ids: Array<string | null>;
  participant_roles: Array<string | null>;
  participant_role_sources: Array<RoleSource | null>;
  participant_countries: Array<string | null>;
  place: string | null;
  place_id: string | null;
  place_country: string | null;
  source_count: number;
  source_articles: string[];
  evidence_article: string;
  evidence_sentence: string | null;
  evidence_start: number;
  evidence_end: number;
  sentence_start: number;
  sentence_end: number;
}

/** The columns of every export, in order: the CSV header, and the keys of each JSON object. */
export const EVENT_COLUMNS: ReadonlyArray<keyof EventRow> = [
  'event_id',
  'date',
  'date_precision',
  'kind',
  'status',
  'participants',
  'participant_kb_ids',
  'participant_roles',
  'participant_role_sources',
  'participant_countries',
  'place',
  'place_id',
  'place_country',
  'source_count',
  'source_articles',
  'evidence_article',
  'evidence_sentence',
  'evidence_start',
  'evidence_end',
  'sentence_start',
  'sentence_end',
];

/** What joins the values of a list in one CSV cell. */
export const CSV_LIST_SEPARATOR = '; ';

/** Cells a spreadsheet would read as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** What the row builder reads of the corpus: a Corpus has all of it. */
export type ExportCorpus = Pick<Corpus, 'summary' | 'people' | 'places' | 'personIdOf'>;

export interface EventRowContext {
  corpus: ExportCorpus;
  /** The officials whose tenures give a role on the event's date when its articles state none (or one not yet held). */
  knowledgeBase?: KnowledgeBase;
  /** Evidence sentences by event id (see readEvidenceSentences); an event missing here has a null sentence. */
  sentences: ReadonlyMap<string, string>;
  /** How an article is named in the export (in event ids too); by default its corpus path as it is. */
  articleName?: (article: string) => string;
}

/** The people and places of the corpus by id, looked up once: corpus.person() sorts the person's events on every call. */
interface Lookup extends EventRowContext {
  people: ReadonlyMap<string, CorpusPerson>;
  places: ReadonlyMap<string, CorpusPlace>;
  /** Each article's roles by corpus person id, built when an event first asks (see rolesByPerson). */
  articleRoles: Map<string, ReadonlyMap<string, readonly Role[]>>;
}

/** The export's row of each event, in the order given. */
export function eventRows(events: Iterable<TimelineEvent>, context: EventRowContext): EventRow[] {
  const lookup: Lookup = {
    ...context,
    people: new Map(context.corpus.people().map((person) => [person.id, person])),
    places: new Map(context.corpus.places().map((place) => [place.id, place])),
    articleRoles: new Map(),
  };
  const rows: EventRow[] = [];
  for (const event of events) rows.push(eventRow(event, lookup));
  return rows;
}

function eventRow(event: TimelineEvent, lookup: Lookup): EventRow {
  const name = lookup.articleName ?? ((article: string) => article);
  const people = event.participantIds.map((id) => lookup.people.get(id));
  const roles = people.map((person, i) => roleOnDate(event, event.participantIds[i], person?.kbId, lookup));
  // Sources are in article order; the leading article, the one that dates the event, goes first.
  const articles = [event.article, ...event.sources.map((source) => source.article).filter((article) => article !== event.article)];
  return {
    // An id starts with its article's corpus path: the article's name there keeps ids and articles alike.
    event_id: event.id.startsWith(event.article) ? `${name(event.article)}${event.id.slice(event.article.length)}` : event.id,
    date: event.date.value,
    date_precision: event.date.value === null ? 'undated' : (event.date.precision ?? precisionOf(event.date.value)),
    kind: event.kind,
    status: event.status,
    participants: event.participants,
    participant_kb_ids: people.map((person) => person?.kbId ?? null),
    participant_roles: roles.map((role) => role?.title ?? null),
    participant_role_sources: roles.map((role) => role?.source ?? null),
    participant_countries: roles.map((role, i) => role?.country ?? people[i]?.country ?? null),
    place: event.place,
    place_id: event.placeId,
    place_country: event.placeId === null ? null : (lookup.places.get(event.placeId)?.country ?? null),
    source_count: event.sources.length,
    source_articles: articles.map(name),
    evidence_article: name(event.article),
    evidence_sentence: lookup.sentences.get(event.id) ?? null,
    evidence_start: event.evidence.start,
    evidence_end: event.evidence.end,
    sentence_start: event.sentence.start,
    sentence_end: event.sentence.end,
  };
}

function precisionOf(value: string): ExportDatePrecision {
  return value.length >= 10 ? 'day' : value.length >= 7 ? 'month' : 'year';
}

/**
 * The role a participant held on the event's date: the first role an article reporting the event
 * states for them, unless the knowledge base knows that post and has them not holding it then
 * ("President Xi" in 2013 telling of his 2012 visit, when he was Vice President); else the
 * knowledge base's post in force on that date (the most recently begun, when several are); for
 * an undated event, else the role an article reporting it filled in from the knowledge base for its own date.
 */
function roleOnDate(event: TimelineEvent, personId: string, kbId: string | undefined, lookup: Lookup): { title: string; country: string | null; source: RoleSource } | null {
  const { knowledgeBase } = lookup;
  const official = kbId === undefined ? undefined : knowledgeBase?.byId(kbId);
  const date = event.date.value;
  const inForce = official && date !== null ? knowledgeBase!.rolesOn(official, date) : undefined;
  let filledIn: Role | undefined;
  for (const role of rolesInSources(event, personId, lookup)) {
    if (role.source === 'knowledge-base') filledIn ??= role;
    else if (!(official && inForce && contradicted(role, official, inForce))) return { title: role.title, country: role.country, source: 'text' };
  }
  if (inForce && inForce.length > 0) {
    const latest = inForce.reduce((a, b) => ((b.from ?? '') > (a.from ?? '') ? b : a));
    return { title: latest.title, country: latest.country, source: 'knowledge-base' };
  }
  return date === null && filledIn ? { title: filledIn.title, country: filledIn.country, source: 'knowledge-base' } : null;
}

/** The roles the event's articles give the person, the leading article's first, read only as far as asked. */
function* rolesInSources(event: TimelineEvent, personId: string, lookup: Lookup): Generator<Role> {
  const articles = new Set([event.article, ...event.sources.map((source) => source.article)]);
  for (const article of articles) yield* rolesByPerson(article, lookup).get(personId) ?? [];
}

/**
 * The roles an article gives each person, by corpus person id, in the article's order. Built once
 * an article: else each participant of each event resolves every person of every source article
 * again, which grows with the product of an event's sources and their people.
 */
function rolesByPerson(article: string, lookup: Lookup): ReadonlyMap<string, readonly Role[]> {
  const known = lookup.articleRoles.get(article);
  if (known) return known;
  const { corpus } = lookup;
  const roles = new Map<string, Role[]>();
  for (const entry of corpus.summary(article)?.people ?? []) {
    const personId = corpus.personIdOf({ id: entry.entityId, name: entry.name, kbId: entry.kbId });
    if (personId === undefined || entry.roles.length === 0) continue;
    const list = roles.get(personId);
    if (list) list.push(...entry.roles);
    else roles.set(personId, [...entry.roles]);
  }
  lookup.articleRoles.set(article, roles);
  return roles;
}

/** Whether the knowledge base records the stated post for this official but not in force on the date. */
function contradicted(role: Role, official: Official, inForce: KbRole[]): boolean {
  const same = (held: KbRole) => titlesMatch(role.title, held.title) && (!role.country || sameCountry(held.country, role.country));
  return official.roles.some(same) && !inForce.some(same);
}

/**
 * Each event's evidence sentence, by event id. Articles are read one at a time, each once, and
 * their text is not kept: a corpus of thousands of articles is never held whole. `textOf` gives
 * the very text the corpus analysed, or undefined when it has none (unreadable, or changed since
 * it was analysed): the offsets hold only in that text. One too short for them gives none.
 */
export async function readEvidenceSentences(
  events: Iterable<TimelineEvent>,
  textOf: (article: string) => Promise<string | undefined> | string | undefined,
  isCancelled: () => boolean = () => false,
): Promise<Map<string, string>> {
  const byArticle = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const list = byArticle.get(event.article);
    if (list) list.push(event);
    else byArticle.set(event.article, [event]);
  }
  const sentences = new Map<string, string>();
  for (const [article, list] of byArticle) {
    if (isCancelled()) break;
    const text = await textOf(article);
    if (text === undefined) continue;
    for (const { id, sentence } of list) if (sentence.end <= text.length) sentences.set(id, text.slice(sentence.start, sentence.end));
  }
  return sentences;
}

export interface CsvOptions {
  /**
   * For spreadsheets: a UTF-8 byte order mark first (Excel then reads the file as UTF-8), and a
   * "'" before any cell that starts with = + - @, tab or CR, so that no article's words run as a formula.
   */
  spreadsheet?: boolean;
}

/** The rows as RFC 4180 CSV: a header, CRLF after every record, lists joined with "; ". */
export function writeEventsCsv(rows: Iterable<EventRow>, write: (text: string) => void, options: CsvOptions = {}): void {
  const cell = (value: EventRow[keyof EventRow]) => csvField(cellText(value), options.spreadsheet === true);
  write(`${options.spreadsheet ? '\ufeff' : ''}${EVENT_COLUMNS.map((column) => csvField(column, false)).join(',')}\r\n`);
  for (const row of rows) write(`${EVENT_COLUMNS.map((column) => cell(row[column])).join(',')}\r\n`);
}

/** The rows as one JSON array, a row to a line. `stringify` may escape more than JSON.stringify does. */
export function writeEventsJson(rows: Iterable<EventRow>, write: (text: string) => void, stringify: (row: EventRow) => string = JSON.stringify): void {
  let first = true;
  write('[');
  for (const row of rows) {
    write(`${first ? '' : ','}\n${stringify(row)}`);
    first = false;
  }
  write(first ? ']\n' : '\n]\n');
}

/** The rows as JSON Lines: one JSON object a line. */
export function writeEventsJsonLines(rows: Iterable<EventRow>, write: (text: string) => void, stringify: (row: EventRow) => string = JSON.stringify): void {
  for (const row of rows) write(`${stringify(row)}\n`);
}

function cellText(value: EventRow[keyof EventRow]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((item) => item ?? '').join(CSV_LIST_SEPARATOR);
  return String(value);
}

/** A field quoted when it holds a quote, a comma or a line end, its quotes doubled (RFC 4180, 2.6 and 2.7). */
function csvField(text: string, guardFormulas: boolean): string {
  const safe = guardFormulas && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
