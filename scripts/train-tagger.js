// Trains the name tagger on CoNLL-2003's training set and writes data/model/names-tagger.json.
// Usage: npm run train [-- <path to eng.train>] (default ../shared/eval/conll2003-train/eng.train)
// The number of epochs is chosen by cross-validation over the training articles; the seed is fixed,
// so the same data gives the same model.
const fs = require('fs');
const path = require('path');
const { Engine, NameTagger, trainPerceptron, seededRandom, BILOU_SCHEME, readConll, withPossessivesAttached, labelledArticle, crossValidateEpochs, scoreTagger } = require('../dist/core.js');

const SEED = 20261201;
const FOLDS = 3;
const MAX_EPOCHS = 15;
const MIN_COUNT = 2;
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
const articles = readConll(fs.readFileSync(file, 'utf8'))
  .map((article, i) => (i % 2 === 1 ? withPossessivesAttached(article) : article))
  .map((article) => labelledArticle(article, engine.readByRules(article.text), { rate: LIST_DROPOUT, random }));
const tokens = articles.reduce((n, s) => n + s.labels.length, 0);
console.log(`${articles.length} articles, ${tokens} tokens read in ${seconds()} s`);

const chosen = crossValidateEpochs(articles, { folds: FOLDS, maxEpochs: MAX_EPOCHS, seed: SEED, minCount: MIN_COUNT, log: (line) => console.log(`  ${line}`) });
console.log(`cross-validation (${FOLDS} folds), mean person+place F1 by epoch: ${chosen.byEpoch.map((f) => f.toFixed(4)).join(' ')}`);
console.log(`epochs chosen: ${chosen.epochs} (${seconds()} s)`);

const weights = trainPerceptron(BILOU_SCHEME, articles, { epochs: chosen.epochs, seed: SEED, minCount: MIN_COUNT });
const tagger = new NameTagger(weights, '');
const trainedOn = `CoNLL-2003 English training set (eng.train, Reuters 1996: ${articles.length} articles, ${tokens} tokens); averaged perceptron, greedy BILOU, ${chosen.epochs} epochs chosen by ${FOLDS}-fold cross-validation, features seen at least ${MIN_COUNT} times, lists and rules hidden from ${LIST_DROPOUT * 100}% of tokens, seed ${SEED}`;
const model = tagger.toFile(trainedOn);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(model));
const reloaded = NameTagger.fromFile(out);
const fit = scoreTagger(reloaded.weights, articles);
console.log(`training-set fit: ${fit.map((s) => `${s.type} ${s.f1.toFixed(3)}`).join(' ')}`);
console.log(`wrote ${path.relative(process.cwd(), out)}: ${Object.keys(model.features).length} features, ${(fs.statSync(out).size / 1024 / 1024).toFixed(2)} MB, in ${seconds()} s`);
