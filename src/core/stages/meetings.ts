import clauseWords from '../../../data/lexicon/clauses.json';
import { ArticleContext, PersonId, Reference, Stage, StatedMeeting } from '../article';
import { sameCountry } from '../knowledgeBase';
import { Lexicon } from '../lexicon';
import { MeetingRow, ModalityRow } from '../patterns';
import { Sentence, Tokenized } from '../tokens';
import { MeetingKind, MeetingStatus, PlaceType, Span } from '../types';
import { countryOf } from './people';

/**
 * Reads meetings clause by clause. Each sentence with a person becomes a row of units (a word, a
 * comma, or a reference: person, place, organization); the rows of data/patterns/meetings.json
 * find the words that state a meeting, and the frame of the row says where its participants are:
 * the subject before the words (a name, a title, a pronoun, or a list of them), the people listed
 * after them, or both. Words in the verb group (modality.json) make it planned, or no meeting.
 */
export const meetingsStage: Stage = {
  name: 'meetings',
  run(context) {
    const reader = new ClauseReader(context);
    context.stated = [];
    context.statedVisits = [];
    const bySentence = referencesBySentence(context.tokenized, context.references);
    for (const [index, sentence] of context.tokenized.sentences.entries()) {
      if (context.budget.stopsBefore(index, MEETINGS_SHARE, 'meetings')) break;
      const refs = bySentence.get(index);
      if (!refs?.some((r) => r.kind === 'person')) continue;
      reader.read(sentence, index, refs);
    }
    reader.gatherAttendances(bySentence);
  },
};

/** The share of an article's time budget that may be spent when the last sentence is read for meetings: dates and assembly are quick. */
const MEETINGS_SHARE = 0.9;

/** How many earlier mentions of the same event noun may say where it is: the nearest ones. */
const EARLIER_EVENT_NOUNS = 4;

/** For each event noun, the earlier ones of the same noun, nearest first. */
function earlierOfSameNoun(events: EventNoun[]): Map<EventNoun, EventNoun[]> {
  const recent = new Map<string, EventNoun[]>();
  const earlier = new Map<EventNoun, EventNoun[]>();
  for (const event of events) {
    const list = recent.get(event.noun) ?? [];
    earlier.set(event, [...list].reverse());
    list.push(event);
    if (list.length > EARLIER_EVENT_NOUNS) list.shift();
    recent.set(event.noun, list);
  }
  return earlier;
}

/** "the meeting", "the talks": an event named with "the" within two sentences after a meeting was reported is that meeting. */
function meetingMentionedAgain(tokens: Tokenized['tokens'], event: EventNoun, stated: StatedMeeting[]): StatedMeeting | undefined {
  if (!/^(the|that|this)$/i.test(tokens[event.token - 1]?.text ?? '')) return undefined;
  let low = 0;
  let high = stated.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stated[middle].sentenceIndex <= event.sentenceIndex) low = middle + 1;
    else high = middle;
  }
  const latest = stated[low - 1];
  return latest && event.sentenceIndex - latest.sentenceIndex <= 2 ? latest : undefined;
}

/** How many sentences after an event is named a sentence may still say who takes part in it. */
const EVENT_REACH = 3;

/** Someone the text says takes part in an event it names nearby ("Also due to attend are ..."). */
interface Attendance {
  people: PersonId[];
  status: MeetingStatus;
  sentenceIndex: number;
  /** The trigger's first token, to find the event named before it. */
  token: number;
}

/** A noun that names an event ("talks", "conference") where it stands. */
interface EventNoun {
  sentenceIndex: number;
  token: number;
  noun: string;
  kind: MeetingKind;
}

/** Units looked at on each side of a trigger: clauses are short, and this keeps reading linear. */
const SUBJECT_REACH = 30;
const OBJECT_REACH = 14;
/** Units after the participants where "in Beijing" or "later this week" still belong to the meeting. */
const AFTER_REACH = 10;

interface Unit {
  /** Lower-case word, "," or ";" for punctuation, or "@P", "@L", "@O" for a reference. */
  symbol: string;
  firstToken: number;
  lastToken: number;
  person?: PersonId;
  /** All the people a phrase such as "the two men" stands for. */
  group?: PersonId[];
  /** "Xi's", "his": a person who qualifies the next noun rather than taking part. */
  possessive: boolean;
  place?: string;
  placeType?: PlaceType;
  capitalized: boolean;
}

interface Group {
  people: PersonId[];
  first: number;
  /** One past the last unit of the group. */
  end: number;
}

// Word lists of data/lexicon/clauses.json, whose "about" says what each holds.
const CLAUSE_STOPS: ReadonlySet<string> = new Set(clauseWords.clauseStops);
const FREE_WORDS: ReadonlySet<string> = new Set(clauseWords.freeWords);
const LIST_SEPARATORS: ReadonlySet<string> = new Set(clauseWords.listSeparators);
const JOINT_FOLLOWERS: ReadonlySet<string> = new Set(clauseWords.jointFollowers);
const REPORTING: ReadonlySet<string> = new Set(clauseWords.reportingVerbs);
const PLACE_PREPOSITIONS = new Set(['in', 'at']);
const VISIT_VERBS: ReadonlySet<string> = new Set(clauseWords.visitVerbs);

