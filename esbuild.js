// Builds the extension, its analysis worker, the CLI and (with --tests) the compiled test suites.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outdir: 'dist' },
  { ...common, entryPoints: ['src/extension/analysisWorker.ts'], outdir: 'dist' },
  { ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' },
  { ...common, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (withTests) {
  builds.push({ ...common, entryPoints: testEntries('test/core'), outdir: 'dist/test/core', external: ['vscode', 'mocha'] });
  builds.push({ ...common, entryPoints: ['test/integration/index.ts'], outdir: 'dist/test/integration', external: ['vscode', 'mocha'] });
}

/** The name model is read at run time from beside the bundles, so it is loaded once, lazily, and not parsed into every bundle. */
function copyModel() {
  const model = path.join('data', 'model', 'names-tagger.json');
  if (fs.existsSync(model)) fs.copyFileSync(model, path.join('dist', 'names-tagger.json'));
}

async function main() {
  const active = builds.filter((b) => b.entryPoints.length > 0);
  if (watch) {
    for (const b of active) await (await esbuild.context(b)).watch();
    return;
  }
  await Promise.all(active.map((b) => esbuild.build(b)));
  copyModel();
}

main().catch((error) => {
  console.error(error.message || error);
  process.exit(1);
});
