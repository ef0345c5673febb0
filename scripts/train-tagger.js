// Trains the name tagger on CoNLL-2003's training set and writes data/model/names-tagger.json.
// Usage: npm run train [-- <path to eng.train>] (default ../shared/eval/conll2003-train/eng.train)
// Feature pruning, averaging and the number of epochs are chosen by cross-validation over the
// training articles; the seed is fixed, so the same data gives the same model.
const fs = require('fs');
const path = require('path');
const { Engine, NameTagger, trainPerceptron, seededRandom, BILOU_SCHEME, readConll, withPossessivesAttached, labelledArticle, crossValidate, scoreTagger } = require('../dist/core.js');

const SEED = 20261201;
const FOLDS = 3;
const MAX_EPOCHS = 15;
/** The fewest times a feature must be seen to be kept: the choices cross-validation compares. */
const MIN_COUNTS = [1, 2, 4];
/** The share of tokens trained without what the lists and rules say of them (see README). */
const LIST_DROPOUT = Number(process.env.LIST_DROPOUT ?? 0.3);
const file = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'shared', 'eval', 'conll2003-train', 'eng.train'));
const out = process.env.MODEL_OUT || path.join(__dirname, '..', 'data', 'model', 'names-tagger.json');
if (!fs.existsSync(file)) {
  console.error(`No training file at ${file}. Usage: npm run train -- <path to CoNLL-2003 eng.train>`);
  process.exit(2);
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(0);
const engine = new Engine({ nameTagger: null });
const random = seededRandom(SEED);
// Every other article is read with its possessives attached ("Clinton's"), as most text writes them.
const readings = readConll(fs.readFileSync(file, 'utf8'))
  .map((article, i) => (i % 2 === 1 ? withPossessivesAttached(article) : article))
  .map((article) => ({ article, reading: engine.readByRules(article.text) }));
const thinned = readings.map(({ article, reading }) => labelledArticle(article, reading, { rate: LIST_DROPOUT, random }));
const whole = readings.map(({ article, reading }) => labelledArticle(article, reading));
const tokens = whole.reduce((n, s) => n + s.labels.length, 0);
console.log(`${whole.length} articles, ${tokens} tokens read in ${seconds()} s`);

const { tried, best } = crossValidate(thinned, whole, { folds: FOLDS, maxEpochs: MAX_EPOCHS, seed: SEED, minCounts: MIN_COUNTS, log: (line) => console.log(`  ${line}`) });
console.log(`cross-validation (${FOLDS} folds), mean person+place F1 by epoch:`);
for (const minCount of MIN_COUNTS) {
  for (const average of [true, false]) {
    const row = tried.filter((t) => t.minCount === minCount && t.average === average).map((t) => t.f1.toFixed(4));
    console.log(`  features seen ${minCount}+ times, ${average ? 'averaged' : 'last weights'}: ${row.join(' ')}`);
  }
}
console.log(`chosen: features seen ${best.minCount}+ times, ${best.average ? 'averaged' : 'last'} weights, ${best.epochs} epochs (F1 ${best.f1.toFixed(4)}; ${seconds()} s)`);

const weights = trainPerceptron(BILOU_SCHEME, thinned, { epochs: best.epochs, seed: SEED, minCount: best.minCount, average: best.average });
const tagger = new NameTagger(weights, '');
const trainedOn =
  `CoNLL-2003 English training set (eng.train, Reuters 1996: ${whole.length} articles, ${tokens} tokens); ` +
  `${best.average ? 'averaged ' : ''}perceptron, greedy BILOU, chosen by ${FOLDS}-fold cross-validation: ${best.epochs} epochs, features seen at least ${best.minCount} times; ` +
  `lists and rules hidden from ${LIST_DROPOUT * 100}% of training tokens; seed ${SEED}`;
const model = tagger.toFile(trainedOn);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(model));
const reloaded = NameTagger.fromFile(out);
const fit = scoreTagger(reloaded.weights, whole);
console.log(`training-set fit: ${fit.map((s) => `${s.type} ${s.f1.toFixed(3)}`).join(' ')}`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${Object.keys(model.features).length} features, ${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB, in ${seconds()} s`);
