// The extension's analysis queue, driven with the real worker thread (dist/analysisWorker.js,
// built by `node esbuild.js` before the unit tests run).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { AnalysisStore, contentKey } from '../../src/core/analysisStore';
import { AnalysisClient, AnalysisSkipped, CancellationSignal } from '../../src/extension/analysisClient';

const workerPath = path.join(process.cwd(), 'dist', 'analysisWorker.js');
const seed = fs.readFileSync(path.join(process.cwd(), 'seeds', '003_38ea7e343e1e71a6.txt'), 'utf8');

class Cancellation {
  private listeners: Array<() => unknown> = [];
  cancelled = false;
  readonly token: CancellationSignal = {
    isCancellationRequested: false,
    onCancellationRequested: (listener) => {
      this.listeners.push(listener);
      return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    },
  };
  cancel(): void {
    (this.token as { isCancellationRequested: boolean }).isCancellationRequested = true;
    for (const listener of this.listeners) listener();
  }
}

describe('AnalysisClient (the extension host side of the analysis worker)', function () {
  this.timeout(60000);
  const logs: string[] = [];
  let client: AnalysisClient;

  before(() => assert.ok(fs.existsSync(workerPath), `${workerPath} is not built`));
  beforeEach(() => {
    logs.length = 0;
    client = new AnalysisClient({ workerPath, log: (message) => logs.push(message), workers: 1 });
  });
  afterEach(() => client.dispose());

  it('analyses in the worker and stamps the result with the uri and version asked for', async () => {
    const analysis = await client.analyze({ uri: 'file:///003.txt', text: seed, version: 4 });
    assert.ok(analysis);
    assert.equal(analysis.path, 'file:///003.txt');
    assert.equal(analysis.version, 4);
    assert.ok(analysis.entities.some((e) => e.name === 'Liu He'));
    assert.equal(client.inProcess, false);
    assert.deepEqual(logs, []);
  });

  it('analyses under the reader\'s corrections once they are set, in a running worker and in a new one', async () => {
    const before = await client.analyze({ uri: 'a', text: seed, version: 1 });
    assert.ok(before?.entities.some((e) => e.name === 'Liu He'));
    client.setCorrections({ people: [], notPeople: ['Liu He'], notPlaces: [], samePerson: [], unlink: [] });
    const after = await client.analyze({ uri: 'a', text: seed, version: 1 });
    assert.ok(after && !after.entities.some((e) => e.name === 'Liu He'), 'the corrected name is still a person');
    const fresh = new AnalysisClient({ workerPath, log: (message) => logs.push(message), workers: 1 });
    try {
      fresh.setCorrections({ people: [], notPeople: ['Liu He'], notPlaces: [], samePerson: [], unlink: [] });
      const analysis = await fresh.analyze({ uri: 'b', text: seed, version: 1 });
      assert.ok(analysis && !analysis.entities.some((e) => e.name === 'Liu He'));
    } finally {
      fresh.dispose();
    }
  });

  it('answers the same text from its cache, under the new uri and version', async () => {
    const first = await client.analyze({ uri: 'a', text: seed, version: 1 });
    const started = Date.now();
    const second = await client.analyze({ uri: 'b', text: seed, version: 9 });
    assert.ok(Date.now() - started < 20, 'the same text was analysed again');
    assert.deepEqual(second?.entities, first?.entities);
    assert.equal(second?.path, 'b');
    assert.equal(second?.version, 9);
  });

  it('drops queued work when it is cancelled, and still answers the request that replaced it', async () => {
    const busy = client.analyze({ uri: 'busy', text: seed.repeat(40), version: 1 });
    const superseded = new Cancellation();
    const staleText = `${seed.repeat(40)}\nversion 1`;
    const stale = client.analyze({ uri: 'doc', text: staleText, version: 1 }, superseded.token);
    superseded.cancel();
    const current = client.analyze({ uri: 'doc', text: `${seed}\nversion 2`, version: 2 });
    assert.equal(await stale, undefined);
    assert.equal((await current)?.version, 2);
    assert.ok(await busy);
    // Had the cancelled text been analysed anyway, asking again would be a cache hit.
    const started = Date.now();
    await client.analyze({ uri: 'doc', text: staleText, version: 3 });
    assert.ok(Date.now() - started > 100, 'the cancelled request was analysed');
  });

  it('stops a long analysis nobody waits for, so that newer requests do not queue behind it', async () => {
    const cancellation = new Cancellation();
    // Several seconds of analysis; restarting the worker takes well under one.
    const long = client.analyze({ uri: 'long', text: seed.repeat(600), version: 1 }, cancellation.token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    cancellation.cancel();
    const started = Date.now();
    const next = await client.analyze({ uri: 'next', text: `${seed} `, version: 1 });
    assert.equal(await long, undefined);
    assert.ok(next);
    assert.ok(Date.now() - started < 2000, `the next request waited ${Date.now() - started} ms`);
  });

  it('falls back to analysing on the host when the worker cannot start, says so once, and skips long texts there', async () => {
    client.dispose();
    client = new AnalysisClient({ workerPath: path.join(process.cwd(), 'dist', 'no-such-worker.js'), log: (message) => logs.push(message), fallbackMaxChars: 20000 });
    const analysis = await client.analyze({ uri: 'a', text: seed, version: 1 });
    assert.ok(analysis?.entities.some((e) => e.name === 'Liu He'));
    assert.equal(client.inProcess, true);
    await assert.rejects(client.analyze({ uri: 'b', text: seed.repeat(10), version: 1 }), (error: unknown) => error instanceof AnalysisSkipped && /too long/.test(error.message));
    assert.equal(logs.length, 1);
    assert.match(logs[0], /could not start/);
  });

  it('answers a text analysed in an earlier session from the store on disk, without analysing it again', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-client-store-'));
    try {
      const first = new AnalysisClient({ workerPath, log: (message) => logs.push(message), workers: 1, store: new AnalysisStore({ directory }) });
      const analysed = await first.analyze({ uri: 'a', text: seed, version: 1 });
      // The worker writes the analysis after answering: wait for it.
      const store = new AnalysisStore({ directory });
      for (let waited = 0; !store.has(contentKey(seed, 'plain')) && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      first.dispose();
      const second = new AnalysisClient({ workerPath: path.join(process.cwd(), 'dist', 'no-such-worker.js'), log: (message) => logs.push(message), store: new AnalysisStore({ directory }) });
      const stored = await second.analyze({ uri: 'b', text: seed, version: 7 });
      assert.deepEqual(second.counts, { analysed: 0, stored: 1, remembered: 0, analysisMs: 0 });
      assert.deepEqual(stored?.entities, analysed?.entities);
      assert.equal(stored?.path, 'b');
      assert.equal(stored?.version, 7);
      second.dispose();
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('with two workers, answers a short article while a long one is still being analysed', async () => {
    client.dispose();
    client = new AnalysisClient({ workerPath, log: (message) => logs.push(message), workers: 2 });
    assert.equal(client.workers, 2);
    const finished: string[] = [];
    const long = client.analyze({ uri: 'long', text: seed.repeat(200), version: 1 }).then(() => finished.push('long'));
    const short = client.analyze({ uri: 'short', text: `${seed} `, version: 1 }).then(() => finished.push('short'));
    await Promise.all([long, short]);
    assert.deepEqual(finished, ['short', 'long']);
  });
});
