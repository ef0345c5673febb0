import { uniqueIds } from './ids';
import { KnowledgeBase, personNameKey } from './knowledgeBase';
import { ArticleAnalysis, DateValue, Entity, MeetingKind, MeetingStatus, PlaceType, Role, Span } from './types';

/** One dated role in a person's history, with the articles that state it. */
export interface RoleRecord {
  title: string;
  country: string | null;
  from: string | null;
  to: string | null;
  /** Paths of the articles that give this role, in path order; empty for knowledge-base roles no article states. */
  articles: string[];
  source: 'text' | 'knowledge-base';
  /** A role the reader's knowledge file adds, which no article states. */
  fromKnowledgeFile?: true;
}

/** A person across the whole corpus: one identity, every role, every meeting. */
export interface CorpusPerson {
  id: string;
  name: string;
  kbId?: string;
  /** The country of the latest role an article states, else the one an article gives the person, else the knowledge base's. */
  country: string | null;
  aliases: string[];
  roles: RoleRecord[];
  articles: string[];
  /** Ids of timeline events this person took part in, in timeline order. */
  events: string[];
}

export interface CorpusPlace {
  id: string;
  name: string;
  placeType?: string;
  country: string | null;
  articles: string[];
  /** Ids of timeline events held there, in timeline order. */
  events: string[];
}

/** One article's report of an event. */
export interface EventSource {
  article: string;
  evidence: Span;
  sentence: Span;
  date: DateValue;
  status: MeetingStatus;
  kind: MeetingKind;
}

/** A meeting or visit placed in the corpus timeline, with every article that reports it. */
export interface TimelineEvent {
  /**
   * Unique in the corpus, and stable while the reports it joins are unchanged: the id of its
   * first source, "<path>#<evidence start>:<participants>", with "#2", "#3"… added to the second
   * and later events of an article that share both (a meeting and a visit told in one phrase).
   */
  id: string;
  /** The most precise date a source gives. */
  date: DateValue;
  kind: MeetingKind;
  /** 'held' when any source reports it held. */
  status: MeetingStatus;
  participants: string[];
  /** Person ids, parallel to participants. */
  participantIds: string[];
  place: string | null;
  placeId: string | null;
  /** The first source's article, evidence and sentence. */
  article: string;
  evidence: Span;
  sentence: Span;
  /** Every report of the event, in article order; the first source is among them. */
  sources: EventSource[];
  /** "Han Zheng and Antony Blinken, talks in New York". */
  label: string;
}

export interface CorpusAnalysis {
  articles: ArticleAnalysis[];
  people: CorpusPerson[];
  places: CorpusPlace[];
  timeline: TimelineEvent[];
}

/** What the corpus keeps of one article: what the views and hover cards need, not the mentions. */
export interface ArticleSummary {
  path: string;
  date: DateValue;
  people: SummaryPerson[];
  places: SummaryPlace[];
  events: SummaryEvent[];
  counts: { people: number; places: number; organizations: number; meetings: number };
  notes: string[];
  partial: boolean;
}

export interface SummaryPerson {
  /** Joins the person across articles: "kb:<official id>", "name:<spelling key>" or "id:<entity id>". */
  identity: string;
  entityId: string;
  name: string;
  kbId?: string;
  country: string | null;
  aliases: string[];
  roles: Role[];
}

export interface SummaryPlace {
  id: string;
  name: string;
  placeType?: PlaceType;
  country: string | null;
}

export interface SummaryEvent {
  /** "<path>#<evidence start>:<participants>", unique in the article. */
  id: string;
  /** Events with the same participants and the same kind of contact: the ones that may be one event. */
  group: string;
  participants: string[];
  /** Identities, parallel to participants. */
  identities: string[];
  place: string | null;
  placeId: string | null;
  /** The country the place lies in, when the article says: a visit "to China" and talks "in Beijing" agree. */
  placeCountry: string | null;
  date: DateValue;
  status: MeetingStatus;
  kind: MeetingKind;
  evidence: Span;
  sentence: Span;
}

/** What changed since the last `takeChange()`: for views that refresh only what changed. */
export interface CorpusChange {
  added: TimelineEvent[];
  removed: TimelineEvent[];
  /** Ids of people and places whose records changed, were added or removed. */
  people: string[];
  places: string[];
  articles: string[];
}

