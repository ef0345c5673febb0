import * as assert from 'assert';
import { spawnSync, SpawnSyncReturns } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printable } from '../../src/cli/output';
import { decodeArticle } from '../../src/core/text';
import { parseCsv } from './csvReader';

// The CLI as a user runs it: the built dist/cli.js (npm run test:unit builds it first).
const cli = path.resolve('dist', 'cli.js');
// A CLI that hangs (on a named pipe, say) fails its test instead of stalling the suite.
const TIMEOUT_MS = 30000;
const run = (...args: string[]) => runIn(process.cwd(), ...args);
const runIn = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
const seed = (name: string) => fs.readFileSync(path.join('seeds', name));
const articlePaths = (stdout: string): string[] => JSON.parse(stdout).articles.map((a: { path: string }) => a.path);
const onPosix = process.platform !== 'win32';

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
    const ids = output.timeline.map((e: { id: string }) => e.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'timeline ids are unique');
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

  it('refuses a --max-bytes over its ceiling of 16 MB, with the reason', () => {
    const result = run('analyze', folder, '--max-bytes', '60000000');
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /--max-bytes can be at most 16777216 \(16\.0 MB\): a larger article would take minutes and gigabytes/);
    assert.strictEqual(result.stdout, '');
    assert.strictEqual(run('analyze', path.join(folder, 'photo.txt'), '--max-bytes', String(16 * 1024 * 1024)).status, 0);
  });

  it('explains its usage on a wrong call, and on --help', () => {
    const result = run('analyse', 'seeds');
    assert.strictEqual(result.status, 2);
    assert.match(result.stderr, /Usage: attache analyze/);
    const help = run('analyze', '--help');
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /--\s+end of options/);
    assert.strictEqual(run('analyze', '--jobs', '0', folder).status, 2);
  });

  describe('hostile and degenerate input', () => {
    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-hostile-'));
    });
    afterEach(() => {
      // A folder made unreadable by a test is made readable again so it can be removed.
      for (const entry of fs.readdirSync(root)) fs.chmodSync(path.join(root, entry), 0o755);
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('stops an article at its time budget with a warning, and analyses the next one whole', () => {
      fs.writeFileSync(path.join(root, 'a-pathological.txt'), 'Xi met Biden. '.repeat(20_000));
      fs.writeFileSync(path.join(root, 'b-article.txt'), seed('000_6f4b1c7feb585978.txt'));
      const result = run('analyze', '--json', '--time-budget', '300', '--jobs', '1', root);
      assert.strictEqual(result.status, 0, result.stderr);
      const [pathological, article] = JSON.parse(result.stdout).articles;
      assert.ok(pathological.partial && pathological.partial.analysedTo < 280_000, JSON.stringify(pathological.partial));
      assert.match(result.stderr, /warning: .*a-pathological\.txt: analysis stopped at its time budget of 300 ms/);
      assert.strictEqual(article.partial, undefined);
      assert.ok(article.meetings.length > 0);
      assert.match(run('analyze', '--time-budget', 'soon', root).stderr, /--time-budget takes a whole number of milliseconds/);
    });

    it('skips a named pipe with a note instead of waiting on it forever', function () {
      if (!onPosix || spawnSync('mkfifo', [path.join(root, 'pipe.txt')]).status !== 0) skipBecause(this, 'mkfifo cannot make a named pipe here');
      fs.writeFileSync(path.join(root, 'article.txt'), seed('000_6f4b1c7feb585978.txt'));
      const result = run('analyze', '--json', root, path.join(root, 'pipe.txt'));
      assert.ifError(result.error);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.deepStrictEqual(JSON.parse(result.stdout).skipped, [`skipped ${path.relative(process.cwd(), path.join(root, 'pipe.txt'))}: not a regular file (named pipe)`]);
      assert.strictEqual(articlePaths(result.stdout).length, 1);
    });

    it('skips a link to a device unread, and stops reading a file at the size limit', function () {
      if (!onPosix || !fs.existsSync('/dev/zero') || !fs.existsSync('/proc/cpuinfo')) skipBecause(this, 'no /dev/zero or /proc/cpuinfo here');
      fs.symlinkSync('/dev/zero', path.join(root, 'zero.txt'));
      // A file whose size the kernel gives as 0 but that holds more: only the read can stop it.
      fs.symlinkSync('/proc/cpuinfo', path.join(root, 'cpuinfo.txt'));
      const result = runIn(root, 'analyze', '--json', '--max-bytes', '16', '.');
      assert.ifError(result.error);
      assert.strictEqual(result.status, 0, result.stderr);
      assert.deepStrictEqual(JSON.parse(result.stdout).skipped, [
        'skipped cpuinfo.txt: too large (more than the limit of 1 KB when read)',
        'skipped zero.txt: not a regular file (character device)',
      ]);
    });

    it('analyses each real file once: a folder and a file in it, a file twice, a link to it, a link that loops', function () {
      fs.mkdirSync(path.join(root, 'nested'));
      fs.writeFileSync(path.join(root, 'nested', 'trade.md'), seed('003_38ea7e343e1e71a6.txt'));
      fs.writeFileSync(path.join(root, 'visit.txt'), seed('000_6f4b1c7feb585978.txt'));
      if (onPosix) {
        fs.symlinkSync('visit.txt', path.join(root, 'z-link-to-visit.txt'));
        fs.symlinkSync('..', path.join(root, 'nested', 'loop'));
      }
      const result = runIn(root, 'analyze', '--json', 'nested/trade.md', '.', 'visit.txt', './visit.txt');
      assert.strictEqual(result.status, 0, result.stderr);
      assert.deepStrictEqual(articlePaths(result.stdout), [path.join('nested', 'trade.md'), 'visit.txt']);
    });

    it('takes the paths after -- as paths, even one named --help.txt', () => {
      fs.writeFileSync(path.join(root, '--help.txt'), seed('000_6f4b1c7feb585978.txt'));
      const result = runIn(root, 'analyze', '--json', '--', '--help.txt');
      assert.strictEqual(result.status, 0, result.stderr);
      assert.deepStrictEqual(articlePaths(result.stdout), ['--help.txt']);
      const withoutSeparator = runIn(root, 'analyze', '--help.txt');
      assert.strictEqual(withoutSeparator.status, 2);
      assert.match(withoutSeparator.stderr, /Unknown option '--help\.txt' \(put -- before a path that starts with '--'\)/);
    });

    it('shows control, bidi and zero-width characters of file names escaped, in text and on stderr, and keeps the JSON exact', function () {
      if (!onPosix) skipBecause(this, 'file names on Windows cannot hold these characters');
      const name = 'evil\u001b[31m\u202egpj\u200b.txt';
      fs.writeFileSync(path.join(root, name), 'Xi Jinping met Joe Biden in Beijing on Monday.');
      fs.writeFileSync(path.join(root, `pic\u009b\u007f.txt`), Buffer.from([0x00, 0x00, 0x01]));
      const text = runIn(root, 'analyze', '.');
      assert.strictEqual(text.status, 0, text.stderr);
      assert.ok(text.stdout.includes('evil\\x1b[31m\\u202egpj\\u200b.txt'), text.stdout);
      assert.ok(text.stdout.includes('skipped pic\\x9b\\x7f.txt: binary file'), text.stdout);
      assert.doesNotMatch(text.stdout, /[\u001b\u202e\u200b\u009b\u007f]/);
      const json = runIn(root, 'analyze', '--json', '.');
      assert.strictEqual(json.status, 0, json.stderr);
      assert.doesNotMatch(json.stdout, /[\u001b\u202e\u200b\u009b\u007f]/);
      assert.doesNotMatch(json.stderr, /[\u001b\u202e\u200b\u009b\u007f]/);
      const output = JSON.parse(json.stdout);
      assert.deepStrictEqual(articlePaths(json.stdout), [name]);
      assert.strictEqual(output.timeline[0].article, name);
      assert.deepStrictEqual(output.skipped, [`skipped pic\u009b\u007f.txt: binary file`]);
    });

    it('names an unreadable folder and file on stderr, analyses the rest, prints the JSON and exits 1 (as a user without root)', function () {
      fs.chmodSync(root, 0o755);
      const runAsUser = unprivilegedRunner(root);
      if (typeof runAsUser === 'string') skipBecause(this, runAsUser);
      fs.mkdirSync(path.join(root, 'locked'));
      fs.writeFileSync(path.join(root, 'locked', 'hidden.txt'), seed('000_6f4b1c7feb585978.txt'));
      fs.writeFileSync(path.join(root, 'secret.txt'), seed('001_3c85923e97ab670d.txt'));
      fs.writeFileSync(path.join(root, 'open.txt'), seed('003_38ea7e343e1e71a6.txt'));
      fs.chmodSync(path.join(root, 'locked'), 0);
      fs.chmodSync(path.join(root, 'secret.txt'), 0);
      const result = runAsUser(root, 'analyze', '--json', root);
      assert.strictEqual(result.status, 1, result.stderr);
      assert.match(result.stderr, /attache: cannot read .*locked: permission denied/);
      assert.match(result.stderr, /attache: cannot read .*secret\.txt: permission denied/);
      assert.doesNotMatch(result.stderr, /^\s+at /m, 'no stack trace');
      assert.deepStrictEqual(articlePaths(result.stdout).map((p) => path.basename(p)), ['open.txt']);
    });

    it('gives the same output from worker threads as from one thread, in input order', function () {
      this.timeout(60000);
      const people = ['Wang Yi', 'Antony Blinken', 'Sergei Lavrov', 'Penny Wong', 'Yoko Kamikawa'];
      const places = ['Jakarta', 'Beijing', 'Geneva', 'Canberra'];
      // Past the count below which the CLI stays on one thread.
      for (let i = 0; i < 40; i++) {
        const text = `${people[i % 5]} met ${people[(i + 1) % 5]} in ${places[i % 4]} on March ${(i % 28) + 1}, 2024. They held talks on trade.`;
        fs.writeFileSync(path.join(root, `article-${String(i).padStart(2, '0')}.txt`), text);
      }
      const parallel = runIn(root, 'analyze', '--json', '--jobs', '2', '.');
      const single = runIn(root, 'analyze', '--json', '--jobs', '1', '.');
      assert.strictEqual(parallel.status, 0, parallel.stderr);
      assert.strictEqual(parallel.stdout, single.stdout);
      assert.strictEqual(articlePaths(parallel.stdout)[39], 'article-39.txt');
      assert.strictEqual(JSON.parse(parallel.stdout).timeline.length, 40);
    });

    it('stops quietly when the reader of its output does (| head)', function () {
      if (!onPosix) skipBecause(this, 'no sh and head on Windows');
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" analyze --json seeds | head -c 10`], { encoding: 'utf8', timeout: TIMEOUT_MS });
      assert.strictEqual(result.stdout, '{\n  "artic');
      assert.strictEqual(result.stderr, '');
    });
  });
});

