import meetingsData from '../../data/patterns/meetings.json';
import modalityData from '../../data/patterns/modality.json';
import { MeetingKind, MeetingStatus } from './types';

/** Where a meeting row finds its participants; see data/patterns/meetings.json. */
export type MeetingFrame = 'verb' | 'between' | 'attended' | 'joint' | 'trip' | 'attend';

export interface MeetingRow {
  id: string;
  /** Matches the row's words in a sentence template (see `compileSlots`). */
  trigger: RegExp;
  /** Words one of which every match holds: a sentence with none of them is not read by this row. */
  keyWords: string[];
  frame: MeetingFrame;
  kind: MeetingKind;
  separate: boolean;
  /** For 'attend': what is attended stands next to the trigger and must be an event ("attended the funeral" is none). */
  attendsNamed: boolean;
  /** Words that, right after the people found, undo the row ("called Putin a liar"). */
  unlessFollowedBy: ReadonlySet<string>;
  /** Only people of more than one country meet this way ("a delegation headed by A and B" is one side). */
  counterparts: boolean;
  /** For 'attend': whether the person taking part is the subject before the trigger or the list after it. */
  side: 'before' | 'after';
  status?: MeetingStatus;
  /** For a trip: kept even when no place is named ("begins a state visit on Tuesday"). */
  placeOptional: boolean;
  /** Ordinary words allowed between the trigger and the first person it governs (titles and articles are free). */
  gap: number;
  example: string;
  yields: string[][];
  reason: string;
}

export type ModalityEffect = 'planned' | 'hypothetical' | 'denied';

export interface ModalityRow {
  id: string;
  words: RegExp;
  effect: ModalityEffect;
  /** Counts only right before the trigger ("to meet"), not anywhere in the verb group. */
  adjacent: boolean;
  /** Counts in the words after the meeting's participants too ("later this week"). */
  after: boolean;
  /** Counts only before a possessive that opens a noun ("preparing for Obama's visit"), and nowhere else. */
  nominal: boolean;
  example: string;
  yields: 'planned' | 'held' | 'none';
  reason: string;
}

const FRAMES: ReadonlySet<string> = new Set(['verb', 'between', 'attended', 'joint', 'trip', 'attend']);
const KINDS: ReadonlySet<string> = new Set(['meeting', 'talks', 'visit', 'call', 'summit']);
const EFFECTS: ReadonlySet<string> = new Set(['planned', 'hypothetical', 'denied']);
const DEFAULT_GAP = 4;

/**
 * Turns a row's word slots into a pattern over a sentence template, where each word is followed by
 * one space and names are symbols starting with "@": "a|b" takes either word, "x?" may be absent,
 * "..." skips up to five words, places and organizations (never a person or a comma).
 */
function compileSlots(slots: string): RegExp {
  const parts = slots
    .trim()
    .split(/\s+/)
    .map((slot) => {
      if (slot === '...' || slot === '...?') return '(?:(?!@P)[^ ,]\\S* ){0,5}?';
      const optional = slot.endsWith('?');
      const words = (optional ? slot.slice(0, -1) : slot).split('|').map(escapeRegExp).join('|');
      return optional ? `(?:(?:${words}) )?` : `(?:${words}) `;
    });
  return new RegExp(`(?<=^| )${parts.join('')}`, 'g');
}

/** Words too common to tell whether a sentence may hold a row's match. */
const COMMON_SLOT_WORDS = new Set(['in', 'at', 'to', 'on', 'after', 'before', 'while', 'since', 'during', 'when', 'by', 'with', 'of', 'for', 'was', 'were', 'is', 'are', 'will', 'be', 'been', 'the', 'a', 'an', 'their', 'respective']);

/**
 * The words of the required slot that every match of these slots holds and that is rarest
 * (fewest words as common as "in" or "to"): "met" in "met|meets|meet", "talks" in "during ... talks".
 */
