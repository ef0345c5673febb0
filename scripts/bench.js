// Speed and memory of the engine against raw compromise on the same text, in the same run.
// BENCH_RUNS=N sets how many alternating runs of each are timed (default 3).
// Usage: npm run bench [-- <CoNLL file>] (default ../shared/eval/conll2003-dev/eng.testa when present)
const fs = require('fs');
const path = require('path');
const nlp = require('compromise');
const { Engine, NameTagger, analyzeCorpus, analysisKey, contentKey, loadBundledKnowledgeBase } = require('../dist/core.js');

const TARGET_BYTES = 1024 * 1024;
const conllPath = process.argv[2] || path.join(__dirname, '..', '..', 'shared', 'eval', 'conll2003-dev', 'eng.testa');

/** Articles of realistic size: the seeds, and the dev set's Reuters stories as plain text. */
function sourceArticles() {
  const seedsDir = path.join(__dirname, '..', 'seeds');
  const articles = fs.readdirSync(seedsDir).sort().map((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8'));
  if (fs.existsSync(conllPath)) {
    let current = [];
    let sentence = [];
    for (const line of fs.readFileSync(conllPath, 'utf8').split(/\r?\n/)) {
      if (line.startsWith('-DOCSTART-')) {
        if (current.length) articles.push(current.join('\n'));
        current = [];
      } else if (line.trim() === '') {
        if (sentence.length) current.push(sentence.join(' '));
        sentence = [];
      } else sentence.push(line.split(' ')[0]);
    }
    if (current.length) articles.push(current.join('\n'));
  } else {
    console.log(`(no CoNLL file at ${conllPath}: using the seeds only)`);
  }
  const corpus = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    for (const article of articles) {
      corpus.push(article);
      bytes += Buffer.byteLength(article);
    }
  }
  return { corpus, bytes };
}

function words(texts) {
  return texts.reduce((n, t) => n + (t.match(/\S+/g) || []).length, 0);
}

function measure(label, fn) {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const start = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { label, seconds, peakMB: (peak - before) / 1024 / 1024 };
}

const { corpus, bytes } = sourceArticles();
const wordCount = words(corpus);
console.log(`Text: ${corpus.length} articles, ${(bytes / 1024 / 1024).toFixed(2)} MB, ${wordCount} words`);

// What the name model holds in memory once read: the heap before and after reading it.
global.gc?.();
const heapBeforeModel = process.memoryUsage().heapUsed;
NameTagger.load();
global.gc?.();
const modelMB = (process.memoryUsage().heapUsed - heapBeforeModel) / 1024 / 1024;

const engine = new Engine();
const rulesOnly = new Engine({ nameTagger: null });
const runs = Number(process.env.BENCH_RUNS || 3);
// Both sides first read the same 50 articles, so neither is timed while its code is still being compiled.
const warmUp = corpus.slice(0, 50);
for (const text of warmUp) {
  engine.analyze({ uri: 'warm-up', text, version: 0 });
  rulesOnly.analyze({ uri: 'warm-up', text, version: 0 });
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
}

const compromiseRun = () =>
  measure('compromise people() + places()', () => {
    for (const text of corpus) {
      const doc = nlp(text);
      doc.people().out('array');
      doc.places().out('array');
    }
  });
const analyzeWith = (label, which) =>
  measure(label, () => {
    const analyses = corpus.map((text, i) => which.analyze({ uri: `article-${i}`, text, version: 1 }));
    analyzeCorpus(analyses, which.knowledgeBase);
  });
const attacheRun = () => analyzeWith('Attaché analyze (entities, roles, meetings, dates) + corpus', engine);
const rulesOnlyRun = () => analyzeWith('  the same without the name tagger (rules alone)', rulesOnly);

// Runs alternate, and the medians are compared, so a slow moment of the machine weighs on both alike.
const baselines = [];
const attaches = [];
const rulesAlone = [];
for (let run = 0; run < runs; run++) {
  baselines.push(compromiseRun());
  attaches.push(attacheRun());
  rulesAlone.push(rulesOnlyRun());
}
const median = (results) => [...results].sort((a, b) => a.seconds - b.seconds)[Math.floor(results.length / 2)];
const baseline = median(baselines);
const attache = median(attaches);
for (const results of [baselines, attaches, rulesAlone]) {
  const r = median(results);
  const all = results.map((x) => x.seconds.toFixed(2)).join(', ');
  const peak = Math.max(...results.map((x) => x.peakMB));
  console.log(`${r.label.padEnd(62)} ${(wordCount / r.seconds).toFixed(0).padStart(8)} words/s  median ${r.seconds.toFixed(2).padStart(6)} s of ${all}  peak heap +${peak.toFixed(0)} MB`);
}
console.log(`Ratio (Attaché words/s ÷ compromise words/s, medians of ${runs} alternating runs): ${(baseline.seconds / attache.seconds).toFixed(2)}`);
console.log(`Name tagger: ${(median(rulesAlone).seconds / attache.seconds).toFixed(2)} × the speed of the rules alone; the model holds ${modelMB.toFixed(1)} MB of heap once read`);

// A knowledge file of some size: a role added to 200 bundled officials, 100 names that are not
// people, 100 pairs of names of one person. What it costs the extension host per article (each
// analysis is keyed by the corrections whose names its text contains), and an engine to build.
const officials = loadBundledKnowledgeBase().officials;
const knowledge = {
  people: officials.slice(0, 200).map((o) => ({ id: o.id, name: o.name, aliases: [], familyNameFirst: o.familyNameFirst, roles: [{ title: 'Envoy', country: 'Nowhere', from: '2020', to: null }] })),
  notPeople: officials.slice(200, 300).map((o) => o.name),
  notPlaces: [],
  samePerson: officials.slice(300, 400).map((o) => [o.name, `${o.name} Jr.`]),
  unlink: [],
};
const keysWith = (label, key) => measure(label, () => corpus.forEach((text) => key(text)));
const plainKeys = [];
const correctedKeys = [];
for (let run = 0; run < runs; run++) {
  plainKeys.push(keysWith('keys', (text) => contentKey(text, 'plain')));
  correctedKeys.push(keysWith('keys', (text) => analysisKey(text, 'plain', knowledge)));
}
const perArticle = (results) => ((median(results).seconds * 1000) / corpus.length).toFixed(3);
console.log(`Analysis keys per article, content hash alone ${perArticle(plainKeys)} ms; with a knowledge file of 400 entries ${perArticle(correctedKeys)} ms (${(median(correctedKeys).seconds / median(plainKeys).seconds).toFixed(1)} ×)`);
const build = (options) => measure('engine', () => new Engine({ nameTagger: null, ...options }));
const plainBuild = median(Array.from({ length: runs }, () => build({})));
const correctedBuild = median(Array.from({ length: runs }, () => build({ corrections: knowledge })));
console.log(`An engine built: ${(plainBuild.seconds * 1000).toFixed(0)} ms; with that knowledge file ${(correctedBuild.seconds * 1000).toFixed(0)} ms`);
console.log(`Process peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