interface IdentityState {
  /** The articles naming the person, in path order. */
  paths: string[];
  /** The person's entries in each article (one article may spell the person two ways). */
  entries: Map<string, SummaryPerson[]>;
  /** Event groups this identity takes part in, with how many articles put it there. */
  groups: Map<string, number>;
  person?: CorpusPerson;
}

interface PlaceState {
  /** The articles naming the place, in path order, and what each says of it. */
  paths: string[];
  entries: Map<string, SummaryPlace>;
  place?: CorpusPlace;
}

interface GroupState {
  articles: Map<string, number>;
  events: TimelineEvent[];
}

/** Undated events close the timeline. */
const UNDATED_BUCKET = '~';

/**
 * The articles of a corpus joined: people by knowledge-base identity or spelling, places by id,
 * and reports of one meeting in several articles as one event. Articles come and go one at a
 * time; each change recomputes only the people, places and events it touches, when they are next
 * read. The corpus keeps a summary of each article, not its mentions.
 */
export class Corpus {
  private readonly summaries = new Map<string, ArticleSummary>();
  private readonly identities = new Map<string, IdentityState>();
  private readonly placeStates = new Map<string, PlaceState>();
  private readonly groups = new Map<string, GroupState>();
  private readonly dirtyIdentities = new Set<string>();
  private readonly dirtyPlaces = new Set<string>();
  private readonly dirtyGroups = new Set<string>();
  private readonly personIds = new Map<string, string>();
  private readonly peopleById = new Map<string, CorpusPerson>();
  private readonly eventsById = new Map<string, TimelineEvent>();
  private readonly eventsOfPerson = new Map<string, Set<TimelineEvent>>();
  private readonly eventsOfPlace = new Map<string, Set<TimelineEvent>>();
  /** Events by month ("2009-09"), year ("2009~", for year-only dates) or undated ("~"), each kept in timeline order. */
  private readonly buckets = new Map<string, TimelineEvent[]>();
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private timelineCache: TimelineEvent[] | undefined;
  /** Each event's place in timeline(), to sort a person's or place's events by number. */
  private orderCache: Map<TimelineEvent, number> | undefined;
  private peopleCache: CorpusPerson[] | undefined;
  private placesCache: CorpusPlace[] | undefined;
  private change: { added: Set<TimelineEvent>; removed: Set<TimelineEvent>; people: Set<string>; places: Set<string>; articles: Set<string> } = emptyChange();

  constructor(private knowledgeBase?: KnowledgeBase) {}

  /**
   * People's cards are built from this knowledge base (one with the reader's corrections) from
   * now on. The articles whose analysis it changes are for the caller to set again.
   */
  useKnowledgeBase(knowledgeBase: KnowledgeBase): void {
    if (knowledgeBase === this.knowledgeBase) return;
    this.knowledgeBase = knowledgeBase;
    for (const identity of this.identities.keys()) if (identity.startsWith('kb:')) this.dirtyIdentities.add(identity);
  }

  get size(): number {
    return this.summaries.size;
  }

  has(path: string): boolean {
    return this.summaries.has(path);
  }

  summary(path: string): ArticleSummary | undefined {
    return this.summaries.get(path);
  }

  paths(): IterableIterator<string> {
    return this.summaries.keys();
  }

  /** Adds an article, or replaces the one with the same path. */
  set(analysis: ArticleAnalysis): void {
    this.setSummary(summarize(analysis, this.knowledgeBase));
  }

  /** Adds an article already summarised (read back from a saved index, say); its strings are kept once. */
  setSummary(read: ArticleSummary): void {
    const summary = internSummary(read, this.intern, this.internList);
    const path = summary.path;
    this.delete(path);
    this.summaries.set(path, summary);
    this.link(summary, +1);
  }

  delete(path: string): boolean {
    const summary = this.summaries.get(path);
    if (!summary) return false;
    this.link(summary, -1);
    this.summaries.delete(path);
    return true;
  }

  /** What changed since the last call: events added and removed, people and places touched. */
  takeChange(): CorpusChange {
    this.flush();
    const { added, removed, people, places, articles } = this.change;
    this.change = emptyChange();
    // An event added and removed within one change was never seen.
    const both = [...added].filter((event) => removed.has(event));
    for (const event of both) {
      added.delete(event);
      removed.delete(event);
    }
    return { added: [...added], removed: [...removed], people: [...people], places: [...places], articles: [...articles] };
  }

