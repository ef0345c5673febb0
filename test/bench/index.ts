// The extension-host half of the corpus benchmark (scripts/bench-corpus.js). VS Code loads this
// file inside the extension host as its extensionTestsPath and awaits run(), which measures
// Attaché on the workspace (a generated corpus) and writes what it found as JSON to the file
// named by ATTACHE_BENCH_OUT. It never throws: a failure is written into the result instead,
// so the outer script can report what was measured before it.
//
// Environment (set by scripts/bench/extensionBench.js through the server's environment):
//   ATTACHE_BENCH_OUT               where to write the result (required)
//   ATTACHE_BENCH_PHASE             'cold' or 'warm' (only recorded; a cold run closes its editors at the end)
//   ATTACHE_BENCH_EXPECTED          articles in the workspace
//   ATTACHE_BENCH_READY_TIMEOUT_MS  how long to wait for the corpus to be indexed
//   ATTACHE_BENCH_OPEN              articles to open one by one (default 20)
//   ATTACHE_BENCH_HOVER_DOCS        of those, how many to hover over (default 5)
//   ATTACHE_BENCH_HOVER_CALLS       hover calls in all (default 200)
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';

/** What the bench reads of the test API's indexing clock (epoch milliseconds, Date.now()). */
interface IndexTimes {
  activatedAt: number;
  startedAt?: number;
  readyAt?: number;
  articles: number;
  /** Articles taken from the index the last window saved, unread (when the API reports it). */
  fromIndex?: number;
  fromCache: number;
  analysed: number;
}

/** The test API with the members the bench uses that may not exist yet in this build. */
type BenchApi = Omit<AttacheApi, 'indexTimes' | 'hover'> & {
  indexTimes?: () => IndexTimes;
  hover?: (document: vscode.TextDocument, position: vscode.Position) => unknown;
};

