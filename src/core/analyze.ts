import { DateEvidence, findDateMentions, inferArticleDate, resolveDateExpression, Tense } from './dates';
import { EntityFinder, Mention } from './entities';
import { EventCatalog, eventCuesIn, KnownEvent } from './events';
import { Gazetteer } from './gazetteer';
import { KnowledgeBase, loadBundledKnowledgeBase, Official, sameCountry, titlesMatch } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { findStatedMeetings, SentenceReference, StatedMeeting } from './meetings';
import { RoleReader, StatedTitle } from './roles';
import { tokenize, Tokenized } from './tokens';
import { ArticleAnalysis, ArticleDocument, DateValue, Entity, Meeting, MeetingStatus, Role, Span } from './types';

/** A person as one article names them, gathered from all their mentions. */
interface PersonCluster {
  index: number;
  /** The fullest form the article uses. */
  fullName: string;
  parts: Set<string>;
  mentions: Mention[];
  titles: StatedTitle[];
  official?: Official;
  /** References by title alone ("the vice premier"), counted as mentions of this person. */
  titleOnly: Span[];
}

export interface EngineOptions {
  gazetteer?: Gazetteer;
  knowledgeBase?: KnowledgeBase;
  events?: EventCatalog;
}

const DAY_MS = 86_400_000;
/** How far after a meeting's words a date may be and still be its date, in characters. */
const DATE_REACH = 80;
/** Datelines sit in the first lines of an article. */
const DATELINE_REACH = 400;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The whole analysis of one article: entities, roles, meetings and the article's date. */
export class Engine {
  readonly gazetteer: Gazetteer;
  readonly knowledgeBase: KnowledgeBase;
  readonly events: EventCatalog;
  private readonly finder: EntityFinder;
  private readonly lexicon = Lexicon.get();

  constructor(options: EngineOptions = {}) {
    this.gazetteer = options.gazetteer ?? Gazetteer.bundled();
    this.knowledgeBase = options.knowledgeBase ?? loadBundledKnowledgeBase();
    this.events = options.events ?? EventCatalog.bundled();
    this.finder = new EntityFinder({ gazetteer: this.gazetteer, knowledgeBase: this.knowledgeBase, lexicon: this.lexicon });
  }

  /** Person, place and organization mentions only: what highlighting and the CoNLL evaluation need. */
  findMentions(text: string): Mention[] {
    return this.finder.find(tokenize(text));
  }

  analyze(document: ArticleDocument): ArticleAnalysis {
    const tokenized = tokenize(document.text);
    const mentions = this.finder.find(tokenized);
    const roles = new RoleReader(tokenized.tokens, mentions, this.gazetteer, this.lexicon);
    const people = this.clusterPeople(mentions, roles);
    this.linkTitleOnlyReferences(tokenized, people, mentions);
    const references = this.references(tokenized, mentions, people);
    const placeNames: string[] = [];
    const stated = findStatedMeetings(tokenized, references, placeNames);
    const date = this.articleDate(document.text, tokenized, people, stated);
    for (const person of people) this.fillFromKnowledgeBase(person, date);
    const meetings = this.datedMeetings(document.text, stated, people, date, mentions);
    return {
      path: document.uri,
      version: document.version,
      date,
      entities: this.entities(people, mentions),
      meetings,
      notes: [],
    };
  }

