// The extension host's side of the analysis workers: a queue of articles to analyse, a small pool
// of worker threads, caches by content in memory and on disk, and a fallback to the host itself
// when no worker thread can start. It has no vscode import so that plain Node unit tests can drive
// it with the real worker.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../core/analyze';
import { analysisKey, AnalysisStore } from '../core/analysisStore';
import { Corrections, correctionsFingerprint, NO_CORRECTIONS } from '../core/corrections';
import { formatOf } from '../core/readableText';
import { ArticleAnalysis, ArticleDocument, ArticleFormat } from '../core/types';
import { AnalysisRequest, CorrectionsMessage, WorkerMessage, WorkerSettings } from './analysisProtocol';

const NAME_MODEL_WARNING = 'The trained name model could not be read, so names are found by the rules alone: ';

/** The part of vscode.CancellationToken the client needs. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/** Open documents ('foreground') go before files read for the corpus ('background'). */
export type Priority = 'foreground' | 'background';

/** Raised when an article is deliberately not analysed; the message is the reason a reader sees. */
export class AnalysisSkipped extends Error {}

export interface AnalysisClientOptions {
  /** The compiled worker script (dist/analysisWorker.js). */
  workerPath: string;
  /** Where to say, once, that analysis runs in the host; and to report worker crashes. */
  log(message: string): void;
  /** Milliseconds one article may take; a longer one is analysed up to where the time ran out, and marked partial. */
  timeBudgetMs?: number;
  /** A worker busy longer than this on one article (the budget failed to stop it) is restarted and the article skipped. */
  timeLimitMs?: number;
  /** In-process analysis blocks the host, so longer texts are skipped there. */
  fallbackMaxChars?: number;
  /** Cancelling a running analysis of a text at least this long restarts the worker rather than waiting for it. */
  restartAboveChars?: number;
  /** Analyses kept in memory by content hash: those of open documents, mostly. */
  cacheSize?: number;
  /** Worker threads; by default one for each processor but one, which is left to the editor. */
  workers?: number;
  /** Analyses kept on disk across sessions, looked up before any worker is asked. */
  store?: AnalysisStore;
}

/** Where the analyses the client has answered came from: for the status of a large index and its benchmark. */
export interface AnalysisCounts {
  /** Analysed by a worker (or the host) in this session. */
  analysed: number;
  /** Read back from the store on disk. */
  stored: number;
  /** Answered from memory: the same text asked for again. */
  remembered: number;
  /** Milliseconds the engine spent on the analyses made. */
  analysisMs: number;
}

const WORKER_YOUNG_GENERATION_MB = 8;

const canWait = (job: Job) => job.text.length < WAITING_MAX_CHARS;

/** Each worker holds an engine of its own (about 90 MB): a few at most, whatever the machine. */
const MAX_WORKERS = 4;

/** One worker for each processor but one, so the editor keeps a core: one on two cores. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Posted to the worker: the first is running, the next waits in the worker's queue. */
  jobs: Job[];
  /** The running job's time limit. */
  timer?: NodeJS.Timeout;
}

/**
 * Jobs a worker holds at once: one running and one waiting, so it starts the next the moment it
 * finishes instead of waiting for the busy host to answer (on 10,000 articles those waits added
 * a quarter to the time). Only short texts wait in a worker, where they cannot be withdrawn.
 */
const JOBS_IN_HAND = 2;
const WAITING_MAX_CHARS = 20_000;

interface Waiter {
  uri: string;
  version: number;
  resolve(analysis: ArticleAnalysis | undefined): void;
  reject(error: Error): void;
}

interface Job {
  id: number;
  hash: string;
  text: string;
  format: ArticleFormat;
  priority: Priority;
  waiters: Set<Waiter>;
}

export const DEFAULT_TIME_BUDGET_MS = 2000;

export class AnalysisClient {
  private timeBudgetMs: number;
  private readonly timeLimitMs: number;
  private readonly fallbackMaxChars: number;
  private readonly restartAboveChars: number;
  private readonly cacheSize: number;
  private readonly workerCount: number;
  /** Analyses by hash of format and content, least recently used first. */
  private readonly cache = new Map<string, ArticleAnalysis>();
  /** Queued and running jobs by hash: the same text in the same format asked for twice is analysed once. */
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  /** Loaded only on fallback: the engine's data and NLP library cost the host most of a second to load. */
  private inProcessEngine: Promise<{ engine: Engine; corrections: Corrections }> | undefined;
  private fallback = false;
  private fallbackScheduled = false;
  private someWorkerReady = false;
  private nextId = 1;
  private disposed = false;
  private readonly tally: AnalysisCounts = { analysed: 0, stored: 0, remembered: 0, analysisMs: 0 };
  private corrections: Corrections = NO_CORRECTIONS;
  /** The corrections' fingerprint: '' without any. */
  private correctionsKey = '';

