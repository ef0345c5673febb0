// What must hold of any analysis, whatever the text: the fuzz script and its unit test share these checks.

const NAME_MAX_LENGTH = 200;
const EARLIEST_YEAR = 1800;
const LATEST_YEAR = new Date().getFullYear() + 10;

/** Every check by the name failures are filed under, with what it asks. */
const CHECKS = {
  exception: 'the engine returns instead of throwing',
  'span-bounds': 'every span (and where a partial analysis stopped) has whole-number offsets with 0 <= start <= end <= text length',
  'span-surrogate': 'no span starts or ends between the two halves of a surrogate pair',
  'entity-id-unique': 'entity ids are unique within an article',
  'meeting-participant': "the participants of every meeting and visit are names of the article's entities",
  json: 'the analysis holds only JSON values and survives JSON.stringify and JSON.parse unchanged',
  'name-clean': 'names and aliases hold no control, format (bidi, zero-width) or lone surrogate characters',
  'name-length': `names and aliases are at most ${NAME_MAX_LENGTH} characters`,
  'date-year': `the years of dates (value, earliest, latest) lie in ${EARLIEST_YEAR}..${LATEST_YEAR}`,
  'corpus-exception': 'analyzeCorpus returns instead of throwing',
  'timeline-id-unique': 'timeline event ids are unique within a corpus',
  'person-id-unique': 'person ids are unique within a corpus',
  'place-id-unique': 'place ids are unique within a corpus',
  'corpus-references': "timeline participants have one person id each, every id a corpus person's, and every event a person or place lists is in the timeline",
  'cli-exit': 'the CLI exits with 0 or 1 within its time limit',
  'cli-json': 'the CLI prints one JSON document on stdout, with an article or a skip note for each article file',
  'cli-stack': 'the CLI prints no stack trace on stderr',
};