  /** Full names first; a later surname or given name joins the nearest person it belongs to. */
  private clusterPeople(mentions: Mention[], roles: RoleReader): PersonCluster[] {
    const people: PersonCluster[] = [];
    const personMentions = mentions.filter((m) => m.kind === 'person');
    const partsOf = (text: string) => text.split(/[\s-]+/).filter((p) => p.length > 1 || /\p{Lu}/u.test(p));
    const byLength = [...personMentions].sort((a, b) => partsOf(b.text).length - partsOf(a.text).length || a.start - b.start);
    const clusterOf = new Map<Mention, PersonCluster>();
    for (const mention of byLength) {
      const parts = partsOf(mention.text);
      const candidates = people.filter((p) => parts.every((part) => p.parts.has(part)));
      let cluster: PersonCluster | undefined;
      if (candidates.length === 1) cluster = candidates[0];
      else if (candidates.length > 1) cluster = firstMentioned(candidates);
      if (!cluster) {
        cluster = { index: people.length, fullName: mention.text, parts: new Set(parts), mentions: [], titles: [], titleOnly: [] };
        people.push(cluster);
      }
      cluster.mentions.push(mention);
      clusterOf.set(mention, cluster);
    }
    for (const person of people) {
      person.mentions.sort((a, b) => a.start - b.start);
      for (const mention of person.mentions) {
        mention.key = `person:${person.index}`;
        person.titles.push(...roles.titlesOf(mention));
      }
    }
    for (const person of people) {
      const first = person.titles.find((t) => !t.relativeOf);
      person.official = this.knowledgeBase.resolve(person.fullName, first ? { title: first.title, country: first.country } : {});
    }
    for (const person of people) {
      for (const title of person.titles) {
        const relative = title.relativeOf && clusterOf.get(title.relativeOf);
        if (!relative || relative === person) continue;
        title.title = `${title.title} of ${relative.official?.name ?? relative.fullName}`;
        title.country = this.countryOf(relative);
      }
      person.titles = mergeTitles(person.titles);
    }
    return people;
  }

