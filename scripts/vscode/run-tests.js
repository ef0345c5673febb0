'use strict';
// Runs the integration suite (dist/test/integration/index.js) inside a real VS Code 1.100.3
// extension host: code-server's workbench in headless Chromium, which loads the extension
// and its tests from the `payload` URL parameter. Build first (`node esbuild.js --tests`).
//
//   node scripts/vscode/run-tests.js [--extension <dir>] [--tests <index.js>]
//                                    [--workspace <dir>] [--timeout <seconds>] [--grep <text>]
//                                    [--verbose]
//
// Defaults: the repository as the extension, a temporary copy of seeds/ as the workspace
// (tests may create and delete files), 300 s. The suite runs in two windows, one after the
// other, on the same workspace and user-data folder: the main tests, then (ATTACHE_TEST_PHASE=
// reopen) the tests of a reopened window, which finds what the first left in workspace storage.
// With --grep, the reopened window runs only when the pattern matches "reopen". The same options can come from ATTACHE_TEST_EXTENSION,
// ATTACHE_TEST_TESTS, ATTACHE_TEST_WORKSPACE, ATTACHE_TEST_TIMEOUT, ATTACHE_TEST_GREP.
// ATTACHE_TEST_ELECTRON=1 runs the same suite through @vscode/test-electron instead, which
// downloads VS Code from Microsoft (needs the internet, and a display or xvfb-run on Linux).
// Exits with the suite's code: 0 passed, 1 failed or timed out.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const paths = require('./paths');

function readOptions() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string' },
      tests: { type: 'string' },
      workspace: { type: 'string' },
      timeout: { type: 'string' },
      grep: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const env = process.env;
  const timeoutSeconds = Number(values.timeout ?? env.ATTACHE_TEST_TIMEOUT ?? 300);
  if (!(timeoutSeconds > 0)) throw new Error(`invalid timeout: ${values.timeout ?? env.ATTACHE_TEST_TIMEOUT}`);
  return {
    extension: path.resolve(values.extension ?? env.ATTACHE_TEST_EXTENSION ?? paths.repoRoot),
    tests: path.resolve(values.tests ?? env.ATTACHE_TEST_TESTS ?? paths.defaultTestsEntry),
    workspace: values.workspace ?? env.ATTACHE_TEST_WORKSPACE,
    timeoutMs: timeoutSeconds * 1000,
    grep: values.grep ?? env.ATTACHE_TEST_GREP,
    verbose: values.verbose || env.ATTACHE_TEST_VERBOSE === '1',
  };
}

function checkInputs({ extension, tests }) {
  const manifest = path.join(extension, 'package.json');
  if (!fs.existsSync(manifest)) throw new Error(`no extension manifest at ${manifest}`);
  const main = JSON.parse(fs.readFileSync(manifest, 'utf8')).main;
  if (main && !fs.existsSync(path.resolve(extension, main)) && !fs.existsSync(path.resolve(extension, `${main}.js`))) {
    throw new Error(`the extension's main ${main} is not built yet (run node esbuild.js --tests)`);
  }
  if (!fs.existsSync(tests)) throw new Error(`the integration suite ${tests} is not built yet (run node esbuild.js --tests)`);
}

/** A throwaway copy of the workspace, so tests can create and delete files freely. */
function copyWorkspace(source) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-workspace-'));
  const folder = path.join(root, path.basename(source));
  fs.cpSync(source, folder, { recursive: true });
  const remove = () => fs.rmSync(root, { recursive: true, force: true });
  process.on('exit', remove);
  return { folder, remove };
}

// The workbench reports its own log through the same channel as the extension host's console,
// where mocha writes. These are the workbench's routine lines; anything else is shown.
const workbenchNoise = [
  /^Resolv(?:ing|ed) connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore:/,
  /^File not found: .*vsda/,
];

function printer(verbose) {
  return (type, message) => {
    const text = String(message ?? '');
    if (!verbose) {
      if (type === 'trace' || type === 'debug') return;
      if (workbenchNoise.some((pattern) => pattern.test(text))) return;
    }
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

/** The phases to run: the main suite, then the reopened window's unless --grep leaves it out. */
function phasesOf(options) {
  return !options.grep || /reopen/i.test(options.grep) ? ['main', 'reopen'] : ['main'];
}

async function runInBrowser(options, folder) {
  const { ensureInstalled } = require('./install');
  await ensureInstalled();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-user-data-'));
  // The workspace's storage is keyed by its URI, whose authority holds the server's port: the
  // reopened window needs the first one's port to be the same workspace.
  const window = { userDataDir, port: undefined };
  try {
    for (const phase of phasesOf(options)) {
      const code = await runPhaseInBrowser(options, folder, window, phase);
      if (code !== 0) return code;
    }
    return 0;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function runPhaseInBrowser(options, folder, window, phase) {
  const { startServer } = require('./server');
  const { launchBrowser } = require('./browser');

  const env = { ATTACHE_TEST_PHASE: phase, ...(options.grep ? { ATTACHE_TEST_GREP: options.grep } : {}) };
  const server = await startServer({ env, echo: options.verbose, userDataDir: window.userDataDir, port: window.port });
  window.port = server.port;
  let browser;
  let timer;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    let finish;
    const exitCode = new Promise((resolve) => {
      finish = resolve;
    });
    // The workbench calls these once the payload's extensionTestsPath is running.
    await page.exposeFunction('codeAutomationLog', printer(options.verbose));
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    timer = setTimeout(() => {
      console.error(`[run-tests] the ${phase} suite did not finish within ${options.timeoutMs / 1000} s`);
      finish(1);
    }, options.timeoutMs);
    if (options.verbose) page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    const url = server.workbenchUrl({ folder, extensionDevelopmentPath: options.extension, extensionTestsPath: options.tests });
    await page.goto(url);
    const code = await exitCode;
    if (code !== 0 && !options.verbose) {
      console.error('[run-tests] failed; run with --verbose for the workbench and server logs');
    }
    return code;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close().catch(() => undefined);
    await server.stop();
  }
}

async function runInElectron(options, folder) {
  const { runTests } = require('@vscode/test-electron');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-user-data-'));
  try {
    for (const phase of phasesOf(options)) {
      const code = await runTests({
        version: paths.vscodeVersion,
        extensionDevelopmentPath: options.extension,
        extensionTestsPath: options.tests,
        extensionTestsEnv: { ATTACHE_TEST_PHASE: phase, ...(options.grep ? { ATTACHE_TEST_GREP: options.grep } : {}) },
        launchArgs: [folder, `--user-data-dir=${userDataDir}`, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
      if (code !== 0) return code;
    }
    return 0;
  } catch (error) {
    console.error(`[run-tests] ${error.message}`);
    return 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main() {
  const options = readOptions();
  checkInputs(options);
  const workspace = options.workspace ? { folder: path.resolve(options.workspace), remove() {} } : copyWorkspace(paths.seedsDir);
  const started = Date.now();
  try {
    const run = process.env.ATTACHE_TEST_ELECTRON === '1' ? runInElectron : runInBrowser;
    const code = await run(options, workspace.folder);
    console.log(`[run-tests] ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    workspace.remove();
  }
}

// Ctrl+C should still stop the server and delete the temporary folders ('exit' handlers).
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[run-tests] ${error.message}`);
    process.exit(1);
  },
);