interface Distribution {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * One article opened. openedMs, visibleMs, shownMs and totalMs are from the showTextDocument call
 * (document opened in the extension host, editor visible, call returned, highlights applied);
 * readyMs from the document opening to its analysis; flashMs from the editor showing to its
 * highlights; highlightMs, the aim's figure, is the longer of readyMs and flashMs.
 */
interface OpenSample {
  path: string;
  openedMs: number | null;
  visibleMs: number | null;
  shownMs: number;
  readyMs: number | null;
  flashMs: number | null;
  highlightMs: number | null;
  totalMs: number | null;
  people: number;
  places: number;
}

export interface BenchResult {
  phase: string;
  expected: number;
  /** When the extension host process started (performance.timeOrigin), epoch ms. */
  hostStartedAt: number;
  runStartedAt: number;
  activateResolvedAt?: number;
  /** api.indexTimes() once ready, or null when the API has no indexTimes. */
  indexTimes: IndexTimes | null;
  /** Epoch ms when the whole corpus was known indexed: indexTimes().readyAt, else when whenIdle() resolved with every article in the corpus. */
  readyAt?: number;
  readySource?: 'indexTimes' | 'whenIdle';
  /** Epoch ms when whenIdle() resolved with every article in model.corpus() (measured in both cases). */
  idleAt?: number;
  corpusArticles?: number;
  corpusMs?: number;
  timedOut?: boolean;
  /** Distributions of the samples' highlightMs (the aim's figure), readyMs, flashMs and totalMs. */
  open: { samples: OpenSample[]; highlight: Distribution | null; ready: Distribution | null; flash: Distribution | null; total: Distribution | null };
  hover: { available: boolean; async: boolean; hits: number; calls: Distribution | null };
  /** vscode.executeHoverProvider round trips through the workbench: not the aim's figure, for comparison. */
  hoverRoundTrip: { hits: number; calls: Distribution | null };
  memory: { maxRssMB: number; rssMB: number; heapUsedMB: number };
  notes: string[];
  error?: string;
  finishedAt?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function numberFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function distribution(values: number[]): Distribution | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** Resolves with the promise's value, or with `undefined` once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

export async function run(): Promise<void> {
  const out = process.env.ATTACHE_BENCH_OUT;
  const result: BenchResult = {
    phase: process.env.ATTACHE_BENCH_PHASE ?? 'cold',
    expected: numberFromEnv('ATTACHE_BENCH_EXPECTED', 0),
    hostStartedAt: performance.timeOrigin,
    runStartedAt: Date.now(),
    indexTimes: null,
    open: { samples: [], highlight: null, ready: null, flash: null, total: null },
    hover: { available: false, async: false, hits: 0, calls: null },
    hoverRoundTrip: { hits: 0, calls: null },
    memory: { maxRssMB: 0, rssMB: 0, heapUsedMB: 0 },
    notes: [],
  };
  try {
    await measure(result);
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`failed: ${result.error}`);
  } finally {
    result.memory = memory();
    result.finishedAt = Date.now();
    if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
    else log(JSON.stringify(result));
  }
}

function memory(): BenchResult['memory'] {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  // resourceUsage().maxRSS is in kilobytes: the peak of the whole extension host process, worker threads included.
  return { maxRssMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10, rssMB: mb(usage.rss), heapUsedMB: mb(usage.heapUsed) };
}

async function measure(result: BenchResult): Promise<void> {
  const readyTimeoutMs = numberFromEnv('ATTACHE_BENCH_READY_TIMEOUT_MS', 600_000);
  const deadline = Date.now() + readyTimeoutMs;
  const extension = vscode.extensions.getExtension<BenchApi>('attache.attache');
  if (!extension) throw new Error('Attaché is not installed in this extension host');
  const api = await extension.activate();
  result.activateResolvedAt = Date.now();
  log(`${result.phase}: activated; waiting for ${result.expected} articles`);

  await waitUntilIndexed(api, result, deadline);
  if (result.timedOut) {
    result.notes.push(`the corpus was not indexed within ${readyTimeoutMs / 1000} s`);
    return;
  }
  log(`${result.phase}: indexed ${result.corpusArticles} articles in ${((result.readyAt ?? 0) - result.hostStartedAt) / 1000} s after the host started`);

  const files = await sampleArticles(numberFromEnv('ATTACHE_BENCH_OPEN', 20));
  await openOneByOne(api, files, result);
  // Hover over the opened articles with the most highlighted mentions.
  const mentions = new Map(result.open.samples.map((sample) => [sample.path, sample.people + sample.places]));
  const richest = [...files].sort((a, b) => (mentions.get(vscode.workspace.asRelativePath(b)) ?? 0) - (mentions.get(vscode.workspace.asRelativePath(a)) ?? 0));
  await hoverOver(api, richest.slice(0, numberFromEnv('ATTACHE_BENCH_HOVER_DOCS', 5)), numberFromEnv('ATTACHE_BENCH_HOVER_CALLS', 200), result);

  if (result.phase === 'cold') {
    // The warm run reopens the same workspace: it should not start by restoring these editors.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  // Whatever the extension persists for the next window is written while it is busy.
  await within(api.whenIdle(), 30_000);
}

async function waitUntilIndexed(api: BenchApi, result: BenchResult, deadline: number): Promise<void> {
  if (typeof api.indexTimes === 'function') {
    for (;;) {
      const times = api.indexTimes();
      if (times.readyAt !== undefined) {
        result.indexTimes = { ...times };
        result.readyAt = times.readyAt;
        result.readySource = 'indexTimes';
        break;
      }
      if (Date.now() > deadline) {
        result.indexTimes = { ...times };
        result.timedOut = true;
        return;
      }
      await sleep(20);
    }
  } else {
    result.notes.push('api.indexTimes() is missing: cold/warm index measured from the extension host start to whenIdle() with every article in the corpus');
  }

  // Corroborate with whenIdle() and the corpus itself (and use it when indexTimes is missing).
  let lastCount = -1;
  let lastChange = Date.now();
  for (;;) {
    const idle = await within(api.whenIdle(), deadline - Date.now());
    if (idle === undefined && Date.now() >= deadline) break;
    const idleAt = Date.now();
    const started = performance.now();
    const count = articlesIn(api.model.corpus());
    result.corpusMs = Math.round(performance.now() - started);
    result.corpusArticles = count;
    if (count >= result.expected) {
      result.idleAt = idleAt;
      if (result.readyAt === undefined) {
        result.readyAt = idleAt;
        result.readySource = 'whenIdle';
      }
      return;
    }
    if (count !== lastCount) {
      lastCount = count;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 15_000) {
      // Idle and not growing: some articles were skipped or failed. Report what there is.
      result.notes.push(`only ${count} of ${result.expected} articles in the corpus once idle`);
      result.idleAt = idleAt;
      if (result.readyAt === undefined) {
        result.readyAt = idleAt;
        result.readySource = 'whenIdle';
      }
      return;
    }
    await sleep(200);
  }
  if (result.readyAt === undefined) result.timedOut = true;
  else result.notes.push('whenIdle() did not confirm the corpus before the deadline');
}

/** How many articles a corpus holds, whichever shape the model's corpus() has: a Corpus with `size`, or an analysis with `articles`. */
function articlesIn(corpus: unknown): number {
  const shape = corpus as { size?: unknown; articles?: unknown };
  if (typeof shape.size === 'number') return shape.size;
  if (Array.isArray(shape.articles)) return shape.articles.length;
  return 0;
}

/** `count` articles spread evenly over the workspace's .txt files, the same ones on every launch. */
async function sampleArticles(count: number): Promise<vscode.Uri[]> {
  const all = (await vscode.workspace.findFiles('**/*.txt')).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (all.length <= count) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step + step / 2)]);
}

