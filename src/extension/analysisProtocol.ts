import { Corrections } from '../core/corrections';
import { ArticleAnalysis, ArticleFormat } from '../core/types';

/** What the extension host asks the analysis worker: one article's text and how to read it, with its id and version. */
export interface AnalysisRequest {
  id: number;
  uri: string;
  version: number;
  text: string;
  format: ArticleFormat;
  /** Milliseconds the analysis may take before it stops with what it found (marked partial). */
  budgetMs: number;
}

/** What a worker is started with. */
export interface WorkerSettings {
  /** The analysis store's folder: the worker writes what it analyses there itself, sparing the host the work and the memory. */
  storeDirectory?: string;
  /** The reader's corrections the engine applies, until a CorrectionsMessage brings others. */
  corrections?: Corrections;
}

/** The reader's knowledge file changed: articles sent after this are analysed under these corrections. */
export interface CorrectionsMessage {
  type: 'corrections';
  corrections: Corrections;
}

/** What the host posts to a worker. */
export type HostMessage = AnalysisRequest | CorrectionsMessage;

/**
 * What the worker answers: `ready` once its engine is built (with why its name model could not be
 * read, if so: names then come from the rules alone), then one result or error per request.
 */
export type WorkerMessage =
  | { type: 'ready'; nameModelProblem?: string }
  | {
      type: 'result';
      id: number;
      analysis: ArticleAnalysis;
      /** Milliseconds the engine took. */
      ms: number;
      /** The analysis's key, under the corrections the worker's engine applied (which may be newer than when it was asked). */
      key: string;
    }
  | { type: 'error'; id: number; message: string }
  | { type: 'log'; message: string };
