'use strict';
// The CLI half of the corpus benchmark: wall time of `attache analyze <dir> --json` on a corpus,
// without a cache (the cold figure and the baseline), and with `--cache DIR` twice when the CLI
// has that option (the first run writes the cache, the second is the warm figure).

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { performance } = require('perf_hooks');

const repoRoot = path.resolve(__dirname, '..', '..');
const CLI = path.join(repoRoot, 'dist', 'cli.js');

/** Whether this build's CLI lists --cache in its help. */
function cliHasCache() {
  const help = spawnSync(process.execPath, [CLI, 'analyze', '--help'], { encoding: 'utf8' });
  return /--cache\b/.test(`${help.stdout}${help.stderr}`);
}

/**
 * Runs the CLI once; resolves with its wall time, exit code, a hash of its stdout (so runs can be
 * compared without keeping megabytes of JSON) and the tail of its stderr.
 */
function timeCli(args, { cwd, timeoutMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const hash = crypto.createHash('sha1');
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, signal, outputHash: hash.digest('hex'), outputBytes: bytes, stderr: stderr.trim() });
    });
  });
}

function describeFailure(run) {
  if (run.signal) return `killed by ${run.signal}${run.signal === 'SIGKILL' ? ' (time-out)' : ''}`;
  return `exit code ${run.code}${run.stderr ? `: ${run.stderr.split('\n').slice(-3).join(' | ')}` : ''}`;
}

/**
 * Measures the CLI on `directory`. Exit code 1 (some file unreadable) still counts as a run; 2
 * and crashes do not.
 * @returns {Promise<{ cold: object, cacheCold?: object, warm?: object, notes: string[] }>}
 */
async function runCliBench({ directory, timeoutMs, log = () => undefined }) {
  const notes = [];
  const cwd = path.dirname(directory);
  const target = path.basename(directory);
  const ok = (run) => run.code === 0 || run.code === 1;

  log('CLI, no cache (cold)…');
  const cold = await timeCli(['analyze', target, '--json'], { cwd, timeoutMs });
  if (!ok(cold)) notes.push(`CLI cold run failed: ${describeFailure(cold)}`);
  const result = { cold, notes };

  if (!cliHasCache()) {
    notes.push('this CLI has no --cache option yet: warm CLI figures skipped');
    return result;
  }
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-bench-cache-'));
  try {
    log('CLI, --cache, first run (writes the cache)…');
    result.cacheCold = await timeCli(['analyze', target, '--json', '--cache', cacheDir], { cwd, timeoutMs });
    if (!ok(result.cacheCold)) notes.push(`CLI --cache first run failed: ${describeFailure(result.cacheCold)}`);
    log('CLI, --cache, second run (warm)…');
    result.warm = await timeCli(['analyze', target, '--json', '--cache', cacheDir], { cwd, timeoutMs });
    if (!ok(result.warm)) notes.push(`CLI --cache second run failed: ${describeFailure(result.warm)}`);
    result.cacheBytes = folderSize(cacheDir);
    if (ok(cold) && ok(result.warm) && result.warm.outputHash !== cold.outputHash) {
      notes.push('the warm CLI run printed different JSON from the run without a cache');
    }
    if (ok(result.cacheCold) && ok(result.warm) && result.warm.outputHash !== result.cacheCold.outputHash) {
      notes.push('the two --cache runs printed different JSON');
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  return result;
}

function folderSize(folder) {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

module.exports = { runCliBench, cliHasCache };