function referencesBySentence(tokenized: Tokenized, references: Reference[]): Map<number, Reference[]> {
  const bySentence = new Map<number, Reference[]>();
  for (const ref of references) {
    const s = tokenized.tokens[ref.firstToken].sentence;
    const list = bySentence.get(s);
    if (list) list.push(ref);
    else bySentence.set(s, [ref]);
  }
  return bySentence;
}

/** What one trigger says: who, held or planned, where, the units its words span. */
interface ReadMeeting {
  participants: PersonId[];
  status: MeetingStatus;
  place: string | null;
  evidenceFrom: number;
  evidenceTo: number;
  nominal: boolean;
  /** Subjects who each met the others on their own ("met ... separately"). */
  hosts?: PersonId[];
}

interface Trigger {
  row: MeetingRow;
  from: number;
  to: number;
}

class ClauseReader {
  private readonly lexicon: Lexicon;
  private readonly meetingRows: readonly MeetingRow[];
  private readonly modalityRows: readonly ModalityRow[];
  private readonly kindWords: ReadonlyMap<string, MeetingKind>;
  private readonly eventNouns: ReadonlyMap<string, MeetingKind>;
  private readonly attendances: Attendance[] = [];
  /** Sentences whose attendance is of something that is no meeting (a funeral, a parade). */
  private readonly sentencesAboutSomethingElse = new Set<number>();
  /** Every row's key words: most sentences hold none and are not read at all. */
  private readonly keyWords: ReadonlySet<string>;

  constructor(private readonly context: ArticleContext) {
    this.lexicon = context.resources.lexicon;
    this.meetingRows = context.resources.patterns.meetings;
    this.modalityRows = context.resources.patterns.modality;
    this.kindWords = context.resources.patterns.kindWords;
    this.eventNouns = context.resources.patterns.eventNouns;
    this.keyWords = new Set(this.meetingRows.flatMap((row) => row.keyWords));
  }

  read(sentence: Sentence, sentenceIndex: number, refs: Reference[]): void {
    const { tokens } = this.context.tokenized;
    let mayMatch = false;
    for (let i = sentence.first; i < sentence.last && !mayMatch; i++) mayMatch = this.keyWords.has(tokens[i].text.toLowerCase());
    if (!mayMatch) return;
    const units = this.unitsOf(sentence, refs);
    const { template, startOf, unitAt } = templateOf(units);
    const triggers = this.triggersIn(template, startOf, unitAt);
    /** For each unit that a trigger took as its object, the subject of that trigger. */
    const subjectOfObject = new Map<number, Group | null>();
    const read: Trigger[] = [];
    for (const trigger of triggers) {
      // A match inside one that was read ("talks with" in "held talks with"), or the same words read by an earlier row, adds nothing.
      if (read.some((o) => o.from <= trigger.from && o.to >= trigger.to)) continue;
      const found = this.readTrigger(units, trigger, subjectOfObject, sentenceIndex);
      if (!found) continue;
      read.push(trigger);
      const { participants, status, place, evidenceFrom, evidenceTo } = found;
      const evidence = this.spanOf(units, evidenceFrom, evidenceTo);
      const stated: StatedMeeting = {
        participants,
        place,
        kind: this.kindOf(units, trigger),
        status,
        evidence,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceIndex,
        tense: status === 'planned' ? 'future' : /PresentTense/.test(this.lexicon.tagOf(units[trigger.from].symbol) ?? '') ? 'unknown' : 'past',
        nominal: found.nominal,
      };
      if (trigger.row.frame === 'attend') this.attendances.push({ people: participants, status, sentenceIndex, token: units[trigger.from].firstToken });
      else if (trigger.row.frame === 'trip') this.context.statedVisits.push(stated);
      else if (trigger.row.separate && participants.length > 2) {
        for (const other of participants.slice(1)) this.context.stated.push({ ...stated, participants: [participants[0], other] });
      } else if (found.hosts) {
        const others = participants.filter((p) => !found.hosts!.includes(p));
        for (const host of found.hosts) this.context.stated.push({ ...stated, participants: [host, ...others] });
      } else this.context.stated.push(stated);
    }
  }

  /** One attendance: the subject ("Caruana will represent ...") or the list after the trigger ("due to attend are A, B"). */
  private readAttendance(units: Unit[], trigger: Trigger, sentenceIndex: number): ReadMeeting | undefined {
    if (trigger.row.attendsNamed && this.attendsSomethingElse(units, trigger)) {
      this.sentencesAboutSomethingElse.add(sentenceIndex);
      return undefined;
    }
    // "Blair attended the funeral of the Pope, which Chirac also attended": the same something else.
    if (this.sentencesAboutSomethingElse.has(sentenceIndex)) return undefined;
    const group = trigger.row.side === 'before' ? this.subjectBefore(units, trigger.from, new Map()) : this.listAfter(units, trigger.to, trigger.row.gap);
    if (!group) return undefined;
    const status = this.statusOf(units, trigger.row.side === 'before' ? group : null, trigger, trigger.to);
    if (!status) return undefined;
    return { participants: group.people, status, place: null, evidenceFrom: Math.min(group.first, trigger.from), evidenceTo: Math.max(group.end, trigger.to), nominal: false };
  }

