import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeArticle } from '../../src/core/text';

// The CLI as a user runs it: the built dist/cli.js (npm run test:unit builds it first).
const cli = path.resolve('dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('attache analyze (command line)', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-cli-'));
    fs.mkdirSync(path.join(folder, 'nested'));
    fs.copyFileSync(path.join('seeds', '003_38ea7e343e1e71a6.txt'), path.join(folder, 'nested', 'trade.md'));
    fs.writeFileSync(path.join(folder, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    fs.writeFileSync(path.join(folder, 'notes.json'), '{"not": "an article"}');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('prints the documented JSON shape for the seeds', () => {
    const result = run('analyze', 'seeds', '--json');
    assert.strictEqual(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.strictEqual(output.articles.length, 5);
    const article = output.articles.find((a: { path: string }) => a.path.endsWith('004_07d1a38f5434573d.txt'));
    assert.deepStrictEqual(Object.keys(article.date).sort(), ['basis', 'earliest', 'latest', 'precision', 'value']);
    assert.strictEqual(article.date.value, '2013-05-28');
    const xi = article.entities.find((e: { name: string }) => e.name === 'Xi Jinping');
    assert.deepStrictEqual([xi.kind, xi.roles[0].title, xi.roles[0].country], ['person', 'President', 'China']);
    const text = fs.readFileSync(path.join('seeds', '004_07d1a38f5434573d.txt'), 'utf8');
    assert.strictEqual(text.slice(xi.mentions[0].start, xi.mentions[0].end), 'Xi');
    const meeting = article.meetings[0];
    assert.deepStrictEqual(Object.keys(meeting).filter((k) => ['participants', 'place', 'date', 'status', 'kind', 'evidence'].includes(k)).length, 6);
    assert.ok(Array.isArray(output.timeline) && output.timeline.length >= 10);
  });

  it('reads directories recursively for .txt and .md, and skips a binary file with a note', () => {
    const result = run('analyze', folder, '--json');
    assert.strictEqual(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout);
    assert.deepStrictEqual(output.articles.map((a: { path: string }) => path.basename(a.path)), ['trade.md']);
    assert.match(result.stderr, /skipped .*photo\.txt: binary file/);
  });

  it('names a missing path on stderr, analyses the rest and exits 1', () => {
    const result = run('analyze', path.join(folder, 'missing.txt'), path.join(folder, 'nested'));
    assert.strictEqual(result.status, 1);
    assert.match(result.stderr, /cannot read .*missing\.txt: no such file or directory/);
    assert.match(result.stdout, /trade\.md/);
    assert.match(result.stdout, /Liu He — Vice Premier, China/);
  });

  it('skips files over the size limit', () => {
    const result = run('analyze', path.join(folder, 'nested'), '--max-bytes', '100');
    assert.strictEqual(result.status, 0);
    assert.match(result.stdout, /skipped .*trade\.md: too large/);
  });

  it('explains its usage on a wrong call', () => {
    const result = run('analyse', 'seeds');
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /Usage: attache analyze/);
  });
});

describe('reading article bytes', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it('removes a UTF-8 BOM so offsets match the editor', () => {
    assert.strictEqual(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Xi')])).text, 'Xi');
  });

  it('reads UTF-16 with a BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x58, 0x00, 0x69, 0x00]);
    assert.strictEqual(decodeArticle(utf16).text, 'Xi');
  });

  it('reads an old Windows-1252 file without losing characters, and says so', () => {
    const decoded = decodeArticle(new Uint8Array([0x53, 0xe3, 0x6f, 0x20, 0x50, 0x61, 0x75, 0x6c, 0x6f]));
    assert.strictEqual(decoded.text, 'São Paulo');
    assert.match(decoded.notes[0], /Windows-1252/);
  });

  it('skips binary and oversized files with a reason', () => {
    assert.strictEqual(decodeArticle(new Uint8Array([0x00, 0x01, 0x02])).skipped, 'binary file');
    assert.match(decodeArticle(bytes('x'.repeat(2000)), 1000).skipped!, /too large \(2 KB; the limit is 1 KB\)/);
  });
});
