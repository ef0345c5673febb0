import { uniqueIds } from './ids';
import { KnowledgeBase, personNameKey } from './knowledgeBase';
import { ArticleAnalysis, DateValue, Meeting, MeetingKind, MeetingStatus, Span } from './types';

/** One dated role in a person's history, with the articles that state it. */
export interface RoleRecord {
  title: string;
  country: string | null;
  from: string | null;
  to: string | null;
  /** Paths of the articles that give this role; empty for knowledge-base roles no article states. */
  articles: string[];
  source: 'text' | 'knowledge-base';
}

/** A person across the whole corpus: one identity, every role, every meeting. */
export interface CorpusPerson {
  id: string;
  name: string;
  kbId?: string;
  country: string | null;
  aliases: string[];
  roles: RoleRecord[];
  articles: string[];
  /** Ids of timeline events this person took part in. */
  events: string[];
}

export interface CorpusPlace {
  id: string;
  name: string;
  placeType?: string;
  country: string | null;
  articles: string[];
  /** Ids of timeline events held there. */
  events: string[];
}

/** A meeting placed in the corpus timeline, with where to read about it. */
export interface TimelineEvent {
  /**
   * Unique in the corpus, and stable while the article's text is unchanged:
   * "<path>#<evidence start>:<participants>", with "#2", "#3"… added to the second and later
   * events of an article that share both (a meeting and a visit told in one phrase).
   */
  id: string;
  date: DateValue;
  kind: MeetingKind;
  status: MeetingStatus;
  participants: string[];
  /** Person ids, parallel to participants. */
  participantIds: string[];
  place: string | null;
  article: string;
  evidence: Span;
  sentence: Span;
  /** "Han Zheng and Antony Blinken, talks in New York". */
  label: string;
}

export interface CorpusAnalysis {
  articles: ArticleAnalysis[];
  people: CorpusPerson[];
  places: CorpusPlace[];
  timeline: TimelineEvent[];
}

/** Joins articles into one corpus: people by knowledge-base identity or name, and one sorted timeline. */
export function analyzeCorpus(articles: ArticleAnalysis[], knowledgeBase?: KnowledgeBase): CorpusAnalysis {
  const people = new Map<string, CorpusPerson>();
  const places = new Map<string, CorpusPlace>();
  const placeByName = new Map<string, CorpusPlace>();
  const personIdByName = new Map<string, string>();
  // One person outside the knowledge base under two spellings of a given name ("Yury"/"Yuri Ushakov") is one identity.
  const idByNameKey = new Map<string, string>();
  const idBySpelling = (name: string, id: string): string => {
    const key = personNameKey(name);
    if (!key) return id;
    const known = idByNameKey.get(key);
    if (known) return known;
    idByNameKey.set(key, id);
    return id;
  };
  const timeline: TimelineEvent[] = [];
  // Each list of paths or aliases beside a set of what it holds, so adding is constant time
  // however many articles share a person or a place.
  const listed = new Map<string[], Set<string>>();
  const addOnce = (list: string[], item: string) => {
    let members = listed.get(list);
    if (!members) listed.set(list, (members = new Set(list)));
    if (members.has(item)) return;
    members.add(item);
    list.push(item);
  };
  const uniqueEventId = uniqueIds('#');

  for (const article of articles) {
    for (const entity of article.entities) {
      if (entity.kind === 'place') {
        const place = places.get(entity.id) ?? { id: entity.id, name: entity.name, placeType: entity.placeType, country: entity.country ?? null, articles: [], events: [] };
        addOnce(place.articles, article.path);
        places.set(entity.id, place);
        placeByName.set(place.name, place);
        continue;
      }
      if (entity.kind !== 'person') continue;
      const id = entity.kbId ? `person:${entity.kbId}` : idBySpelling(entity.name, entity.id);
      const person = people.get(id) ?? { id, name: entity.name, kbId: entity.kbId, country: entity.country ?? null, aliases: [], roles: [], articles: [], events: [] };
      people.set(id, person);
      personIdByName.set(`${article.path}\u0000${entity.name}`, id);
      addOnce(person.articles, article.path);
      person.country ??= entity.country ?? null;
      for (const alias of entity.aliases ?? []) addOnce(person.aliases, alias);
      for (const role of entity.roles) {
        const record = findRole(person.roles, role.title, role.country);
        const from = article.date.earliest;
        const to = article.date.latest;
        if (record && record.source === 'text') {
          record.from = minDate(record.from, from);
          record.to = maxDate(record.to, to);
          addOnce(record.articles, article.path);
        } else if (record) {
          addOnce(record.articles, article.path);
        } else {
          person.roles.push({ title: role.title, country: role.country, from, to, articles: [article.path], source: 'text' });
        }
      }
    }
    for (const meeting of [...article.meetings, ...article.visits]) {
      const event = toEvent(article, meeting, uniqueEventId, (name) => personIdByName.get(`${article.path}\u0000${name}`) ?? `person:${name}`);
      timeline.push(event);
      event.participantIds.forEach((id) => people.get(id)?.events.push(event.id));
      if (meeting.place) placeByName.get(meeting.place)?.events.push(event.id);
    }
  }

  if (knowledgeBase) {
    for (const person of people.values()) {
      const official = person.kbId ? knowledgeBase.byId(person.kbId) : undefined;
      if (!official) continue;
      for (const role of official.roles) {
        const record = findRole(person.roles, role.title, role.country);
        if (record) {
          record.from = role.from;
          record.to = role.to;
          record.source = record.articles.length ? record.source : 'knowledge-base';
        } else {
          person.roles.push({ title: role.title, country: role.country, from: role.from, to: role.to, articles: [], source: 'knowledge-base' });
        }
      }
    }
  }
  for (const person of people.values()) person.roles.sort((a, b) => compareDates(a.from, b.from));
  timeline.sort(compareEvents);
  return { articles, people: [...people.values()], places: [...places.values()], timeline };
}

function toEvent(article: ArticleAnalysis, meeting: Meeting, uniqueId: (id: string) => string, idOf: (name: string) => string): TimelineEvent {
  const what = meeting.status === 'planned' ? `planned ${meeting.kind}` : meeting.kind;
  const who = meeting.participants.length > 1 ? `${meeting.participants.slice(0, -1).join(', ')} and ${meeting.participants[meeting.participants.length - 1]}` : meeting.participants[0] ?? '';
  return {
    id: uniqueId(`${article.path}#${meeting.evidence.start}:${meeting.participants.join('+')}`),
    date: meeting.date,
    kind: meeting.kind,
    status: meeting.status,
    participants: meeting.participants,
    participantIds: meeting.participants.map(idOf),
    place: meeting.place,
    article: article.path,
    evidence: meeting.evidence,
    sentence: meeting.sentence,
    label: `${who}, ${what}${meeting.place ? ` in ${meeting.place}` : ''}`,
  };
}

/** Dated events by their earliest possible day; undated ones last, in article order. */
function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return compareDates(a.date.earliest, b.date.earliest) || a.article.localeCompare(b.article) || a.evidence.start - b.evidence.start;
}

function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function findRole(roles: RoleRecord[], title: string, country: string | null): RoleRecord | undefined {
  return roles.find((r) => r.title.toLowerCase() === title.toLowerCase() && (r.country === country || !r.country || !country));
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