  /**
   * "attended the funeral", "a parade hosted by ...": the clause names what was attended, and it is
   * no event of meeting (those are `eventNouns`), so the attendance says nothing of one.
   */
  private attendsSomethingElse(units: Unit[], trigger: Trigger): boolean {
    const noun = trigger.row.side === 'before' ? this.nounAfter(units, trigger.to) : units[trigger.from - 1];
    if (!noun || noun.capitalized || noun.symbol.startsWith('@') || this.eventNouns.has(noun.symbol)) return false;
    return /(Noun|Singular|Plural)/.test(this.lexicon.tagOf(noun.symbol) ?? 'Noun') && !FREE_WORDS.has(noun.symbol) && !LIST_SEPARATORS.has(noun.symbol);
  }

  /** The head of a noun phrase right after a verb: "the state funeral" gives "funeral". */
  private nounAfter(units: Unit[], k: number): Unit | undefined {
    if (!/^(the|a|an|his|her|their|its)$/.test(units[k]?.symbol ?? '')) return undefined;
    let m = k + 1;
    while (m + 1 < units.length && !units[m + 1].symbol.startsWith('@') && /(Adjective)/.test(this.lexicon.tagOf(units[m].symbol) ?? '')) m++;
    return units[m];
  }

  /**
   * The people the text says take part in one event it names (the nearest event noun in the same
   * sentence or the few before) meet there together: "Tuesday's meeting is being hosted by Tony
   * Blair. Also due to attend are Condoleezza Rice, Kofi Annan ...".
   */
  gatherAttendances(bySentence: Map<number, Reference[]>): void {
    if (this.attendances.length === 0) return;
    const events = this.eventNounsUpTo(this.attendances[this.attendances.length - 1].sentenceIndex);
    const byEvent = new Map<EventNoun, Attendance[]>();
    // The first event a sentence names is its subject; later ones are mostly asides ("the second such meeting after a first session in May").
    const firstInSentence = new Map<number, EventNoun>();
    for (const e of events) if (!firstInSentence.has(e.sentenceIndex)) firstInSentence.set(e.sentenceIndex, e);
    let previous: { attendance: Attendance; event: EventNoun } | undefined;
    let next = 0;
    for (const attendance of this.attendances) {
      while (next < events.length && events[next].token < attendance.token) next++;
      const latest = events[next - 1];
      const sameSentence = firstInSentence.get(attendance.sentenceIndex);
      const before = latest && attendance.sentenceIndex - latest.sentenceIndex <= EVENT_REACH ? firstInSentence.get(latest.sentenceIndex) : undefined;
      const carried = previous && attendance.sentenceIndex - previous.attendance.sentenceIndex <= 2 ? previous.event : undefined;
      const event = sameSentence ?? before ?? carried;
      if (!event) continue;
      previous = { attendance, event };
      const list = byEvent.get(event);
      if (list) list.push(attendance);
      else byEvent.set(event, [attendance]);
    }
    const { tokens, sentences } = this.context.tokenized;
    // Stated in reading order, so the latest one up to a sentence is found by halving.
    const statedBefore = [...this.context.stated];
    const sameNounBefore = earlierOfSameNoun(events);
    for (const [event, attendances] of byEvent) {
      const people = [...new Set(attendances.flatMap((a) => a.people))];
      const joined = meetingMentionedAgain(tokens, event, statedBefore);
      if (joined) {
        // "Deputy Secretary Wendy Sherman joined the meeting": one more participant of the meeting just reported.
        for (const person of people) if (!joined.participants.includes(person)) joined.participants.push(person);
        continue;
      }
      if (people.length < 2 || this.oneSide(people)) continue;
      const sentence = sentences[event.sentenceIndex];
      const evidence = { start: tokens[event.token].start, end: tokens[event.token].end };
      const status: MeetingStatus = attendances.some((a) => a.status === 'planned') ? 'planned' : 'held';
      this.context.stated.push({
        participants: people,
        place: this.eventPlace(event, sameNounBefore.get(event) ?? [], bySentence),
        kind: event.kind,
        status,
        evidence,
        sentence: { start: sentence.start, end: sentence.end },
        sentenceIndex: event.sentenceIndex,
        tense: status === 'planned' ? 'future' : 'past',
        nominal: false,
      });
    }
  }

  private eventNounsUpTo(lastSentence: number): EventNoun[] {
    const { tokens } = this.context.tokenized;
    const found: EventNoun[] = [];
    for (let i = 0; i < tokens.length && tokens[i].sentence <= lastSentence; i++) {
      const noun = tokens[i].text.toLowerCase();
      const kind = this.eventNouns.get(noun);
      if (kind) found.push({ sentenceIndex: tokens[i].sentence, token: i, noun, kind });
    }
    return found;
  }

