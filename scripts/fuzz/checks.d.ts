// Types of checks.js, for the unit test that runs a sample of the fuzz inputs.
import { CorpusAnalysis } from '../../src/core/corpus';
import { ArticleAnalysis } from '../../src/core/types';

export interface Failure {
  /** A key of CHECKS. */
  check: string;
  message: string;
}

export const CHECKS: Readonly<Record<string, string>>;
export const NAME_MAX_LENGTH: number;
export const EARLIEST_YEAR: number;
export const LATEST_YEAR: number;

export function checkAnalysis(text: string, analysis: ArticleAnalysis): Failure[];
export function checkCorpus(corpus: CorpusAnalysis): Failure[];
export function visible(text: string, limit?: number): string;
