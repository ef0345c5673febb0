// Fuzzes the engine and the CLI with random Unicode, mutated seed articles and degenerate
// structures; checks every analysis, corpora of them and the CLI's output; times every input.
// Failures are saved under fuzz-failures/ with the command that makes the same input again.
// Usage: npm run fuzz -- [--count N] [--seed S] [--only I|I,J|I-J] [--max-size CHARS] [--no-cli]
//                        [--budget-ms MS] [--shrink]
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Engine, analyzeCorpus } = require('../dist/core.js');
const { createGenerator, DEFAULT_MAX_SIZE } = require('./fuzz/generate');
const { CHECKS, checkAnalysis, checkCorpus, visible } = require('./fuzz/checks');
const { runCliBatch } = require('./fuzz/cli');
const { shrink } = require('./fuzz/shrink');

const ROOT = path.join(__dirname, '..');
const CLI_PATH = path.join(ROOT, 'dist', 'cli.js');
const FAILURES_DIR = path.join(ROOT, 'fuzz-failures');
const SLOW_MS_PER_10KB = 50;
const SLOW_TOTAL_MS = 2000;
const CORPUS_BATCH = 50;
// Inputs whose index modulo CLI_EVERY is below CLI_BATCH also go through the CLI, together; one
// batch in ten is larger.
const CLI_EVERY = 500;
const CLI_BATCH = 10;
const CLI_POOL_BATCH = 40;
const inCliBatch = (index) => index % CLI_EVERY < CLI_BATCH || index % (CLI_EVERY * 10) < CLI_POOL_BATCH;
const SAVED_PER_CHECK = 20;
const PROGRESS_EVERY_MS = 60000;

const USAGE = `Usage: npm run fuzz -- [options]
  --count N          inputs 0..N-1 (default 2000)
  --seed S           seed of the inputs, a whole number (default 1)
  --only LIST        just these inputs: 7, 7,9 or 100-149 (a corpus batch and a CLI batch of them)
  --max-size CHARS   longest input (default ${DEFAULT_MAX_SIZE})
  --no-cli           the engine only, not the CLI
  --budget-ms MS     each input's time budget in the engine (default none)
  --shrink           shrink the first failing input of each check to a small one that fails alike`;

function usageError(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(flag, text, least) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) usageError(`${flag} takes a whole number of at least ${least}.`);
  return n;
}

function parseIndices(text) {
  const indices = [];
  for (const part of String(text).split(',')) {
    const [from, to = from] = part.split('-');
    for (let i = wholeNumber('--only', from, 0); i <= wholeNumber('--only', to, 0); i++) indices.push(i);
  }
  return indices;
}

function parseOptions(argv) {
  const options = { count: 2000, seed: 1, only: null, maxSize: DEFAULT_MAX_SIZE, cli: true, budgetMs: null, shrink: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usageError(`${flag} takes a value.`));
    if (flag === '--count') options.count = wholeNumber(flag, value(), 1);
    else if (flag === '--seed') options.seed = wholeNumber(flag, value(), 0);
    else if (flag === '--only') options.only = parseIndices(value());
    else if (flag === '--max-size') options.maxSize = wholeNumber(flag, value(), 1);
    else if (flag === '--no-cli') options.cli = false;
    else if (flag === '--budget-ms') options.budgetMs = wholeNumber(flag, value(), 1);
    else if (flag === '--shrink') options.shrink = true;
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usageError(`Unknown option '${flag}'.`);
  }
  return options;
}

/** "7", "7-9" or "7,9,12": the --only argument for these indices. */
function indexList(indices) {
  const contiguous = indices.every((n, i) => i === 0 || n === indices[i - 1] + 1);
  return indices.length === 1 ? `${indices[0]}` : contiguous ? `${indices[0]}-${indices[indices.length - 1]}` : indices.join(',');
}

function errorSummary(error) {
  return error instanceof Error ? (error.stack || error.message).split('\n').slice(0, 4).join(' | ') : String(error);
}