  /** A person with the ids of their events. */
  person(id: string): CorpusPerson | undefined {
    this.flush();
    const person = this.peopleById.get(id);
    return person && this.withEvents(person, this.eventsOfPerson.get(id));
  }

  /** The corpus id of an article's person: the key the corpus joins people by. */
  personIdOf(entity: Pick<Entity, 'id' | 'name' | 'kbId'>): string | undefined {
    this.flush();
    return this.personIds.get(identityOf(entity, this.knowledgeBase));
  }

  place(id: string): CorpusPlace | undefined {
    this.flush();
    const place = this.placeStates.get(id)?.place;
    return place && this.withEvents(place, this.eventsOfPlace.get(id));
  }

  event(id: string): TimelineEvent | undefined {
    this.flush();
    return this.eventsById.get(id);
  }

  /** A person's events in timeline order. */
  eventsOf(personId: string): TimelineEvent[] {
    this.flush();
    return this.inTimelineOrder(this.eventsOfPerson.get(personId));
  }

  eventsAt(placeId: string): TimelineEvent[] {
    this.flush();
    return this.inTimelineOrder(this.eventsOfPlace.get(placeId));
  }

  /** How many events a person took part in, without listing them. */
  eventCountOf(personId: string): number {
    this.flush();
    return this.eventsOfPerson.get(personId)?.size ?? 0;
  }

  eventCountAt(placeId: string): number {
    this.flush();
    return this.eventsOfPlace.get(placeId)?.size ?? 0;
  }

  people(): CorpusPerson[] {
    this.flush();
    this.peopleCache ??= [...this.peopleById.values()].map((person) => this.withEvents(person, this.eventsOfPerson.get(person.id))).sort(byNameThenId);
    return this.peopleCache;
  }

  places(): CorpusPlace[] {
    this.flush();
    this.placesCache ??= [...this.placeStates.values()]
      .flatMap((state) => (state.place ? [this.withEvents(state.place, this.eventsOfPlace.get(state.place.id))] : []))
      .sort(byNameThenId);
    return this.placesCache;
  }

  /** Every event, dated ones by day, a month-only date after the days of its month, a year-only one after its months, undated last. */
  timeline(): TimelineEvent[] {
    this.flush();
    this.timelineCache ??= this.bucketKeys().flatMap((key) => this.buckets.get(key)!);
    return this.timelineCache;
  }

  /** Keys of the timeline's buckets in order: months ("2009-09"), then each year's year-only events ("2009~"), undated ones ("~") last. */
  bucketKeys(): string[] {
    this.flush();
    return [...this.buckets.keys()].sort();
  }

  bucket(key: string): readonly TimelineEvent[] {
    this.flush();
    return this.buckets.get(key) ?? [];
  }

  /** Every string kept once however many articles repeat it: names, titles, countries, paths. */
  private readonly intern = (text: string): string => {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  };

  /** Lists of strings many articles repeat (a person's aliases, an event's participants) kept once too; never changed. */
  private readonly internList = (list: string[]): string[] => {
    if (list.length === 0) return NO_STRINGS;
    const key = list.join('\u0000');
    const known = this.lists.get(key);
    if (known) return known;
    const kept = list.map(this.intern);
    this.lists.set(key, kept);
    return kept;
  };

  private withEvents<T extends { events: string[] }>(holder: T, events: Set<TimelineEvent> | undefined): T {
    return { ...holder, events: this.inTimelineOrder(events).map((event) => event.id) };
  }

  private inTimelineOrder(events: Set<TimelineEvent> | undefined): TimelineEvent[] {
    if (!events || events.size === 0) return [];
    if (!this.orderCache) {
      const order = new Map<TimelineEvent, number>();
      this.timeline().forEach((event, index) => order.set(event, index));
      this.orderCache = order;
    }
    const order = this.orderCache;
    return [...events].sort((a, b) => order.get(a)! - order.get(b)!);
  }