  /** "talks ... in Tokyo", "the London meeting"; else where an earlier mention of the same noun put it ("a meeting in London"). */
  private eventPlace(event: EventNoun, earlier: EventNoun[], bySentence: Map<number, Reference[]>): string | null {
    for (const candidate of [event, ...earlier]) {
      const units = this.unitsOf(this.context.tokenized.sentences[candidate.sentenceIndex], bySentence.get(candidate.sentenceIndex) ?? []);
      const at = units.findIndex((u) => u.firstToken === candidate.token);
      if (at < 0) continue;
      if (units[at - 1]?.symbol === '@L') return units[at - 1].place!;
      const place = this.placeAfterPreposition(units, at, at + AFTER_REACH, at + 1);
      if (place) return place;
    }
    return null;
  }

  /**
   * "A and B met in Mexico City": nothing the verb governs follows it, only a place, a time or the
   * clause's end. "A and B met with union leaders" met someone else, not each other.
   */
  private nothingMet(units: Unit[], from: number, to: number): boolean {
    if (units[to - 1]?.symbol === 'with' || units.slice(from, to).some((u) => u.symbol === 'with')) return false;
    const next = units[to];
    return next === undefined || next.symbol === '@L' || JOINT_FOLLOWERS.has(next.symbol) || this.lexicon.isDateWord(next.symbol);
  }

  /** Every one of them serves the same known country: one side of talks, not counterparts. */
  private oneSide(people: PersonId[]): boolean {
    const countries = people.map((p) => countryOf(this.context.people[p]));
    return countries.every((c) => c !== null && sameCountry(c, countries[0]!));
  }

  /** The row's kind, unless a word it matched says otherwise ("held a summit meeting with"). */
  private kindOf(units: Unit[], trigger: Trigger): MeetingKind {
    for (let k = trigger.from; k < trigger.to; k++) {
      const kind = this.kindWords.get(units[k].symbol);
      if (kind) return kind;
    }
    return trigger.row.kind;
  }