const options = parseOptions(process.argv.slice(2));
const seedsDir = path.join(ROOT, 'seeds');
const seeds = fs.readdirSync(seedsDir).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
const generate = createGenerator({ seeds, maxSize: options.maxSize });
const indices = options.only ?? Array.from({ length: options.count }, (_, i) => i);
const engine = new Engine();
const analyzeOptions = options.budgetMs !== null ? { budgetMs: options.budgetMs } : undefined;
const reproduceCommand = (list, extra = '') => `npm run fuzz -- --seed ${options.seed} --only ${indexList(list)}${options.maxSize !== DEFAULT_MAX_SIZE ? ` --max-size ${options.maxSize}` : ''}${extra}`;


// The code is compiled on the seeds first, so the first inputs are not timed while it is.
for (let round = 0; round < 3; round++) for (const text of seeds) engine.analyze({ uri: 'warm-up', text, version: 0 });

function analyzeTimed(input) {
  const document = { uri: `fuzz/${options.seed}-${input.index}${input.extension}`, text: input.text, version: 1 };
  const started = process.hrtime.bigint();
  try {
    const analysis = engine.analyze(document, analyzeOptions);
    return { analysis, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  } catch (error) {
    return { error, ms: Number(process.hrtime.bigint() - started) / 1e6 };
  }
}

const perTenKb = (ms, length) => ms / Math.max(1, length / 10240);

/** The failures of one input, the exception first when it threw. */
function failuresOf(input, result) {
  return result.error ? [{ check: 'exception', message: errorSummary(result.error) }] : checkAnalysis(input.text, result.analysis);
}

// Failures: { check, message, indices, input? } where input is set for one-input failures.
const failures = [];
const savedPerCheck = new Map();
if (!options.only && fs.existsSync(FAILURES_DIR)) {
  for (const file of fs.readdirSync(FAILURES_DIR)) if (file.startsWith(`${options.seed}-`)) fs.rmSync(path.join(FAILURES_DIR, file));
}

function save(failure, extra = {}) {
  const saved = savedPerCheck.get(failure.check) || 0;
  if (saved >= SAVED_PER_CHECK) return;
  savedPerCheck.set(failure.check, saved + 1);
  fs.mkdirSync(FAILURES_DIR, { recursive: true });
  const base = path.join(FAILURES_DIR, `${options.seed}-${indexList(failure.indices)}-${failure.check}`);
  const record = { seed: options.seed, inputs: indexList(failure.indices), check: failure.check, asks: CHECKS[failure.check] ?? failure.check, message: failure.message, reproduce: failure.reproduce, ...extra };
  if (failure.input) {
    Object.assign(record, { family: failure.input.family, kind: failure.input.kind, recipe: failure.input.recipe, length: failure.input.text.length, text: failure.input.text });
    // The .txt is for reading: a lone surrogate becomes U+FFFD there; the .json keeps the text exactly.
    fs.writeFileSync(`${base}.txt`, failure.input.text);
  }
  fs.writeFileSync(`${base}.json`, JSON.stringify(record, null, 2) + '\n');
}

function record(check, message, indices, input, extra) {
  const failure = { check, message, indices, input, reproduce: reproduceCommand(indices, check.startsWith('cli-') ? '' : ' --no-cli') };
  failures.push(failure);
  save(failure, extra);
}

// Time figures, overall and by family and kind.
const rates = new Float64Array(indices.length);
const byGroup = new Map();
let slowest = { ms: 0 };
let highestRate = 0;
const slowInputs = [];

function tally(group, input, ms, rate) {
  const entry = byGroup.get(group) || { inputs: 0, ms: 0, chars: 0, maxRate: 0, slow: 0 };
  entry.inputs++;
  entry.ms += ms;
  entry.chars += input.text.length;
  entry.maxRate = Math.max(entry.maxRate, rate);
  if (rate > SLOW_MS_PER_10KB || ms > SLOW_TOTAL_MS) entry.slow++;
  byGroup.set(group, entry);
}

let corpusBatch = [];
let cliBatch = [];
const cli = { runs: 0, failed: 0, ms: 0 };

function checkCorpusBatch() {
  if (corpusBatch.length === 0) return;
  const batchIndices = corpusBatch.map((b) => b.index);
  try {
    for (const failure of checkCorpus(analyzeCorpus(corpusBatch.map((b) => b.analysis), engine.knowledgeBase))) record(failure.check, failure.message, batchIndices);
  } catch (error) {
    record('corpus-exception', errorSummary(error), batchIndices);
  }
  corpusBatch = [];
}

function runCli() {
  if (cliBatch.length === 0) return;
  const result = runCliBatch({ cliPath: CLI_PATH, seed: options.seed, inputs: cliBatch });
  cli.runs++;
  cli.ms += result.ms;
  if (result.failures.length) cli.failed++;
  for (const failure of result.failures) record(failure.check, failure.message, cliBatch.map((input) => input.index));
  cliBatch = [];
}

const started = Date.now();
let lastProgress = started;
indices.forEach((index, position) => {
  const input = generate(options.seed, index);
  let result = analyzeTimed(input);
  let rate = perTenKb(result.ms, input.text.length);
  if (!result.error && (rate > SLOW_MS_PER_10KB || result.ms > SLOW_TOTAL_MS)) {
    // Timed again, and the faster run kept, so a garbage collection or a busy moment is not taken for a slow input.
    const again = analyzeTimed(input);
    if (again.ms < result.ms) result = { ...again, analysis: result.analysis };
    rate = perTenKb(result.ms, input.text.length);
  }
  rates[position] = rate;
  tally(`family ${input.family}`, input, result.ms, rate);
  tally(input.kind, input, result.ms, rate);
  if (result.ms > slowest.ms) slowest = { ms: result.ms, index, length: input.text.length };
  highestRate = Math.max(highestRate, rate);
  if (rate > SLOW_MS_PER_10KB || result.ms > SLOW_TOTAL_MS) {
    slowInputs.push({ index, kind: input.kind, length: input.text.length, ms: result.ms, rate });
    record('slow', `${result.ms.toFixed(0)} ms for ${input.text.length} chars: ${rate.toFixed(1)} ms per 10 KB`, [index], input, { ms: result.ms, msPer10KB: rate });
  }

  for (const failure of failuresOf(input, result)) record(failure.check, failure.message, [index], input);
  if (result.analysis) {
    corpusBatch.push({ index, analysis: result.analysis });
    if (!options.only && corpusBatch.length === CORPUS_BATCH) checkCorpusBatch();
  }
  if (options.cli && (options.only || inCliBatch(index))) {
    cliBatch.push(input);
    if (!options.only && !inCliBatch(index + 1)) runCli();
  }
  if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
    lastProgress = Date.now();
    console.log(`… ${position + 1}/${indices.length} inputs, ${failures.length - slowInputs.length} failures, ${slowInputs.length} slow, ${((lastProgress - started) / 1000).toFixed(0)} s`);
  }
});
checkCorpusBatch();
runCli();
const seconds = (Date.now() - started) / 1000;