  private link(summary: ArticleSummary, delta: 1 | -1): void {
    const path = summary.path;
    this.change.articles.add(path);
    for (const person of summary.people) {
      const state = this.identities.get(person.identity) ?? { paths: [], entries: new Map<string, SummaryPerson[]>(), groups: new Map<string, number>() };
      this.identities.set(person.identity, state);
      const entries = state.entries.get(path);
      if (delta < 0) {
        if (entries) removeSorted(state.paths, path);
        state.entries.delete(path);
      } else if (entries) entries.push(person);
      else {
        state.entries.set(path, [person]);
        insertSorted(state.paths, path);
      }
      this.dirtyIdentities.add(person.identity);
    }
    for (const place of summary.places) {
      const state = this.placeStates.get(place.id) ?? { paths: [], entries: new Map<string, SummaryPlace>() };
      this.placeStates.set(place.id, state);
      const known = state.entries.has(path);
      if (delta < 0) {
        if (known) removeSorted(state.paths, path);
        state.entries.delete(path);
      } else if (!known) {
        state.entries.set(path, place);
        insertSorted(state.paths, path);
      }
      this.dirtyPlaces.add(place.id);
    }
    for (const event of summary.events) {
      const group = this.groups.get(event.group) ?? { articles: new Map<string, number>(), events: [] };
      this.groups.set(event.group, group);
      addCount(group.articles, path, delta);
      this.dirtyGroups.add(event.group);
      for (const identity of new Set(event.identities)) {
        const state = this.identities.get(identity);
        if (state) addCount(state.groups, event.group, delta);
      }
    }
  }

  /** Recomputes what changes since the last read touched: people first, as events name them by id. */
  private flush(): void {
    if (this.dirtyIdentities.size === 0 && this.dirtyPlaces.size === 0 && this.dirtyGroups.size === 0) return;
    this.peopleCache = undefined;
    this.placesCache = undefined;
    for (const identity of this.dirtyIdentities) this.rebuildPerson(identity);
    this.dirtyIdentities.clear();
    for (const id of this.dirtyPlaces) this.rebuildPlace(id);
    this.dirtyPlaces.clear();
    for (const key of this.dirtyGroups) this.rebuildGroup(key);
    this.dirtyGroups.clear();
  }

  private rebuildPerson(identity: string): void {
    const state = this.identities.get(identity)!;
    const old = state.person;
    const person = state.paths.length > 0 ? buildPerson(identity, state, this.summaries, this.knowledgeBase) : undefined;
    if (old) {
      if (this.peopleById.get(old.id) === old) this.peopleById.delete(old.id);
      this.change.people.add(old.id);
    }
    // Two spellings the corpus keeps apart may still make one entity id ("Ivanov", "Ivánov").
    if (person && this.peopleById.has(person.id)) person.id = `${person.id}~${identity}`;
    state.person = person;
    if (person) {
      this.peopleById.set(person.id, person);
      this.personIds.set(identity, person.id);
      this.change.people.add(person.id);
    } else {
      this.personIds.delete(identity);
      this.identities.delete(identity);
    }
    // Events name people by id: a new id renames them.
    if (old?.id !== person?.id) for (const group of state.groups.keys()) this.dirtyGroups.add(group);
  }

  private rebuildPlace(id: string): void {
    const state = this.placeStates.get(id)!;
    this.change.places.add(id);
    if (state.paths.length === 0) {
      this.placeStates.delete(id);
      return;
    }
    state.place = buildPlace(id, state);
  }

  private rebuildGroup(key: string): void {
    const group = this.groups.get(key)!;
    const reports: Report[] = [];
    for (const path of group.articles.keys()) {
      for (const event of this.summaries.get(path)!.events) if (event.group === key) reports.push({ article: path, event });
    }
    // Events the change leaves as they were stay the same objects, and are not reported as changed.
    const previous = new Map(group.events.map((event) => [event.id, event]));
    const kept = new Set<TimelineEvent>();
    group.events = mergeReports(reports, (identity) => this.personIds.get(identity) ?? identity).map((event) => {
      const old = previous.get(event.id);
      if (!old || !sameEvent(old, event)) return event;
      previous.delete(event.id);
      kept.add(old);
      return old;
    });
    for (const event of previous.values()) this.removeEvent(event);
    for (const event of group.events) if (!kept.has(event)) this.addEvent(event);
    if (group.articles.size === 0) this.groups.delete(key);
  }