describe('attache analyze --format csv|jsonl|events-json (the events, a row each)', () => {
  let root: string;
  // The meeting's sentence runs over a line break and holds quotes and commas.
  const SENTENCE = 'BEIJING, June 19, 2023 (Reuters) - Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Monday,\nsaying "frank, candid" talks were needed to steady relations';
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-export-'));
    fs.writeFileSync(path.join(root, 'talks.txt'), `${SENTENCE}.\n\nThe two sides agreed to keep talking.\n`);
    fs.copyFileSync(path.join('seeds', '001_3c85923e97ab670d.txt'), path.join(root, 'seed-001.txt'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes CSV that a CSV reader reads back, the quotes, commas and line break of the evidence included, a row per timeline event', () => {
    const result = runIn(root, 'analyze', '--format', 'csv', '.');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.ok(!result.stdout.startsWith('\ufeff'), 'no byte order mark without --bom');
    const [header, ...records] = parseCsv(result.stdout);
    const cell = (record: string[], column: string) => record[header.indexOf(column)];
    assert.deepStrictEqual(header.slice(0, 6), ['event_id', 'date', 'date_precision', 'kind', 'status', 'participants']);
    const timeline = JSON.parse(runIn(root, 'analyze', '--json', '.').stdout).timeline;
    assert.deepStrictEqual(records.map((record) => cell(record, 'event_id')), timeline.map((event: { id: string }) => event.id));
    const talks = records.find((record) => cell(record, 'evidence_article') === 'talks.txt')!;
    assert.strictEqual(cell(talks, 'evidence_sentence'), SENTENCE);
    assert.strictEqual(cell(talks, 'participants'), 'Antony Blinken; Wang Yi');
    assert.strictEqual(cell(talks, 'participant_kb_ids'), 'antony-blinken; wang-yi');
    assert.strictEqual(cell(talks, 'date'), '2023-06-19');
    assert.strictEqual(cell(talks, 'place'), 'Beijing');
    // Wang Yi was not Foreign Minister in June 2023, whatever the article says: the knowledge base's post of the day.
    assert.strictEqual(cell(talks, 'participant_roles'), 'Secretary of State; Director of the Central Foreign Affairs Commission Office');
    const text = fs.readFileSync(path.join(root, 'talks.txt'), 'utf8');
    assert.strictEqual(text.slice(Number(cell(talks, 'evidence_start')), Number(cell(talks, 'evidence_end'))), 'Antony Blinken met Chinese Foreign Minister Wang Yi');
    const han = records.find((record) => cell(record, 'participants') === 'Han Zheng; Antony Blinken')!;
    assert.deepStrictEqual([cell(han, 'date'), cell(han, 'participant_roles'), cell(han, 'place')], ['2023-09-18', 'Vice President; Secretary of State', 'New York']);
  });

  it('starts the CSV with a byte order mark with --bom only, and refuses --bom for JSON', () => {
    const plain = runIn(root, 'analyze', '--format', 'csv', '.');
    const marked = runIn(root, 'analyze', '--format', 'csv', '--bom', '.');
    assert.strictEqual(marked.status, 0, marked.stderr);
    assert.strictEqual(marked.stdout, `\ufeff${plain.stdout}`, 'no cell of these articles starts like a formula');
    const refused = runIn(root, 'analyze', '--format', 'jsonl', '--bom', '.');
    assert.strictEqual(refused.status, 2);
    assert.match(refused.stderr, /--bom is for --format csv only/);
  });

  it('writes the same rows as JSON Lines and as a JSON array, lists as arrays', () => {
    const lines = runIn(root, 'analyze', '--format', 'jsonl', '.');
    assert.strictEqual(lines.status, 0, lines.stderr);
    const rows = lines.stdout.split('\n');
    assert.strictEqual(rows.pop(), '');
    const parsed = rows.map((line) => JSON.parse(line));
    const talks = parsed.find((row) => row.evidence_article === 'talks.txt');
    assert.deepStrictEqual(talks.participants, ['Antony Blinken', 'Wang Yi']);
    assert.strictEqual(talks.evidence_sentence, SENTENCE);
    assert.deepStrictEqual(JSON.parse(runIn(root, 'analyze', '--format', 'events-json', '.').stdout), parsed);
  });

  it('keeps --json as --format json, and names the formats on a wrong one', () => {
    assert.strictEqual(runIn(root, 'analyze', '--format', 'json', '.').stdout, runIn(root, 'analyze', '--json', '.').stdout);
    const wrong = runIn(root, 'analyze', '--format', 'xlsx', '.');
    assert.strictEqual(wrong.status, 2);
    assert.match(wrong.stderr, /--format takes one of text, json, csv, jsonl, events-json/);
  });
});

