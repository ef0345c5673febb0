import * as assert from 'assert';
import { TimelineEvent } from '../../src/core/corpus';
import { buildMeetingMap, layoutNetwork, MapEdge, marksOf } from '../../src/core/meetingMap';
import { parseFromWebview, RenderMessage } from '../../src/core/meetingMapProtocol';
import { DateValue, MeetingKind, MeetingStatus } from '../../src/core/types';

function dateOf(value: string | null): DateValue {
  const precision = value === null ? null : value.length === 10 ? 'day' : value.length === 7 ? 'month' : 'year';
  return { value, precision, earliest: value, latest: value, basis: 'test' };
}

let nextStart = 0;

/** A timeline event between people named by id ("wang-yi" is "Wang Yi"). */
function event(date: string | null, people: string[], options: { kind?: MeetingKind; status?: MeetingStatus; place?: string; sources?: number } = {}): TimelineEvent {
  const start = nextStart++;
  const names = people.map((id) => id.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join(' '));
  const source = { article: 'a.txt', evidence: { start, end: start + 1 }, sentence: { start, end: start + 10 }, date: dateOf(date), status: options.status ?? 'held', kind: options.kind ?? 'meeting' };
  return {
    id: `a.txt#${start}:${names.join('+')}`,
    date: dateOf(date),
    kind: options.kind ?? 'meeting',
    status: options.status ?? 'held',
    participants: names,
    participantIds: people,
    place: options.place ?? null,
    placeId: options.place ? `place:${options.place.toLowerCase()}` : null,
    article: 'a.txt',
    evidence: source.evidence,
    sentence: source.sentence,
    sources: Array.from({ length: options.sources ?? 1 }, () => source),
    label: names.join(' and '),
  };
}