  private addEvent(event: TimelineEvent): void {
    this.eventsById.set(event.id, event);
    for (const id of new Set(event.participantIds)) addTo(this.eventsOfPerson, id, event);
    if (event.placeId) addTo(this.eventsOfPlace, event.placeId, event);
    const key = bucketOf(event.date);
    const bucket = this.buckets.get(key) ?? [];
    this.buckets.set(key, bucket);
    bucket.splice(sortedIndex(bucket, event, compareEvents), 0, event);
    this.timelineCache = undefined;
    this.orderCache = undefined;
    this.change.added.add(event);
    for (const id of event.participantIds) this.change.people.add(id);
    if (event.placeId) this.change.places.add(event.placeId);
  }

  private removeEvent(event: TimelineEvent): void {
    this.eventsById.delete(event.id);
    for (const id of new Set(event.participantIds)) removeFrom(this.eventsOfPerson, id, event);
    if (event.placeId) removeFrom(this.eventsOfPlace, event.placeId, event);
    const key = bucketOf(event.date);
    const bucket = this.buckets.get(key);
    if (bucket) {
      const index = bucket.indexOf(event, sortedIndex(bucket, event, compareEvents));
      if (index >= 0) bucket.splice(index, 1);
      if (bucket.length === 0) this.buckets.delete(key);
    }
    this.timelineCache = undefined;
    this.orderCache = undefined;
    this.change.removed.add(event);
    for (const id of event.participantIds) this.change.people.add(id);
    if (event.placeId) this.change.places.add(event.placeId);
  }
}

const NO_STRINGS: string[] = [];

/**
 * The summary with each string and list many articles repeat replaced, in place, by the one the
 * corpus already keeps: equal values, so nothing that shares the objects sees a difference. Strings
 * that are the article's own (its path, event ids, the reasons for dates) are left as they are.
 */
function internSummary(summary: ArticleSummary, intern: (text: string) => string, internList: (list: string[]) => string[]): ArticleSummary {
  const text = (value: string | null) => (value === null ? null : intern(value));
  const date = (value: DateValue) => {
    value.value = text(value.value);
    value.earliest = text(value.earliest);
    value.latest = text(value.latest);
  };
  date(summary.date);
  for (const person of summary.people) {
    person.identity = intern(person.identity);
    person.entityId = intern(person.entityId);
    person.name = intern(person.name);
    person.country = text(person.country);
    person.aliases = internList(person.aliases);
    if (person.kbId) person.kbId = intern(person.kbId);
    for (const role of person.roles) {
      role.title = intern(role.title);
      role.country = text(role.country);
    }
  }
  for (const place of summary.places) {
    place.id = intern(place.id);
    place.name = intern(place.name);
    place.country = text(place.country);
  }
  for (const event of summary.events) {
    event.group = intern(event.group);
    event.participants = internList(event.participants);
    event.identities = internList(event.identities);
    event.place = text(event.place);
    event.placeId = text(event.placeId);
    event.placeCountry = text(event.placeCountry);
    date(event.date);
  }
  summary.notes = internList(summary.notes);
  return summary;
}

/** Joins articles into one corpus: people by knowledge-base identity or name, and one sorted timeline. */
export function analyzeCorpus(articles: ArticleAnalysis[], knowledgeBase?: KnowledgeBase): CorpusAnalysis {
  const corpus = new Corpus(knowledgeBase);
  for (const article of articles) corpus.set(article);
  return { articles, people: corpus.people(), places: corpus.places(), timeline: corpus.timeline() };
}

/**
 * How the corpus joins a person across articles: the knowledge base's official (also when an
 * article did not link the name to them but gave it the official's id), else the spelling's key,
 * else the entity.
 */
export function identityOf(entity: Pick<Entity, 'id' | 'name' | 'kbId'>, knowledgeBase?: KnowledgeBase): string {
  if (entity.kbId) return `kb:${entity.kbId}`;
  const officialId = entity.id.startsWith('person:') ? entity.id.slice('person:'.length) : '';
  if (officialId && knowledgeBase?.byId(officialId)) return `kb:${officialId}`;
  const key = personNameKey(entity.name);
  return key ? `name:${key}` : `id:${entity.id}`;
}

