import { NameTagger } from './tagger/model';
import { Mention, EntityFinder } from './entities';
import { EventCatalog } from './events';
import { Gazetteer } from './gazetteer';
import { KnowledgeBase, Official } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { MeetingPatterns } from './patterns';
import { RoleReader, StatedTitle } from './roles';
import { Tense } from './dates';
import { ReadableText } from './readableText';
import { Tokenized } from './tokens';
import { ArticleDocument, DateValue, Meeting, MeetingKind, MeetingStatus, PlaceType, Span } from './types';

/** Index of a person in ArticleContext.people: the one identity a name, a title or a pronoun resolves to. */
export type PersonId = number & { readonly __personId: unique symbol };

export const personId = (index: number): PersonId => index as PersonId;

/** A person as one article names them, gathered from all their mentions. */
export interface ArticlePerson {
  id: PersonId;
  /** The fullest form the article uses. */
  fullName: string;
  parts: Set<string>;
  mentions: Mention[];
  titles: StatedTitle[];
  official?: Official;
  /** References by title alone ("the vice premier") or by pronoun, counted as mentions of this person when they are titles. */
  titleOnly: Span[];
}

/** Something in a sentence that meeting rows can name: a person (by name, title or pronoun), a place or an organization. */
export interface Reference {
  kind: 'person' | 'place' | 'organization';
  person?: PersonId;
  /** Two or more people one phrase stands for ("the two men"); `person` is the first of them. */
  group?: PersonId[];
  /** Canonical place name, for places and for organizations that stand for a city ("White House"). */
  place?: string;
  placeType?: PlaceType;
  firstToken: number;
  lastToken: number;
}

/** A meeting as the text states it, before its date is resolved. */
export interface StatedMeeting {
  participants: PersonId[];
  place: string | null;
  kind: MeetingKind;
  status: MeetingStatus;
  evidence: Span;
  sentence: Span;
  sentenceIndex: number;
  /** Which way weekdays and month names point: planned ones forward, a present-tense verb ("begins ... on Tuesday") either way. */
  tense: Tense;
  /** Stated as a noun ("Xi's visit to Los Angeles"), which says nothing about when it happened. */
  nominal: boolean;
}

/** What the engine loads once and every article shares. */
export interface EngineResources {
  gazetteer: Gazetteer;
  knowledgeBase: KnowledgeBase;
  events: EventCatalog;
  lexicon: Lexicon;
  finder: EntityFinder;
  patterns: MeetingPatterns;
  /** Names the reader says are never a person, or never a place, as normalizeNameForm gives them. */
  notPeople: ReadonlySet<string>;
  notPlaces: ReadonlySet<string>;
  /** The trained name tagger, read on first use; null when the engine finds names by its rules alone. */
  nameTagger(): NameTagger | null;
}

/**
 * The time one article may take. The costly steps ask it between sentences whether to go on, each
 * with the share of the budget it may use up to then. A step that runs out sets the sentence the
 * analysis stops before; the steps after it read only the sentences before that, and may stop
 * earlier still when their own share runs out.
 */
export class TimeBudget {
  /** The first sentence not analysed, once time has run out; null while it has not. */
  stopSentence: number | null = null;
  /** The step that ran out of time last. */
  stoppedIn: string | null = null;

  private readonly startedAt: number;

  constructor(
    /** Milliseconds for the whole article; Infinity for no limit. */
    readonly ms: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startedAt = clock();
  }

  /** True when sentence `index` is not to be read: it is past the stop, or `share` of the budget is spent. */
  stopsBefore(index: number, share: number, step: string): boolean {
    if (this.stopSentence !== null && index >= this.stopSentence) return true;
    if (this.ms === Infinity || this.clock() - this.startedAt < this.ms * share) return false;
    this.stopSentence = index;
    this.stoppedIn = step;
    return true;
  }

  /**
   * After a step that read `count` sentences: when more than `share` of the budget is spent, the
   * analysis stops where the steps after it, costing as much again in proportion, end in time.
   */
  stopInProportion(count: number, share: number, step: string): void {
    const spent = this.ms === Infinity ? 0 : this.clock() - this.startedAt;
    if (spent <= this.ms * share) return;
    const affordable = Math.floor((count * this.ms * share) / spent);
    if (this.stopSentence !== null && this.stopSentence <= affordable) return;
    this.stopSentence = affordable;
    this.stoppedIn = step;
  }
}

/** The one object the stages read and fill, in order: each stage adds what the next ones need. */
export interface ArticleContext {
  readonly document: ArticleDocument;
  /** What the stages read instead of the document's text: the same offsets, with all that is not article prose blanked. */
  readonly readable: ReadableText;
  readonly resources: EngineResources;
  readonly budget: TimeBudget;
  tokenized: Tokenized;
  mentions: Mention[];
  roles: RoleReader | null;
  people: ArticlePerson[];
  /** The person each person mention names, set by the people stage. */
  personOf: Map<Mention, PersonId>;
  references: Reference[];
  /** The place the article's dateline names ("WASHINGTON, April 7 -"), as a canonical place name. */
  datelinePlace: string | null;
  /** The date the article states about itself (dateline or stamp), before any inference. */
  statedDate: DateValue;
  stated: StatedMeeting[];
  /** Single-person visits with their place ("Smith will visit Japan"): events, never meetings between people. */
  statedVisits: StatedMeeting[];
  date: DateValue;
  meetings: Meeting[];
  visits: Meeting[];
}

/** One step of the analysis. Stages run in the order analyze.ts lists them and are linear in the article's length. */
export interface Stage {
  readonly name: string;
  run(context: ArticleContext): void;
}

export const UNKNOWN_DATE: DateValue = { value: null, precision: null, earliest: null, latest: null, basis: 'no date stated' };
