import { Tokenized } from './tokens';
import { MeetingKind, MeetingStatus, Span } from './types';

/** A name in a sentence that meeting patterns can refer to. */
export interface SentenceReference {
  kind: 'person' | 'place' | 'organization';
  /** Person index in the article, place name, or organization name. */
  id: string;
  firstToken: number;
  lastToken: number;
  /** For organizations: the city they stand for ("White House" -> Washington). */
  placeName?: string;
}

/** A meeting as the text states it, before dates are resolved. */
export interface StatedMeeting {
  participants: string[];
  place: string | null;
  kind: MeetingKind;
  status: MeetingStatus;
  evidence: Span;
  sentence: Span;
  sentenceIndex: number;
  /** Stated as a noun ("Xi's visit to Los Angeles"), which says nothing about when it happened. */
  nominal: boolean;
}

type Unit = { symbol: string; firstToken: number; lastToken: number };

const MAX_SENTENCE_WORDS = 250;

/** How many words after a meeting's words may still name where it took place ("on Tuesday in Beijing"). */
const PLACE_WINDOW = 8;

const KIND_OF: Record<string, MeetingKind> = {
  met: 'meeting', meets: 'meeting', meet: 'meeting', meeting: 'meeting', meetings: 'meeting', received: 'meeting', hosted: 'meeting',
  told: 'meeting', talks: 'talks', talked: 'talks', consultations: 'talks', negotiations: 'talks', dialogue: 'talks',
  visit: 'visit', visits: 'visit', visited: 'visit', trip: 'visit', tour: 'visit', traveled: 'visit', travelled: 'visit', arrived: 'visit',
  call: 'call', called: 'call', conversation: 'call', phoned: 'call', telephoned: 'call', spoke: 'call', summit: 'summit',
};

const A = '@P(?<a>\\d+)';
const B = '@P(?<b>\\d+)';
/** Words between a verb and the person it governs, without another person among them: titles, "the", places. */
const GAP = (n: number) => `(?:(?!@P)\\S+ ){0,${n}}?`;
const PLANNED = /\b(will|would|plans?|planned|expected|next|forward|hopes?|could|may|might|later|upcoming|shall|possible|likely|opportunity|prepare|stage|to (?:meet|hold|visit|travel|talk|realize))\b/;

/** Patterns that name two participants, in groups "a" and "b", and the meeting word in "verb". */
const PAIR_PATTERNS: RegExp[] = [
  // "Han met US Secretary of State Antony Blinken", "X will meet with Y", "X held two rounds of talks with Y"
  new RegExp(`${A}(?:'s)? ${GAP(4)}(?<verb>met|meets|meet|meeting|received|hosted|told|(?:held|holds|hold|had|have|has) ${GAP(4)}(?:talks|meetings|consultations|negotiations|(?:a |an )?(?:meeting|call|conversation|summit))|talked|spoke|telephoned|phoned|called) (?:with |on |to )?(?:visiting )?${GAP(7)}${B}`, 'g'),
  // "talks between X and Y", "a meeting between President X and his US counterpart Y"
  new RegExp(`(?<verb>talks|meeting|meetings|summit|call|conversation|consultations|negotiations) ${GAP(4)}between ${GAP(6)}${A} and ${GAP(6)}${B}`, 'g'),
  // "X said ... his meeting with Y", "at the beginning of his meeting with Han"
  new RegExp(`${A}(?:'s)? ${GAP(14)}(?:his|her|their) ${GAP(2)}(?<verb>meeting|talks|call|conversation|summit|visit) with ${GAP(6)}${B}`, 'g'),
  // "looks forward to meeting with Xi"
  new RegExp(`${A} ${GAP(8)}(?:forward to|hopes? to|plans? to|expects? to) (?<verb>meeting|meet|visiting|talks) (?:with )?${GAP(6)}${B}`, 'g'),
];

