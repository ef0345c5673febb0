import { ArticleContext, ArticlePerson, Stage, StatedMeeting, UNKNOWN_DATE } from '../article';
import { DateEvidence, findDateMentions, inferArticleDate, isPlausibleYear, resolveDateExpression } from '../dates';
import { eventCuesIn, KnownEvent } from '../events';
import { sameCountry, titlesMatch } from '../knowledgeBase';
import { frontMatterDate } from '../readableText';
import { DateValue, Meeting, MeetingStatus, Span } from '../types';

/**
 * The article's date (its front matter's, a dateline or stamp, else what the officials' tenures
 * and the events it mentions allow), the knowledge base's role for people the text gives none,
 * then each meeting's date: the date its clause states, the known event it matches, or the
 * article's own for a meeting held that day.
 */
export const datesStage: Stage = {
  name: 'dates',
  run(context) {
    context.date = articleDate(context);
    for (const person of context.people) fillFromKnowledgeBase(context, person);
    const years = context.date.value ? [] : yearsNamed(context.readable.text);
    const next = nextEvidenceOf([...context.stated, ...context.statedVisits]);
    context.visits = context.statedVisits.map((m) => datedMeeting(context, m, [], years, next));
    context.meetings = placeFromSameDay(context, context.stated.map((m) => datedMeeting(context, m, context.visits, years, next)));
  },
};

const DAY_MS = 86_400_000;
/** How far after a meeting's words a date may be and still be its date, in characters. */
const DATE_REACH = 80;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function articleDate(context: ArticleContext): DateValue {
  const evidence: DateEvidence[] = [];
  for (const person of context.people) {
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
  evidence.push(...mentionedEvents(context, tenure));
  const declared = frontMatterDate(context.readable.frontMatter);
  return declared ? checkedAgainst(declared, inferArticleDate('', evidence)) : inferArticleDate(context.readable.text, evidence);
}

/** The front matter's date wins, as a dateline's does; evidence it falls outside is named in its basis. */
function checkedAgainst(declared: DateValue, evidence: DateValue): DateValue {
  const day = declared.value!;
  const outside = (evidence.earliest !== null && day < evidence.earliest) || (evidence.latest !== null && day > evidence.latest);
  return outside ? { ...declared, basis: `${declared.basis}; disagrees with ${evidence.earliest ?? '…'}..${evidence.latest ?? '…'} (${evidence.basis})` } : declared;
}

/** Events the article refers to, each as the interval of article dates it allows. */
function mentionedEvents(context: ArticleContext, tenure: DateValue): DateEvidence[] {
  const { tokenized, people } = context;
  const { events } = context.resources;
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
      consider(events.find({ series: cue.series, place: cue.place, ...within }), index);
    }
  });
  for (const meeting of [...context.stated, ...context.statedVisits]) {
    const ids = meeting.participants.map((p) => people[p]?.official?.id).filter((id): id is string => !!id);
    if (ids.length !== meeting.participants.length || ids.length === 0) continue;
    consider(events.find({ participants: ids, place: meeting.place ?? undefined, ...within }), meeting.sentenceIndex, meeting.nominal && meeting.status === 'held' ? undefined : meeting.status);
  }
  return found;
}

/** A person the text gives no title gets the knowledge base's role on the article's date; a stated title gets its country. */
function fillFromKnowledgeBase(context: ArticleContext, person: ArticlePerson): void {
  const official = person.official;
  if (!official) return;
  for (const title of person.titles) {
    if (title.country) continue;
    const role = official.roles.find((r) => titlesMatch(title.title, r.title));
    if (role) title.country = role.country;
  }
  const date = context.date;
  if (person.titles.length > 0 || !date.earliest) return;
  const role = context.resources.knowledgeBase.rolesOn(official, date.value ?? date.earliest)[0];
  if (role) person.titles.push({ title: role.title, country: role.country, span: { start: -1, end: -1 } });
}

function datedMeeting(context: ArticleContext, m: StatedMeeting, visits: Meeting[], years: Array<{ at: number; year: string }>, nextEvidence: Map<StatedMeeting, Span>): Meeting {
  const { people } = context;
  const date = context.date;
  const name = (p: number) => people[p]?.official?.name ?? people[p]?.fullName ?? String(p);
  const expression = dateExpressionOf(context, m, nextEvidence);
  const ids = m.participants.map((p) => people[p]?.official?.id);
  const window = m.nominal ? { earliest: eventWindow(date, 'held').earliest, latest: eventWindow(date, 'planned').latest } : eventWindow(date, m.status);
  const stated = expression ? resolveDateExpression(expression, date.value ? date : yearOfNarrative(years, m.evidence.start) ?? date, m.tense) : undefined;
  // Known events are visits and summits in person: a call is none of them, and a date the text states must fit the event.
  const event =
    m.kind !== 'call' && ids.every((id) => id) && ids.length > 0 && (m.place || (m.status === 'held' && ids.length > 1))
      ? context.resources.events.find({ participants: ids as string[], place: m.place ?? undefined, ...window }).filter((e) => fitsStated(e, stated))
      : [];
  let meetingDate: DateValue;
  if (event.length === 1) meetingDate = eventDate(event[0], expression);
  else if (stated && !(m.status === 'planned' && stated.latest && date.earliest && stated.latest < date.earliest)) meetingDate = stated;
  else if (m.status === 'held' && !m.nominal) meetingDate = date.value ? { ...date, basis: `article date (${date.basis})` } : (onlyYearNamed(years) ?? date);
  else meetingDate = duringVisit(context, m, visits, name) ?? UNKNOWN_DATE;
  // A noun ("Obama's visit") or a present tense ("begins a visit on Tuesday") says nothing of tense: a date after the article's is still to come.
  const status = m.status === 'held' && (m.nominal || m.tense === 'unknown') && meetingDate.earliest && date.latest && meetingDate.earliest > date.latest ? 'planned' : m.status;
  return {
    participants: m.participants.map(name),
    place: m.place ?? (event.length === 1 ? event[0].place : null),
    date: meetingDate,
    status,
    kind: m.kind,
    evidence: m.evidence,
    sentence: m.sentence,
  };
}