  private unitsOf(sentence: Sentence, refs: Reference[]): Unit[] {
    const { tokens } = this.context.tokenized;
    const sorted = [...refs].sort((a, b) => a.firstToken - b.firstToken || b.lastToken - a.lastToken);
    const units: Unit[] = [];
    const punctuation = (post: string) => {
      if (/[;:]|[–—]|\s-\s/.test(post)) units.push({ symbol: ';', firstToken: -1, lastToken: -1, possessive: false, capitalized: false });
      else if (/,/.test(post)) units.push({ symbol: ',', firstToken: -1, lastToken: -1, possessive: false, capitalized: false });
    };
    let r = 0;
    for (let i = sentence.first; i < sentence.last; ) {
      while (r < sorted.length && sorted[r].firstToken < i) r++;
      const ref = sorted[r];
      if (ref && ref.firstToken === i) {
        const last = tokens[ref.lastToken - 1];
        const lower = last.text.toLowerCase();
        const possessive = /['’]s$/.test(last.text) || lower === 'his' || lower === 'their' || (lower === 'her' && this.herIsPossessive(ref.lastToken));
        const symbol = ref.kind === 'person' ? '@P' : ref.place ? '@L' : '@O';
        units.push({ symbol, firstToken: ref.firstToken, lastToken: ref.lastToken, person: ref.person, group: ref.group, possessive, place: ref.place, placeType: ref.placeType, capitalized: true });
        punctuation(last.post);
        i = ref.lastToken;
        continue;
      }
      const token = tokens[i];
      units.push({ symbol: token.text.toLowerCase().replace(/[’]/g, "'"), firstToken: i, lastToken: i + 1, possessive: false, capitalized: /^\p{Lu}/u.test(token.text) });
      punctuation(token.post);
      i++;
    }
    return units;
  }

  /** "her" before a noun ("her talks") is possessive; before a date, a preposition or punctuation it is an object. */
  private herIsPossessive(next: number): boolean {
    const { tokens } = this.context.tokenized;
    const token = tokens[next - 1];
    if (/[^\s]/.test(token.post) || next >= tokens.length || tokens[next].sentence !== token.sentence) return false;
    const tag = this.lexicon.tagOf(tokens[next].text.toLowerCase()) ?? 'Noun';
    return !/(Date|Preposition|Conjunction|Adverb|Determiner|Verb|Tense)/.test(tag);
  }

  /** Every row's matches, in reading order, the longer first where two start together. */
  private triggersIn(template: string, startOf: Map<number, number>, unitAt: (offset: number) => number): Trigger[] {
    const found: Trigger[] = [];
    for (const row of this.meetingRows) {
      row.trigger.lastIndex = 0;
      for (const m of template.matchAll(row.trigger)) {
        const from = startOf.get(m.index!);
        if (from === undefined) continue;
        found.push({ row, from, to: unitAt(m.index! + m[0].length) });
      }
    }
    return found.sort((a, b) => a.from - b.from || b.to - a.to);
  }

  private readTrigger(units: Unit[], trigger: Trigger, subjectOfObject: Map<number, Group | null>, sentenceIndex: number): ReadMeeting | undefined {
    const { row, from, to } = trigger;
    if (row.frame === 'attend') return this.readAttendance(units, trigger, sentenceIndex);
    let subject = row.frame === 'between' || row.frame === 'attended' ? null : this.subjectBefore(units, from, subjectOfObject);
    const objects = row.frame === 'joint' || row.frame === 'trip' ? null : this.listAfter(units, to, row.frame === 'attended' ? 10 : row.gap);
    // "In a separate meeting with Xi, Steinberg reiterated ...": the subject follows the list.
    if (!subject && objects && row.frame === 'verb') subject = this.subjectAfter(units, objects.end);
    let people: PersonId[];
    if (row.frame === 'trip') {
      if (!subject || subject.people.length === 0) return undefined;
      const place = this.tripPlace(units, from, to);
      if (!place && !row.placeOptional) return undefined;
      // "Obama's visit" is a noun, which says nothing of when the visit happens but what is around it.
      const nominal = units[subject.end - 1].possessive && subject.end === from;
      const status = nominal ? this.nominalStatus(units, subject, to) : this.statusOf(units, subject, trigger, to);
      if (!status) return undefined;
      return { participants: subject.people, status: row.status ?? status, place, evidenceFrom: Math.min(subject.first, from), evidenceTo: to, nominal };
    }
    if (row.frame === 'between' || row.frame === 'attended') people = objects?.people ?? [];
    else if (row.frame === 'joint') people = subject && subject.people.length >= 2 ? subject.people : [];
    else if (objects && subject) people = [...subject.people, ...objects.people];
    else people = subject && subject.people.length >= 2 && !objects && this.nothingMet(units, from, to) ? subject.people : [];
    if (objects) for (let k = objects.first; k < objects.end; k++) if (units[k].person !== undefined) subjectOfObject.set(k, subject);
    people = [...new Set(people)];
    if (people.length < 2 || (row.counterparts && this.oneSide(people))) return undefined;
    if (objects && row.unlessFollowedBy.has(units[objects.end]?.symbol ?? '')) return undefined;
    // "Howe's visit to King Hussein": a visit after a possessive takes its time from the words around it.
    const nominal = row.kind === 'visit' && subject !== null && units[subject.end - 1].possessive && subject.end === from;
    const status = nominal ? this.nominalStatus(units, subject!, objects?.end ?? to) : this.statusOf(units, subject, trigger, objects?.end ?? to);
    if (!status) return undefined;
    const evidenceFrom = Math.min(subject?.first ?? from, from);
    const evidenceTo = Math.max(objects?.end ?? to, to);
    // "Li Qiang and Zhao Leji met with To Lam separately": each of the subjects met the others on their own.
    const separately = subject && objects && subject.people.length > 1 && units.slice(objects.end, objects.end + 4).some((u) => u.symbol === 'separately');
    const place = this.placeOf(units, subject, from, evidenceTo);
    return { participants: people, status: row.status ?? status, place, evidenceFrom, evidenceTo, nominal, ...(separately ? { hosts: subject!.people } : {}) };
  }

  /**
   * The nearest person before the trigger in its clause, with the list it belongs to ("A and B
   * held talks"). A person who is the object of an earlier trigger joined by "and" passes the
   * subject on ("will hold talks with Thatcher and meet the Queen": the subject of both).
   */
  private subjectBefore(units: Unit[], from: number, subjectOfObject: Map<number, Group | null>): Group | null {
    let sawAnd = false;
    for (let k = from - 1; k >= 0 && k >= from - SUBJECT_REACH; k--) {
      const unit = units[k];
      if (unit.person !== undefined) {
        if (unit.possessive && k < from - 1 && !this.onlyModifiersBetween(units, k + 1, from)) continue;
        // "Akiman, who arrived from a meeting with ...": a relative clause makes the earlier object its subject.
        if (subjectOfObject.has(k) && !units.slice(k + 1, from).some((u) => u.symbol === 'who')) return sawAnd ? subjectOfObject.get(k)! : null;
        return this.listEndingAt(units, k);
      }
      if (CLAUSE_STOPS.has(unit.symbol)) return null;
      if (unit.symbol === 'and') sawAnd = true;
    }
    return null;
  }

  private onlyModifiersBetween(units: Unit[], first: number, end: number): boolean {
    for (let k = first; k < end; k++) if (!this.isModifier(units[k])) return false;
    return true;
  }

  /** Adjectives and nationalities before a meeting noun: "his two-day visit", "Steinberg's China trip". */
  private isModifier(unit: Unit): boolean {
    if (unit.symbol === '@L' || unit.capitalized) return true;
    const tag = this.lexicon.tagOf(unit.symbol);
    return tag === undefined ? /-/.test(unit.symbol) : /(Adjective|Value|Ordinal|Cardinal)/.test(tag);
  }

  /** "Treasury Secretary James Baker and Federal Reserve Board Chairman Paul Volcker": the list ending at unit k. */
  private listEndingAt(units: Unit[], k: number): Group {
    if (units[k].group) return { people: [...units[k].group!], first: k, end: k + 1 };
    const people = [units[k].person!];
    let first = k;
    for (;;) {
      let sawSeparator = false;
      let conjoined = false;
      let m = first - 1;
      while (m >= 0 && first - m <= 8 && units[m].person === undefined && this.mayStandInList(units[m])) {
        sawSeparator ||= LIST_SEPARATORS.has(units[m].symbol) && units[m].symbol !== 'by';
        conjoined ||= LIST_SEPARATORS.has(units[m].symbol) && units[m].symbol !== 'by' && units[m].symbol !== ',';
        m--;
      }
      // The join nearest the verb is "and" ("A, B and C met"); "Before meeting Bush, the prince" is no list.
      if (m < 0 || units[m].person === undefined || units[m].possessive || !sawSeparator || (people.length === 1 && !conjoined)) break;
      people.unshift(units[m].person!);
      first = m;
    }
    return { people, first, end: k + 1 };
  }

  /** A unit that may sit between two names of one list: separators, titles, articles, organizations, places. */
  private mayStandInList(unit: Unit): boolean {
    if (LIST_SEPARATORS.has(unit.symbol) || FREE_WORDS.has(unit.symbol)) return true;
    if (unit.symbol === '@O' || unit.symbol === '@L' || unit.capitalized) return true;
    return this.lexicon.isTitleWord(unit.symbol) && !this.isVerb(unit);
  }

  /** "In a meeting with Xi, Steinberg said": a person right after the comma that closes the phrase. */
  private subjectAfter(units: Unit[], end: number): Group | null {
    // The phrase may go on with where or when before its comma: "after talks with Meles in Addis Ababa, Mr Blair said".
    let comma = end;
    while (comma < units.length && comma < end + 6 && units[comma].symbol !== ',' && units[comma].person === undefined && !CLAUSE_STOPS.has(units[comma].symbol) && !this.isVerb(units[comma])) comma++;
    if (units[comma]?.symbol !== ',') return null;
    for (let k = comma + 1; k < units.length && k <= comma + 4; k++) {
      if (units[k].person !== undefined && !units[k].possessive) return { people: [units[k].person!], first: k, end: k + 1 };
      if (!this.mayStandInList(units[k])) return null;
    }
    return null;
  }

  /** The people a trigger governs: up to `gap` ordinary words, then a list of names joined by commas and "and". */
  private listAfter(units: Unit[], to: number, gap: number): Group | null {
    let k = to;
    // Ordinary words count from the last "and" after a noun phrase: "met the Senate members and
    // Undersecretary Wallis" names Wallis; "visited in 1967 and King Khaled" does not.
    let ordinary = 0;
    let nounPhrase = true;
    for (; k < units.length && k < to + OBJECT_REACH; k++) {
      const unit = units[k];
      if (unit.person !== undefined) {
        if (unit.possessive) continue;
        break;
      }
      if (unit.symbol === ',') {
        // "with the Italian Foreign Minister, Franco Bellini": a title set off before its name.
        if (units[k + 1]?.symbol === 'including' || units[k + 1]?.symbol === 'among' || (ordinary === 0 && k > to && this.nameComesNext(units, k + 1))) continue;
        return null;
      }
      if (CLAUSE_STOPS.has(unit.symbol) || this.isVerb(unit) || /^(who|which|where|when)$/.test(unit.symbol)) return null;
      if (unit.symbol === 'and' && nounPhrase) ordinary = 0;
      // "the Special Envoy ... for the Horn of Africa": "for" and "to" after a title word carry the title on.
      else if (/^(for|to)$/.test(unit.symbol) && k > to && (units[k - 1].capitalized || this.lexicon.isTitleWord(units[k - 1].symbol))) continue;
      else if (!this.isFree(unit)) {
        ordinary++;
        nounPhrase &&= !/(Preposition|Value|Cardinal)/.test(this.lexicon.tagOf(unit.symbol) ?? (/^\d/.test(unit.symbol) ? 'Value' : ''));
      }
    }
    if (k >= units.length || units[k].person === undefined || this.reports(units, k) || ordinary > gap) return null;
    const items = [{ person: units[k].person!, at: k, conjoined: true }];
    for (;;) {
      const last = items[items.length - 1].at;
      let m = last + 1;
      let sawSeparator = false;
      let conjoined = false;
      let ordinaryWords = 0;
      while (m < units.length && m - last <= 9 && (units[m].person === undefined || units[m].possessive)) {
        const unit = units[m];
        if (unit.person === undefined && !this.mayStandInList(unit)) {
          if (CLAUSE_STOPS.has(unit.symbol) || this.isVerb(unit) || ++ordinaryWords > 3) break;
        }
        sawSeparator ||= LIST_SEPARATORS.has(unit.symbol);
        conjoined ||= LIST_SEPARATORS.has(unit.symbol) && unit.symbol !== ',';
        m++;
      }
      if (m >= units.length || units[m].person === undefined || units[m].possessive || !sawSeparator || this.reports(units, m)) break;
      items.push({ person: units[m].person!, at: m, conjoined });
    }
    // "A, B and C" is a list, and so is "A, B and leaders of ..."; "with Xi, Steinberg said" is not: a list ends with a conjunction.
    const conjunctionFollows = this.conjunctionFollows(units, items[items.length - 1].at + 1);
    while (!conjunctionFollows && items.length > 1 && !items[items.length - 1].conjoined) items.pop();
    return { people: items.flatMap((i) => units[i.at].group ?? [i.person]), first: k, end: items[items.length - 1].at + 1 };
  }

  /** The list goes on past its last name to an "and" ("A, B, World Bank officials and ministers"). */
  private conjunctionFollows(units: Unit[], k: number): boolean {
    for (let m = k; m < units.length && m <= k + 6; m++) {
      if (units[m].symbol === 'and') return true;
      if (units[m].person !== undefined || CLAUSE_STOPS.has(units[m].symbol) || this.isVerb(units[m])) return false;
    }
    return false;
  }

  /** A person right after `k`, past honorifics and other capitalised words ("Mr. Abdirahman Warsame"). */
  private nameComesNext(units: Unit[], k: number): boolean {
    for (let m = k; m < units.length && m <= k + 3; m++) {
      if (units[m].person !== undefined) return !units[m].possessive;
      if (!units[m].capitalized) return false;
    }
    return false;
  }

  /** ", Volcker said": a name that introduces reported speech is not one of the list. */
  private reports(units: Unit[], k: number): boolean {
    return REPORTING.has(units[k + 1]?.symbol ?? '');
  }

  private isFree(unit: Unit): boolean {
    if (FREE_WORDS.has(unit.symbol) || unit.symbol === '@L' || unit.symbol === '@O' || unit.capitalized) return true;
    return this.lexicon.isTitleWord(unit.symbol) && !this.isVerb(unit);
  }

  private isVerb(unit: Unit): boolean {
    if (unit.capitalized || unit.symbol.startsWith('@') || this.lexicon.isTitleWord(unit.symbol)) return false;
    const tag = this.lexicon.tagOf(unit.symbol);
    return tag !== undefined && /(PastTense|PresentTense|Infinitive|Modal|Copula|Auxiliary)/.test(tag);
  }

  /**
   * Held unless the verb group says otherwise: a planned row makes it planned, a wish or a denial
   * makes it no meeting (undefined). A bare "to" right before the trigger follows a past main verb.
   */
  private statusOf(units: Unit[], subject: Group | null, trigger: Trigger, after: number): MeetingStatus | undefined {
    if (subject && this.proposedBefore(units, subject.first)) return undefined;
    const groupStart = subject && subject.end <= trigger.from ? subject.end : Math.max(0, trigger.from - 6);
    // Capitalised words are names and months ("May"), never modal words.
    const group = units.slice(groupStart, trigger.from).filter((u) => !u.capitalized);
    const groupText = group.map((u) => u.symbol).join(' ') + ' ';
    const afterText = units.slice(after, after + AFTER_REACH).map((u) => u.symbol).join(' ') + ' ';
    const adjacentText = units.slice(Math.max(groupStart, trigger.from - 2), trigger.from).map((u) => u.symbol).join(' ') + ' ';
    let planned = false;
    let plannedOnlyByTo = false;
    for (const row of this.modalityRows) {
      if (row.nominal) continue;
      const inGroup = matches(row.words, row.adjacent ? adjacentText : groupText, row.adjacent);
      const inAfter = row.after && matches(row.words, afterText, false);
      if (!inGroup && !inAfter) continue;
      if (row.effect === 'denied' || row.effect === 'hypothetical') return undefined;
      if (row.adjacent && row.id === 'headline-to' && !planned) plannedOnlyByTo = true;
      else planned = true;
    }
    if (planned) return 'planned';
    if (plannedOnlyByTo) return group.some((u) => /PastTense/.test(this.lexicon.tagOf(u.symbol) ?? '')) ? 'held' : 'planned';
    return 'held';
  }

  /** "The Chairperson proposed that President Abdi and President Alemu meet": a wish or proposal governs the subject. */
  private proposedBefore(units: Unit[], first: number): boolean {
    let k = first - 1;
    while (k >= 0 && (units[k].capitalized || FREE_WORDS.has(units[k].symbol))) k--;
    if (units[k]?.symbol === 'that') k--;
    if (k < 0 || first - k > 8) return false;
    const words = units.slice(Math.max(0, k - 1), k + 1).map((u) => u.symbol).join(' ') + ' ';
    return this.modalityRows.some((row) => row.effect === 'hypothetical' && !row.nominal && matches(row.words, words, true));
  }

  private nominalStatus(units: Unit[], subject: Group, after: number): MeetingStatus {
    const before = units.slice(Math.max(0, subject.first - 3), subject.first).map((u) => u.symbol).join(' ') + ' ';
    const afterText = units.slice(after, after + AFTER_REACH).map((u) => u.symbol).join(' ') + ' ';
    const planned = this.modalityRows.some((row) => row.effect === 'planned' && ((row.nominal && matches(row.words, before, false)) || (row.after && matches(row.words, afterText, false))));
    return planned ? 'planned' : 'held';
  }

  /**
   * Where the meeting was: "in Frankfurt" after its words (a city rather than the country given
   * with it), "travelled to Colombo and met" before them, a fronted "In Jerusalem,", "where he
   * met" after a place, or "here" for the dateline's city.
   */
  private placeOf(units: Unit[], subject: Group | null, from: number, end: number): string | null {
    const clauseEnd = this.afterApposition(units, end);
    const after = this.placeAfterPreposition(units, from, clauseEnd + AFTER_REACH, clauseEnd);
    if (after) return after;
    for (let k = Math.max(subject?.end ?? 0, from - 12); k < from; k++) {
      if ((PLACE_PREPOSITIONS.has(units[k].symbol) || VISIT_VERBS.has(units[k].symbol)) && units[k + 1]?.symbol === '@L') return units[k + 1].place!;
    }
    const start = subject?.first ?? from;
    // A fronted phrase: "In Jerusalem, Mr. Sullivan met", "During his stay in Washington, he was to meet".
    let comma = start - 1;
    while (comma > 0 && units[comma].symbol !== ',' && this.mayStandInList(units[comma]) && !LIST_SEPARATORS.has(units[comma].symbol)) comma--;
    if (units[comma]?.symbol === ',') {
      const fronted = this.placeAfterPreposition(units, 0, comma);
      if (fronted) return fronted;
    }
    // "will travel to Seoul on Friday, where he will meet ...".
    for (let k = 1; k + 1 < start; k++) {
      if (units[k].symbol !== ',' || units[k + 1].symbol !== 'where') continue;
      for (let m = k - 1; m >= 0 && m >= k - 4; m--) if (units[m].symbol === '@L') return units[m].place!;
    }
    for (let k = from; k < Math.min(units.length, end + 3); k++) if (units[k].symbol === 'here') return this.context.datelinePlace;
    return null;
  }

  /** ", President of the Philippines," after a name is its apposition; what follows it is the clause again. */
  private afterApposition(units: Unit[], end: number): number {
    if (units[end]?.symbol !== ',') return end;
    for (let k = end + 1; k < units.length && k <= end + 10; k++) {
      if (units[k].symbol === ',') return k + 1;
      if (!this.mayStandInList(units[k]) || LIST_SEPARATORS.has(units[k].symbol)) return end;
    }
    return end;
  }

  /** The first "in|at <place>" from `from` to `end`; past `clauseEnd`, a clause word ("said", "but") ends the search. */
  private placeAfterPreposition(units: Unit[], from: number, end: number, clauseEnd = end): string | null {
    let found: Unit | undefined;
    for (let k = from; k < Math.min(units.length, end); k++) {
      if (k >= clauseEnd && CLAUSE_STOPS.has(units[k].symbol)) break;
      // "on his first official visit to London": the place of the visit the meeting was part of.
      const visitTo = units[k].symbol === 'to' && /^(visit|trip|journey)$/.test(units[k - 1]?.symbol ?? '');
      if (!PLACE_PREPOSITIONS.has(units[k].symbol) && !visitTo) continue;
      const at = units[k + 1]?.symbol === 'the' ? k + 2 : k + 1;
      const unit = units[at];
      if (unit?.symbol !== '@L') continue;
      // A country, or a venue no gazetteer knows ("at the Bocharov Ruchei residence in Sochi"), gives way to a city named after it.
      const broad = (u: Unit) => u.placeType === 'country' || u.placeType === undefined;
      if (!found) found = unit;
      else if (broad(found) && unit.placeType === 'city') found = unit;
      if (!broad(found)) break;
    }
    return found?.place ?? null;
  }

  /** "travelled to Hanoi", "visit Japan", "Steinberg's China trip", "Obama's visit to China". */
  private tripPlace(units: Unit[], from: number, to: number): string | null {
    for (let k = to; k < Math.min(units.length, to + 3); k++) {
      if (units[k].symbol === '@L') return units[k].place!;
      if (!/^(to|in|at|the)$/.test(units[k].symbol)) break;
    }
    if (units[from - 1]?.symbol === '@L' && units[from - 1].placeType === 'country' && units[from - 2]?.possessive) return units[from - 1].place!;
    return null;
  }

  private spanOf(units: Unit[], from: number, to: number): Span {
    const { tokens } = this.context.tokenized;
    let first = from;
    while (first < to && units[first].firstToken < 0) first++;
    let last = to - 1;
    while (last > first && units[last].firstToken < 0) last--;
    return { start: tokens[units[first].firstToken].start, end: tokens[units[last].lastToken - 1].end };
  }
}

function matches(words: RegExp, text: string, atEnd: boolean): boolean {
  words.lastIndex = 0;
  for (const m of text.matchAll(words)) if (!atEnd || m.index! + m[0].length === text.length) return true;
  return false;
}

/** The sentence as one string of unit symbols, with maps between offsets and units. */
function templateOf(units: Unit[]): { template: string; startOf: Map<number, number>; unitAt: (offset: number) => number } {
  const startOf = new Map<number, number>();
  let template = '';
  units.forEach((unit, index) => {
    startOf.set(template.length, index);
    template += unit.symbol + ' ';
  });
  return { template, startOf, unitAt: (offset) => startOf.get(offset) ?? units.length };
}
