import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Engine } from '../../src/core/analyze';
import { AnalysisStore, contentKey, readAnalysisRecord } from '../../src/core/analysisStore';
import { ArticleAnalysis } from '../../src/core/types';

const VERSION_A = '0123456789abcdef';
const VERSION_B = 'fedcba9876543210';
const seedText = (name: string) => fs.readFileSync(path.join('seeds', name), 'utf8');
/** What a record holds once written and read back: JSON drops the fields left undefined. */
const asStored = (analysis: ArticleAnalysis): ArticleAnalysis => JSON.parse(JSON.stringify(analysis));
/** A stored analysis as plain JSON, to be spoilt by a test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('AnalysisStore (analyses kept on disk across runs)', function () {
  this.timeout(20000);
  let engine: Engine;
  let analysis: ArticleAnalysis;
  let key: string;
  let root: string;
  let logs: string[];
  const open = (engineVersion = VERSION_A, directory = root) => new AnalysisStore({ directory, engineVersion, log: (message) => logs.push(message) });
  const recordFile = (store: AnalysisStore, forKey: string) => path.join(store.directory, forKey.slice(0, 2), `${forKey}.json`);

  before(() => {
    engine = new Engine();
    const text = seedText('004_07d1a38f5434573d.txt');
    analysis = engine.analyze({ uri: 'seeds/004_07d1a38f5434573d.txt', text, version: 3 });
    key = contentKey(text, 'plain');
  });
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-store-'));
    logs = [];
  });
  afterEach(() => {
    for (const folder of [root, ...fs.readdirSync(root).map((entry) => path.join(root, entry))]) if (fs.statSync(folder).isDirectory()) fs.chmodSync(folder, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('keys a text by the sha1 of its format, a NUL and the text', () => {
    assert.equal(contentKey('Xi met Biden.', 'plain'), createHash('sha1').update('plain\0Xi met Biden.').digest('hex'));
    assert.notEqual(contentKey('Xi met Biden.', 'plain'), contentKey('Xi met Biden.', 'markdown'));
  });

  it('gives back what it was given, in this process or the next, under <directory>/<engine version>/<2 digits>/<key>.json', async () => {
    const store = open();
    assert.equal(store.directory, path.join(root, VERSION_A));
    assert.equal(store.has(key), false);
    assert.equal(await store.get(key), undefined);
    await store.put(key, analysis);
    assert.equal(store.has(key), true);
    const record = JSON.parse(fs.readFileSync(recordFile(store, key), 'utf8'));
    assert.deepEqual([record.schema, record.engine, record.key], ['attache-analysis/1', VERSION_A, key]);
    const again = open();
    assert.deepEqual(await again.get(key), asStored(analysis));
    assert.deepEqual(again.getSync(key), asStored(analysis));
    assert.deepEqual(logs, []);
    assert.deepEqual(fs.readdirSync(path.dirname(recordFile(store, key))), [`${key}.json`], 'no temporary file is left behind');
  });

  it('stores synchronously too', () => {
    const store = open();
    store.putSync(key, analysis);
    assert.deepEqual(open().getSync(key), asStored(analysis));
  });

  it('accepts the analysis of every seed article as the engine makes it', () => {
    for (const name of fs.readdirSync('seeds')) {
      const seedAnalysis = asStored(engine.analyze({ uri: name, text: seedText(name), version: 1 }));
      const read = readAnalysisRecord({ schema: 'attache-analysis/1', engine: VERSION_A, key, analysis: seedAnalysis }, key, VERSION_A);
      assert.deepEqual(read, seedAnalysis, `${name}: ${typeof read === 'string' ? read : ''}`);
    }
  });

  it('misses, and deletes nothing, under another engine version', async () => {
    await open(VERSION_A).put(key, analysis);
    const other = open(VERSION_B);
    assert.equal(other.has(key), false);
    assert.equal(await other.get(key), undefined);
    assert.equal(other.getSync(key), undefined);
    assert.deepEqual(logs, []);
    assert.ok(open(VERSION_A).has(key));
  });

  it('does not store a partial analysis: it depends on the time budget', async () => {
    const store = open();
    const partial = { ...analysis, partial: { stoppedIn: 'names', namesTo: 10, analysedTo: 10, budgetMs: 5 } };
    await store.put(key, partial);
    store.putSync(key, partial);
    assert.equal(store.has(key), false);
    assert.equal(fs.existsSync(store.directory), false);
    assert.deepEqual(logs, []);
  });

  describe('discards a record it cannot trust, deletes it and says why in one line', () => {
    const otherKey = 'ab'.repeat(20);
    const recordOf = (value: unknown, options: { schema?: unknown; engine?: unknown; key?: unknown } = {}) =>
      JSON.stringify({ schema: options.schema ?? 'attache-analysis/1', engine: options.engine ?? VERSION_A, key: options.key ?? key, analysis: value });
    /** The analysis as stored, with `change` made to a copy of it. */
    const changed = (change: (copy: Json) => void) => {
      const copy: Json = asStored(analysis);
      change(copy);
      return recordOf(copy);
    };
    const cases: Array<[string, () => string, RegExp]> = [
      ['corrupt JSON', () => '{"schema": "attache-analysis/1", nonsense', /not valid JSON/],
      ['a truncated file', () => recordOf(asStored(analysis)).slice(0, 500), /not valid JSON/],
      ['an empty file', () => '', /the file is empty/],
      ['JSON that is not a record', () => '[1, 2, 3]', /the record is an array, not an object/],
      ['another schema', () => recordOf(asStored(analysis), { schema: 'attache-analysis/0' }), /its schema is 'attache-analysis\/0'/],
      ['another engine version, in this version folder', () => recordOf(asStored(analysis), { engine: VERSION_B }), /made by engine version 'fedcba9876543210', not '0123456789abcdef'/],
      ['another key', () => recordOf(asStored(analysis), { key: otherKey }), /holds the analysis of key/],
      ['no analysis', () => recordOf(undefined), /analysis is undefined, not an object/],
      ['a missing field', () => changed((a) => delete a.entities), /analysis\.entities is undefined, not an array/],
      ['a path that is not a string', () => changed((a) => (a.path = 7)), /analysis\.path is 7, not a string/],
      ['a version that is not a number', () => changed((a) => (a.version = '3')), /analysis\.version is '3', not a number/],
      ['a date without its basis', () => changed((a) => delete a.date.basis), /analysis\.date\.basis is undefined/],
      ['a date of unknown precision', () => changed((a) => (a.date.precision = 'week')), /analysis\.date\.precision is 'week', not one of day, month, year or null/],
      ['an entity of an unknown kind', () => changed((a) => (a.entities[1].kind = 'country')), /analysis\.entities\[1\]\.kind is 'country', not one of person, place, organization/],
      ['an entity that is not an object', () => changed((a) => (a.entities[0] = 'Xi Jinping')), /analysis\.entities\[0\] is 'Xi Jinping', not an object/],
      ['a span that ends before it starts', () => changed((a) => (a.entities[0].mentions[0] = { start: 9, end: 4 })), /analysis\.entities\[0\]\.mentions\[0\] is not a span \(start 9, end 4\)/],
      ['a negative offset', () => changed((a) => (a.entities[0].mentions[0] = { start: -1, end: 4 })), /is not a span \(start -1, end 4\)/],
      ['an offset that is not whole', () => changed((a) => (a.entities[0].mentions[0] = { start: 1.5, end: 4 })), /is not a span \(start 1\.5, end 4\)/],
      ['a role without a title', () => changed((a) => (a.entities.find((e: { roles: unknown[] }) => e.roles.length > 0).roles[0].title = null)), /\.roles\[0\]\.title is null, not a string/],
      ['roles that are not an array', () => changed((a) => (a.entities[0].roles = {})), /\.roles is an object, not an array/],
      ['participants that are not names', () => changed((a) => (a.meetings[0].participants = ['Xi Jinping', 42])), /analysis\.meetings\[0\]\.participants\[1\] is 42, not a string/],
      ['a meeting of an unknown status', () => changed((a) => (a.meetings[0].status = 'rumoured')), /analysis\.meetings\[0\]\.status is 'rumoured', not one of held, planned/],
      ['a meeting without its sentence', () => changed((a) => delete a.meetings[0].sentence), /analysis\.meetings\[0\]\.sentence is undefined, not a span/],
      ['a visit whose place is a number', () => changed((a) => (a.visits = [{ ...a.meetings[0], place: 3 }])), /analysis\.visits\[0\]\.place is 3, not a string or null/],
      ['notes that are not strings', () => changed((a) => (a.notes = [null])), /analysis\.notes\[0\] is null, not a string/],
      ['a partial analysis', () => changed((a) => (a.partial = { stoppedIn: 'names', namesTo: 1, analysedTo: 1, budgetMs: 1 })), /it is partial/],
    ];
    for (const [name, content, reason] of cases) {
      it(name, async () => {
        const store = open();
        const file = recordFile(store, key);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content());
        assert.equal(store.has(key), true);
        assert.equal(await store.get(key), undefined);
        assert.equal(logs.length, 1, logs.join('\n'));
        assert.match(logs[0], new RegExp(`^Discarded the cached analysis ${key}: `));
        assert.match(logs[0], reason);
        assert.doesNotMatch(logs[0], /\n/);
        assert.equal(fs.existsSync(file), false, 'the record is deleted');
        assert.equal(store.has(key), false);
      });
    }

    it('synchronously too, and the next put replaces it', () => {
      const store = open();
      const file = recordFile(store, key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '{"schema":');
      assert.equal(store.getSync(key), undefined);
      assert.match(logs.join('\n'), /^Discarded the cached analysis [0-9a-f]{40}: not valid JSON/);
      assert.equal(fs.existsSync(file), false);
      store.putSync(key, analysis);
      assert.deepEqual(store.getSync(key), asStored(analysis));
    });

    it('takes time in proportion to the record, not more', () => {
      // 200,000 mentions: a quadratic check would take minutes; a linear one, milliseconds.
      const big = asStored(analysis);
      big.entities[0].mentions = Array.from({ length: 200_000 }, (_, i) => ({ start: i, end: i + 1 }));
      const started = performance.now();
      assert.equal(typeof readAnalysisRecord({ schema: 'attache-analysis/1', engine: VERSION_A, key, analysis: big }, key, VERSION_A), 'object');
      assert.ok(performance.now() - started < 2000);
    });
  });

  describe('a cache that cannot be used', () => {
    it('logs once that it cannot write, then works on without it, and never throws', async () => {
      fs.writeFileSync(path.join(root, 'in-the-way'), 'a file, not a folder');
      const store = open(VERSION_A, path.join(root, 'in-the-way', 'cache'));
      await store.put(key, analysis);
      store.putSync(key, analysis);
      await store.put(contentKey('another text', 'plain'), analysis);
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /^Cannot write the analysis cache in .*in-the-way.*: a path in it is a file, not a folder \(ENOTDIR\)/);
      assert.equal(await store.get(key), undefined);
      assert.equal(store.getSync(key), undefined);
      assert.equal(store.has(key), false);
      assert.equal(await store.pruneOtherVersions(), 0);
    });

    it('logs, and does not hang, where mkdir fails though the parent folder exists (/proc)', async function () {
      if (!fs.existsSync('/proc/self')) this.skip();
      const store = open(VERSION_A, '/proc/attache-analyses');
      await store.put(key, analysis);
      store.putSync(key, analysis);
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /^Cannot write the analysis cache in \/proc\/attache-analyses/);
    });

    it('logs that it cannot write to a folder without permission (as a user without root)', async function () {
      if (process.platform === 'win32' || process.getuid?.() === 0) this.skip();
      fs.chmodSync(root, 0o555);
      const store = open();
      await store.put(key, analysis);
      assert.equal(await store.get(key), undefined);
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /^Cannot write the analysis cache in .*: permission denied \(EACCES\)/);
    });

    it('reads a record it cannot open as a miss, with one line for each reason', async () => {
      const store = open();
      const file = recordFile(store, key);
      fs.mkdirSync(file, { recursive: true }); // a folder where the record would be
      assert.equal(await store.get(key), undefined);
      assert.equal(store.getSync(key), undefined);
      assert.equal(logs.length, 1, logs.join('\n'));
      assert.match(logs[0], /^Could not read the cached analysis [0-9a-f]{40}: a folder is in the way \(EISDIR\)/);
      assert.ok(fs.existsSync(file), 'what it could not read is not deleted');
    });

    it('refuses a key that is not a hex digest rather than reach outside its folder', () => {
      const store = open();
      assert.throws(() => store.getSync('../../etc/passwd'), /lowercase hex digest/);
      assert.throws(() => store.has('AB'.repeat(20)), /lowercase hex digest/);
    });
  });

  it("prunes other engine versions' folders, and only those", async () => {
    await open(VERSION_A).put(key, analysis);
    await open('development').put(key, analysis);
    fs.mkdirSync(path.join(root, 'notes'));
    fs.writeFileSync(path.join(root, 'notes', 'keep.txt'), 'mine');
    fs.writeFileSync(path.join(root, 'README'), 'mine too');
    const current = open(VERSION_B);
    await current.put(key, analysis);
    logs = [];
    assert.equal(await current.pruneOtherVersions(), 2);
    assert.deepEqual(fs.readdirSync(root).sort(), ['README', VERSION_B, 'notes']);
    assert.ok(current.has(key));
    assert.equal(logs.length, 2, logs.join('\n'));
    assert.match(logs.join('\n'), new RegExp(`Removed the cached analyses of engine version ${VERSION_A}`));
    assert.equal(await current.pruneOtherVersions(), 0);
    assert.equal(await open(VERSION_A, path.join(root, 'missing')).pruneOtherVersions(), 0);
    assert.equal(logs.length, 2);
  });
});