describe('attache analyze --cache DIR (analyses kept across runs)', function () {
  this.timeout(120000);
  let root: string;
  let cache: string;
  /** The records in the cache, by path, with when each was last written. */
  const records = () => {
    const found = new Map<string, number>();
    const visit = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) visit(full);
        else found.set(full, fs.statSync(full).mtimeMs);
      }
    };
    if (fs.existsSync(cache)) visit(cache);
    return found;
  };
  const runWith = (bundle: string, ...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8', timeout: TIMEOUT_MS * 2, maxBuffer: 64 * 1024 * 1024 });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-cache-'));
    cache = path.join(root, 'cache');
    fs.mkdirSync(path.join(root, 'articles'));
    for (const name of fs.readdirSync('seeds')) fs.copyFileSync(path.join('seeds', name), path.join(root, 'articles', name));
    // The same text read as markdown, and a Windows-1252 file whose decoding leaves a note.
    fs.copyFileSync(path.join('seeds', '003_38ea7e343e1e71a6.txt'), path.join(root, 'articles', 'trade.md'));
    fs.writeFileSync(path.join(root, 'articles', 'sao-paulo.txt'), Buffer.from('Lula met Xi Jinping in S\xe3o Paulo on Monday, the ministry said.', 'latin1'));
    fs.writeFileSync(path.join(root, 'articles', 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prints the same JSON and the same summary as an uncached run, cold and warm, and rewrites nothing when warm', () => {
    const uncached = runIn(root, 'analyze', '--json', 'articles');
    assert.strictEqual(uncached.status, 0, uncached.stderr);
    assert.match(uncached.stdout, /decoded as Windows-1252/);
    const cold = runIn(root, 'analyze', '--json', '--cache', 'cache', 'articles');
    assert.strictEqual(cold.status, 0, cold.stderr);
    assert.strictEqual(cold.stdout, uncached.stdout);
    assert.strictEqual(cold.stderr, uncached.stderr);
    const written = records();
    // One record for each text and format analysed: the five seeds, trade.md and sao-paulo.txt.
    assert.strictEqual(written.size, 7);
    const warm = runIn(root, 'analyze', '--json', '--cache', 'cache', 'articles');
    assert.strictEqual(warm.status, 0, warm.stderr);
    assert.strictEqual(warm.stdout, uncached.stdout);
    assert.strictEqual(warm.stderr, uncached.stderr);
    assert.deepStrictEqual(records(), written, 'a warm run writes no record');
    const summary = runIn(root, 'analyze', 'articles');
    assert.strictEqual(runIn(root, 'analyze', '--cache', 'cache', 'articles').stdout, summary.stdout);
  });

  it('needs no engine when every article is in the cache: a warm run works even where the name model is missing', () => {
    assert.strictEqual(runIn(root, 'analyze', '--json', '--cache', 'cache', 'articles').status, 0);
    const withModel = runIn(root, 'analyze', '--json', 'articles');
    // The same bundle, four folders away from any names-tagger.json: an engine built from it
    // finds names by the rules alone and says so on stderr.
    const elsewhere = path.join(root, 'a', 'b', 'c');
    fs.mkdirSync(elsewhere, { recursive: true });
    const bundle = path.join(elsewhere, 'cli.js');
    fs.copyFileSync(cli, bundle);
    const warm = runWith(bundle, 'analyze', '--json', '--cache', 'cache', 'articles');
    assert.strictEqual(warm.status, 0, warm.stderr);
    assert.strictEqual(warm.stdout, withModel.stdout);
    assert.doesNotMatch(warm.stderr, /rules alone/);
    fs.writeFileSync(path.join(root, 'articles', 'new.txt'), 'Wang Yi met Antony Blinken in Jakarta on Thursday.');
    const oneNew = runWith(bundle, 'analyze', '--json', '--cache', 'cache', 'articles');
    assert.match(oneNew.stderr, /warning: names are found by the rules alone; no names-tagger\.json beside/);
    const key = contentKeyOf('Wang Yi met Antony Blinken in Jakarta on Thursday.');
    assert.ok(![...records().keys()].some((file) => file.endsWith(`${key}.json`)), 'an analysis made without the name model is not kept');
  });

  it('discards a corrupt record with a line on stderr, analyses that article again and stores it anew', () => {
    const cold = runIn(root, 'analyze', '--json', '--cache', 'cache', 'articles');
    const [file] = [...records().keys()].sort();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').slice(0, 100));
    const warm = runIn(root, 'analyze', '--json', '--cache', 'cache', 'articles');
    assert.strictEqual(warm.status, 0, warm.stderr);
    assert.strictEqual(warm.stdout, cold.stdout);
    assert.match(warm.stderr, new RegExp(`^attache: Discarded the cached analysis ${path.basename(file, '.json')}: not valid JSON`, 'm'));
    assert.strictEqual(warm.stderr.split('Discarded').length, 2, 'one line');
    assert.strictEqual(JSON.parse(fs.readFileSync(file, 'utf8')).schema, 'attache-analysis/1');
  });

  it('gives the same output in worker threads, with some articles cached and some not', () => {
    const people = ['Wang Yi', 'Antony Blinken', 'Sergei Lavrov', 'Penny Wong', 'Yoko Kamikawa'];
    for (let i = 0; i < 24; i++) {
      const text = `${people[i % 5]} met ${people[(i + 1) % 5]} in Jakarta on March ${i + 1}, 2024. They held talks on trade.`;
      fs.writeFileSync(path.join(root, 'articles', `pool-${String(i).padStart(2, '0')}.txt`), text);
    }
    const uncached = runIn(root, 'analyze', '--json', '--jobs', '1', 'articles');
    assert.strictEqual(runIn(root, 'analyze', '--json', '--jobs', '2', '--cache', 'cache', path.join('articles', '000_6f4b1c7feb585978.txt')).status, 0);
    const cold = runIn(root, 'analyze', '--json', '--jobs', '2', '--cache', 'cache', 'articles');
    assert.strictEqual(cold.status, 0, cold.stderr);
    assert.strictEqual(cold.stdout, uncached.stdout);
    assert.strictEqual(records().size, 31);
    const warm = runIn(root, 'analyze', '--json', '--jobs', '2', '--cache', 'cache', 'articles');
    assert.strictEqual(warm.stdout, uncached.stdout);
  });

  it('does not keep an analysis cut short by the time budget', () => {
    fs.writeFileSync(path.join(root, 'articles', 'pathological.txt'), 'Xi met Biden. '.repeat(20_000));
    const first = runIn(root, 'analyze', '--json', '--time-budget', '300', '--cache', 'cache', 'articles');
    assert.strictEqual(first.status, 0, first.stderr);
    const partial = JSON.parse(first.stdout).articles.find((a: { path: string }) => a.path.endsWith('pathological.txt'));
    assert.ok(partial.partial, 'the pathological article is cut short');
    const key = contentKeyOf('Xi met Biden. '.repeat(20_000));
    assert.ok(![...records().keys()].some((file) => file.endsWith(`${key}.json`)));
  });

  it('warns once and runs without a cache when the folder cannot be made, and exits 0', () => {
    fs.writeFileSync(path.join(root, 'in-the-way'), 'a file');
    const uncached = runIn(root, 'analyze', '--json', 'articles');
    const result = runIn(root, 'analyze', '--json', '--cache', path.join('in-the-way', 'cache'), 'articles');
    assert.strictEqual(result.status, 0, result.stderr);
    assert.strictEqual(result.stdout, uncached.stdout);
    assert.strictEqual(result.stderr, `attache: warning: cannot use ${path.join('in-the-way', 'cache')} as the cache (a file is in the way); analysing without it\n${uncached.stderr}`);
    const missing = runIn(root, 'analyze', '--cache');
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /--cache takes a directory/);
  });
});

