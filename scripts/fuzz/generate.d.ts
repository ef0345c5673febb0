// Types of generate.js, for the unit test that runs a sample of the fuzz inputs.

export interface FuzzInput {
  index: number;
  /** Which of the three families made it. */
  family: 'unicode' | 'mutated' | 'degenerate';
  /** The maker within the family: "repeat", "dirty-names", "mutated-seed", … */
  kind: string;
  /** What was done, for a person reading a failure: 'repeat "Xi "', "flipBytes, case". */
  recipe: string;
  /** '.md' or '.txt': the document's uri ends so, and the engine reads a .md one as markdown. */
  extension: '.md' | '.txt';
  text: string;
}

export const DEFAULT_MAX_SIZE: number;

export class Random {
  constructor(seed: number, index: number, stream?: number);
  next(): number;
  int(n: number): number;
  between(low: number, high: number): number;
  logBetween(low: number, high: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: ReadonlyArray<readonly [number, T]>): T;
}

export function createGenerator(options: { seeds: string[]; maxSize?: number }): (seed: number, index: number) => FuzzInput;
