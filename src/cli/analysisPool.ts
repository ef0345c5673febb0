import { parentPort, Worker, workerData } from 'worker_threads';
import { AnalysisStore } from '../core/analysisStore';
import { Corrections, NO_CORRECTIONS } from '../core/corrections';
import { analyseFile, ArticleAnalyser, ArticleFile, ArticleLimits, FileOutcome } from './articleFiles';

/** What a pool worker is started with; its presence is how a worker knows it is one. */
interface PoolSettings {
  attacheAnalysisPool: true;
  limits: ArticleLimits;
  /** The folder of the analysis store (--cache), which every worker opens for itself. */
  cacheDirectory?: string;
  /** The reader's corrections (--knowledge), which every worker's engine applies. */
  corrections: Corrections;
}

interface Job {
  index: number;
  file: ArticleFile;
  shownPath: string;
}

interface JobResult {
  index: number;
  outcome: FileOutcome;
  /** Why the worker's engine finds names by the rules alone, or null. */
  taggerProblem: string | null;
  /** What the worker's analysis store logged meanwhile, for the main thread to print. */
  logs: string[];
}

/** Jobs each worker holds at once: one to work on and one waiting, so it never idles on the main thread. */
const JOBS_IN_HAND = 2;

export interface PoolResult {
  outcomes: FileOutcome[];
  taggerProblem: string | null;
}

/**
 * Analyses files in `workerCount` worker threads, each with its own engine, started from `script`
 * (a bundle that calls serveAnalysisPool when isPoolWorker). Outcomes come back in input order,
 * so the output is the same as one thread's. With a cache directory each worker looks files up
 * in, and adds them to, the analysis store there; `log` gets what the stores log.
 */
export function analyseInWorkers(
  script: string,
  files: Array<{ file: ArticleFile; shownPath: string }>,
  limits: ArticleLimits,
  workerCount: number,
  cache?: { directory: string; log(message: string): void },
  corrections: Corrections = NO_CORRECTIONS,
): Promise<PoolResult> {
  const outcomes = new Array<FileOutcome>(files.length);
  let taggerProblem: string | null = null;
  let sent = 0;
  let received = 0;
  return new Promise((resolve, reject) => {
    const settings: PoolSettings = { attacheAnalysisPool: true, limits, corrections, ...(cache ? { cacheDirectory: cache.directory } : {}) };
    const workers = Array.from({ length: workerCount }, () => new Worker(script, { workerData: settings }));
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve({ outcomes, taggerProblem });
    };
    const sendNext = (worker: Worker) => {
      if (sent === files.length) return;
      const job: Job = { index: sent, ...files[sent] };
      sent++;
      worker.postMessage(job);
    };
    for (const worker of workers) {
      worker.on('message', (result: JobResult) => {
        outcomes[result.index] = result.outcome;
        taggerProblem ??= result.taggerProblem;
        for (const message of result.logs) cache?.log(message);
        received++;
        if (received === files.length) settle();
        else sendNext(worker);
      });
      worker.on('error', (error) => settle(error));
      worker.on('exit', (code) => settle(new Error(`an analysis worker stopped early (exit code ${code})`)));
      for (let i = 0; i < JOBS_IN_HAND; i++) sendNext(worker);
    }
  });
}

export function isPoolWorker(): boolean {
  return (workerData as PoolSettings | undefined)?.attacheAnalysisPool === true;
}

/**
 * The worker's side: analyses each file it is sent and posts the outcome back. Its engine is
 * built on the first file not in the cache.
 */
export function serveAnalysisPool(): void {
  const { limits, cacheDirectory, corrections } = workerData as PoolSettings;
  let logs: string[] = [];
  const store = cacheDirectory === undefined ? undefined : new AnalysisStore({ directory: cacheDirectory, log: (message) => logs.push(message) });
  const analyser = new ArticleAnalyser(store, corrections);
  parentPort!.on('message', ({ index, file, shownPath }: Job) => {
    const outcome = analyseFile(file, shownPath, limits, analyser);
    const result: JobResult = { index, outcome, taggerProblem: 'analysis' in outcome ? (analyser.engine?.nameTaggerProblem() ?? null) : null, logs };
    logs = [];
    parentPort!.postMessage(result);
  });
}
