import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../../src/core/analyze';
import { analyzeCorpus } from '../../src/core/corpus';
import { ArticleAnalysis } from '../../src/core/types';
import { CHECKS, checkAnalysis, checkCorpus, Failure } from '../../scripts/fuzz/checks';
import { runCliBatch } from '../../scripts/fuzz/cli';
import { createGenerator } from '../../scripts/fuzz/generate';

// A fixed sample of what `npm run fuzz` runs (scripts/fuzz.js), with the same generator and
// checks: correctness only, since timing belongs to the fuzz script and not to unit tests.
const SEED = 1;
const COUNT = 300;
// Small inputs keep the sample to seconds; the fuzz script goes up to 300 KB.
const MAX_SIZE = 4096;
const CORPUS_BATCH = 50;
const CLI_INPUTS = 8;

describe(`fuzz sample: ${COUNT} inputs of seed ${SEED}, through the engine, corpora and the CLI`, () => {
  // Check → where it failed and how.
  const failed = new Map<string, string[]>();
  const note = (failures: Failure[], where: string) => {
    for (const { check, message } of failures) failed.set(check, [...(failed.get(check) ?? []), `${where}: ${message}`]);
  };

  before(function () {
    this.timeout(120000);
    const seeds = fs.readdirSync('seeds').sort().map((f) => fs.readFileSync(path.join('seeds', f), 'utf8'));
    const generate = createGenerator({ seeds, maxSize: MAX_SIZE });
    const engine = new Engine();
    const inputs = Array.from({ length: COUNT }, (_, i) => generate(SEED, i));
    let batch: ArticleAnalysis[] = [];
    let batchStart = 0;
    for (const input of inputs) {
      try {
        const analysis = engine.analyze({ uri: `fuzz/${SEED}-${input.index}${input.extension}`, text: input.text, version: 1 });
        note(checkAnalysis(input.text, analysis), `#${input.index} (${input.kind})`);
        batch.push(analysis);
      } catch (error) {
        note([{ check: 'exception', message: (error as Error).stack ?? String(error) }], `#${input.index} (${input.kind})`);
      }
      if (batch.length === CORPUS_BATCH || input.index === COUNT - 1) {
        try {
          note(checkCorpus(analyzeCorpus(batch, engine.knowledgeBase)), `inputs ${batchStart}-${input.index}`);
        } catch (error) {
          note([{ check: 'corpus-exception', message: (error as Error).stack ?? String(error) }], `inputs ${batchStart}-${input.index}`);
        }
        batch = [];
        batchStart = input.index + 1;
      }
    }
    const cliPath = path.resolve('dist', 'cli.js');
    // The CLI takes `--` before the paths, so a file named '-…' is passed on its own too.
    const cli = runCliBatch({ cliPath, seed: SEED, inputs: inputs.slice(0, CLI_INPUTS) });
    note(cli.failures, `CLI on inputs 0-${CLI_INPUTS - 1}`);
  });

  for (const [check, asks] of Object.entries(CHECKS)) {
    it(`${check}: ${asks}`, () => {
      const examples = failed.get(check) ?? [];
      assert.strictEqual(examples.length, 0, `${examples.length} failures, e.g. ${examples.slice(0, 3).join('; ')}. Make an input again with npm run fuzz -- --seed ${SEED} --max-size ${MAX_SIZE} --only N`);
    });
  }
});
