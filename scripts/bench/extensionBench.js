'use strict';
// The extension half of the corpus benchmark: Attaché in a real VS Code 1.100 (code-server's
// browser workbench in headless Chromium, as the integration suite runs), on a generated corpus
// as the workspace folder, measured from inside the extension host by dist/test/bench/index.js.
//
// Two launches: cold (fresh user data and browser profile) and warm (the same user data,
// browser profile, port and folder; a new server, extension host and page), i.e. the window
// reopened. The port stays the same so that what the workbench keeps in the browser (it is
// per origin) survives as well as what the extension host keeps on disk.

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const paths = require('../vscode/paths');

const BENCH_ENTRY = path.join(paths.repoRoot, 'dist', 'test', 'bench', 'index.js');

// The same flags as scripts/vscode/browser.js, for a persistent profile.
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * One launch: starts code-server on `userDataDir`, opens the workbench on `folder` in Chromium
 * with `profileDir`, lets the bench entry measure, and returns its result with the page-load time.
 */
async function launchOnce({ phase, folder, expected, userDataDir, profileDir, port, timeoutMs, verbose, log }) {
  const { startServer } = require('../vscode/server');
  const { chromium } = require('playwright-core');
  const outFile = path.join(os.tmpdir(), `attache-bench-${process.pid}-${phase}-${Date.now()}.json`);
  const env = {
    ATTACHE_BENCH_OUT: outFile,
    ATTACHE_BENCH_PHASE: phase,
    ATTACHE_BENCH_EXPECTED: String(expected),
    // The host gives up a little before the outer time-out, so a result (even partial) is written.
    ATTACHE_BENCH_READY_TIMEOUT_MS: String(Math.max(30_000, timeoutMs - 90_000)),
  };
  const server = await startServer({ env, echo: verbose, port, userDataDir, readyTimeoutMs: 120_000 });
  let context;
  let timer;
  const startedAt = Date.now();
  try {
    context = await chromium.launchPersistentContext(profileDir, { executablePath: paths.chromiumPath, headless: true, args: chromiumArgs });
    const page = context.pages()[0] ?? (await context.newPage());
    let finish;
    const exited = new Promise((resolve) => {
      finish = resolve;
    });
    await page.exposeFunction('codeAutomationLog', (type, message) => {
      const text = String(message ?? '');
      if (verbose || text.startsWith('[bench]')) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) }));
    timer = setTimeout(() => finish({ code: 1, timedOut: true }), timeoutMs);
    if (verbose) page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    const url = server.workbenchUrl({ folder, extensionDevelopmentPath: paths.repoRoot, extensionTestsPath: BENCH_ENTRY });
    const pageLoadAt = Date.now();
    await page.goto(url);
    const exit = await exited;
    let result;
    try {
      result = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    } catch {
      result = undefined;
    }
    fs.rmSync(outFile, { force: true });
    if (!result) {
      const why = exit.timedOut ? `did not finish within ${timeoutMs / 1000} s` : `exited with code ${exit.code} without a result`;
      log(`extension ${phase}: ${why}`);
      return { phase, failed: why, pageLoadAt, launchMs: Date.now() - startedAt, serverOutput: server.output().slice(-3000) };
    }
    return { ...result, phase, pageLoadAt, exitCode: exit.code, launchMs: Date.now() - startedAt };
  } finally {
    clearTimeout(timer);
    if (context) await context.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * Cold then warm launch on `folder`. Resolves with both results.
 * @param {{ folder: string, expected: number, timeoutMs: number, verbose?: boolean, log?: (m: string) => void }} options
 */
async function runExtensionBench({ folder, expected, timeoutMs, verbose = false, log = () => undefined }) {
  if (!fs.existsSync(BENCH_ENTRY)) throw new Error(`${BENCH_ENTRY} is not built (run node esbuild.js --tests)`);
  const { ensureInstalled } = require('../vscode/install');
  await ensureInstalled();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-bench-window-'));
  const userDataDir = path.join(state, 'user-data');
  const profileDir = path.join(state, 'browser-profile');
  const remove = () => fs.rmSync(state, { recursive: true, force: true });
  process.on('exit', remove);
  try {
    const port = await freePort();
    const common = { folder, expected, userDataDir, profileDir, port, timeoutMs, verbose, log };
    log('extension, cold window…');
    const cold = await launchOnce({ ...common, phase: 'cold' });
    log('extension, warm window (same user data, reopened)…');
    const warm = await launchOnce({ ...common, phase: 'warm' });
    return { cold, warm };
  } finally {
    remove();
    process.removeListener('exit', remove);
  }
}

module.exports = { runExtensionBench };