/** The analysis store's key of a plain-text article, which names its record. */
function contentKeyOf(text: string): string {
  return createHash('sha1').update('plain\0').update(text).digest('hex');
}

/** Skips the running test, with the reason in its title where the report shows it. */
function skipBecause(context: Mocha.Context, reason: string): never {
  if (context.test) context.test.title += ` (skipped: ${reason})`;
  context.skip();
}

/**
 * Runs the CLI as a user whom file modes bind: the test's own user unless that is root, which
 * chmod 000 does not stop; then nobody, by setpriv, if nobody can reach `folder`. Returns why it
 * cannot where it cannot.
 */
function unprivilegedRunner(folder: string): ((cwd: string, ...args: string[]) => SpawnSyncReturns<string>) | string {
  if (!onPosix) return 'no file modes to test on Windows';
  if (process.getuid?.() !== 0) return runIn;
  const asNobody = (cwd: string, ...args: string[]) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args], { cwd, encoding: 'utf8', timeout: TIMEOUT_MS });
  const probe = asNobody(folder, '--help');
  return probe.status === 0 ? asNobody : `tests run as root, and setpriv cannot run the CLI as nobody in ${folder}, so chmod 000 cannot stop it reading`;
}

describe('showing names on a terminal', () => {
  it('escapes controls (C0, DEL, C1), bidi controls, zero-width and line separators, and keeps other text', () => {
    assert.strictEqual(printable('a\u001b[2Jb\n\t\u007f\u0085'), 'a\\x1b[2Jb\\x0a\\x09\\x7f\\x85');
    assert.strictEqual(printable('\u202eevil\u2066\u2069\u200b\u200d\ufeff\u2028'), '\\u202eevil\\u2066\\u2069\\u200b\\u200d\\ufeff\\u2028');
    assert.strictEqual(printable('Liu He — São Paulo, 习近平 😀'), 'Liu He — São Paulo, 习近平 😀');
    assert.strictEqual(printable('lone \ud800 half'), 'lone \\ud800 half');
  });
});

