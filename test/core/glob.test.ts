// The corpus's globs and its listing of local folders (src/extension/glob.ts: node only, no vscode import).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { filesMatching, matchesGlob } from '../../src/extension/glob';

describe('the corpus globs', () => {
  it('match as VS Code does: ** across folders, {a,b} alternatives, * within a name', () => {
    assert.ok(matchesGlob('news/2023/a.txt', '**/*.{txt,md}'));
    assert.ok(matchesGlob('a.md', '**/*.{txt,md}'));
    assert.ok(!matchesGlob('a.json', '**/*.{txt,md}'));
    assert.ok(matchesGlob('x/node_modules/y/a.txt', '**/{node_modules,.git,dist,out}/**'));
    assert.ok(matchesGlob('node_modules', '**/{node_modules,.git,dist,out}/**'));
  });

  describe('listing a local folder', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-listing-'));
      const write = (file: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), 'text');
      };
      for (const file of ['a.txt', 'news/2023/b.md', 'news/c.json', 'node_modules/pkg/readme.md', 'out/d.txt']) write(file);
      // A link back to the root: followed once, not forever.
      fs.symlinkSync(root, path.join(root, 'news', 'loop'));
      fs.symlinkSync(path.join(root, 'a.txt'), path.join(root, 'linked.txt'));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('gives the included files once each, enters no excluded folder and follows links without looping', async () => {
      const found = await filesMatching(root, '**/*.{txt,md}', '**/{node_modules,.git,dist,out}/**', () => false);
      const relative = found.map((file) => path.relative(root, file)).sort();
      assert.deepEqual(relative, ['a.txt', 'linked.txt', 'news/2023/b.md']);
    });

    it('stops when cancelled', async () => {
      assert.deepEqual(await filesMatching(root, '**/*.{txt,md}', undefined, () => true), []);
    });
  });
});
