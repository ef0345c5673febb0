/** The engine's own view of a document: enough to analyse it and to drop stale results. */
export interface ArticleDocument {
  /** A stable key for the document: a workspace-relative path, a URI string or a file path. */
  readonly uri: string;
  /** The text as the editor holds it: UTF-16, BOM removed, line endings untouched. */
  readonly text: string;
  /** Increases with every edit; the same text may be re-analysed under a new version. */
  readonly version: number;
  /** How to read the text; by default from the uri's extension (.md, .markdown and .mdx are markdown). */
  readonly format?: ArticleFormat;
}

/** Markdown is read as markdown: its front matter, code, comments and link targets are not article text. */
export type ArticleFormat = 'plain' | 'markdown';

/** Half-open range of UTF-16 code units into ArticleDocument.text, as `positionAt` takes. */
export interface Span {
  start: number;
  end: number;
}

export type EntityKind = 'person' | 'place' | 'organization';

export type DatePrecision = 'day' | 'month' | 'year';

/** A date known to some precision, with the interval it may fall in and why we believe it. */
export interface DateValue {
  /** "2009-09-29", "2009-09", "2009", or null when nothing is known. */
  value: string | null;
  precision: DatePrecision | null;
  /** ISO day bounds of what the evidence allows. */
  earliest: string | null;
  latest: string | null;
  /** One line a person can check: "dateline 'WASHINGTON, Jan. 31'; year from tenures of ...". */
  basis: string;
}

export interface Role {
  title: string;
  country: string | null;
  /** 'text' when the article states it; 'knowledge-base' when filled in from the bundled officials. */
  source: 'text' | 'knowledge-base';
  /** Where the article states it, when it does. */
  span?: Span;
}

export type PlaceType = 'country' | 'city' | 'region' | 'water' | 'continent' | 'landmark' | 'other';

export interface Entity {
  /** Stable within a corpus: "person:xi-jinping", "place:beijing". */
  id: string;
  kind: EntityKind;
  /** Canonical name: the fullest form the article or the knowledge base gives. */
  name: string;
  roles: Role[];
  /** Where the article names the entity. */
  mentions: Span[];
  /** Where a title alone refers to the person ("the vice premier", "EAM"): highlighted and hovered like a name, but no name. */
  titleMentions?: Span[];
  /** Country a person serves or a place lies in, when known. */
  country?: string | null;
  placeType?: PlaceType;
  /** Id in the knowledge base when the person is a known official. */
  kbId?: string;
  aliases?: string[];
}

export type MeetingKind = 'meeting' | 'talks' | 'visit' | 'call' | 'summit';
export type MeetingStatus = 'held' | 'planned';

export interface Meeting {
  participants: string[];
  place: string | null;
  date: DateValue;
  status: MeetingStatus;
  kind: MeetingKind;
  /** The words that state the meeting. */
  evidence: Span;
  /** The whole sentence around the evidence, for "open and select". */
  sentence: Span;
}

export interface ArticleAnalysis {
  path: string;
  version: number;
  date: DateValue;
  entities: Entity[];
  /** Meetings between two or more named people. */
  meetings: Meeting[];
  /** Trips by one person to a place with no named host ("will visit Japan"): events for the timeline, never meetings. */
  visits: Meeting[];
  /** Problems a reader should know about (skipped, truncated, undecodable). */
  notes: string[];
  /** Set when the time budget ran out: the analysis covers the text before `analysedTo` only. */
  partial?: PartialAnalysis;
}

export interface PartialAnalysis {
  /** The step that ran out of time last: 'tokens', 'names' or 'meetings'. */
  stoppedIn: string;
  /** Offset into the text up to which names were found. */
  namesTo: number;
  /** Offset up to which meetings were read: the whole analysis holds for the text before it. */
  analysedTo: number;
  budgetMs: number;
}