/**
 * Opens each article in turn and times how long until its people or places are highlighted. The
 * workbench takes hundreds of milliseconds to load the file and render an editor in headless
 * Chromium (far longer than desktop VS Code), and decorations can only be applied once the
 * editor is visible, so the extension's own share is measured as the longer of
 *   - ready: the document opened in the extension host → model.analysisOf(uri) has its analysis, and
 *   - flash: the editor visible → its highlights applied (what a reader sees as a bare editor);
 * total is the showTextDocument call → highlights, the workbench's time included.
 */
async function openOneByOne(api: BenchApi, files: vscode.Uri[], result: BenchResult): Promise<void> {
  const extension: number[] = [];
  const ready: number[] = [];
  const flash: number[] = [];
  const total: number[] = [];
  for (const uri of files) {
    const key = uri.toString();
    const started = performance.now();
    let openedAt: number | undefined;
    let visibleAt: number | undefined;
    let shownAt: number | undefined;
    const listeners = [
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (openedAt === undefined && document.uri.toString() === key) openedAt = performance.now();
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        if (visibleAt === undefined && editors.some((editor) => editor.document.uri.toString() === key)) visibleAt = performance.now();
      }),
    ];
    let failure: unknown;
    const shown = Promise.resolve(vscode.window.showTextDocument(uri, { preview: false })).then(
      () => {
        shownAt = performance.now();
      },
      (error: unknown) => {
        failure = error;
      },
    );
    let analysedAt: number | undefined;
    let highlightAt: number | undefined;
    let ranges = api.decorationRanges(uri);
    try {
      while (failure === undefined && performance.now() - started < 10_000) {
        const now = performance.now();
        // Before the document opens, analysisOf may answer with the file's analysis: only count it after.
        if (analysedAt === undefined && openedAt !== undefined && api.model.analysisOf(uri)) analysedAt = now;
        if (ranges.people.length > 0 || ranges.places.length > 0) {
          highlightAt = now;
          analysedAt ??= now;
          break;
        }
        await sleep(1);
        ranges = api.decorationRanges(uri);
      }
      await shown;
    } finally {
      for (const listener of listeners) listener.dispose();
    }
    if (failure !== undefined) throw failure;
    // A document already open and visible fires neither event: count from showTextDocument's return.
    const opened = openedAt ?? visibleAt ?? shownAt ?? started;
    const visible = visibleAt ?? shownAt ?? started;
    const relative = vscode.workspace.asRelativePath(uri);
    const sample: OpenSample = {
      path: relative,
      openedMs: openedAt === undefined ? null : round(openedAt - started),
      visibleMs: visibleAt === undefined ? null : round(visibleAt - started),
      shownMs: round((shownAt ?? performance.now()) - started),
      readyMs: analysedAt === undefined ? null : round(Math.max(0, analysedAt - opened)),
      flashMs: highlightAt === undefined ? null : round(Math.max(0, highlightAt - visible)),
      highlightMs: null,
      totalMs: highlightAt === undefined ? null : round(highlightAt - started),
      people: ranges.people.length,
      places: ranges.places.length,
    };
    if (sample.flashMs !== null && sample.totalMs !== null) {
      sample.highlightMs = Math.max(sample.readyMs ?? 0, sample.flashMs);
      extension.push(sample.highlightMs);
      flash.push(sample.flashMs);
      total.push(sample.totalMs);
      if (sample.readyMs !== null) ready.push(sample.readyMs);
    } else result.notes.push(`${relative}: no highlights within 10 s`);
    result.open.samples.push(sample);
  }
  result.open.highlight = roundDistribution(distribution(extension));
  result.open.ready = roundDistribution(distribution(ready));
  result.open.flash = roundDistribution(distribution(flash));
  result.open.total = roundDistribution(distribution(total));
}

