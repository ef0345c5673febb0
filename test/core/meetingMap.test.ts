import * as assert from 'assert';
import { TimelineEvent } from '../../src/core/corpus';
import { buildMeetingMap, layoutNetwork, MapEdge } from '../../src/core/meetingMap';
import { parseFromWebview } from '../../src/core/meetingMapProtocol';
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
    const edges = map.edges.map((edge) => [name(edge.a), name(edge.b), edge.count, edge.eventIds]);
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

  it('draws nothing for no events', () => {
    const map = buildMeetingMap([], { title: 'Meetings of Nobody' });
    assert.deepStrictEqual([map.people, map.marks, map.edges, map.groups, map.positions], [[], [], [], [], []]);
  });
});

describe('the meeting map\'s network layout', () => {
  const edge = (a: number, b: number, count = 1): MapEdge => ({ a, b, count, eventIds: [] });

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
  it('accepts the three messages the webview sends, with only their own fields', () => {
    assert.deepStrictEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseFromWebview({ type: 'openEvent', eventId: 'a.txt#3:X+Y', extra: '<b>' }), { type: 'openEvent', eventId: 'a.txt#3:X+Y' });
    assert.deepStrictEqual(parseFromWebview({ type: 'pickEvent', eventIds: ['a', 'b'] }), { type: 'pickEvent', eventIds: ['a', 'b'] });
  });

  it('refuses anything else', () => {
    for (const message of [
      undefined,
      null,
      'ready',
      [],
      {},
      { type: 'run', command: 'workbench.action.terminal.new' },
      { type: 'openEvent' },
      { type: 'openEvent', eventId: 42 },
      { type: 'openEvent', eventId: '' },
      { type: 'openEvent', eventId: 'x'.repeat(5000) },
      { type: 'pickEvent', eventIds: 'a' },
      { type: 'pickEvent', eventIds: [] },
      { type: 'pickEvent', eventIds: ['a', 7] },
      { type: 'pickEvent', eventIds: Array.from({ length: 5000 }, (_, i) => String(i)) },
    ]) {
      assert.strictEqual(parseFromWebview(message), undefined, JSON.stringify(message)?.slice(0, 80));
    }
  });
});