/** "In a separate meeting with Chinese Vice President Xi Jinping, Steinberg reiterated ..." */
const MEETING_WITH_THEN_SUBJECT = new RegExp(`(?:in|during|at) (?:a|the|his|her) ${GAP(2)}(?<verb>meeting|talks|call|conversation) with ${GAP(6)}${A}(?:'s)? ${GAP(12)}, ${GAP(3)}${B}`, 'g');
/** "Xi said when he and Trump met in Argentina last December" */
const PRONOUN_AND = new RegExp(`${A} ${GAP(4)}(?:said |says )?(?:that )?(?:when |as )?(?:he|she) and ${GAP(4)}${B} (?<verb>met|meet|held|had|talked|spoke)`, 'g');
/** "Blinken's China visit", "Obama's visit to China", "Steinberg's China trip" */
const VISIT_OF = new RegExp(`${A}'s (?:\\S+ ){0,3}?(?:@L(?<before>\\d+) )?(?<verb>visit|trip|tour)(?: to @L(?<after>\\d+))?`, 'g');
/** "Blinken, US Commerce Secretary Gina Raimondo ... and John Kerry have traveled to China" */
const TRAVELLED = new RegExp(`(?<people>(?:@P\\d+(?:'s)? ${GAP(5)})+)(?:have |has |had |will )?(?<verb>traveled|travelled|visited|visit|flew|arrived) (?:to |in )?(?:\\S+ ){0,2}?@L(?<place>\\d+)`, 'g');
/** "a day of meetings with A, B and C" */
const MEETINGS_WITH_LIST = new RegExp(`(?<verb>meetings|talks) with (?<people>(?:${GAP(5)}@P\\d+,? ){1,6}and ${GAP(5)}@P\\d+)`, 'g');

/**
 * Finds meetings stated in each sentence by matching patterns over a compact form of the
 * sentence where every person is "@P<n>", every place "@L<n>" and every organization "@O<n>".
 */
export function findStatedMeetings(tokenized: Tokenized, references: SentenceReference[], placeNames: string[]): StatedMeeting[] {
  const found: StatedMeeting[] = [];
  const bySentence = new Map<number, SentenceReference[]>();
  for (const ref of references) {
    const s = tokenized.tokens[ref.firstToken].sentence;
    const list = bySentence.get(s);
    if (list) list.push(ref);
    else bySentence.set(s, [ref]);
  }
  tokenized.sentences.forEach((sentence, sentenceIndex) => {
    const refs = (bySentence.get(sentenceIndex) ?? []).sort((a, b) => a.firstToken - b.firstToken);
    // A "sentence" longer than any real one (a file with no stops) would make the patterns slow and say nothing.
    if (!refs.some((r) => r.kind === 'person') || sentence.last - sentence.first > MAX_SENTENCE_WORDS) return;
    const { template, units, offsets } = compact(tokenized, sentence.first, sentence.last, refs, placeNames);
    const sentenceSpan = { start: sentence.start, end: sentence.end };
    const add = (participants: string[], verb: string, matchStart: number, matchEnd: number, status?: MeetingStatus, place?: string | null, nominal = false) => {
      const people = [...new Set(participants)];
      if (people.length === 0) return;
      const kind = KIND_OF[verb.split(' ').pop()!] ?? KIND_OF[verb.split(' ')[0]] ?? 'meeting';
      const evidence = spanOf(tokenized, units, offsets, matchStart, matchEnd);
      found.push({
        participants: people,
        place: place !== undefined ? place : placeNear(template, matchStart, matchEnd, placeNames, kind === 'visit'),
        kind,
        status: status ?? statusOf(template, matchStart, matchEnd),
        evidence,
        sentence: sentenceSpan,
        sentenceIndex,
        nominal,
      });
    };
    const end = (m: RegExpMatchArray) => m.index! + m[0].length;
    for (const pattern of [...PAIR_PATTERNS, MEETING_WITH_THEN_SUBJECT, PRONOUN_AND]) {
      for (const m of template.matchAll(pattern)) add([m.groups!.a, m.groups!.b], m.groups!.verb, m.index!, end(m));
    }
    for (const m of template.matchAll(VISIT_OF)) {
      const place = m.groups!.before ?? m.groups!.after;
      add([m.groups!.a], 'visit', m.index!, end(m), undefined, place !== undefined ? placeNames[Number(place)] : null, true);
    }
    for (const m of template.matchAll(TRAVELLED)) {
      const place = placeNames[Number(m.groups!.place)];
      for (const person of travellers(m.groups!.people)) add([person], m.groups!.verb, m.index!, end(m), undefined, place);
    }
    for (const m of template.matchAll(MEETINGS_WITH_LIST)) {
      const subject = /@P(\d+)/.exec(template.slice(0, m.index!));
      if (!subject) continue;
      for (const p of m.groups!.people.matchAll(/@P(\d+)/g)) add([subject[1], p[1]], m.groups!.verb, m.index!, end(m));
    }
  });
  return found.filter((m) => m.kind === 'visit' || m.participants.length >= 2);
}

