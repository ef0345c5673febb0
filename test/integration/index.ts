// Entry point of the integration suite, in the shape @vscode/test-electron expects: VS Code loads
// this file inside the extension host (extensionTestsPath) and awaits run().
//
// esbuild bundles this file and the test files into one dist/test/integration/index.js, so mocha
// cannot load the tests itself with addFile(). Instead run() installs mocha's globals first and
// only then evaluates the test modules: they are listed as dynamic import()s, which esbuild
// bundles as modules evaluated on demand (a static import would run them at bundle load, before
// `describe` exists). Both the bdd (describe/it) and tdd (suite/test) globals are available.
//
// The runners start two windows in turn on one workspace (ATTACHE_TEST_PHASE): the main suite,
// then a reopened window's, which checks what the first left in workspace storage.
//
// To add a test file, add a line to the phase's list.
import Mocha from 'mocha';
import { format } from 'node:util';
import { attache } from './helpers';

const phases: Record<string, Array<() => Promise<unknown>>> = {
  main: [() => import('./smoke.test'), () => import('./core.test'), () => import('./views.test'), () => import('./navigation.test'), () => import('./exportEvents.test'), () => import('./knowledge.test'), () => import('./meetingMap.test')],
  reopen: [() => import('./reopen.test')],
};

export async function run(): Promise<void> {
  // The browser workbench forwards console arguments joined by commas instead of applying
  // mocha's printf-style formats, so the reporter hands the console finished lines.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30000,
    // The runners pass ATTACHE_TEST_GREP through to the extension host to run a subset.
    grep: process.env.ATTACHE_TEST_GREP || undefined,
  });
  Mocha.interfaces.tdd(mocha.suite);
  mocha.suite.emit('pre-require', globalThis, 'test/integration', mocha);
  const phase = process.env.ATTACHE_TEST_PHASE ?? 'main';
  for (const load of phases[phase] ?? phases.main) await load();

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  // What closing the window does (VS Code calls deactivate): the index is written for the next one.
  const api = await attache();
  await api.whenIdle();
  await api.saveIndex();
}