describe('the meeting map', () => {
  it('draws one mark per meeting in timeline order, grouped by year, undated last', () => {
    const events = [
      event(null, ['donald-trump', 'xi-jinping'], { status: 'planned' }),
      event('2023-09-18', ['han-zheng', 'antony-blinken'], { place: 'New York' }),
      event('2009-09-29', ['dai-bingguo', 'james-steinberg'], { kind: 'talks' }),
      event('2009', ['barack-obama'], { kind: 'visit' }),
      event('2009-09', ['james-steinberg', 'xi-jinping']),
    ];
    const map = buildMeetingMap(events, { title: 'All meetings' });
    assert.deepStrictEqual(
      map.marks.map((mark) => [mark.column, mark.date, mark.kind, mark.status]),
      [
        [0, '2009-09-29', 'talks', 'held'],
        [1, '2009-09', 'meeting', 'held'],
        [2, '2009', 'visit', 'held'],
        [3, '2023-09-18', 'meeting', 'held'],
        [4, 'undated', 'meeting', 'planned'],
      ],
    );
    assert.deepStrictEqual(map.groups, [
      { label: '2009', first: 0, count: 3 },
      { label: '2023', first: 3, count: 1 },
      { label: 'Undated', first: 4, count: 1 },
    ]);
    assert.strictEqual(map.title, 'All meetings');
    assert.deepStrictEqual(map.omitted, { events: 0, people: 0 });
  });

  it('lists people by their first meeting, in the order it names them, with a dot on each participant\'s row', () => {
    const map = buildMeetingMap(
      [event('2009-09-29', ['dai-bingguo', 'james-steinberg']), event('2009-09-30', ['james-steinberg', 'xi-jinping']), event('2010-01-02', ['xi-jinping', 'dai-bingguo', 'hu-jintao'])],
      { title: 't' },
    );
    assert.deepStrictEqual(
      map.people.map((person) => [person.name, person.meetings]),
      [
        ['Dai Bingguo', 2],
        ['James Steinberg', 2],
        ['Xi Jinping', 2],
        ['Hu Jintao', 1],
      ],
    );
    assert.deepStrictEqual(
      map.marks.map((mark) => mark.people),
      [
        [0, 1],
        [1, 2],
        [0, 2, 3],
      ],
    );
  });

  it('links who met whom, an edge as heavy as their meetings together, and leaves a lone visitor unlinked', () => {
    const first = event('2023-06-01', ['wang-yi', 'antony-blinken']);
    const second = event('2023-10-26', ['wang-yi', 'antony-blinken'], { kind: 'talks' });
    const trio = event('2023-11-15', ['wang-yi', 'antony-blinken', 'jake-sullivan']);
    const visit = event('2023-07-01', ['john-kerry'], { kind: 'visit' });
    const map = buildMeetingMap([first, second, trio, visit], { title: 't' });
    const name = (index: number) => map.people[index].name;
    const edges = map.edges.map((edge) => [name(edge.a), name(edge.b), edge.count, marksOf(map, edge).map((mark) => mark.eventId)]);
    assert.deepStrictEqual(edges, [
      ['Wang Yi', 'Antony Blinken', 3, [first.id, second.id, trio.id]],
      ['Wang Yi', 'Jake Sullivan', 1, [trio.id]],
      ['Antony Blinken', 'Jake Sullivan', 1, [trio.id]],
    ]);
    assert.ok(map.people.some((person) => person.name === 'John Kerry' && person.meetings === 1));
    assert.strictEqual(map.positions.length, map.people.length);
  });

  it('says when a meeting was planned, where, and how many articles report it', () => {
    const map = buildMeetingMap([event('2023-11-15', ['xi-jinping', 'joe-biden'], { kind: 'talks', status: 'planned', place: 'San Francisco', sources: 2 })], { title: 't' });
    assert.strictEqual(map.marks[0].label, '2023-11-15 · planned talks: Xi Jinping — Joe Biden in San Francisco · 2 sources');
  });

  it('keeps to the people with the most meetings and the latest marks in a large corpus, and says what it left out', () => {
    const events = [
      event('2020-01-01', ['a-a', 'b-b']),
      event('2020-01-02', ['a-a', 'b-b']),
      event('2020-01-03', ['a-a', 'c-c']),
      event('2020-01-04', ['d-d', 'e-e']),
      event('2020-01-05', ['a-a', 'b-b']),
    ];
    const byPeople = buildMeetingMap(events, { title: 't', maxPeople: 2 });
    assert.deepStrictEqual(
      byPeople.people.map((person) => person.name),
      ['A A', 'B B'],
    );
    // The meeting of A and C stays, drawn on A's row alone; the one of D and E has no one drawn.
    assert.deepStrictEqual(
      byPeople.marks.map((mark) => mark.people),
      [[0, 1], [0, 1], [0], [0, 1]],
    );
    assert.deepStrictEqual(byPeople.omitted, { events: 1, people: 3 });

    const byMarks = buildMeetingMap(events, { title: 't', maxMarks: 2 });
    assert.deepStrictEqual(
      byMarks.marks.map((mark) => mark.date),
      ['2020-01-04', '2020-01-05'],
    );
    assert.deepStrictEqual(byMarks.omitted, { events: 3, people: 1 });
  });

  it('names a summit\'s event once, not once for each pair of its participants', () => {
    const people = Array.from({ length: 40 }, (_, i) => `person-${String.fromCharCode(97 + (i % 26))}${i}`);
    const summit = event('2023-11-15', people, { kind: 'summit' });
    const map = buildMeetingMap([summit], { title: 't' });
    assert.strictEqual(map.edges.length, (40 * 39) / 2);
    assert.ok(map.edges.every((edge) => edge.count === 1 && marksOf(map, edge)[0].eventId === summit.id));
    assert.strictEqual(JSON.stringify(map).split(summit.id).length - 1, 1, 'the id appears once in the model');
  });

  it('names every kind of meeting in its legend, each once', () => {
    const map = buildMeetingMap([], { title: 't' });
    assert.deepStrictEqual(map.kinds, [
      { kind: 'meeting', label: 'Meeting' },
      { kind: 'talks', label: 'Talks' },
      { kind: 'call', label: 'Call' },
      { kind: 'visit', label: 'Visit' },
      { kind: 'summit', label: 'Summit' },
    ]);
  });

  it('draws nothing for no events', () => {
    const map = buildMeetingMap([], { title: 'Meetings of Nobody' });
    assert.deepStrictEqual([map.people, map.marks, map.edges, map.groups, map.positions], [[], [], [], [], []]);
  });
});