/** What the corpus keeps of an analysis: no mentions, no organizations, only their counts. */
export function summarize(analysis: ArticleAnalysis, knowledgeBase?: KnowledgeBase): ArticleSummary {
  const path = analysis.path;
  const people: SummaryPerson[] = [];
  const places: SummaryPlace[] = [];
  const identityByName = new Map<string, string>();
  const placeByName = new Map<string, SummaryPlace>();
  const counts = { people: 0, places: 0, organizations: 0, meetings: analysis.meetings.length };
  for (const entity of analysis.entities) {
    if (entity.kind === 'organization') {
      counts.organizations++;
    } else if (entity.kind === 'place') {
      counts.places++;
      const place: SummaryPlace = { id: entity.id, name: entity.name, country: entity.country ?? null };
      if (entity.placeType) place.placeType = entity.placeType;
      places.push(place);
      for (const name of [entity.name, ...(entity.aliases ?? [])]) if (!placeByName.has(name)) placeByName.set(name, place);
    } else {
      counts.people++;
      const identity = identityOf(entity, knowledgeBase);
      identityByName.set(entity.name, identity);
      const person: SummaryPerson = {
        identity,
        entityId: entity.id,
        name: entity.name,
        country: entity.country ?? null,
        aliases: entity.aliases ?? [],
        roles: entity.roles,
      };
      if (entity.kbId) person.kbId = entity.kbId;
      people.push(person);
    }
  }
  const uniqueEventId = uniqueIds('#');
  const events = [...analysis.meetings, ...analysis.visits].map((meeting): SummaryEvent => {
    const identities = meeting.participants.map((name) => identityByName.get(name) ?? `id:person:${name}`);
    const place = meeting.place === null ? null : placeByName.get(meeting.place);
    return {
      id: uniqueEventId(`${path}#${meeting.evidence.start}:${meeting.participants.join('+')}`),
      group: `${[...new Set(identities)].sort().join('|')}/${contactOf(meeting.kind)}`,
      participants: meeting.participants,
      identities,
      place: meeting.place,
      placeId: place?.id ?? null,
      placeCountry: place?.country ?? null,
      date: meeting.date,
      status: meeting.status,
      kind: meeting.kind,
      evidence: meeting.evidence,
      sentence: meeting.sentence,
    };
  });
  return { path, date: analysis.date, people, places, events, counts, notes: analysis.notes, partial: analysis.partial !== undefined };
}

/** A call is not the meeting it may arrange; meetings, talks, visits and summits may be one event told differently. */
function contactOf(kind: MeetingKind): string {
  return kind === 'call' ? 'call' : 'in-person';
}

function buildPerson(identity: string, state: IdentityState, summaries: ReadonlyMap<string, ArticleSummary>, knowledgeBase: KnowledgeBase | undefined): CorpusPerson {
  const first = state.entries.get(state.paths[0])![0];
  const kbId = identity.startsWith('kb:') ? identity.slice('kb:'.length) : undefined;
  const person: CorpusPerson = { id: kbId ? `person:${kbId}` : first.entityId, name: first.name, country: null, aliases: [], roles: [], articles: state.paths.slice(), events: [] };
  if (kbId) person.kbId = kbId;
  const aliases = new Set<string>();
  let statedCountry: string | null = null;
  // Records by lowercased title: a person in thousands of articles has a handful of roles, each stated thousands of times.
  const byTitle = new Map<string, RoleRecord[]>();
  const recordOf = (title: string, country: string | null) => byTitle.get(title.toLowerCase())?.find((r) => r.country === country || !r.country || !country);
  for (const path of state.paths) {
    const { earliest: from, latest: to } = summaries.get(path)!.date;
    for (const entry of state.entries.get(path)!) {
      statedCountry ??= entry.country;
      for (const alias of entry.aliases) aliases.add(alias);
      for (const role of entry.roles) {
        const record = recordOf(role.title, role.country);
        if (record) {
          record.from = minDate(record.from, from);
          record.to = maxDate(record.to, to);
          if (record.articles[record.articles.length - 1] !== path) record.articles.push(path);
        } else {
          const created: RoleRecord = { title: role.title, country: role.country, from, to, articles: [path], source: 'text' };
          person.roles.push(created);
          pushTo(byTitle, role.title.toLowerCase(), created);
        }
      }
    }
  }
  person.aliases = [...aliases].sort();
  const official = kbId ? knowledgeBase?.byId(kbId) : undefined;
  for (const role of official?.roles ?? []) {
    const record = recordOf(role.title, role.country);
    if (record) {
      record.from = role.from;
      record.to = role.to;
    } else {
      person.roles.push({ title: role.title, country: role.country, from: role.from, to: role.to, articles: [], source: 'knowledge-base', ...(role.fromKnowledgeFile ? { fromKnowledgeFile: true as const } : {}) });
    }
  }
  person.roles.sort((a, b) => compareDates(a.from, b.from));
  const latestStated = [...person.roles].reverse().find((role) => role.articles.length > 0 && role.country);
  const latestKnown = [...person.roles].reverse().find((role) => role.country);
  person.country = latestStated?.country ?? statedCountry ?? latestKnown?.country ?? null;
  return person;
}

