import * as assert from 'assert';
import { Corpus } from '../../src/core/corpus';
import { EVENT_COLUMNS, EventRow, eventRows, readEvidenceSentences, writeEventsCsv, writeEventsJson, writeEventsJsonLines } from '../../src/core/eventExport';
import { loadBundledKnowledgeBase } from '../../src/core/knowledgeBase';
import { ArticleAnalysis, DateValue, Entity, Meeting, Role } from '../../src/core/types';
import { parseCsv } from './csvReader';

const dated = (value: string | null, precision: DateValue['precision']): DateValue => ({ value, precision, earliest: value, latest: value, basis: 'test' });

function person(name: string, kbId: string | undefined, roles: Role[]): Entity {
  const entity: Entity = { id: `person:${kbId ?? name.toLowerCase().replace(/ /g, '-')}`, kind: 'person', name, roles, mentions: [{ start: 0, end: name.length }], country: roles[0]?.country ?? null };
  if (kbId) entity.kbId = kbId;
  return entity;
}

const stated = (title: string, country: string | null): Role => ({ title, country, source: 'text' });

const BEIJING: Entity = { id: 'place:beijing', kind: 'place', name: 'Beijing', roles: [], mentions: [{ start: 0, end: 7 }], placeType: 'city', country: 'China' };

/**
 * An article of 2023 whose sentence holds quotes, a comma and a line break, telling of a meeting
 * that day, and one of 2013 telling of Xi Jinping's visit of February 2012, when he was Vice
 * President though the article calls him President.
 */
const SENTENCE = 'Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing,\nsaying "frank, candid" talks were needed.';
const TEXTS: Record<string, string> = {
  'a.txt': `BEIJING (Reuters) - ${SENTENCE} More later.`,
  'b.txt': 'President Xi Jinping, who visited Los Angeles in February 2012 to meet Mayor Ana Ortiz, returned.',
};

function articles(): ArticleAnalysis[] {
  const start = TEXTS['a.txt'].indexOf(SENTENCE);
  const meeting: Meeting = {
    participants: ['Antony Blinken', 'Wang Yi'],
    place: 'Beijing',
    date: dated('2023-09-18', 'day'),
    status: 'held',
    kind: 'meeting',
    evidence: { start: start + 19, end: start + 74 },
    sentence: { start, end: start + SENTENCE.length },
  };
  const visit: Meeting = {
    participants: ['Xi Jinping', 'Ana Ortiz'],
    place: null,
    date: dated('2012-02', 'month'),
    status: 'held',
    kind: 'meeting',
    evidence: { start: 20, end: 96 },
    sentence: { start: 0, end: TEXTS['b.txt'].length },
  };
  return [
    {
      path: 'a.txt',
      version: 1,
      date: dated('2023-09-18', 'day'),
      entities: [person('Antony Blinken', 'antony-blinken', [stated('Secretary of State', 'United States')]), person('Wang Yi', 'wang-yi', [stated('Foreign Minister', 'China')]), BEIJING],
      meetings: [meeting],
      visits: [],
      notes: [],
    },
    {
      path: 'b.txt',
      version: 1,
      date: dated('2013-05-28', 'day'),
      entities: [person('Xi Jinping', 'xi-jinping', [stated('President', 'China')]), person('Ana Ortiz', undefined, [stated('Mayor of Los Angeles', 'United States')])],
      meetings: [visit],
      visits: [],
      notes: [],
    },
  ];
}

async function rowsOf(analyses: ArticleAnalysis[]): Promise<EventRow[]> {
  const knowledgeBase = loadBundledKnowledgeBase();
  const corpus = new Corpus(knowledgeBase);
  for (const analysis of analyses) corpus.set(analysis);
  const events = corpus.timeline();
  const sentences = await readEvidenceSentences(events, (article) => TEXTS[article]);
  return eventRows(events, { corpus, knowledgeBase, sentences });
}