/** An event fits a stated date when their intervals meet ("in March" is no February visit). */
function fitsStated(event: KnownEvent, stated: DateValue | undefined): boolean {
  if (!stated?.earliest || !stated.latest || (stated.precision !== 'day' && stated.precision !== 'month')) return true;
  return event.from <= stated.latest && event.to >= stated.earliest;
}

/**
 * A planned meeting with no date of its own happens during the visit one of its participants is
 * making ("during his visit"): the visit's date, or, for a visit to the dateline's city that the
 * article reports under way, from the article's date on.
 */
function duringVisit(context: ArticleContext, m: StatedMeeting, visits: Meeting[], name: (p: number) => string): DateValue | undefined {
  const names = m.participants.map(name);
  const theirs = visits.filter((v) => v.participants.some((p) => names.includes(p)));
  const dated = theirs.find((v) => v.date.value);
  if (dated) return { ...dated.date, basis: `during the visit '${dated.participants.join(', ')} to ${dated.place ?? '?'}' (${dated.date.basis})` };
  const date = context.date;
  const underway = theirs.find((v) => v.place && v.place === context.datelinePlace);
  if (!underway || !date.earliest || date.precision !== 'day') return undefined;
  return { value: date.earliest.slice(0, 7), precision: 'month', earliest: date.earliest, latest: null, basis: `during the visit to ${underway.place} under way on the article's date` };
}

/**
 * An article with no date of its own still tells its story in a year: the year it names nearest
 * before the meeting, else the first after it ("On 13 March Lord Goldsmith met ... on 17 March
 * 2003"), dates a day and month.
 */
function yearOfNarrative(years: Array<{ at: number; year: string }>, at: number): DateValue | undefined {
  let low = 0;
  let high = years.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (years[middle].at < at) low = middle + 1;
    else high = middle;
  }
  const before = low > 0 ? years[low - 1] : undefined;
  const year = (before ?? years[low])?.year;
  if (!year) return undefined;
  return { value: year, precision: 'year', earliest: `${year}-01-01`, latest: `${year}-12-31`, basis: `the year ${year} the article names ${before ? 'before' : 'after'} it` };
}

/** An undated article that names one year only ("the February 1974 election") tells of that year. */
function onlyYearNamed(years: Array<{ at: number; year: string }>): DateValue | undefined {
  if (years.length === 0 || years.some((y) => y.year !== years[0].year)) return undefined;
  const year = years[0].year;
  return { value: year, precision: 'year', earliest: `${year}-01-01`, latest: `${year}-12-31`, basis: `the only year the article names, ${year}` };
}

/** Every year the text names, with where. */
function yearsNamed(text: string): Array<{ at: number; year: string }> {
  return [...text.matchAll(/(?<![\w-])(1[89]\d{2}|20\d{2})(?![\w-])/g)].filter((m) => isPlausibleYear(Number(m[1]))).map((m) => ({ at: m.index!, year: m[1] }));
}

/** For each statement, where the next one in its sentence begins. */
function nextEvidenceOf(stated: StatedMeeting[]): Map<StatedMeeting, Span> {
  const ordered = [...stated].sort((a, b) => a.evidence.start - b.evidence.start);
  const next = new Map<StatedMeeting, Span>();
  for (const m of ordered) {
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ordered[middle].evidence.start > m.evidence.end) high = middle;
      else low = middle + 1;
    }
    const following = ordered[low];
    if (following && following.sentenceIndex === m.sentenceIndex) next.set(m, following.evidence);
  }
  return next;
}

/**
 * The date stated for a meeting: the first expression after its words, within reach ("met in
 * Argentina last December"), else the nearest one before them in the sentence ("their 1994
 * talks", "On 13 March Lord Goldsmith met").
 */