function buildPlace(id: string, state: PlaceState): CorpusPlace {
  const first = state.entries.get(state.paths[0])!;
  const place: CorpusPlace = { id, name: first.name, country: first.country, articles: state.paths.slice(), events: [] };
  if (first.placeType) place.placeType = first.placeType;
  for (const path of state.paths) {
    if (place.country !== null) break;
    place.country = state.entries.get(path)!.country;
  }
  return place;
}

interface Report {
  article: string;
  event: SummaryEvent;
}

interface Cluster {
  reports: Report[];
  /** The most precise date so far: every report's date agrees with it. */
  date: DateValue;
  place: string | null;
  placeCountry: string | null;
  articles: Set<string>;
}

/**
 * Reports of one group (same participants, same kind of contact) joined into events: a report
 * joins an event from other articles when its date agrees (the same day, or a month holding that
 * day) and so does its place (the same, one unknown, or a city in the other's country). Reports
 * dated only by year, or not at all, stay events of their own, as do two reports in one article:
 * the engine already joined what one article says twice.
 */
function mergeReports(reports: Report[], personId: (identity: string) => string): TimelineEvent[] {
  reports.sort((a, b) => precisionOrder(a.event.date) - precisionOrder(b.event.date) || compareReports(a, b));
  const clusters: Cluster[] = [];
  const byMonth = new Map<string, Cluster[]>();
  for (const report of reports) {
    const { date } = report.event;
    const joinable = date.value !== null && (date.precision === 'day' || date.precision === 'month');
    const candidates = joinable ? (byMonth.get(date.value!.slice(0, 7)) ?? []) : [];
    const cluster = candidates.find((c) => agrees(c, report));
    if (cluster) {
      cluster.reports.push(report);
      cluster.articles.add(report.article);
      if (cluster.place === null && report.event.place !== null) {
        cluster.place = report.event.place;
        cluster.placeCountry = report.event.placeCountry;
      }
      continue;
    }
    const created: Cluster = { reports: [report], date, place: report.event.place, placeCountry: report.event.placeCountry, articles: new Set([report.article]) };
    clusters.push(created);
    if (joinable) pushTo(byMonth, date.value!.slice(0, 7), created);
  }
  return clusters.map((cluster) => toEvent(cluster, personId));
}

function agrees(cluster: Cluster, report: Report): boolean {
  const { event } = report;
  if (cluster.articles.has(report.article)) return false;
  const a = cluster.date.value!;
  const b = event.date.value!;
  if (!(a.startsWith(b) || b.startsWith(a))) return false;
  if (cluster.place === null || event.place === null) return true;
  return samePlace(cluster.place, event.place) || samePlace(cluster.placeCountry, event.place) || samePlace(cluster.place, event.placeCountry);
}

function samePlace(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
}

function toEvent(cluster: Cluster, personId: (identity: string) => string): TimelineEvent {
  const [first] = cluster.reports;
  const { event } = first;
  const sources = cluster.reports
    .slice()
    .sort(compareReports)
    .map(({ article, event: e }): EventSource => ({ article, evidence: e.evidence, sentence: e.sentence, date: e.date, status: e.status, kind: e.kind }));
  const status: MeetingStatus = cluster.reports.some((r) => r.event.status === 'held') ? 'held' : 'planned';
  const placeReport = cluster.reports.find((r) => r.event.place !== null);
  const what = status === 'planned' ? `planned ${event.kind}` : event.kind;
  const names = event.participants;
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');
  const place = placeReport?.event.place ?? null;
  return {
    id: event.id,
    date: event.date,
    kind: event.kind,
    status,
    participants: names,
    participantIds: event.identities.map(personId),
    place,
    placeId: placeReport?.event.placeId ?? null,
    article: first.article,
    evidence: event.evidence,
    sentence: event.sentence,
    sources,
    label: `${who}, ${what}${place ? ` in ${place}` : ''}`,
  };
}

