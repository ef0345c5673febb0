import type { ArticleSummary, SummaryEvent, SummaryPerson, SummaryPlace } from './corpus';
import type { DateValue, Role, Span } from './types';

const PLACE_TYPES = new Set(['country', 'city', 'region', 'water', 'continent', 'landmark', 'other']);
const KINDS = new Set(['meeting', 'talks', 'visit', 'call', 'summit']);
const STATUSES = new Set(['held', 'planned']);
const PRECISIONS = new Set(['day', 'month', 'year']);

type Record = { [key: string]: unknown };

const isRecord = (value: unknown): value is Record => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function isSpan(value: unknown): value is Span {
  return isRecord(value) && isCount(value.start) && isCount(value.end) && (value.start as number) <= (value.end as number);
}

function isDate(value: unknown): value is DateValue {
  return (
    isRecord(value) &&
    isTextOrNull(value.value) &&
    (value.precision === null || PRECISIONS.has(value.precision as string)) &&
    isTextOrNull(value.earliest) &&
    isTextOrNull(value.latest) &&
    isText(value.basis)
  );
}

function isRole(value: unknown): value is Role {
  return (
    isRecord(value) &&
    isText(value.title) &&
    isTextOrNull(value.country) &&
    (value.source === 'text' || value.source === 'knowledge-base') &&
    (value.span === undefined || isSpan(value.span))
  );
}

function isPerson(value: unknown): value is SummaryPerson {
  return (
    isRecord(value) &&
    isText(value.identity) &&
    isText(value.entityId) &&
    isText(value.name) &&
    (value.kbId === undefined || isText(value.kbId)) &&
    isTextOrNull(value.country) &&
    isTextList(value.aliases) &&
    Array.isArray(value.roles) &&
    value.roles.every(isRole)
  );
}

function isPlace(value: unknown): value is SummaryPlace {
  return isRecord(value) && isText(value.id) && isText(value.name) && isTextOrNull(value.country) && (value.placeType === undefined || PLACE_TYPES.has(value.placeType as string));
}

function isEvent(value: unknown): value is SummaryEvent {
  return (
    isRecord(value) &&
    isText(value.id) &&
    isText(value.group) &&
    isTextList(value.participants) &&
    isTextList(value.identities) &&
    value.identities.length === value.participants.length &&
    isTextOrNull(value.place) &&
    isTextOrNull(value.placeId) &&
    isTextOrNull(value.placeCountry) &&
    isDate(value.date) &&
    STATUSES.has(value.status as string) &&
    KINDS.has(value.kind as string) &&
    isSpan(value.evidence) &&
    isSpan(value.sentence)
  );
}

/**
 * The article summary a saved index holds, or why it cannot be used: the corpus trusts a summary's
 * shape, so one read back from disk is checked whole first. Linear in the record's size.
 */
export function readArticleSummary(value: unknown): ArticleSummary | string {
  if (!isRecord(value)) return 'is not an object';
  if (!isText(value.path)) return "'path' is not text";
  if (!isDate(value.date)) return "'date' is not a date";
  if (!Array.isArray(value.people) || !value.people.every(isPerson)) return "'people' is not a list of people";
  if (!Array.isArray(value.places) || !value.places.every(isPlace)) return "'places' is not a list of places";
  if (!Array.isArray(value.events) || !value.events.every(isEvent)) return "'events' is not a list of events";
  const counts = value.counts;
  if (!isRecord(counts) || !isCount(counts.people) || !isCount(counts.places) || !isCount(counts.organizations) || !isCount(counts.meetings)) return "'counts' are not counts";
  if (!isTextList(value.notes)) return "'notes' is not a list of notes";
  if (typeof value.partial !== 'boolean') return "'partial' is not true or false";
  return value as unknown as ArticleSummary;
}