function dateExpressionOf(context: ArticleContext, m: StatedMeeting, nextEvidence: Map<StatedMeeting, Span>): string | undefined {
  const text = context.readable.text;
  const mentions = findDateMentions(text.slice(m.sentence.start, m.sentence.end), m.sentence.start);
  // A date after a comma belongs to the next clause ("during the visit, his first since June 1982").
  const comma = text.slice(m.evidence.end, m.evidence.end + DATE_REACH).search(/[,;:]/);
  // So does one after the words of the next meeting or visit ("a return visit following Blinken's China visit in June").
  const next = nextEvidence.get(m)?.start ?? Infinity;
  const reach = Math.min(m.evidence.end + (comma < 0 ? DATE_REACH : comma), next);
  const after = mentions.find((d) => d.span.start >= m.evidence.start && d.span.start <= reach);
  if (after) return after.text;
  return mentions.filter((d) => d.span.end <= m.evidence.start).pop()?.text;
}

/**
 * A held meeting with no place of its own takes that of another held that day, or the dateline's
 * when it was held in the days the dispatch covers; a country gives way to the city the article
 * names with it ("in Frankfurt, West Germany").
 */
function placeFromSameDay(context: ArticleContext, meetings: Meeting[]): Meeting[] {
  const { datelinePlace } = context;
  const cityIn = citiesNamedWithCountry(context);
  const datelineCountry = context.mentions.find((m) => m.kind === 'place' && m.key === datelinePlace)?.place?.country;
  const placed = new PlacedMeetings();
  const unplaced: Array<{ meeting: Meeting; dispatch: boolean }> = [];
  meetings.forEach((meeting, order) => {
    // A call is made from two places at once: only the words of its own clause place it.
    if (meeting.kind === 'call') return;
    const dispatch = withinDispatch(meeting.date, context.date, meeting.status === 'held' ? DISPATCH_DAYS : -1);
    if (!meeting.place) {
      if (dispatch || meeting.status === 'held') unplaced.push({ meeting, dispatch });
      return;
    }
    const city = cityIn.get(meeting.place) ?? (dispatch && datelineCountry && sameCountry(datelineCountry, meeting.place) ? datelinePlace : null);
    meeting.place = city ?? meeting.place;
    placed.add(meeting, order);
  });
  for (const { meeting, dispatch } of unplaced) {
    meeting.place = placed.sameDayAs(meeting)?.place ?? (dispatch ? datelinePlace : null);
  }
  return meetings;
}

/**
 * Meetings with a place, by day, status and participant, so that finding another one held that
 * day with the same people costs a lookup per participant, not a pass over every meeting.
 */
class PlacedMeetings {
  private readonly byPerson = new Map<string, { meeting: Meeting; order: number }>();
  private readonly byPeople = new Map<string, Meeting>();

  add(meeting: Meeting, order: number): void {
    if (meeting.date.value === null) return;
    for (const person of meeting.participants) {
      const key = this.key(meeting, [person]);
      if (!this.byPerson.has(key)) this.byPerson.set(key, { meeting, order });
    }
    const key = this.key(meeting, meeting.participants);
    if (!this.byPeople.has(key)) this.byPeople.set(key, meeting);
  }

  /** The first one of exactly the same people ("Talks between Mr Gatt and Mr Bellini" after "talks ... in Rome"), else the first with any of them. */
  sameDayAs(meeting: Meeting): Meeting | undefined {
    if (meeting.date.value === null) return undefined;
    const same = this.byPeople.get(this.key(meeting, meeting.participants));
    if (same) return same;
    let first: { meeting: Meeting; order: number } | undefined;
    for (const person of meeting.participants) {
      const found = this.byPerson.get(this.key(meeting, [person]));
      if (found && (!first || found.order < first.order)) first = found;
    }
    return first?.meeting;
  }

  private key(meeting: Meeting, people: string[]): string {
    return [meeting.status, meeting.date.value, ...[...people].sort()].join('\u0000');
  }
}

/** Days around the article's date that a dispatch from its dateline still reports from there ("talks yesterday", "meets him tomorrow"). */
const DISPATCH_DAYS = 2;

/** Within `daysBefore` days before the article's day, or, when negative, that many days after it. */
function withinDispatch(meeting: DateValue, article: DateValue, daysBefore: number): boolean {
  // The same day as the article's, even when its year is left open.
  if (meeting.earliest !== null && meeting.earliest === article.earliest && meeting.latest === article.latest) return true;
  if (meeting.precision !== 'day' || article.precision !== 'day' || !meeting.value || !article.value) return false;
  const days = (Date.parse(article.value) - Date.parse(meeting.value)) / DAY_MS;
  return daysBefore >= 0 ? days >= 0 && days <= daysBefore : days <= 0 && days >= daysBefore;
}

/** "Frankfurt, West Germany": the one city the article names together with its country. */
function citiesNamedWithCountry(context: ArticleContext): Map<string, string> {
  const places = context.mentions.filter((m) => m.kind === 'place');
  const found = new Map<string, string>();
  const text = context.readable.text;
  for (let i = 0; i + 1 < places.length; i++) {
    const [city, country] = [places[i], places[i + 1]];
    if (city.place?.type !== 'city' || country.place?.type !== 'country' || !/^,\s*$/.test(text.slice(city.end, country.start))) continue;
    if (found.has(country.key) && found.get(country.key) !== city.key) found.set(country.key, country.key);
    else found.set(country.key, city.key);
  }
  return found;
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
