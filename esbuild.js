// Builds the extension, its analysis worker, the CLI and (with --tests) the compiled test suites.
const esbuild = require('esbuild');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');

/** Everything under these folders is an input of the analysis: its sources and its data files, the name model included. */
const ENGINE_INPUTS = ['src/core', 'data'];

/** Every file under `folder`, as paths relative to the project with '/' between names, in a fixed order. */
function filesUnder(folder) {
  const found = [];
  const visit = (relative) => {
    for (const entry of fs.readdirSync(relative, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(child);
      else found.push(child);
    }
  };
  visit(folder);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The engine's version: the first 16 hex digits of a sha1 over each input file's path and
 * content, the package's version and compromise's (the parser the engine reads text with). An
 * analysis stored by one build is used by another only when this is the same. In --watch mode it
 * is computed once, at the start.
 */
function engineVersion() {
  const hash = crypto.createHash('sha1');
  const field = (text) => hash.update(`${Buffer.byteLength(text)}:${text}\0`);
  for (const file of ENGINE_INPUTS.flatMap(filesUnder)) {
    const content = fs.readFileSync(file);
    field(file);
    hash.update(`${content.length}:`).update(content);
  }
  field(`attache ${require('./package.json').version}`);
  field(`compromise ${installedVersion('compromise')}`);
  return hash.digest('hex').slice(0, 16);
}

/** The version of an installed package (its package.json may be closed to require by its "exports"). */
function installedVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', name, 'package.json'), 'utf8')).version;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  external: ['vscode'],
  logLevel: 'warning',
  define: { __ATTACHE_ENGINE_VERSION__: JSON.stringify(engineVersion()) },
  // jsonc-parser's CommonJS build loads its parts with a require esbuild cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
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
  // The meeting map's webview script, served from media/ (the only folder the webview may load from); its map inline, so none is left behind to package.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: production ? false : 'inline', entryPoints: ['src/webview/meetingMap.ts'], outfile: 'media/meetingMap/meetingMap.js' },
];
if (withTests) {
  builds.push({ ...common, entryPoints: testEntries('test/core'), outdir: 'dist/test/core', external: ['vscode', 'mocha'] });
  builds.push({ ...common, entryPoints: ['test/integration/index.ts'], outdir: 'dist/test/integration', external: ['vscode', 'mocha'] });
  builds.push({ ...common, entryPoints: ['test/bench/index.ts'], outdir: 'dist/test/bench', external: ['vscode', 'mocha'] });
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