function csvOf(rows: EventRow[], spreadsheet = false): string {
  let text = '';
  writeEventsCsv(rows, (piece) => (text += piece), { spreadsheet });
  return text;
}

describe('exporting events', () => {
  it('gives each event the ICEWS-like columns, in the order of the column list, with the evidence sentence', async () => {
    const rows = await rowsOf(articles());
    assert.strictEqual(rows.length, 2);
    for (const row of rows) assert.deepStrictEqual(Object.keys(row), EVENT_COLUMNS);
    const [, blinken] = rows;
    assert.deepStrictEqual(
      { ...blinken, event_id: undefined },
      {
        event_id: undefined,
        date: '2023-09-18',
        date_precision: 'day',
        kind: 'meeting',
        status: 'held',
        participants: ['Antony Blinken', 'Wang Yi'],
        participant_kb_ids: ['antony-blinken', 'wang-yi'],
        participant_roles: ['Secretary of State', 'Foreign Minister'],
        participant_role_sources: ['text', 'text'],
        participant_countries: ['United States', 'China'],
        place: 'Beijing',
        place_id: 'place:beijing',
        place_country: 'China',
        source_count: 1,
        source_articles: ['a.txt'],
        evidence_article: 'a.txt',
        evidence_sentence: SENTENCE,
        evidence_start: blinken.sentence_start + 19,
        evidence_end: blinken.sentence_start + 74,
        sentence_start: TEXTS['a.txt'].indexOf(SENTENCE),
        sentence_end: TEXTS['a.txt'].indexOf(SENTENCE) + SENTENCE.length,
      },
    );
  });

  it('gives the role held on the event\'s date: the knowledge base\'s when the article states one not yet held then', async () => {
    const [visit] = await rowsOf(articles());
    assert.strictEqual(visit.date, '2012-02');
    assert.strictEqual(visit.date_precision, 'month');
    assert.deepStrictEqual(visit.participant_roles, ['Vice President', 'Mayor of Los Angeles']);
    assert.deepStrictEqual(visit.participant_role_sources, ['knowledge-base', 'text']);
    assert.deepStrictEqual(visit.participant_kb_ids, ['xi-jinping', null]);
    assert.deepStrictEqual(visit.participant_countries, ['China', 'United States']);
    assert.strictEqual(visit.place, null);
    // In June 2023 Qin Gang was Foreign Minister; Wang Yi was again from July 25.
    const [june] = articles();
    june.meetings = [{ ...june.meetings[0], date: dated('2023-06-18', 'day') }];
    const [meeting] = await rowsOf([june]);
    assert.deepStrictEqual(meeting.participant_roles, ['Secretary of State', 'Director of the Central Foreign Affairs Commission Office']);
    assert.deepStrictEqual(meeting.participant_role_sources, ['text', 'knowledge-base']);
  });

  it('marks an undated event so, and lists every article that reports an event, the one that dates it first', async () => {
    const [a, b] = articles();
    b.meetings = [];
    const later = { ...a, path: '0-later.txt', date: dated('2023-09-20', 'day') };
    later.meetings = [{ ...a.meetings[0], date: dated('2023-09', 'month') }];
    const undated = { ...a, path: 'c.txt', meetings: [{ ...a.meetings[0], date: dated(null, null) }] };
    const rows = await rowsOf([a, b, later, undated]);
    const joined = rows.find((row) => row.source_count === 2)!;
    assert.deepStrictEqual(joined.source_articles, ['a.txt', '0-later.txt']);
    assert.strictEqual(joined.evidence_article, 'a.txt');
    const last = rows[rows.length - 1];
    assert.deepStrictEqual([last.date, last.date_precision, last.participant_roles], [null, 'undated', ['Secretary of State', 'Foreign Minister']]);
    // No text for that article: no sentence, and the offsets still say where it is.
    assert.strictEqual(last.evidence_sentence, null);
  });

  it('writes RFC 4180 CSV that a CSV reader reads back: a header, quotes doubled, commas and line breaks kept in quoted fields, lists joined with "; "', async () => {
    const rows = await rowsOf(articles());
    const text = csvOf(rows);
    assert.ok(!text.startsWith('\ufeff'), 'no byte order mark unless asked');
    assert.ok(text.includes('"Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing,\nsaying ""frank, candid"" talks were needed."'));
    const [header, ...records] = parseCsv(text);
    assert.deepStrictEqual(header, EVENT_COLUMNS);
    assert.strictEqual(records.length, 2);
    const column = (name: keyof EventRow) => EVENT_COLUMNS.indexOf(name);
    const blinken = records[1];
    assert.strictEqual(blinken[column('evidence_sentence')], SENTENCE);
    assert.strictEqual(blinken[column('participants')], 'Antony Blinken; Wang Yi');
    assert.strictEqual(blinken[column('participant_roles')], 'Secretary of State; Foreign Minister');
    assert.strictEqual(blinken[column('evidence_start')], String(rows[1].evidence_start));
    // A null in a list is an empty item, so the lists stay parallel.
    assert.strictEqual(records[0][column('participant_kb_ids')], 'xi-jinping; ');
    assert.strictEqual(records[0][column('place')], '');
  });

  it('for spreadsheets only, starts with a byte order mark and defuses cells a spreadsheet would run as formulas', async () => {
    const [row] = await rowsOf(articles());
    const hostile = { ...row, evidence_sentence: '=HYPERLINK("http://example.com","click")', place: '@SUM(A1)', participants: ['-2+3', 'Wang Yi'] };
    const plain = parseCsv(csvOf([hostile]))[1];
    assert.strictEqual(plain[EVENT_COLUMNS.indexOf('evidence_sentence')], '=HYPERLINK("http://example.com","click")');
    const text = csvOf([hostile], true);
    assert.ok(text.startsWith('\ufeffevent_id,'));
    const guarded = parseCsv(text.slice(1))[1];
    assert.strictEqual(guarded[EVENT_COLUMNS.indexOf('evidence_sentence')], '\'=HYPERLINK("http://example.com","click")');
    assert.strictEqual(guarded[EVENT_COLUMNS.indexOf('place')], "'@SUM(A1)");
    assert.strictEqual(guarded[EVENT_COLUMNS.indexOf('participants')], "'-2+3; Wang Yi");
    assert.strictEqual(guarded[EVENT_COLUMNS.indexOf('participant_roles')], row.participant_roles.join('; '));
  });

  it('writes JSON with lists kept as arrays, as one array or one object a line', async () => {
    const rows = await rowsOf(articles());
    let array = '';
    writeEventsJson(rows, (piece) => (array += piece));
    assert.deepStrictEqual(JSON.parse(array), rows);
    let lines = '';
    writeEventsJsonLines(rows, (piece) => (lines += piece));
    const parsed = lines.split('\n');
    assert.strictEqual(parsed.pop(), '', 'each line ends with a line feed');
    assert.deepStrictEqual(parsed.map((line) => JSON.parse(line)), rows);
    assert.deepStrictEqual(JSON.parse(parsed[1]).participants, ['Antony Blinken', 'Wang Yi']);
    let empty = '';
    writeEventsJson([], (piece) => (empty += piece));
    assert.deepStrictEqual(JSON.parse(empty), []);
  });

  it('reads each article once for its sentences, and none when the text no longer reaches them', async () => {
    const corpus = new Corpus(loadBundledKnowledgeBase());
    for (const analysis of articles()) corpus.set(analysis);
    const asked: string[] = [];
    const sentences = await readEvidenceSentences(corpus.timeline(), (article) => {
      asked.push(article);
      return article === 'a.txt' ? TEXTS[article] : 'shortened';
    });
    assert.deepStrictEqual(asked.sort(), ['a.txt', 'b.txt']);
    assert.deepStrictEqual([...sentences.values()], [SENTENCE]);
  });
});
