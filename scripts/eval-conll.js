// Person and place detection scored against a CoNLL-2003 file: exact spans, precision/recall/F1.
// Usage: npm run eval:conll -- <path to eng.testa> [--errors N]
//
// Scores in-process with the same conventions as the official scorer (../shared/eval/score-names.mjs),
// so both print the same figures: one text per article (a sentence's tokens joined by single spaces,
// every sentence a line ending in '\n'), IOB1 or IOB2 tags, the full CLI pipeline per article
// (decodeArticle, Engine.analyze, analyzeCorpus), every mention of every person/place entity, and
// gold and predicted spans trimmed alike of possessives and edge punctuation.
const fs = require('fs');
const path = require('path');
const { Engine, analyzeCorpus, decodeArticle, readConll } = require('../dist/core.js');

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--errors');
const errorsIndex = args.indexOf('--errors');
const showErrors = errorsIndex >= 0 ? Number(args[errorsIndex + 1] || 30) : 0;
if (!file) {
  console.error('Usage: npm run eval:conll -- <path to a CoNLL-2003 file, e.g. ../shared/eval/conll2003-dev/eng.testa> [--errors N]');
  process.exit(2);
}

const TYPES = ['PER', 'LOC'];
const KIND_TYPE = { person: 'PER', place: 'LOC' };

/**
 * Shrinks [start, end) of text: repeatedly drops a trailing possessive or punctuation/space, then
 * leading quotes, brackets or spaces. Applied to gold and predictions alike so that conventions such as
 * "U.S." vs "U.S" or "Clinton's" vs "Clinton" don't count as errors.
 */
const TRAILING = /(['’]s|[\s,.;:"'’)\]!?-])$/;
const LEADING = /^[\s"'“([]/;
function trim(start, end, text) {
  let match;
  while ((match = text.slice(start, end).match(TRAILING))) end -= match[0].length;
  while (LEADING.test(text.slice(start, end))) start += 1;
  return [start, end];
}

/** An article's trimmed gold spans ("TYPE:start:end") for persons and places, and every name's type by span to label false positives. */
function goldOf({ text, names }) {
  const gold = new Set();
  const goldTypeAt = new Map();
  for (const name of names) {
    // Trimmed against the article text, newline included, exactly as the scorer does.
    const [s, e] = trim(name.start, name.end, text);
    if (TYPES.includes(name.type)) gold.add(`${name.type}:${s}:${e}`);
    if (!goldTypeAt.has(`${s}:${e}`)) goldTypeAt.set(`${s}:${e}`, name.type);
  }
  return { text, gold, goldTypeAt };
}

// readConll lays articles out as the scorer does: a sentence's tokens joined by single spaces, one sentence a line.
const articles = readConll(fs.readFileSync(path.resolve(file), 'utf8')).map((article, i) => ({
  // Same names as the scorer's files; the CLI uses the path only as the article's label.
  name: `${String(i).padStart(4, '0')}.txt`,
  ...goldOf(article),
}));

// What the CLI's `analyze DIR --json` does per file, in the same (sorted) order and with one engine.
const started = Date.now();
const engine = new Engine();
const analyses = [];
for (const article of articles) {
  const decoded = decodeArticle(Buffer.from(article.text, 'utf8'));
  if (decoded.skipped) continue; // the CLI lists it under "skipped": no predictions, its gold all missed
  analyses.push(engine.analyze({ uri: article.name, text: decoded.text, version: 1 }));
}
// The CLI prints the corpus's articles; taking them from there keeps any corpus-level change in scope.
const entitiesByName = new Map(analyzeCorpus(analyses, engine.knowledgeBase).articles.map((a) => [a.path, a.entities]));
const seconds = (Date.now() - started) / 1000;

const score = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
const errors = { PER: { fp: new Map(), fn: new Map() }, LOC: { fp: new Map(), fn: new Map() } };
const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
for (const { name, text, gold, goldTypeAt } of articles) {
  // A set per article: a span found by several mentions or entities of one type counts once.
  const predicted = new Set();
  for (const entity of entitiesByName.get(name) || []) {
    const type = KIND_TYPE[entity.kind];
    if (!type) continue;
    for (const m of entity.mentions || []) {
      const [s, e] = trim(m.start, m.end, text);
      if (e > s) predicted.add(`${type}:${s}:${e}`);
    }
  }
  for (const key of predicted) {
    const [type, s, e] = key.split(':');
    if (gold.has(key)) score[type].tp++;
    else {
      score[type].fp++;
      count(errors[type].fp, `${text.slice(+s, +e)} [${goldTypeAt.get(`${s}:${e}`) || 'O'}]`);
    }
  }
  for (const key of gold) {
    if (predicted.has(key)) continue;
    const [type, s, e] = key.split(':');
    score[type].fn++;
    count(errors[type].fn, text.slice(+s, +e));
  }
}

console.log(`CoNLL evaluation of ${path.basename(file)}: ${articles.length} articles in ${seconds.toFixed(1)} s (exact spans, trimmed as score-names.mjs)`);
for (const type of TYPES) {
  const { tp, fp, fn } = score[type];
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`${type === 'PER' ? 'person' : 'place '}  precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
}
if (showErrors > 0) {
  const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors).map(([k, n]) => `${k}×${n}`).join(', ');
  for (const type of TYPES) {
    console.log(`\n${type} false positives: ${top(errors[type].fp)}`);
    console.log(`\n${type} missed: ${top(errors[type].fn)}`);
  }
}
