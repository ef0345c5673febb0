import * as assert from 'assert';
import { Engine } from '../../src/core/analyze';
import { MeetingPatterns } from '../../src/core/patterns';
import { Meeting } from '../../src/core/types';
import rolePatterns from '../../data/patterns/roles.json';

// Every pattern row carries an example sentence and what it must give: reading each one here is
// what lets a newcomer add a phrasing with one row and know it works.
const engine = new Engine();
const patterns = MeetingPatterns.bundled();
const read = (text: string) => engine.analyze({ uri: 'example', text, version: 1 });
const named = (meeting: Meeting, names: string[]) => names.every((n) => meeting.participants.some((p) => p.includes(n)) || meeting.place?.includes(n));
const describeAll = (meetings: Meeting[]) => JSON.stringify(meetings.map((m) => [m.participants, m.place, m.status]));

describe('meeting pattern rows', () => {
  it('all load', () => assert.deepStrictEqual(patterns.problems, []));

  for (const row of patterns.meetings) {
    it(`${row.id}: ${row.example}`, () => {
      const analysis = read(row.example);
      const found = row.frame === 'trip' ? analysis.visits : analysis.meetings;
      for (const group of row.yields) {
        assert.ok(
          found.some((m) => named(m, group)),
          `wanted ${group.join(' + ')}; found ${describeAll(found)}`,
        );
      }
      if (row.frame !== 'trip') assert.strictEqual(found.length, row.yields.length, `found ${describeAll(found)}`);
    });
  }

  for (const row of patterns.modality) {
    it(`modality ${row.id} gives ${row.yields}: ${row.example}`, () => {
      const analysis = read(row.example);
      const found = [...analysis.meetings, ...analysis.visits];
      if (row.yields === 'none') assert.deepStrictEqual(analysis.meetings, [], `found ${describeAll(found)}`);
      else assert.ok(found.length > 0 && found.every((m) => m.status === row.yields), `found ${describeAll(found)}`);
    });
  }
});

describe('loading pattern rows', () => {
  const example = { id: 'x', example: 'A met B.', reason: 'r', yields: [['A', 'B']], frame: 'verb', kind: 'meeting', trigger: 'met' };

  it('skips a malformed row and says which and why, keeping the rest', () => {
    const loaded = MeetingPatterns.fromData({ rows: [example, { ...example, id: 'bad-frame', frame: 'sideways' }, { ...example, id: 'no-yields', yields: [] }, 'text'] }, { rows: [] });
    assert.deepStrictEqual(loaded.meetings.map((r) => r.id), ['x']);
    assert.strictEqual(loaded.problems.length, 3);
    assert.match(loaded.problems[0], /bad-frame.*"frame"/);
    assert.match(loaded.problems[1], /no-yields.*"yields"/);
    assert.match(loaded.problems[2], /not an object/);
  });

  it('reports a file without rows instead of failing', () => {
    const loaded = MeetingPatterns.fromData({}, { rows: [{ id: 'm', words: 'will', effect: 'sometimes', example: 'e', reason: 'r', yields: 'planned' }] });
    assert.deepStrictEqual([loaded.meetings.length, loaded.modality.length], [0, 0]);
    assert.match(loaded.problems.join('\n'), /meetings\.json: "rows" must be a list/);
    assert.match(loaded.problems.join('\n'), /"effect"/);
  });
});

describe('role pattern rows', () => {
  for (const row of rolePatterns.rows) {
    it(`${row.id}: ${row.example}`, () => {
      const person = read(row.example).entities.find((e) => e.kind === 'person' && e.name === row.yields.person);
      assert.ok(person, `no person ${row.yields.person}`);
      const stated = person.roles.filter((r) => r.source === 'text').map((r) => r.title);
      if (row.yields.title === null) assert.deepStrictEqual(stated, []);
      else assert.ok(stated.includes(row.yields.title), `titles ${JSON.stringify(stated)}`);
    });
  }
});