/** People in a list, leaving out one who only qualifies the next ("Biden climate envoy John Kerry"). */
function travellers(list: string): string[] {
  const items = [...list.matchAll(/@P(\d+)(?:'s)?((?: (?!@P)\S+)*)/g)];
  return items.filter((item, i) => i === items.length - 1 || /(^| )(,|and)( |$)/.test(item[2])).map((item) => item[1]);
}

function compact(tokenized: Tokenized, first: number, last: number, refs: SentenceReference[], placeNames: string[]): { template: string; units: Unit[]; offsets: number[] } {
  const units: Unit[] = [];
  let r = 0;
  for (let i = first; i < last; ) {
    while (r < refs.length && refs[r].lastToken <= i) r++;
    const ref = refs[r];
    if (ref && ref.firstToken === i) {
      const token = tokenized.tokens[ref.lastToken - 1];
      const possessive = /['’]s$/.test(token.text) ? "'s" : '';
      let symbol: string;
      if (ref.kind === 'person') symbol = `@P${ref.id}${possessive}`;
      else if (ref.kind === 'place') symbol = `@L${placeIndex(placeNames, ref.id)}${possessive}`;
      else symbol = ref.placeName ? `@L${placeIndex(placeNames, ref.placeName)}` : `@O`;
      units.push({ symbol, firstToken: ref.firstToken, lastToken: ref.lastToken });
      if (/,/.test(token.post)) units.push({ symbol: ',', firstToken: ref.lastToken - 1, lastToken: ref.lastToken });
      i = ref.lastToken;
      continue;
    }
    const token = tokenized.tokens[i];
    units.push({ symbol: token.text.toLowerCase(), firstToken: i, lastToken: i + 1 });
    if (/,/.test(token.post)) units.push({ symbol: ',', firstToken: i, lastToken: i + 1 });
    i++;
  }
  const offsets: number[] = [];
  let template = '';
  for (const unit of units) {
    offsets.push(template.length);
    template += unit.symbol + ' ';
  }
  return { template, units, offsets };
}

function placeIndex(placeNames: string[], name: string): number {
  let index = placeNames.indexOf(name);
  if (index < 0) index = placeNames.push(name) - 1;
  return index;
}

function unitAt(offsets: number[], position: number): number {
  let index = 0;
  while (index + 1 < offsets.length && offsets[index + 1] <= position) index++;
  return index;
}

function spanOf(tokenized: Tokenized, units: Unit[], offsets: number[], from: number, to: number): Span {
  const first = units[unitAt(offsets, from)];
  const last = units[unitAt(offsets, Math.max(from, to - 2))];
  return { start: tokenized.tokens[first.firstToken].start, end: tokenized.tokens[last.lastToken - 1].end };
}

/** A planning word near the verb makes the meeting planned ("will meet", "to hold talks", "later this year"). */
function statusOf(template: string, start: number, end: number): MeetingStatus {
  const before = template.slice(Math.max(0, start - 40), start).split(' ').slice(-4).join(' ');
  const after = template.slice(end).split(' ').slice(0, 3).join(' ');
  const inner = template.slice(start, end).replace(/@\S+/g, '');
  if (PLANNED.test(inner) || /\b(for|to|will|would|could|next|planned)\b/.test(before) || /\b(later|next|upcoming)\b/.test(after)) return 'planned';
  return 'held';
}

/** "in Beijing", "at the White House": the first place a preposition introduces in or just after the match. */
function placeNear(template: string, start: number, end: number, placeNames: string[], visit: boolean): string | null {
  const near = template.slice(start, end) + template.slice(end).split(' ').slice(0, PLACE_WINDOW).join(' ');
  const m = (visit ? /\b(?:in|at|to) (?:the )?@L(\d+)/ : /\b(?:in|at) (?:the )?@L(\d+)/).exec(near);
  if (m) return placeNames[Number(m[1])];
  return null;
}