  constructor(private readonly options: AnalysisClientOptions) {
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    this.timeLimitMs = options.timeLimitMs ?? 120_000;
    // About 50 ms of analysis on the host: a long news article, not a book.
    this.fallbackMaxChars = options.fallbackMaxChars ?? 30_000;
    // Restarting costs a few hundred milliseconds (a new thread loads the engine): worth it only
    // when the analysis it interrupts would take longer.
    this.restartAboveChars = options.restartAboveChars ?? 200_000;
    this.cacheSize = options.cacheSize ?? 50;
    this.workerCount = Math.max(1, options.workers ?? defaultWorkerCount());
  }

  /** Starts the workers now rather than with the first article: for a corpus that will surely need them. */
  startWorkers(): void {
    while (!this.disposed && !this.fallback && this.slots.length < this.workerCount) this.startSlot();
  }

  /** How many analyses were made, read from disk and answered from memory so far. */
  get counts(): AnalysisCounts {
    return { ...this.tally };
  }

  /** Worker threads the client runs when there is work (0 when it analyses on the host). */
  get workers(): number {
    return this.fallback ? 0 : this.workerCount;
  }

  /** A new budget applies to articles analysed from now on; kept analyses made under another budget are dropped. */
  setTimeBudget(ms: number): void {
    if (ms === this.timeBudgetMs) return;
    this.timeBudgetMs = ms;
    // Partial analyses are never stored on disk, so what is there holds under any budget.
    this.cache.clear();
  }

  /**
   * The reader's corrections apply to articles analysed from now on. Analyses are keyed by them,
   * so one made under other corrections is never taken for one made under these.
   */
  setCorrections(corrections: Corrections): void {
    const key = correctionsFingerprint(corrections);
    if (key === this.correctionsKey) return;
    this.corrections = corrections;
    this.correctionsKey = key;
    // Jobs not yet sent will be analysed under the new corrections, and kept under their key.
    for (const job of this.queue) {
      if (this.jobs.get(job.hash) === job) this.jobs.delete(job.hash);
      job.hash = analysisKey(job.text, job.format, corrections);
      this.jobs.set(job.hash, job);
    }
    const message: CorrectionsMessage = { type: 'corrections', corrections };
    for (const slot of this.slots) slot.worker.postMessage(message);
    this.inProcessEngine = undefined;
  }

  /** True when analysis runs on the extension host because no worker thread could start. */
  get inProcess(): boolean {
    return this.fallback;
  }