function keyWordsOf(slots: string): string[] {
  const required = slots
    .trim()
    .split(/\s+/)
    .filter((slot) => !slot.startsWith('...') && !slot.endsWith('?'))
    .map((slot) => slot.split('|'));
  const commonness = (words: string[]) => words.filter((w) => COMMON_SLOT_WORDS.has(w)).length / words.length;
  return required.reduce((best, words) => (commonness(words) < commonness(best) ? words : best), required[0] ?? []);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** The meeting and modality rows, validated: a malformed row is skipped and named in `problems`. */
export class MeetingPatterns {
  private static shared: MeetingPatterns | undefined;

  private constructor(
    readonly meetings: readonly MeetingRow[],
    readonly modality: readonly ModalityRow[],
    /** Words that decide the kind wherever they are matched ("summit", "telephone"). */
    readonly kindWords: ReadonlyMap<string, MeetingKind>,
    /** Nouns that name an event people attend ("talks", "conference"), with its kind. */
    readonly eventNouns: ReadonlyMap<string, MeetingKind>,
    readonly problems: readonly string[],
  ) {}

  static bundled(): MeetingPatterns {
    MeetingPatterns.shared ??= MeetingPatterns.fromData(meetingsData, modalityData);
    return MeetingPatterns.shared;
  }

  static fromData(meetingSource: unknown, modalitySource: unknown): MeetingPatterns {
    const problems: string[] = [];
    const meetings = rowsOf(meetingSource, 'meetings.json', problems).flatMap((row, i) => parseMeetingRow(row, `meetings.json row ${i}`, problems) ?? []);
    const modality = rowsOf(modalitySource, 'modality.json', problems).flatMap((row, i) => parseModalityRow(row, `modality.json row ${i}`, problems) ?? []);
    const kindWords = kindsOf(meetingSource, 'kindWords', problems);
    const eventNouns = kindsOf(meetingSource, 'eventNouns', problems);
    return new MeetingPatterns(meetings, modality, kindWords, eventNouns, problems);
  }
}

/** A word-to-kind table of meetings.json; an entry naming no kind is skipped and reported. */
function kindsOf(source: unknown, field: string, problems: string[]): Map<string, MeetingKind> {
  const kinds = new Map<string, MeetingKind>();
  for (const [word, kind] of Object.entries((source as Record<string, Record<string, unknown> | undefined>)?.[field] ?? {})) {
    if (KINDS.has(kind as string)) kinds.set(word, kind as MeetingKind);
    else problems.push(`meetings.json ${field}: "${word}" names no kind of meeting; skipped`);
  }
  return kinds;
}

function rowsOf(source: unknown, name: string, problems: string[]): unknown[] {
  const rows = (source as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) {
    problems.push(`${name}: "rows" must be a list; file skipped`);
    return [];
  }
  return rows;
}

function common(value: unknown, where: string, problems: string[]): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object') {
    problems.push(`${where}: not an object; row skipped`);
    return undefined;
  }
  const row = value as Record<string, unknown>;
  for (const field of ['id', 'example', 'reason']) {
    if (!isText(row[field])) {
      problems.push(`${where}: missing "${field}"; row skipped`);
      return undefined;
    }
  }
  return row;
}

function parseMeetingRow(value: unknown, where: string, problems: string[]): MeetingRow | undefined {
  const row = common(value, where, problems);
  if (!row) return undefined;
  const label = `${where} (${row.id})`;
  if (!isText(row.trigger)) return skip(problems, `${label}: missing "trigger"`);
  if (!FRAMES.has(row.frame as string)) return skip(problems, `${label}: "frame" must be one of ${[...FRAMES].join(', ')}`);
  if (!KINDS.has(row.kind as string)) return skip(problems, `${label}: "kind" must be one of ${[...KINDS].join(', ')}`);
  if (row.status !== undefined && row.status !== 'planned' && row.status !== 'held') return skip(problems, `${label}: "status" must be planned or held`);
  if (row.gap !== undefined && (typeof row.gap !== 'number' || row.gap < 0)) return skip(problems, `${label}: "gap" must be a number of words`);
  if (row.unlessFollowedBy !== undefined && !isText(row.unlessFollowedBy)) return skip(problems, `${label}: "unlessFollowedBy" must be words joined by "|"`);
  const yields = row.yields;
  if (!Array.isArray(yields) || yields.length === 0 || !yields.every((g) => Array.isArray(g) && g.length >= 2 && g.every(isText))) {
    return skip(problems, `${label}: "yields" must list the participant groups its example gives`);
  }
  return {
    id: row.id as string,
    trigger: compileSlots(row.trigger),
    keyWords: keyWordsOf(row.trigger),
    frame: row.frame as MeetingFrame,
    kind: row.kind as MeetingKind,
    separate: row.separate === true,
    counterparts: row.counterparts === true,
    attendsNamed: row.attendsNamed === true,
    unlessFollowedBy: new Set(row.unlessFollowedBy ? (row.unlessFollowedBy as string).split('|') : []),
    side: row.side === 'after' ? 'after' : 'before',
    placeOptional: row.place === 'optional',
    status: row.status as MeetingStatus | undefined,
    gap: (row.gap as number | undefined) ?? DEFAULT_GAP,
    example: row.example as string,
    yields: yields as string[][],
    reason: row.reason as string,
  };
}

function parseModalityRow(value: unknown, where: string, problems: string[]): ModalityRow | undefined {
  const row = common(value, where, problems);
  if (!row) return undefined;
  const label = `${where} (${row.id})`;
  if (!isText(row.words)) return skip(problems, `${label}: missing "words"`);
  if (!EFFECTS.has(row.effect as string)) return skip(problems, `${label}: "effect" must be one of ${[...EFFECTS].join(', ')}`);
  if (row.yields !== 'planned' && row.yields !== 'held' && row.yields !== 'none') return skip(problems, `${label}: "yields" must be planned, held or none`);
  return {
    id: row.id as string,
    words: compileSlots(row.words),
    effect: row.effect as ModalityEffect,
    adjacent: row.adjacent === true,
    after: row.after === true,
    nominal: row.nominal === true,
    example: row.example as string,
    yields: row.yields,
    reason: row.reason as string,
  };
}

function skip(problems: string[], message: string): undefined {
  problems.push(`${message}; row skipped`);
  return undefined;
}