/** Whether two versions of an event show the same: ids, dates, places, people and sources. */
function sameEvent(a: TimelineEvent, b: TimelineEvent): boolean {
  return (
    a.label === b.label &&
    a.status === b.status &&
    a.placeId === b.placeId &&
    sameDate(a.date, b.date) &&
    a.participantIds.join('\u0000') === b.participantIds.join('\u0000') &&
    a.sources.length === b.sources.length &&
    a.sources.every((source, i) => {
      const other = b.sources[i];
      return (
        source.article === other.article &&
        source.status === other.status &&
        source.kind === other.kind &&
        sameDate(source.date, other.date) &&
        sameSpan(source.evidence, other.evidence) &&
        sameSpan(source.sentence, other.sentence)
      );
    })
  );
}

function sameDate(a: DateValue, b: DateValue): boolean {
  return a.value === b.value && a.precision === b.precision && a.earliest === b.earliest && a.latest === b.latest && a.basis === b.basis;
}

function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

function compareReports(a: Report, b: Report): number {
  return compareText(a.article, b.article) || a.event.evidence.start - b.event.evidence.start || compareText(a.event.id, b.event.id);
}

/** Days before months before years before nothing: the most precise report leads its event. */
function precisionOrder(date: DateValue): number {
  return date.value === null ? 3 : date.precision === 'day' ? 0 : date.precision === 'month' ? 1 : 2;
}

/** The timeline's bucket of a date: its month, its year when only that is known, or undated. */
function bucketOf(date: DateValue): string {
  const value = date.value ?? date.earliest;
  if (value === null) return UNDATED_BUCKET;
  return date.precision === 'year' || value.length < 7 ? `${value.slice(0, 4)}~` : value.slice(0, 7);
}

/**
 * Sorts "2009-09-28" before "2009-09~" (a month-only date) before "2009~" (a year-only date):
 * what is known only roughly comes after what is known exactly within the same period.
 */
function sortKeyOf(date: DateValue): string {
  const value = date.value ?? date.earliest;
  if (value === null) return UNDATED_BUCKET;
  if (date.precision === 'day' || value.length >= 10) return value.slice(0, 10);
  return `${date.precision === 'month' ? value.slice(0, 7) : value.slice(0, 4)}~`;
}

/** Timeline order: by date as above, then by article and place in it. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return compareText(sortKeyOf(a.date), sortKeyOf(b.date)) || compareText(a.article, b.article) || a.evidence.start - b.evidence.start || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name) || compareText(a.id, b.id);
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** Inserts `text` into the sorted `list` (code-unit order), which holds it at most once. */
function insertSorted(list: string[], text: string): void {
  list.splice(sortedIndex(list, text, compareText), 0, text);
}

function removeSorted(list: string[], text: string): void {
  const index = sortedIndex(list, text, compareText);
  if (list[index] === text) list.splice(index, 1);
}

/** Where `item` is, or belongs, in `list` sorted by `compare`: the first place not before it. */
function sortedIndex<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function addCount(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}

function addTo<V>(index: Map<string, Set<V>>, key: string, value: V): void {
  const members = index.get(key);
  if (members) members.add(value);
  else index.set(key, new Set([value]));
}

function pushTo<V>(index: Map<string, V[]>, key: string, value: V): void {
  const members = index.get(key);
  if (members) members.push(value);
  else index.set(key, [value]);
}

function removeFrom<V>(index: Map<string, Set<V>>, key: string, value: V): void {
  const members = index.get(key);
  if (!members) return;
  members.delete(value);
  if (members.size === 0) index.delete(key);
}

function emptyChange() {
  return { added: new Set<TimelineEvent>(), removed: new Set<TimelineEvent>(), people: new Set<string>(), places: new Set<string>(), articles: new Set<string>() };
}