describe('reading article bytes', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const utf16be = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le').swap16());
  const article = 'Wang Yi met Antony Blinken in Jakarta on Thursday.\r\n';

  it('removes a UTF-8 BOM so offsets match the editor', () => {
    assert.strictEqual(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Xi')])).text, 'Xi');
  });

  it('reads UTF-16 with a BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x58, 0x00, 0x69, 0x00]);
    assert.strictEqual(decodeArticle(utf16).text, 'Xi');
  });

  it('recognises UTF-16 without a BOM, either byte order, by where its NUL bytes fall', () => {
    const le = decodeArticle(utf16le(article));
    assert.deepStrictEqual([le.text, le.skipped, le.notes], [article, undefined, ['decoded as UTF-16LE (no byte order mark)']]);
    const be = decodeArticle(utf16be(article));
    assert.deepStrictEqual([be.text, be.skipped, be.notes], [article, undefined, ['decoded as UTF-16BE (no byte order mark)']]);
    const russian = 'Сергей Лавров встретился с Ван И в Пекине.';
    assert.strictEqual(decodeArticle(utf16le(russian)).text, russian);
  });

  it('still calls binary what only looks like UTF-16: small 16-bit numbers, or NUL pairs', () => {
    const numbers = new Uint8Array(Uint16Array.from({ length: 200 }, (_, i) => i % 20).buffer);
    assert.strictEqual(decodeArticle(numbers).skipped, 'binary file');
    assert.strictEqual(decodeArticle(new Uint8Array([0x58, 0x00, 0x00, 0x00, 0x69, 0x00])).skipped, 'binary file');
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
