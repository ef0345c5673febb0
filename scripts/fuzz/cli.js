// Fuzz inputs through the command line as a user runs it: files with odd names and encodings in a folder.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Random } = require('./generate');

// File names and encodings draw from their own stream, so they do not shift the texts.
const FILE_STREAM = 1;
const STACK_LINE = /^\s+at .*:\d+:\d+\)?\s*$/m;

/** A name for input `index` ending in .txt or .md in any case; odd ones hold spaces, controls, a leading dash or other scripts. */
function fileNameFor(rng, index) {
  const stem = rng.pick([
    `${index}`,
    `${index}`,
    `article ${index} with spaces`,
    `-${index}`,
    `--json-${index}`,
    `ctrl\u0001\u001b[31m${index}`,
    `new\nline ${index}`,
    `tab\t${index}`,
    `ünïcödé-${index}`,
    `עברית-${index}`,
    `\u202e${index}txt`,
    `中文-${index}`,
    `emoji-😀-${index}`,
    `${index}.${'x'.repeat(200)}`,
    ` ${index} `,
    `.hidden-${index}`,
    `quote'"${index}`,
    `back\\slash-${index}`,
    `*?[${index}]`,
  ]);
  return stem + rng.pick(['.txt', '.md', '.TXT', '.Md', '.article.txt']);
}

/** The text as a file's bytes: mostly UTF-8, some with a BOM, in UTF-16 or in Latin-1. */
function bytesFor(rng, text) {
  return rng.weighted([
    [80, () => Buffer.from(text, 'utf8')],
    [5, () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    [5, () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    [5, () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    [5, () => Buffer.from(text, 'latin1')],
  ])();
}

/**
 * Writes the inputs as article files in a fresh folder and runs `attache analyze --json` on it,
 * with `--` before the paths and one more file whose name starts with '-'.
 * Returns { failures: [{ check, message }], ms }.
 */
function runCliBatch({ cliPath, seed, inputs, timeoutMs = 120000 }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-fuzz-'));
  try {
    fs.mkdirSync(path.join(root, 'articles'));
    for (const input of inputs) {
      const rng = new Random(seed, input.index, FILE_STREAM);
      fs.writeFileSync(path.join(root, 'articles', fileNameFor(rng, input.index)), bytesFor(rng, input.text));
    }
    // Not an article: the CLI must pass over it.
    fs.writeFileSync(path.join(root, 'articles', 'notes.json'), '{"not": "an article"}');
    const operands = ['articles'];
    if (inputs.length > 0) {
      const dashed = `-${inputs[0].index}-named-alone.txt`;
      fs.writeFileSync(path.join(root, dashed), inputs[0].text);
      operands.push(dashed);
    }
    const args = [cliPath, 'analyze', '--json', '--', ...operands];
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { failures: cliFailures(result, inputs.length + operands.length - 1, timeoutMs), ms };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function cliFailures(result, articleFiles, timeoutMs) {
  const failures = [];
  if (result.error && result.error.code === 'ETIMEDOUT') failures.push({ check: 'cli-exit', message: `no exit within ${timeoutMs / 1000} s` });
  else if (result.status !== 0 && result.status !== 1) failures.push({ check: 'cli-exit', message: `exit status ${result.status}${result.signal ? ` (signal ${result.signal})` : ''}: ${(result.stderr || '').split('\n')[0]}` });
  if (STACK_LINE.test(result.stderr || '')) failures.push({ check: 'cli-stack', message: `stderr holds a stack trace: ${result.stderr.slice(0, 300)}` });
  if (failures.some((f) => f.check === 'cli-exit')) return failures;
  let output;
  try {
    output = JSON.parse(result.stdout);
  } catch (error) {
    failures.push({ check: 'cli-json', message: `stdout is not JSON (${error.message}): ${result.stdout.slice(0, 200)}` });
    return failures;
  }
  const read = Array.isArray(output.articles) && Array.isArray(output.skipped) ? output.articles.length + output.skipped.length : NaN;
  if (read !== articleFiles) failures.push({ check: 'cli-json', message: `${articleFiles} article files gave ${read} articles and skip notes` });
  return failures;
}

module.exports = { runCliBatch };