  /**
   * The analysis of `document`, stamped with its uri and version; undefined when cancelled first.
   * Rejects with AnalysisSkipped when the article is deliberately not analysed.
   */
  async analyze(document: ArticleDocument, token?: CancellationSignal, priority: Priority = 'foreground'): Promise<ArticleAnalysis | undefined> {
    if (this.disposed || token?.isCancellationRequested) return undefined;
    // The same text read as markdown and as plain text gives two analyses.
    const format = formatOf(document);
    const hash = analysisKey(document.text, format, this.corrections);
    const remembered = this.remember(hash);
    if (remembered) {
      this.tally.remembered++;
      return stamp(remembered, document);
    }
    const stored = this.jobs.has(hash) ? undefined : await this.options.store?.get(hash);
    if (stored) {
      this.tally.stored++;
      this.keep(hash, stored);
      return stamp(stored, document);
    }
    if (this.disposed || token?.isCancellationRequested) return undefined;
    return new Promise<ArticleAnalysis | undefined>((resolve, reject) => {
      let job = this.jobs.get(hash);
      if (!job) {
        job = { id: this.nextId++, hash, text: document.text, format, priority, waiters: new Set() };
        this.jobs.set(hash, job);
        this.queue.push(job);
      } else if (priority === 'foreground') {
        job.priority = 'foreground';
      }
      const owner = job;
      // Called only after this function returns: the token was not cancelled when it started.
      const cancellation = token?.onCancellationRequested(() => {
        if (!owner.waiters.delete(waiter)) return;
        waiter.resolve(undefined);
        this.abandonIfUnwanted(owner);
      });
      const waiter: Waiter = {
        uri: document.uri,
        version: document.version,
        resolve: (analysis) => {
          cancellation?.dispose();
          resolve(analysis);
        },
        reject: (error) => {
          cancellation?.dispose();
          reject(error);
        },
      };
      owner.waiters.add(waiter);
      // Hashing a long text and posting it to the worker each block the host for a while: in separate turns, not one.
      setImmediate(() => this.pump());
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      void slot.worker.terminate();
    }
    for (const job of this.jobs.values()) for (const waiter of job.waiters) waiter.resolve(undefined);
    this.jobs.clear();
    this.queue.length = 0;
  }

  private startSlot(replacing?: Slot): void {
    let worker: Worker;
    try {
      // A small young generation: the engine makes short-lived garbage, and the default's larger
      // spaces cost the host some 15 MB of memory for no measurable speed.
      const settings: WorkerSettings = { storeDirectory: this.options.store?.root, corrections: this.corrections };
      worker = new Worker(this.options.workerPath, { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    } catch (error) {
      this.switchToInProcess(error);
      return;
    }
    const slot: Slot = { worker, ready: false, jobs: [] };
    const index = replacing ? this.slots.indexOf(replacing) : -1;
    if (index >= 0) this.slots[index] = slot;
    else this.slots.push(slot);
    worker.on('message', (message: WorkerMessage) => {
      if (!this.slots.includes(slot)) return;
      if (message.type === 'log') {
        this.options.log(message.message);
      } else if (message.type === 'ready') {
        slot.ready = true;
        // Every worker loads the same model: its problem is worth one line, not one a worker.
        if (message.nameModelProblem && !this.someWorkerReady) this.options.log(`${NAME_MODEL_WARNING}${message.nameModelProblem}`);
        this.someWorkerReady = true;
        this.pump();
      } else {
        this.finishRunning(slot, message);
      }
    });
    worker.on('error', (error) => this.onWorkerStopped(slot, error));
    worker.on('exit', (code) => this.onWorkerStopped(slot, new Error(`the analysis worker exited with code ${code}`)));
  }

  private onWorkerStopped(slot: Slot, error: Error): void {
    if (!this.slots.includes(slot) || this.disposed) return;
    if (!slot.ready && !this.someWorkerReady) {
      this.switchToInProcess(error);
      return;
    }
    // The text being analysed may be what killed the worker: fail it, keep the rest.
    this.options.log(`An analysis worker stopped (${error.message}); restarting it.`);
    this.failRunning(slot, new Error(`analysis failed: ${error.message}`));
    this.requeueWaiting(slot);
    this.startSlot(slot);
  }

  private switchToInProcess(error: unknown): void {
    if (this.fallback) return;
    this.fallback = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log(
      `The analysis worker could not start (${reason}). Articles are analysed on the extension host instead, one at a time; ` +
        `articles longer than ${this.fallbackMaxChars} characters are skipped.`,
    );
    for (const slot of this.slots.splice(0)) {
      clearTimeout(slot.timer);
      void slot.worker.terminate();
      this.queue.unshift(...slot.jobs);
    }
    this.pump();
  }

  private pump(): void {
    if (this.disposed) return;
    if (this.fallback) {
      if (this.fallbackScheduled || this.queue.length === 0) return;
      // One article per macrotask, so the host handles events between analyses.
      this.fallbackScheduled = true;
      const corrections = this.corrections;
      this.inProcessEngine ??= import('../core/analyze').then(({ Engine }) => {
        const engine = new Engine({ corrections }).warmUp();
        const problem = engine.nameTaggerProblem();
        if (problem) this.options.log(`${NAME_MODEL_WARNING}${problem}`);
        return { engine, corrections };
      });
      void this.inProcessEngine.then(
        (engine) =>
          setImmediate(() => {
            this.fallbackScheduled = false;
            this.analyzeNextInProcess(engine.engine, engine.corrections);
            this.pump();
          }),
        (error: unknown) => {
          this.fallbackScheduled = false;
          const failure = new Error(`the engine could not load: ${error instanceof Error ? error.message : String(error)}`);
          for (const job of this.queue.splice(0)) {
            this.jobs.delete(job.hash);
            for (const waiter of job.waiters) waiter.reject(failure);
          }
        },
      );
      return;
    }
    // Workers start with the first article to analyse: each engine costs the host some 100 MB,
    // and a window whose articles all come from the caches never needs one.
    while (this.slots.length < this.workerCount && this.queue.length > 0 && !this.fallback) this.startSlot();
    for (let held = 0; held < JOBS_IN_HAND; held++) {
      for (const slot of this.slots) {
        if (!slot.ready || slot.jobs.length > held) continue;
        if (held > 0 && (slot.jobs[0].text.length >= this.restartAboveChars || !this.queue.some(canWait))) continue;
        const job = held === 0 ? this.takeNext() : this.takeNext(canWait);
        if (!job) return;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) this.startClock(slot);
        const request: AnalysisRequest = { id: job.id, uri: '', version: 0, text: job.text, format: job.format, budgetMs: this.timeBudgetMs };
        slot.worker.postMessage(request);
      }
    }
  }

  private startClock(slot: Slot): void {
    const job = slot.jobs[0];
    clearTimeout(slot.timer);
    slot.timer = job && setTimeout(() => this.onTimeLimit(slot, job), this.timeLimitMs);
  }

  /** The next job to run, open documents first; with `acceptable`, the next of those. */
  private takeNext(acceptable: (job: Job) => boolean = () => true): Job | undefined {
    let index = this.queue.findIndex((job) => job.priority === 'foreground' && acceptable(job));
    if (index < 0) index = this.queue.findIndex(acceptable);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private analyzeNextInProcess(engine: Engine, corrections: Corrections): void {
    const job = this.takeNext();
    if (!job) return;
    this.jobs.delete(job.hash);
    if (job.text.length > this.fallbackMaxChars) {
      const reason = `too long to analyse without the background worker (${job.text.length} characters; the limit there is ${this.fallbackMaxChars})`;
      for (const waiter of job.waiters) waiter.reject(new AnalysisSkipped(reason));
      return;
    }
    try {
      const started = performance.now();
      const analysis = engine.analyze({ uri: '', version: 0, text: job.text, format: job.format }, { budgetMs: this.timeBudgetMs });
      this.tally.analysed++;
      this.tally.analysisMs += performance.now() - started;
      const key = analysisKey(job.text, job.format, corrections);
      void this.options.store?.put(key, analysis);
      this.complete(job, analysis, key);
    } catch (error) {
      for (const waiter of job.waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private finishRunning(slot: Slot, message: Extract<WorkerMessage, { id: number }>): void {
    const job = slot.jobs[0];
    if (!job || job.id !== message.id) return;
    this.clearRunning(slot);
    if (this.jobs.get(job.hash) === job) this.jobs.delete(job.hash);
    if (message.type === 'result') {
      this.tally.analysed++;
      this.tally.analysisMs += message.ms;
      this.complete(job, message.analysis, message.key);
    } else for (const waiter of job.waiters) waiter.reject(new Error(message.message));
    this.pump();
  }

  /** Kept under `key`, the analysis's own: the job's may be that of corrections changed since it was asked for. */
  private complete(job: Job, analysis: ArticleAnalysis, key: string): void {
    this.keep(key, analysis);
    for (const waiter of job.waiters) waiter.resolve(stamp(analysis, waiter));
  }

  private remember(hash: string): ArticleAnalysis | undefined {
    const cached = this.cache.get(hash);
    if (!cached) return undefined;
    this.cache.delete(hash);
    this.cache.set(hash, cached);
    return cached;
  }

  private keep(hash: string, analysis: ArticleAnalysis): void {
    this.cache.set(hash, analysis);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
  }

  private onTimeLimit(slot: Slot, job: Job): void {
    if (slot.jobs[0] !== job) return;
    this.options.log(`Analysing one article took longer than ${this.timeLimitMs / 1000} s; it is skipped and the worker restarted.`);
    this.failRunning(slot, new AnalysisSkipped(`analysis took longer than ${this.timeLimitMs / 1000} s`));
    this.restartSlot(slot);
  }

  /** Nobody waits for this job any more: drop it from the queue, or stop a long one mid-way. */
  private abandonIfUnwanted(job: Job): void {
    if (job.waiters.size > 0 || this.jobs.get(job.hash) !== job) return;
    const slot = this.slots.find((s) => s.jobs.includes(job));
    // One waiting in a worker cannot be withdrawn; it is short, and its result is kept.
    if (slot && slot.jobs[0] !== job) return;
    if (slot) {
      // A short analysis finishes soon and its result is cached; a long one would hold up
      // newer requests for seconds, so restarting the worker is cheaper.
      if (job.text.length < this.restartAboveChars) return;
      this.clearRunning(slot);
      this.jobs.delete(job.hash);
      this.restartSlot(slot);
      return;
    }
    this.jobs.delete(job.hash);
    const index = this.queue.indexOf(job);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private failRunning(slot: Slot, error: Error): void {
    const job = slot.jobs[0];
    if (!job) return;
    this.clearRunning(slot);
    this.jobs.delete(job.hash);
    for (const waiter of job.waiters) waiter.reject(error);
  }

  /** The running job is done with: the one waiting behind it, if any, is running now. */
  private clearRunning(slot: Slot): void {
    slot.jobs.shift();
    this.startClock(slot);
  }

  /** Jobs waiting in a worker that is going away go back to the front of the queue. */
  private requeueWaiting(slot: Slot): void {
    this.queue.unshift(...slot.jobs.splice(0));
    clearTimeout(slot.timer);
  }

  private restartSlot(slot: Slot): void {
    void slot.worker.terminate();
    this.requeueWaiting(slot);
    this.startSlot(slot);
  }
}

function stamp(analysis: ArticleAnalysis, document: { uri: string; version: number }): ArticleAnalysis {
  return { ...analysis, path: document.uri, version: document.version };
}