/** The first one-input failure of each check, shrunk to a small text that fails the same check. */
function shrinkFailures() {
  const shrunk = new Map();
  for (const failure of failures) {
    if (!failure.input || failure.check === 'slow' || shrunk.has(failure.check)) continue;
    const stillFails = (text) => failuresOf({ text }, analyzeTimed({ ...failure.input, text })).some((f) => f.check === failure.check);
    const result = shrink(failure.input.text, stillFails);
    shrunk.set(failure.check, result.text);
    save({ ...failure, check: `${failure.check}-shrunk`, input: { ...failure.input, text: result.text } }, { shrunkFrom: failure.input.text.length });
  }
  return shrunk;
}
const shrunk = options.shrink ? shrinkFailures() : new Map();

// The report: failures by check with an example each, time by family and kind, then the summary line.
const byCheck = new Map();
for (const failure of failures) {
  if (!byCheck.has(failure.check)) byCheck.set(failure.check, []);
  byCheck.get(failure.check).push(failure);
}
for (const [check, list] of byCheck) {
  if (check === 'slow') continue;
  const first = list[0];
  const where = first.input ? `#${first.indices[0]} (${first.input.family}/${first.input.kind}: ${first.input.recipe})` : `inputs ${indexList(first.indices)}`;
  console.log(`${check}: ${list.length}; ${CHECKS[check]}`);
  console.log(`  e.g. ${where}: ${first.message}`);
  if (shrunk.has(check)) console.log(`  shrunk to ${shrunk.get(check).length} chars: "${visible(shrunk.get(check), 300)}"`);
  console.log(`  again: ${first.reproduce}`);
}