  /** "the vice premier", "The mayor of Los Angeles": the one person the article gave that title. */
  private linkTitleOnlyReferences(tokenized: Tokenized, people: PersonCluster[], mentions: Mention[]): void {
    const text = tokenized.text;
    const personAt = new Uint8Array(text.length + 1);
    for (const m of mentions) if (m.kind === 'person') personAt.fill(1, m.start, m.end);
    const pattern = /\b[Tt]he (?:(\p{Lu}[\p{L}.]*) )?((?:vice |deputy |prime |foreign |first |state )?(?:president|premier|vice premier|prime minister|minister|secretary|mayor|chancellor|councilor|envoy|ambassador|lady)(?: of (?:the )?\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)?)\b(?!\s+\p{Lu})/gu;
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (personAt.subarray(start, end).includes(1)) continue;
      const countryWord = match[1];
      const country = countryWord ? this.gazetteer.countryOfDemonym(countryWord) ?? this.gazetteer.canonicalCountry(countryWord) : undefined;
      if (countryWord && !country) continue;
      const title = match[2].toLowerCase();
      const holders = people.filter((p) =>
        this.titlesOf(p).some((t) => t.title.toLowerCase() === title && (!country || !t.country || sameCountry(t.country, country))),
      );
      if (holders.length !== 1) continue;
      const span = { start: start + 4, end };
      holders[0].titleOnly.push(span);
    }
  }

  private titlesOf(person: PersonCluster): Array<{ title: string; country: string | null }> {
    const titles: Array<{ title: string; country: string | null }> = [...person.titles];
    for (const role of person.official?.roles ?? []) titles.push({ title: role.title, country: role.country });
    return titles;
  }

  /** Everything meeting patterns may refer to, in one list: people (by cluster), places, organizations. */
  private references(tokenized: Tokenized, mentions: Mention[], people: PersonCluster[]): SentenceReference[] {
    const refs: SentenceReference[] = [];
    for (const m of mentions) {
      if (m.kind === 'person') refs.push({ kind: 'person', id: m.key.slice('person:'.length), firstToken: m.firstToken, lastToken: m.lastToken });
      // A landmark stands for its city as a meeting place: "at the White House" is in Washington.
      else if (m.kind === 'place' && !m.nested) refs.push({ kind: 'place', id: this.lexicon.organizationPlace.get(m.key) ?? m.key, firstToken: m.firstToken, lastToken: m.lastToken });
      else if (m.kind === 'organization') {
        refs.push({ kind: 'organization', id: m.key, firstToken: m.firstToken, lastToken: m.lastToken, placeName: this.lexicon.organizationPlace.get(m.text) });
      }
    }
    for (const person of people) {
      for (const span of person.titleOnly) {
        const range = tokenRange(tokenized, span);
        if (range) refs.push({ kind: 'person', id: String(person.index), firstToken: range.first, lastToken: range.last });
      }
    }
    this.indefiniteOfficials(tokenized, people, refs);
    return refs.sort((a, b) => a.firstToken - b.firstToken || b.lastToken - a.lastToken);
  }

  /** "a senior Chinese official told ...": the official the next sentences name with that country. */
  private indefiniteOfficials(tokenized: Tokenized, people: PersonCluster[], refs: SentenceReference[]): void {
    const pattern = /\b[Aa] (?:senior |top |high-ranking )?(\p{Lu}\p{L}+) (?:official|diplomat|leader)\b/gu;
    for (const match of tokenized.text.matchAll(pattern)) {
      const country = this.gazetteer.countryOfDemonym(match[1]);
      if (!country) continue;
      const range = tokenRange(tokenized, { start: match.index!, end: match.index! + match[0].length });
      if (!range) continue;
      const sentence = tokenized.tokens[range.first].sentence;
      const later = people
        .map((p) => ({ p, at: p.mentions.find((m) => m.start > match.index!) }))
        .filter((x) => x.at && tokenized.tokens[x.at.firstToken].sentence <= sentence + 2 && this.countryOf(x.p) === country)
        .sort((a, b) => a.at!.start - b.at!.start);
      if (later[0]) refs.push({ kind: 'person', id: String(later[0].p.index), firstToken: range.first, lastToken: range.last });
    }
  }

  private countryOf(person: PersonCluster): string | null {
    return person.titles.find((t) => t.country)?.country ?? person.official?.roles[0]?.country ?? null;
  }

  /** Dateline or stamp first; otherwise what the officeholders' tenures and the events mentioned allow. */
  private articleDate(text: string, tokenized: Tokenized, people: PersonCluster[], meetings: StatedMeeting[]): DateValue {
    const evidence: DateEvidence[] = [];
    for (const person of people) {
      if (!person.official) continue;
      for (const stated of person.titles) {
        const held = person.official.roles.filter((r) => titlesMatch(stated.title, r.title) && (!stated.country || sameCountry(stated.country, r.country)));
        if (held.length === 0) continue;
        // Someone who held the post twice (Wang Yi) allows any day from the first start to the last end.
        const from = held.some((r) => r.from === null) ? null : held.map((r) => r.from!).sort()[0];
        const to = held.some((r) => r.to === null) ? null : held.map((r) => r.to!).sort().reverse()[0];
        evidence.push({ earliest: from, latest: to, reason: `${person.official.name} ${held[0].title} ${from ?? '?'}..${to ?? 'now'}` });
        break;
      }
    }
    const tenure = inferArticleDate('', evidence);
    for (const event of this.mentionedEvents(tokenized, people, meetings, tenure)) evidence.push(event);
    return inferArticleDate(text, evidence);
  }

  /** Events the article refers to, each as the interval of article dates it allows. */
  private mentionedEvents(tokenized: Tokenized, people: PersonCluster[], meetings: StatedMeeting[], tenure: DateValue): DateEvidence[] {
    const found: DateEvidence[] = [];
    const seen = new Set<string>();
    const within = { earliest: tenure.earliest, latest: tenure.latest };
    const consider = (candidates: KnownEvent[], sentenceIndex: number, status?: MeetingStatus) => {
      if (candidates.length !== 1 || seen.has(candidates[0].id)) return;
      const event = candidates[0];
      seen.add(event.id);
      const sentence = tokenized.sentences[sentenceIndex];
      const words = tokenized.text.slice(sentence.start, sentence.end);
      found.push({ ...relativeWindow(event, words, status), reason: `${event.name} ${event.place ?? event.country ?? ''} ${event.from}..${event.to}`.replace(/\s+/g, ' ') });
    };
    tokenized.sentences.forEach((sentence, index) => {
      for (const cue of eventCuesIn(tokenized.text.slice(sentence.start, sentence.end))) {
        consider(this.events.find({ series: cue.series, place: cue.place, ...within }), index);
      }
    });
    for (const meeting of meetings) {
      const ids = meeting.participants.map((p) => people[Number(p)]?.official?.id).filter((id): id is string => !!id);
      if (ids.length !== meeting.participants.length || ids.length === 0) continue;
      consider(this.events.find({ participants: ids, place: meeting.place ?? undefined, ...within }), meeting.sentenceIndex, meeting.status);
    }
    return found;
  }

  /** A person the text gives no title gets the knowledge base's role on the article's date; a stated title gets its country. */
  private fillFromKnowledgeBase(person: PersonCluster, date: DateValue): void {
    const official = person.official;
    if (!official) return;
    for (const title of person.titles) {
      if (title.country) continue;
      const role = official.roles.find((r) => titlesMatch(title.title, r.title));
      if (role) title.country = role.country;
    }
    if (person.titles.length > 0 || !date.earliest) return;
    const inForce = this.knowledgeBase.rolesOn(official, date.value ?? date.earliest);
    const role = inForce[0];
    if (role) person.titles.push({ title: role.title, country: role.country, span: { start: -1, end: -1 } });
  }

  private datedMeetings(text: string, stated: StatedMeeting[], people: PersonCluster[], date: DateValue, mentions: Mention[]): Meeting[] {
    const name = (p: string) => people[Number(p)]?.official?.name ?? people[Number(p)]?.fullName ?? p;
    const datelinePlace = this.datelinePlace(text, mentions);
    const meetings: Meeting[] = stated.map((m) => {
      const tense: Tense = m.status === 'planned' ? 'future' : 'past';
      const sentenceText = text.slice(m.sentence.start, m.sentence.end);
      const expressions = findDateMentions(sentenceText, m.sentence.start).filter((d) => d.span.start >= m.evidence.start && d.span.start <= m.evidence.end + DATE_REACH);
      const ids = m.participants.map((p) => people[Number(p)]?.official?.id);
      const window = m.nominal ? { earliest: eventWindow(date, 'held').earliest, latest: eventWindow(date, 'planned').latest } : eventWindow(date, m.status);
      const event =
        ids.every((id) => id) && ids.length > 0 && (m.place || (m.status === 'held' && ids.length > 1))
          ? this.events.find({ participants: ids as string[], place: m.place ?? undefined, ...window })
          : [];
      // "Obama's visit" says nothing of tense: a known visit after the article's date is still planned.
      const status = m.nominal && event.length === 1 && date.latest && event[0].from > date.latest ? 'planned' : m.status;
      let meetingDate: DateValue;
      if (event.length === 1) meetingDate = eventDate(event[0], expressions[0]?.text);
      else if (expressions[0]) meetingDate = resolveDateExpression(expressions[0].text, date, tense);
      else if (m.status === 'held' && !m.nominal) meetingDate = { ...date, basis: `article date (${date.basis})` };
      else meetingDate = { value: null, precision: null, earliest: null, latest: null, basis: 'no date stated' };
      return {
        participants: m.participants.map(name),
        place: m.place ?? (event.length === 1 ? event[0].place : null),
        date: meetingDate,
        status,
        kind: m.kind,
        evidence: m.evidence,
        sentence: m.sentence,
      };
    });
    const merged = mergeMeetings(meetings);
    for (const meeting of merged) {
      if (meeting.place || meeting.status !== 'held') continue;
      const sameDay = merged.find((o) => o !== meeting && o.place && o.status === 'held' && o.date.value === meeting.date.value && o.date.value !== null);
      meeting.place = sameDay?.place ?? (meeting.date.value === date.value ? datelinePlace : null);
    }
    return merged;
  }

  /** "WASHINGTON, Jan. 31 (Xinhua) --", "BEIJING - ": the place a line near the top opens with. */
  private datelinePlace(text: string, mentions: Mention[]): string | null {
    const line = /^[ \t]*(\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu})[ \t]*(?:,|-|–|—|\()/mu.exec(text.slice(0, DATELINE_REACH));
    if (!line) return null;
    const start = line.index + line[0].indexOf(line[1]);
    return mentions.find((m) => m.kind === 'place' && m.start === start)?.key ?? null;
  }

  private entities(people: PersonCluster[], mentions: Mention[]): Entity[] {
    const entities: Entity[] = [];
    for (const person of people) {
      const name = person.official?.name ?? person.fullName;
      entities.push({
        id: `person:${slug(name)}`,
        kind: 'person',
        name,
        roles: person.titles.map((t): Role => ({ title: t.title, country: t.country, source: t.span.start >= 0 ? 'text' : 'knowledge-base', ...(t.span.start >= 0 ? { span: t.span } : {}) })),
        mentions: [...person.mentions.map((m) => ({ start: m.start, end: m.end })), ...person.titleOnly].sort((a, b) => a.start - b.start),
        country: this.countryOf(person),
        ...(person.official ? { kbId: person.official.id, aliases: [person.official.name, ...person.official.aliases] } : {}),
      });
    }
    const byKey = new Map<string, Entity>();
    for (const m of mentions) {
      if (m.kind === 'person') continue;
      const key = `${m.kind}:${m.key}`;
      let entity = byKey.get(key);
      if (!entity) {
        entity = { id: `${m.kind}:${slug(m.key)}`, kind: m.kind, name: m.key, roles: [], mentions: [] };
        if (m.place) {
          entity.placeType = m.place.type;
          entity.country = m.place.country ?? (m.place.type === 'country' ? m.place.name : null);
        }
        byKey.set(key, entity);
        entities.push(entity);
      }
      entity.mentions.push({ start: m.start, end: m.end });
    }
    return entities;
  }
}