/** Calls the hover provider at every highlighted mention of a few open articles. */
async function hoverOver(api: BenchApi, files: vscode.Uri[], calls: number, result: BenchResult): Promise<void> {
  const targets: Array<{ document: vscode.TextDocument; position: vscode.Position }> = [];
  for (const uri of files) {
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    let ranges = api.decorationRanges(uri);
    const started = performance.now();
    while (ranges.people.length + ranges.places.length === 0 && performance.now() - started < 10_000) {
      await sleep(5);
      ranges = api.decorationRanges(uri);
    }
    for (const range of [...ranges.people, ...ranges.places]) {
      // Its first, middle and last characters, as a pointer resting on the name would.
      const offsets = new Set([editor.document.offsetAt(range.start), editor.document.offsetAt(range.end) - 1]);
      offsets.add(Math.floor([...offsets].reduce((a, b) => a + b, 0) / 2));
      for (const offset of offsets) targets.push({ document: editor.document, position: editor.document.positionAt(offset) });
    }
  }
  if (targets.length === 0) {
    result.notes.push('no highlighted mentions to hover over');
    return;
  }
  const plan = Array.from({ length: Math.max(calls, 1) }, (_, i) => targets[i % targets.length]);
  if (targets.length < calls) result.notes.push(`hover: ${targets.length} positions in mentions, called ${calls} times in turn`);

  if (typeof api.hover === 'function') {
    result.hover.available = true;
    const times: number[] = [];
    for (const { document, position } of plan) {
      const started = performance.now();
      let hover: unknown = api.hover(document, position);
      if (hover && typeof (hover as { then?: unknown }).then === 'function') {
        result.hover.async = true;
        hover = await hover;
      }
      times.push(performance.now() - started);
      if (hover) result.hover.hits++;
    }
    result.hover.calls = roundDistribution(distribution(times));
  } else {
    result.notes.push('api.hover() is missing: hover p95 not measured (the round trip through vscode.executeHoverProvider is reported instead, for comparison)');
  }

  // For comparison: the same through the workbench, as an editor asks for it (async, includes the round trip).
  const roundTrips: number[] = [];
  for (const { document, position } of plan.slice(0, 50)) {
    const started = performance.now();
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    roundTrips.push(performance.now() - started);
    if (hovers && hovers.length > 0) result.hoverRoundTrip.hits++;
  }
  result.hoverRoundTrip.calls = roundDistribution(distribution(roundTrips));
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function roundDistribution(d: Distribution | null): Distribution | null {
  return d && { count: d.count, p50: round(d.p50), p95: round(d.p95), max: round(d.max) };
}