// Control (Cc), format (Cf: bidi controls, zero-width characters, soft hyphen, BOM) and lone surrogates (Cs).
const UNCLEAN = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const YEAR = /^(-?\d+)/;

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** Whether offset falls between a high and a low surrogate. */
function splitsPair(text, offset) {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Printable ASCII as is; everything else as \uXXXX, so a failure message shows what was there. */
function visible(text, limit = 80) {
  const shown = text.length > limit ? text.slice(0, limit) : text;
  const escaped = shown.replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return text.length > limit ? `${escaped}… (${text.length} chars)` : escaped;
}

/** Every span of an analysis, with where it sits, for messages. */
function spansOf(analysis) {
  const spans = [];
  for (const entity of analysis.entities) {
    entity.mentions.forEach((s, i) => spans.push([`${entity.id} mention ${i}`, s]));
    (entity.titleMentions || []).forEach((s, i) => spans.push([`${entity.id} title mention ${i}`, s]));
    entity.roles.forEach((role, i) => role.span && spans.push([`${entity.id} role ${i}`, role.span]));
  }
  for (const [list, events] of [['meeting', analysis.meetings], ['visit', analysis.visits]]) {
    events.forEach((event, i) => {
      spans.push([`${list} ${i} evidence`, event.evidence]);
      spans.push([`${list} ${i} sentence`, event.sentence]);
    });
  }
  // Where an analysis cut short by its time budget stopped is an offset like the others.
  if (analysis.partial) spans.push(['partial analysedTo', { start: analysis.partial.analysedTo, end: analysis.partial.analysedTo }]);
  return spans;
}

function spanOutOfBounds(span, length) {
  return !span || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.start > span.end || span.end > length;
}

/** The first value that JSON would drop or change (NaN, Infinity, undefined in an array, a Map, a function), or null. */
function nonJsonValue(value, where) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${where} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = value[i] === undefined ? `${where}[${i}] is undefined` : nonJsonValue(value[i], `${where}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return `${where} is a ${prototype.constructor?.name ?? 'non-plain object'}`;
    for (const [key, field] of Object.entries(value)) {
      // An undefined property is left out by JSON, as an absent optional field should be.
      const problem = field === undefined ? null : nonJsonValue(field, `${where}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return `${where} is a ${typeof value}`;
}

function jsonProblem(analysis) {
  const problem = nonJsonValue(analysis, 'analysis');
  if (problem) return problem;
  let serialised;
  try {
    serialised = JSON.stringify(analysis);
  } catch (error) {
    return `JSON.stringify threw: ${error.message}`;
  }
  return JSON.stringify(JSON.parse(serialised)) === serialised ? null : 'JSON.parse(JSON.stringify(analysis)) serialises differently';
}

function datesOf(analysis) {
  const dates = [['article date', analysis.date]];
  analysis.meetings.forEach((m, i) => dates.push([`meeting ${i} date`, m.date]));
  analysis.visits.forEach((v, i) => dates.push([`visit ${i} date`, v.date]));
  return dates;
}

/**
 * The checks one analysis of `text` fails: [{ check, message }], at most one per check, each
 * message with the first offending value and how many there were.
 */
function checkAnalysis(text, analysis) {
  const found = new Map();
  const fail = (check, message) => {
    const entry = found.get(check);
    if (entry) entry.count++;
    else found.set(check, { check, message, count: 1 });
  };

  for (const [where, span] of spansOf(analysis)) {
    if (spanOutOfBounds(span, text.length)) fail('span-bounds', `${where} is ${JSON.stringify(span)} in a text of ${text.length}`);
    else if (splitsPair(text, span.start) || splitsPair(text, span.end)) fail('span-surrogate', `${where} ${JSON.stringify(span)} cuts a surrogate pair: "${visible(text.slice(Math.max(0, span.start - 2), span.end + 2))}"`);
  }

  const ids = new Set();
  for (const entity of analysis.entities) {
    if (ids.has(entity.id)) fail('entity-id-unique', `two entities have the id ${visible(entity.id)}`);
    ids.add(entity.id);
  }

  const names = new Set(analysis.entities.map((e) => e.name));
  for (const [list, events] of [['meeting', analysis.meetings], ['visit', analysis.visits]]) {
    events.forEach((event, i) => {
      for (const participant of event.participants) if (!names.has(participant)) fail('meeting-participant', `${list} ${i} has participant "${visible(participant)}", which no entity is named`);
    });
  }

  const problem = jsonProblem(analysis);
  if (problem) fail('json', problem);

  for (const entity of analysis.entities) {
    for (const name of [entity.name, ...(entity.aliases || [])]) {
      if (UNCLEAN.test(name)) fail('name-clean', `${entity.kind} name "${visible(name)}"`);
      if (name.length > NAME_MAX_LENGTH) fail('name-length', `${entity.kind} name of ${name.length} characters: "${visible(name, 60)}"`);
    }
  }

  for (const [where, date] of datesOf(analysis)) {
    for (const field of ['value', 'earliest', 'latest']) {
      const value = date && date[field];
      if (typeof value !== 'string') continue;
      const year = Number((YEAR.exec(value) || [])[1]);
      if (!(year >= EARLIEST_YEAR && year <= LATEST_YEAR)) fail('date-year', `${where} ${field} "${visible(value)}" (basis: ${visible(date.basis || '', 100)})`);
    }
  }

  return [...found.values()].map(({ check, message, count }) => ({ check, message: count > 1 ? `${message} (and ${count - 1} more)` : message }));
}

function duplicatesOf(ids) {
  const seen = new Set();
  const duplicates = new Set();
  for (const id of ids) (seen.has(id) ? duplicates : seen).add(id);
  return [...duplicates];
}

/** The checks a corpus made of several analyses fails: [{ check, message }]. */
function checkCorpus(corpus) {
  const failures = [];
  const unique = (check, what, ids) => {
    const duplicates = duplicatesOf(ids);
    if (duplicates.length) failures.push({ check, message: `${duplicates.length} ${what} ids occur more than once, e.g. "${visible(duplicates[0])}"` });
  };
  unique('timeline-id-unique', 'timeline event', corpus.timeline.map((e) => e.id));
  unique('person-id-unique', 'person', corpus.people.map((p) => p.id));
  unique('place-id-unique', 'place', corpus.places.map((p) => p.id));

  const people = new Set(corpus.people.map((p) => p.id));
  const events = new Set(corpus.timeline.map((e) => e.id));
  const broken = [];
  for (const event of corpus.timeline) {
    if (event.participantIds.length !== event.participants.length) broken.push(`event "${visible(event.id)}" has ${event.participants.length} participants and ${event.participantIds.length} ids`);
    for (const id of event.participantIds) if (!people.has(id)) broken.push(`event "${visible(event.id)}" names person "${visible(id)}", who is not in the corpus`);
  }
  for (const holder of [...corpus.people, ...corpus.places]) {
    for (const id of holder.events) if (!events.has(id)) broken.push(`"${visible(holder.id)}" lists event "${visible(id)}", which is not in the timeline`);
  }
  if (broken.length) failures.push({ check: 'corpus-references', message: broken.length > 1 ? `${broken[0]} (and ${broken.length - 1} more)` : broken[0] });
  return failures;
}

module.exports = { CHECKS, NAME_MAX_LENGTH, EARLIEST_YEAR, LATEST_YEAR, checkAnalysis, checkCorpus, visible };