/**
 * A bare surname two people share goes to the one the article introduced first: news names its
 * protagonist first and calls others by full or given name ("Melania").
 */
function firstMentioned(candidates: PersonCluster[]): PersonCluster {
  const firstStart = (c: PersonCluster) => Math.min(...c.mentions.map((m) => m.start));
  return [...candidates].sort((a, b) => firstStart(a) - firstStart(b))[0];
}

/** "Mayor" and later "mayor of Los Angeles" are one role: keep the fuller title. */
function mergeTitles(titles: StatedTitle[]): StatedTitle[] {
  const kept: StatedTitle[] = [];
  for (const t of titles) {
    const lower = t.title.toLowerCase();
    const same = kept.findIndex((k) => {
      const other = k.title.toLowerCase();
      return other === lower || lower.startsWith(other + ' of') || other.startsWith(lower + ' of');
    });
    if (same < 0) kept.push({ ...t });
    else {
      const existing = kept[same];
      if (t.title.length > existing.title.length) kept[same] = { ...t, country: t.country ?? existing.country, span: existing.span };
      else existing.country ??= t.country;
    }
  }
  return kept;
}

function tokenRange(tokenized: Tokenized, span: Span): { first: number; last: number } | undefined {
  const tokens = tokenized.tokens;
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].end > span.start) high = middle;
    else low = middle + 1;
  }
  const first = low;
  if (first >= tokens.length) return undefined;
  let last = first;
  while (last < tokenized.tokens.length && tokenized.tokens[last].start < span.end) last++;
  return { first, last };
}

