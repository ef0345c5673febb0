'use strict';
// Locations shared by the scripts that run the extension in a real VS Code.
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const codeServerVersion = '4.100.3';
const vscodeVersion = '1.100.3';
const cacheRoot = path.join(repoRoot, '.vscode-test');
const codeServerHome = path.join(cacheRoot, 'code-server');
const codeServerPackage = path.join(codeServerHome, 'node_modules', 'code-server');

module.exports = {
  repoRoot,
  codeServerVersion,
  vscodeVersion,
  cacheRoot,
  codeServerHome,
  codeServerPackage,
  codeServerEntry: path.join(codeServerPackage, 'out', 'node', 'entry.js'),
  installMarker: path.join(codeServerHome, '.install-complete.json'),
  chromiumPath: process.env.ATTACHE_CHROMIUM || '/usr/bin/chromium',
  seedsDir: path.join(repoRoot, 'seeds'),
  defaultTestsEntry: path.join(repoRoot, 'dist', 'test', 'integration', 'index.js'),
};
