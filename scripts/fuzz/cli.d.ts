// Types of cli.js, for the unit test that runs a sample of the fuzz inputs.
import { Failure } from './checks';

export function runCliBatch(options: {
  cliPath: string;
  seed: number;
  inputs: ReadonlyArray<{ index: number; text: string }>;
  timeoutMs?: number;
}): { failures: Failure[]; ms: number };
