'use strict';
// `npm run package` makes a .vsix that VS Code installs (code-server's --install-extension is
// VS Code's own installer), with everything the extension opens at run time inside it.
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const paths = require('../../scripts/vscode/paths');
const { ensureInstalled } = require('../../scripts/vscode/install');

const repoRoot = path.resolve(__dirname, '..', '..');

describe('the packaged extension', function () {
  this.timeout(240000);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-vsix-'));
  after(() => fs.rmSync(home, { recursive: true, force: true }));

  it('packages into a .vsix that installs', async () => {
    await ensureInstalled();
    const vsix = path.join(home, 'attache.vsix');
    execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', vsix], { cwd: repoRoot, stdio: 'pipe' });
    const extensions = path.join(home, 'extensions');
    const output = execFileSync(process.execPath, [paths.codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensions], {
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') },
      encoding: 'utf8',
    });
    assert.match(output, /successfully installed/);
    const installed = path.join(extensions, 'attache.attache-0.1.0');
    for (const file of ['dist/extension.js', 'dist/analysisWorker.js', 'dist/names-tagger.json', 'syntaxes/diplomatic-article.tmLanguage.json', 'seeds/001_3c85923e97ab670d.txt', 'media/attache.svg']) {
      assert.ok(fs.existsSync(path.join(installed, file)), `${file} is missing from the installed extension`);
    }
    assert.ok(!fs.existsSync(path.join(installed, 'src')), 'sources should not ship');
  });
});