const sortedRates = Array.from(rates).sort((a, b) => a - b);
const p99 = sortedRates[Math.min(sortedRates.length - 1, Math.floor(sortedRates.length * 0.99))] || 0;
console.log('\nTime by family and kind: inputs, mean ms per input, mean KB, max ms per 10 KB, inputs above the limits');
const groups = [...byGroup.entries()].sort(([a, x], [b, y]) => (a.startsWith('family') === b.startsWith('family') ? y.maxRate - x.maxRate : a.startsWith('family') ? -1 : 1));
for (const [group, g] of groups) {
  console.log(`  ${group.padEnd(20)} ${String(g.inputs).padStart(7)} ${(g.ms / g.inputs).toFixed(1).padStart(8)} ms ${(g.chars / g.inputs / 1024).toFixed(1).padStart(6)} KB ${g.maxRate.toFixed(1).padStart(8)} ms/10KB ${String(g.slow).padStart(5)} slow`);
}
if (slowest.index !== undefined) console.log(`\nLongest to analyse: #${slowest.index}, ${slowest.length} chars, ${(slowest.ms / 1000).toFixed(1)} s  (${reproduceCommand([slowest.index], ' --no-cli')})`);
if (slowInputs.length) {
  console.log(`Slowest for their size (above ${SLOW_MS_PER_10KB} ms per 10 KB or ${SLOW_TOTAL_MS / 1000} s in all):`);
  for (const s of slowInputs.sort((a, b) => b.rate - a.rate).slice(0, 10)) {
    console.log(`  #${s.index} ${s.kind}, ${s.length} chars: ${s.ms.toFixed(0)} ms, ${s.rate.toFixed(1)} ms/10KB  (${reproduceCommand([s.index], ' --no-cli')})`);
  }
}
if (cli.runs) console.log(`\nCLI: ${cli.runs} runs, ${(cli.ms / cli.runs / 1000).toFixed(1)} s a run on average.`);
// Time is wall-clock time, so a busy machine shows in it.
console.log(`\nLoad average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores at the end.`);
if (failures.length) console.log(`Saved under ${path.relative(process.cwd(), FAILURES_DIR) || FAILURES_DIR}/ (at most ${SAVED_PER_CHECK} cases a check); each .json says how to make its input again.`);

const checkFailures = failures.filter((f) => f.check !== 'slow');
const kinds = [...byCheck.entries()].filter(([check]) => check !== 'slow').map(([check, list]) => `${check} ${list.length}`);
const overTwoSeconds = slowInputs.filter((s) => s.ms > SLOW_TOTAL_MS).length;
const aboveRate = slowInputs.filter((s) => s.rate > SLOW_MS_PER_10KB).length;
const budget = options.budgetMs === null ? '' : `, budget ${options.budgetMs} ms`;
const cliPart = options.cli ? `cli ${cli.runs} runs ${cli.failed ? `${cli.failed} failed` : 'ok'}` : 'no cli';
console.log(
  `\nfuzz: ${indices.length} inputs (seed ${options.seed}${budget}), ${checkFailures.length} failures${kinds.length ? ` (${kinds.join(', ')})` : ''}, ` +
    `max ${highestRate.toFixed(0)} ms/10KB (p99 ${p99.toFixed(0)}), slowest ${(slowest.ms / 1000).toFixed(1)} s, ` +
    `${aboveRate} above ${SLOW_MS_PER_10KB} ms/10KB, ${overTwoSeconds} above ${SLOW_TOTAL_MS / 1000} s, ${cliPart}, ${seconds.toFixed(0)} s`,
);
process.exitCode = failures.length > 0 ? 1 : 0;