/** Where a meeting the article reports may lie: held ones up to two years before it, planned ones up to two years after. */
function eventWindow(date: DateValue, status: MeetingStatus): { earliest: string | null; latest: string | null } {
  if (status === 'held') return { earliest: date.earliest ? addDays(date.earliest, -730) : null, latest: date.latest };
  return { earliest: date.earliest, latest: date.latest ? addDays(date.latest, 730) : null };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The article dates an event allows, from how the sentence places it: "last week", "next month", tense. */
function relativeWindow(event: KnownEvent, sentence: string, status?: MeetingStatus): { earliest: string; latest: string } {
  const s = sentence.toLowerCase();
  if (status === 'planned') return { earliest: addDays(event.from, -400), latest: addDays(event.from, -1) };
  if (/\blast weekend\b/.test(s)) return { earliest: addDays(event.to, 1), latest: addDays(event.to, 7) };
  if (/\blast week\b/.test(s)) return { earliest: addDays(event.to, 1), latest: addDays(event.to, 13) };
  if (/\b(yesterday)\b/.test(s)) return { earliest: addDays(event.to, 1), latest: addDays(event.to, 1) };
  if (/\b(last|earlier|ago|previous|had)\b/.test(s)) return { earliest: addDays(event.from, 1), latest: addDays(event.to, 400) };
  if (/\b(will|would|next|upcoming|later|to be held|opportunity|hope|plan|expected)\b/.test(s)) return { earliest: addDays(event.from, -400), latest: addDays(event.to, 0) };
  return { earliest: event.from, latest: addDays(event.to, 3) };
}

/** The event's dates; a weekday the sentence names picks the one day of the event that fits ("in Beijing Tuesday"). */
function eventDate(event: KnownEvent, expression?: string): DateValue {
  const weekday = expression ? WEEKDAYS.indexOf(expression.replace(/^(on|last|this) /i, '').toLowerCase()) : -1;
  if (weekday >= 0) {
    const days = [];
    for (let d = event.from; d <= event.to; d = addDays(d, 1)) if (new Date(d).getUTCDay() === weekday) days.push(d);
    if (days.length === 1) return { value: days[0], precision: 'day', earliest: days[0], latest: days[0], basis: `${expression} during ${event.name} ${event.from}..${event.to}` };
  }
  const sameMonth = event.from.slice(0, 7) === event.to.slice(0, 7);
  const value = event.from === event.to ? event.from : sameMonth ? event.from.slice(0, 7) : event.from.slice(0, 4);
  return { value, precision: event.from === event.to ? 'day' : sameMonth ? 'month' : 'year', earliest: event.from, latest: event.to, basis: `${event.name} ${event.from}..${event.to}` };
}

function precisionRank(d: DateValue): number {
  return d.precision === 'day' ? 3 : d.precision === 'month' ? 2 : d.precision === 'year' ? 1 : 0;
}

function datesCompatible(a: DateValue, b: DateValue): boolean {
  if (!a.value || !b.value) return true;
  return a.value.startsWith(b.value) || b.value.startsWith(a.value);
}

/** One meeting stated several times ("Han met Blinken", "the talks between Han and Blinken") is one meeting. */
function mergeMeetings(meetings: Meeting[]): Meeting[] {
  const merged: Meeting[] = [];
  for (const m of meetings) {
    const key = [...m.participants].sort().join('|');
    const same = merged.find(
      (o) => [...o.participants].sort().join('|') === key && o.status === m.status && (o.kind === 'visit') === (m.kind === 'visit') && datesCompatible(o.date, m.date) && (!o.place || !m.place || o.place === m.place),
    );
    if (!same) {
      merged.push({ ...m });
      continue;
    }
    same.place ??= m.place;
    if (precisionRank(m.date) > precisionRank(same.date)) same.date = m.date;
  }
  return merged;
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\p{L}]+/gu, '-')
    .replace(/^-|-$/g, '');
}