describe('the meeting map\'s network layout', () => {
  const edge = (a: number, b: number, count = 1): MapEdge => ({ a, b, count });

  it('is the same every time, inside the unit square, and puts people who met closer than people who did not', () => {
    const edges = [edge(0, 1, 3), edge(1, 2), edge(3, 4), edge(4, 5), edge(5, 3)];
    const layout = layoutNetwork(7, edges);
    assert.deepStrictEqual(layoutNetwork(7, edges), layout);
    for (const point of layout) assert.ok(point.x >= 0 && point.x <= 1 && point.y >= 0 && point.y <= 1, JSON.stringify(point));
    const distance = (a: number, b: number) => Math.hypot(layout[a].x - layout[b].x, layout[a].y - layout[b].y);
    assert.ok(distance(0, 1) < distance(0, 4), `met ${distance(0, 1)}, never met ${distance(0, 4)}`);
    assert.ok(distance(3, 4) < distance(2, 3), `met ${distance(3, 4)}, never met ${distance(2, 3)}`);
    // No two people on one spot.
    for (let a = 0; a < 7; a++) for (let b = a + 1; b < 7; b++) assert.ok(distance(a, b) > 0.05, `${a} and ${b} overlap`);
  });

  it('centres a single person', () => {
    assert.deepStrictEqual(layoutNetwork(1, []), [{ x: 0.5, y: 0.5 }]);
  });
});

describe('the meeting map\'s messages from its webview', () => {
  // Two marks (one with an id longer than any limit would allow) and one edge.
  const longId = `file:///${'a'.repeat(5000)}.txt#12:A+B`;
  const sent: RenderMessage = {
    type: 'render',
    version: 3,
    model: buildMeetingMap([{ ...event('2023-06-01', ['wang-yi', 'antony-blinken']), id: longId }, event('2023-07-01', ['john-kerry'])], { title: 't' }),
  };

  it('accepts the three messages the webview sends, with only their own fields', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }, undefined), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview({ type: 'ready', version: 'x' }, sent), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview({ type: 'openMark', version: 3, mark: 1, extra: '<b>' }, sent), { type: 'openMark', version: 3, mark: 1 });
    assert.deepStrictEqual(parseFromWebview({ type: 'pickEdge', version: 3, edge: 0 }, sent), { type: 'pickEdge', version: 3, edge: 0 });
    // A mark stands for its event however long the event's id.
    assert.strictEqual(sent.model.marks[0].eventId, longId);
    assert.deepStrictEqual(parseFromWebview({ type: 'openMark', version: 3, mark: 0 }, sent), { type: 'openMark', version: 3, mark: 0 });
  });

  it('refuses anything else: other messages, marks and edges the model sent does not have, and clicks on an earlier model', () => {
    for (const message of [
      undefined,
      null,
      'ready',
      [],
      {},
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'openMark', version: 3 },
      { type: 'openMark', version: 3, mark: '0' },
      { type: 'openMark', version: 3, mark: -1 },
      { type: 'openMark', version: 3, mark: 2 },
      { type: 'openMark', version: 3, mark: 0.5 },
      { type: 'openMark', version: 3, mark: Number.NaN },
      { type: 'openMark', version: 3, mark: [0] },
      { type: 'openMark', version: 2, mark: 0 },
      { type: 'openMark', mark: 0 },
      { type: 'pickEdge', version: 3, edge: 1 },
      { type: 'pickEdge', version: 3, edge: '0' },
      { type: 'pickEdge', version: 3, edges: [0] },
      { type: 'pickEdge', version: '3', edge: 0 },
      { type: 'pickEdge', version: 4, edge: 0 },
    ]) {
      assert.strictEqual(parseFromWebview(message, sent), undefined, JSON.stringify(message));
    }
    assert.strictEqual(parseFromWebview({ type: 'openMark', version: 3, mark: 0 }, undefined), undefined, 'no mark before a model is sent');
  });
});
