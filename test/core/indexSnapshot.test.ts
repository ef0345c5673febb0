// The corpus index the extension saves in workspace storage (src/extension/indexSnapshot.ts: node
// only, no vscode import, so it is tested here).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarize } from '../../src/core/corpus';
import { ArticleAnalysis } from '../../src/core/types';
import { IndexSnapshot, SnapshotEntry } from '../../src/extension/indexSnapshot';

const day = { value: '2023-06-18', precision: 'day' as const, earliest: '2023-06-18', latest: '2023-06-18', basis: 'test' };

function analysis(uri: string, partial = false): ArticleAnalysis {
  return {
    path: uri,
    version: 0,
    date: day,
    entities: [
      { id: 'person:wang-yi', kind: 'person', name: 'Wang Yi', roles: [{ title: 'Foreign Minister', country: 'China', source: 'text', span: { start: 0, end: 16 } }], mentions: [{ start: 17, end: 24 }], country: 'China' },
      { id: 'place:beijing', kind: 'place', name: 'Beijing', roles: [], mentions: [{ start: 40, end: 47 }], placeType: 'city', country: 'China' },
    ],
    meetings: [],
    visits: [{ participants: ['Wang Yi'], place: 'Beijing', date: day, status: 'held', kind: 'visit', evidence: { start: 25, end: 32 }, sentence: { start: 0, end: 48 } }],
    notes: [],
    ...(partial ? { partial: { stoppedIn: 'names', namesTo: 10, analysedTo: 10, budgetMs: 2000 } } : {}),
  };
}

const entry = (uri: string, partial = false): SnapshotEntry => ({ uri, mtime: 1700000000000, size: 120, summary: summarize(analysis(uri, partial)) });

describe('the saved corpus index', () => {
  let directory: string;
  let file: string;
  const logs: string[] = [];
  const snapshot = () => new IndexSnapshot(file, (message) => logs.push(message));
  /** The entries the saved index hands over, or none when it turns out unusable. */
  const load = async (budgetMs: number) => {
    const entries = new Map<string, SnapshotEntry>();
    const usable = await snapshot().load(budgetMs, (entry) => entries.set(entry.uri, entry));
    return usable ? entries : new Map<string, SnapshotEntry>();
  };

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-snapshot-'));
    file = path.join(directory, 'storage', 'corpus-index.jsonl');
    logs.length = 0;
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('gives back what was saved, each file with the state it was read in', async () => {
    await snapshot().save([entry('file:///a.txt'), entry('file:///b.txt')], 2000);
    const loaded = await load(2000);
    assert.deepEqual([...loaded.keys()], ['file:///a.txt', 'file:///b.txt']);
    assert.deepEqual(loaded.get('file:///a.txt'), entry('file:///a.txt'));
    assert.deepEqual(logs, []);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['corpus-index.jsonl'], 'a temporary file was left behind');
  });

  it('discards a file cut short, says so, and deletes it', async () => {
    await snapshot().save([entry('file:///a.txt'), entry('file:///b.txt')], 2000);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.slice(0, text.lastIndexOf('{"count"')));
    assert.equal(await snapshot().load(2000, () => undefined), false);
    assert.match(logs.join('\n'), /Discarded the saved index: it is incomplete/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(!fs.existsSync(file));
  });

  it('discards a file that is not an index at all', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '\u0000\u0001garbage');
    assert.equal((await load(2000)).size, 0);
    assert.match(logs.join('\n'), /not an Attaché index/);
  });

  it('skips one entry of the wrong shape and keeps the others', async () => {
    await snapshot().save([entry('file:///a.txt'), entry('file:///b.txt')], 2000);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const broken = JSON.parse(lines[1]);
    broken.summary.events[0].evidence = { start: 9, end: 3 };
    lines[1] = JSON.stringify(broken);
    fs.writeFileSync(file, lines.join('\n'));
    const loaded = await load(2000);
    assert.deepEqual([...loaded.keys()], ['file:///b.txt']);
    assert.match(logs.join('\n'), /Discarded 1 entry of the saved index \(the first: its summary 'events' is not a list of events\)/);
  });

  it('reads again an article analysed in part under another time budget', async () => {
    await snapshot().save([entry('file:///a.txt', true), entry('file:///b.txt')], 2000);
    assert.deepEqual([...(await load(2000)).keys()], ['file:///a.txt', 'file:///b.txt']);
    assert.deepEqual([...(await load(5000)).keys()], ['file:///b.txt']);
  });

  it('says why it cannot save, and throws nothing', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(file);
    await snapshot().save([entry('file:///a.txt')], 2000);
    assert.match(logs.join('\n'), /Could not save the index/);
  });
});
