// Person and place detection scored against a CoNLL-2003 file: exact spans, precision/recall/F1.
// Usage: npm run eval:conll -- <path to eng.testa> [--errors N]
const fs = require('fs');
const path = require('path');
const { Engine } = require('../dist/core.js');

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const errorsIndex = args.indexOf('--errors');
const showErrors = errorsIndex >= 0 ? Number(args[errorsIndex + 1] || 30) : 0;
if (!file) {
  console.error('Usage: npm run eval:conll -- <path to a CoNLL-2003 file, e.g. ../shared/eval/conll2003-dev/eng.testa> [--errors N]');
  process.exit(2);
}

/** Articles as text (tokens joined by single spaces, sentences by newlines) with gold PER and LOC spans. */
function readConll(text) {
  const documents = [];
  let doc = null;
  let sentence = [];
  const flush = () => {
    if (!doc || sentence.length === 0) return;
    if (doc.text.length > 0) doc.text += '\n';
    let open = null;
    const close = () => {
      if (open) doc.gold.push(open);
      open = null;
    };
    sentence.forEach(([token, tag], i) => {
      if (i > 0) doc.text += ' ';
      const start = doc.text.length;
      doc.text += token;
      const type = tag === 'O' ? null : tag.slice(2);
      if (!type || tag.startsWith('B-') || (open && open.type !== type)) close();
      if (type && open) open.end = doc.text.length;
      else if (type) open = { type, start, end: doc.text.length };
    });
    close();
    sentence = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      doc = { text: '', gold: [] };
      documents.push(doc);
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const parts = line.split(' ');
    sentence.push([parts[0], parts[parts.length - 1]]);
  }
  flush();
  return documents;
}

const documents = readConll(fs.readFileSync(path.resolve(file), 'utf8'));
const engine = new Engine();
const score = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 } };
const errors = { PER: { fp: new Map(), fn: new Map() }, LOC: { fp: new Map(), fn: new Map() } };
const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
const started = Date.now();
for (const doc of documents) {
  const predicted = engine
    .findMentions(doc.text)
    .filter((m) => (m.kind === 'person' || m.kind === 'place') && !m.nested)
    .map((m) => ({ type: m.kind === 'person' ? 'PER' : 'LOC', start: m.start, end: m.end }));
  for (const type of ['PER', 'LOC']) {
    const gold = new Set(doc.gold.filter((g) => g.type === type).map((g) => `${g.start}:${g.end}`));
    const mine = new Set(predicted.filter((p) => p.type === type).map((p) => `${p.start}:${p.end}`));
    for (const key of mine) {
      if (gold.has(key)) score[type].tp++;
      else {
        score[type].fp++;
        const [s, e] = key.split(':').map(Number);
        const other = doc.gold.find((g) => g.start === s && g.end === e);
        count(errors[type].fp, `${doc.text.slice(s, e)} [${other ? other.type : 'O'}]`);
      }
    }
    for (const key of gold) {
      if (!mine.has(key)) {
        score[type].fn++;
        const [s, e] = key.split(':').map(Number);
        count(errors[type].fn, doc.text.slice(s, e));
      }
    }
  }
}
const seconds = (Date.now() - started) / 1000;
console.log(`CoNLL evaluation of ${path.basename(file)}: ${documents.length} articles in ${seconds.toFixed(1)} s (exact spans)`);
for (const type of ['PER', 'LOC']) {
  const { tp, fp, fn } = score[type];
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  const f = (2 * p * r) / (p + r || 1);
  console.log(`${type === 'PER' ? 'person' : 'place '}  precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);
}
if (showErrors > 0) {
  const top = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, showErrors).map(([k, n]) => `${k}×${n}`).join(', ');
  for (const type of ['PER', 'LOC']) {
    console.log(`\n${type} false positives: ${top(errors[type].fp)}`);
    console.log(`\n${type} missed: ${top(errors[type].fn)}`);
  }
}
