'use strict';
// Corpus benchmark: generates corpora of news articles (scripts/bench/generateCorpus.js) and
// measures Attaché on them against its aims, for the CLI and for the extension in a real VS Code
// (code-server and headless Chromium, as the integration suite runs):
//
//   cold index, warm (reopened window / second CLI run with --cache), opening an indexed article
//   until its highlights show, the hover provider's p95, and the extension host's peak RSS.
//
//   npm run bench:corpus [-- --sizes 1000,10000] [--only cli|extension] [--keep DIR] [--seed N]
//                           [--timeout SECONDS] [--json FILE] [--verbose]
//
// --keep DIR keeps the generated corpora in DIR (corpus-<size>-seed<N>); --timeout bounds each
// extension launch (default: 10 minutes, or 0.3 s an article if more); --json writes every
// measurement to FILE. Build first: `node esbuild.js --tests` (npm run bench:corpus does).

const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { generateCorpus } = require('./bench/generateCorpus');
const { runCliBench } = require('./bench/cliBench');
const { runExtensionBench } = require('./bench/extensionBench');
const { printReport } = require('./bench/report');

const repoRoot = path.resolve(__dirname, '..');

class UsageError extends Error {}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        only: { type: 'string' },
        keep: { type: 'string' },
        seed: { type: 'string', default: '1' },
        timeout: { type: 'string' },
        json: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values } = parsed;
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--sizes takes whole numbers separated by commas, not '${values.sizes}'`);
  if (values.only && values.only !== 'cli' && values.only !== 'extension') throw new UsageError(`--only takes cli or extension, not '${values.only}'`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed takes a whole number, not '${values.seed}'`);
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new UsageError(`--timeout takes seconds, not '${values.timeout}'`);
  return { sizes, only: values.only, keep: values.keep && path.resolve(values.keep), seed, timeoutSeconds: timeout, json: values.json && path.resolve(values.json), verbose: values.verbose };
}

function checkBuilt(options) {
  const needed = [path.join(repoRoot, 'dist', 'cli.js')];
  if (options.only !== 'cli') needed.push(path.join(repoRoot, 'dist', 'extension.js'), path.join(repoRoot, 'dist', 'test', 'bench', 'index.js'));
  const missing = needed.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) throw new Error(`not built: ${missing.map((f) => path.relative(repoRoot, f)).join(', ')} (run node esbuild.js --tests)`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpu: cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg()[0],
  };
}

function log(message) {
  console.log(`[bench:corpus] ${message}`);
}

async function main() {
  const options = readOptions();
  checkBuilt(options);
  const scratch = options.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'attache-bench-corpus-'));
  const cleanup = () => {
    if (!options.keep) fs.rmSync(scratch, { recursive: true, force: true });
  };
  process.on('exit', cleanup);
  const report = { machine: machine(), seed: options.seed, startedAt: new Date().toISOString(), sizes: [] };
  try {
    for (const size of options.sizes) {
      // A folder named after the corpus: it is the workspace folder and the CLI's argument.
      const directory = path.join(scratch, `corpus-${size}-seed${options.seed}`);
      fs.rmSync(directory, { recursive: true, force: true });
      const started = Date.now();
      const corpus = generateCorpus({ count: size, seed: options.seed, directory });
      log(`${size} articles (${(corpus.bytes / 1024 / 1024).toFixed(1)} MB) written to ${directory} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const entry = { size, corpus: { ...corpus, files: undefined } };
      report.sizes.push(entry);

      if (options.only !== 'extension') {
        entry.cli = await runCliBench({ directory, timeoutMs: Math.max(600_000, size * 300), log });
      }
      if (options.only !== 'cli') {
        const timeoutMs = (options.timeoutSeconds ?? Math.max(600, size * 0.3)) * 1000;
        try {
          entry.extension = await runExtensionBench({ folder: directory, expected: corpus.files.length, timeoutMs, verbose: options.verbose, log });
        } catch (error) {
          log(`extension: ${error.message}`);
          entry.extension = { cold: { failed: error.message }, warm: { failed: 'not run' } };
        }
      }
      if (!options.keep) fs.rmSync(directory, { recursive: true, force: true });
    }
  } finally {
    cleanup();
  }
  report.machine.loadAverageAtEnd = os.loadavg()[0];
  printReport(report);
  if (options.json) {
    fs.writeFileSync(options.json, JSON.stringify(report, null, 2));
    console.log(`\nAll measurements: ${options.json}`);
  }
}

// Ctrl+C still stops code-server and removes the temporary folders ('exit' handlers).
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main().then(
  () => process.exit(0),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`[bench:corpus] ${error.message}\nusage: node scripts/bench-corpus.js [--sizes 1000,10000] [--only cli|extension] [--keep DIR] [--seed N] [--timeout SECONDS] [--json FILE] [--verbose]`);
      process.exit(2);
    }
    console.error(`[bench:corpus] ${error.stack || error.message}`);
    process.exit(1);
  },
);
