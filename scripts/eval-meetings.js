// People, roles, meetings and dates scored on the meetings-dev set with its own scorer, against the built CLI.
// Usage: npm run eval:meetings [-- <folder holding score.mjs, default ../shared/eval/meetings-dev>] [--misses]
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const args = process.argv.slice(2);
const root = path.join(__dirname, '..');
const folder = path.resolve(root, args.find((a) => !a.startsWith('--')) ?? '../shared/eval/meetings-dev');
const scorer = path.join(folder, 'score.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`No scorer at ${scorer}. Pass the meetings-dev folder: npm run eval:meetings -- <folder>`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [scorer, '--', process.execPath, path.join(root, 'dist/cli.js')], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
if (run.status !== 0) {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}
const lines = run.stdout.trimEnd().split('\n');
// The misses are many lines; the summary, the scorer's last line, is what a run is judged by.
for (const line of args.includes('--misses') ? lines : lines.slice(-1)) console.log(line);
