// The extension host's side of the analysis worker: a queue of articles to analyse, a cache by
// content, and a fallback to the host itself when no worker thread can start. It has no vscode
// import so that plain Node unit tests can drive it with the real worker.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Engine } from '../core/analyze';
import { formatOf } from '../core/readableText';
import { ArticleAnalysis, ArticleDocument, ArticleFormat } from '../core/types';
import { AnalysisRequest, WorkerMessage } from './analysisProtocol';

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
  /** Analyses kept by content hash. */
  cacheSize?: number;
}

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
  /** Analyses by hash of format and content, least recently used first. */
  private readonly cache = new Map<string, ArticleAnalysis>();
  /** Queued and running jobs by hash: the same text in the same format asked for twice is analysed once. */
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private runningTimer: NodeJS.Timeout | undefined;
  private worker: Worker | undefined;
  private workerReady = false;
  /** Loaded only on fallback: the engine's data and NLP library cost the host most of a second to load. */
  private inProcessEngine: Promise<Engine> | undefined;
  private fallback = false;
  private fallbackScheduled = false;
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: AnalysisClientOptions) {
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
    this.timeLimitMs = options.timeLimitMs ?? 120_000;
    // About 50 ms of analysis on the host: a long news article, not a book.
    this.fallbackMaxChars = options.fallbackMaxChars ?? 30_000;
    // Restarting costs a few hundred milliseconds (a new thread loads the engine): worth it only
    // when the analysis it interrupts would take longer.
    this.restartAboveChars = options.restartAboveChars ?? 200_000;
    this.cacheSize = options.cacheSize ?? 300;
    this.startWorker();
  }

  /** A new budget applies to articles analysed from now on; kept analyses made under another budget are dropped. */
  setTimeBudget(ms: number): void {
    if (ms === this.timeBudgetMs) return;
    this.timeBudgetMs = ms;
    this.cache.clear();
  }

  /** True when analysis runs on the extension host because no worker thread could start. */
  get inProcess(): boolean {
    return this.fallback;
  }

  /**
   * The analysis of `document`, stamped with its uri and version; undefined when cancelled first.
   * Rejects with AnalysisSkipped when the article is deliberately not analysed.
   */
  analyze(document: ArticleDocument, token?: CancellationSignal, priority: Priority = 'foreground'): Promise<ArticleAnalysis | undefined> {
    if (this.disposed || token?.isCancellationRequested) return Promise.resolve(undefined);
    // The same text read as markdown and as plain text gives two analyses.
    const format = formatOf(document);
    const hash = createHash('sha1').update(format).update('\0').update(document.text).digest('hex');
    const cached = this.cache.get(hash);
    if (cached) {
      this.cache.delete(hash);
      this.cache.set(hash, cached);
      return Promise.resolve(stamp(cached, document));
    }
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
    clearTimeout(this.runningTimer);
    void this.worker?.terminate();
    this.worker = undefined;
    for (const job of this.jobs.values()) for (const waiter of job.waiters) waiter.resolve(undefined);
    this.jobs.clear();
    this.queue.length = 0;
    this.running = undefined;
  }

  private startWorker(): void {
    let worker: Worker;
    try {
      worker = new Worker(this.options.workerPath);
    } catch (error) {
      this.switchToInProcess(error);
      return;
    }
    this.worker = worker;
    this.workerReady = false;
    worker.on('message', (message: WorkerMessage) => {
      if (worker !== this.worker) return;
      if (message.type === 'ready') {
        this.workerReady = true;
        if (message.nameModelProblem) this.options.log(`${NAME_MODEL_WARNING}${message.nameModelProblem}`);
        this.pump();
      } else {
        this.finishRunning(message);
      }
    });
    worker.on('error', (error) => this.onWorkerStopped(worker, error));
    worker.on('exit', (code) => this.onWorkerStopped(worker, new Error(`the analysis worker exited with code ${code}`)));
  }

  private onWorkerStopped(worker: Worker, error: Error): void {
    if (worker !== this.worker || this.disposed) return;
    this.worker = undefined;
    if (!this.workerReady) {
      this.switchToInProcess(error);
      return;
    }
    // The text being analysed may be what killed the worker: fail it, keep the rest.
    this.options.log(`The analysis worker stopped (${error.message}); restarting it.`);
    this.failRunning(new Error(`analysis failed: ${error.message}`));
    this.startWorker();
  }

  private switchToInProcess(error: unknown): void {
    this.fallback = true;
    this.worker = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.log(
      `The analysis worker could not start (${reason}). Articles are analysed on the extension host instead, one at a time; ` +
        `articles longer than ${this.fallbackMaxChars} characters are skipped.`,
    );
    const interrupted = this.running;
    this.running = undefined;
    if (interrupted) this.queue.unshift(interrupted);
    this.pump();
  }

  private pump(): void {
    if (this.disposed || this.running) return;
    if (this.fallback) {
      if (this.fallbackScheduled || this.queue.length === 0) return;
      // One article per macrotask, so the host handles events between analyses.
      this.fallbackScheduled = true;
      this.inProcessEngine ??= import('../core/analyze').then(({ Engine }) => {
        const engine = new Engine().warmUp();
        const problem = engine.nameTaggerProblem();
        if (problem) this.options.log(`${NAME_MODEL_WARNING}${problem}`);
        return engine;
      });
      void this.inProcessEngine.then(
        (engine) =>
          setImmediate(() => {
            this.fallbackScheduled = false;
            this.analyzeNextInProcess(engine);
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
    if (!this.worker || !this.workerReady) return;
    const job = this.takeNext();
    if (!job) return;
    this.running = job;
    this.runningTimer = setTimeout(() => this.onTimeLimit(job), this.timeLimitMs);
    const request: AnalysisRequest = { id: job.id, uri: '', version: 0, text: job.text, format: job.format, budgetMs: this.timeBudgetMs };
    this.worker.postMessage(request);
  }

  private takeNext(): Job | undefined {
    const index = this.queue.findIndex((job) => job.priority === 'foreground');
    const [job] = this.queue.splice(index >= 0 ? index : 0, 1);
    return job;
  }

  private analyzeNextInProcess(engine: Engine): void {
    const job = this.takeNext();
    if (!job) return;
    this.jobs.delete(job.hash);
    if (job.text.length > this.fallbackMaxChars) {
      const reason = `too long to analyse without the background worker (${job.text.length} characters; the limit there is ${this.fallbackMaxChars})`;
      for (const waiter of job.waiters) waiter.reject(new AnalysisSkipped(reason));
      return;
    }
    try {
      this.complete(job, engine.analyze({ uri: '', version: 0, text: job.text, format: job.format }, { budgetMs: this.timeBudgetMs }));
    } catch (error) {
      for (const waiter of job.waiters) waiter.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private finishRunning(message: Exclude<WorkerMessage, { type: 'ready' }>): void {
    const job = this.running;
    if (!job || job.id !== message.id) return;
    this.clearRunning();
    this.jobs.delete(job.hash);
    if (message.type === 'result') this.complete(job, message.analysis);
    else for (const waiter of job.waiters) waiter.reject(new Error(message.message));
    this.pump();
  }

  private complete(job: Job, analysis: ArticleAnalysis): void {
    this.cache.set(job.hash, analysis);
    while (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    for (const waiter of job.waiters) waiter.resolve(stamp(analysis, waiter));
  }

  private onTimeLimit(job: Job): void {
    if (this.running !== job) return;
    this.options.log(`Analysing one article took longer than ${this.timeLimitMs / 1000} s; it is skipped and the worker restarted.`);
    this.failRunning(new AnalysisSkipped(`analysis took longer than ${this.timeLimitMs / 1000} s`));
    this.restartWorker();
  }

  /** Nobody waits for this job any more: drop it from the queue, or stop a long one mid-way. */
  private abandonIfUnwanted(job: Job): void {
    if (job.waiters.size > 0 || this.jobs.get(job.hash) !== job) return;
    if (this.running === job) {
      // A short analysis finishes soon and its result is cached; a long one would hold up
      // newer requests for seconds, so restarting the worker is cheaper.
      if (job.text.length < this.restartAboveChars || this.fallback) return;
      this.clearRunning();
      this.jobs.delete(job.hash);
      this.restartWorker();
      return;
    }
    this.jobs.delete(job.hash);
    const index = this.queue.indexOf(job);
    if (index >= 0) this.queue.splice(index, 1);
  }

  private failRunning(error: Error): void {
    const job = this.running;
    if (!job) return;
    this.clearRunning();
    this.jobs.delete(job.hash);
    for (const waiter of job.waiters) waiter.reject(error);
  }

  private clearRunning(): void {
    clearTimeout(this.runningTimer);
    this.runningTimer = undefined;
    this.running = undefined;
  }

  private restartWorker(): void {
    const old = this.worker;
    this.worker = undefined;
    void old?.terminate();
    this.startWorker();
  }
}

function stamp(analysis: ArticleAnalysis, document: { uri: string; version: number }): ArticleAnalysis {
  return { ...analysis, path: document.uri, version: document.version };
}
