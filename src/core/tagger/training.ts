import { articleFeatures, FeatureSources } from './features';
import { featuresAt, LabelledSequence, PerceptronWeights, tagSequence, trainPerceptron } from './perceptron';
import { BILOU_SCHEME, NAME_TYPES, NameType, namesOf, tagsOf, WordSequence } from './scheme';
import { Mention } from '../entities';
import { Tokenized } from '../tokens';

/** An article of an annotated corpus: its text and its names as character spans. */
export interface AnnotatedArticle {
  text: string;
  names: Array<{ type: NameType; start: number; end: number }>;
}

/**
 * Articles of a CoNLL-2003 file (one token a line, its tag last; IOB1 or IOB2; a blank line ends
 * a sentence; -DOCSTART- starts an article), as text whose sentences are their tokens joined by
 * spaces, one a line: how the CoNLL scorer presents them to the engine.
 */
export function readConll(content: string): AnnotatedArticle[] {
  const articles: AnnotatedArticle[] = [];
  let article: AnnotatedArticle = { text: '', names: [] };
  let line: Array<[string, string]> = [];
  const endSentence = () => {
    if (line.length === 0) return;
    let open: { type: NameType; start: number; end: number } | null = null;
    line.forEach(([token, tag], i) => {
      if (i > 0) article.text += ' ';
      const start = article.text.length;
      article.text += token;
      const type = tag === 'O' ? null : (tag.slice(2) as NameType);
      if (open && (!type || tag.startsWith('B-') || open.type !== type)) {
        article.names.push(open);
        open = null;
      }
      if (type && NAME_TYPES.includes(type)) {
        if (open) open.end = article.text.length;
        else open = { type, start, end: article.text.length };
      }
    });
    if (open) article.names.push(open);
    article.text += '\n';
    line = [];
  };
  const endArticle = () => {
    endSentence();
    if (article.text) articles.push(article);
    article = { text: '', names: [] };
  };
  for (const raw of content.split(/\r?\n/)) {
    const parts = raw.trim().split(/\s+/);
    if (!parts[0]) endSentence();
    else if (parts[0] === '-DOCSTART-') endArticle();
    else line.push([parts[0], parts[parts.length - 1]]);
  }
  endArticle();
  return articles;
}

/**
 * The article as most text writes a possessive: "Clinton's", where CoNLL's tokens say "Clinton 's".
 * Training on both spellings lets the tagger read either.
 */
export function withPossessivesAttached(article: AnnotatedArticle): AnnotatedArticle {
  const shifts: number[] = [];
  const text = article.text.replace(/ (?=['’]s\b)/g, (_, offset: number) => {
    shifts.push(offset);
    return '';
  });
  const moved = (position: number) => position - shifts.filter((s) => s < position).length;
  return { text, names: article.names.map((n) => ({ ...n, start: moved(n.start), end: moved(n.end) })) };
}

/** How the engine reads an article before the tagger: its tokens, the rules' names and its lists. */
export interface RuleReading {
  tokenized: Tokenized;
  mentions: Mention[];
  sources: FeatureSources;
}

/** An article as the tagger trains on it: its tokens' features and their gold tags. */
export type LabelledArticle = LabelledSequence & WordSequence;

/** Features that say what the engine's lists and rules know of a word itself. */
const LIST_FEATURE = /^(g=|g2=|kb$|r=|r-1=|r\+1=|rdoc=)/;

/**
 * The tagger's training sequence for an article: its tokens' features and gold tags. With
 * `listDropout`, that share of tokens lose what the lists and rules say of them, so the tagger
 * also learns the context that tells a place or a person where no list knows the name.
 */
export function labelledArticle(article: AnnotatedArticle, reading: RuleReading, dropout?: { rate: number; random: () => number }): LabelledArticle {
  const { tokens } = reading.tokenized;
  // A token belongs to the gold name it overlaps.
  const goldNames: Array<{ type: NameType; first: number; last: number }> = [];
  let k = 0;
  for (const name of [...article.names].sort((a, b) => a.start - b.start)) {
    while (k < tokens.length && tokens[k].end <= name.start) k++;
    let last = k;
    while (last < tokens.length && tokens[last].start < name.end) last++;
    if (last > k) goldNames.push({ type: name.type, first: k, last });
    k = last;
  }
  const features = articleFeatures(reading.tokenized, reading.mentions, reading.sources);
  // Training reads every feature of a position as one list, which dropout may thin.
  const flat = features.features.map((_, i) => featuresAt(features, i));
  const kept = dropout ? flat.map((f) => (dropout.random() < dropout.rate ? f.filter((x) => !LIST_FEATURE.test(x)) : f)) : flat;
  return { ...features, features: kept, groups: undefined, labels: tagsOf(tokens.length, goldNames) };
}

export interface Score {
  type: NameType;
  precision: number;
  recall: number;
  f1: number;
}

/** Exact-span precision, recall and F1 per name type of the weights' tags against the gold tags. */
export function scoreTagger(weights: PerceptronWeights, data: readonly LabelledArticle[]): Score[] {
  const counts = new Map(NAME_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const sequence of data) {
    const key = (n: { type: string; first: number; last: number }) => `${n.type}:${n.first}:${n.last}`;
    const gold = new Set(namesOf(sequence.labels, sequence.nameBreaks).map(key));
    const guessed = new Set(namesOf(tagSequence(weights, BILOU_SCHEME, sequence), sequence.nameBreaks).map(key));
    for (const g of guessed) counts.get(g.split(':')[0] as NameType)![gold.has(g) ? 'tp' : 'fp']++;
    for (const g of gold) if (!guessed.has(g)) counts.get(g.split(':')[0] as NameType)!.fn++;
  }
  return NAME_TYPES.map((type) => {
    const { tp, fp, fn } = counts.get(type)!;
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    return { type, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  });
}

/** One setting the cross-validation compares. */
export interface TrainingChoice {
  minCount: number;
  average: boolean;
  epochs: number;
}

export interface CrossValidation {
  /** Mean person-and-place F1 over the folds for every setting tried. */
  tried: Array<TrainingChoice & { f1: number }>;
  best: TrainingChoice & { f1: number };
}

/**
 * Chooses feature pruning (the fewest times a feature must be seen), averaging and the number of
 * epochs by k-fold cross-validation over whole articles: each fold trains on the others (as
 * `trainOn` gives them, with any dropout) and is scored after every epoch on its own articles as
 * they will be read (`scoreOn`, whole); the setting with the best mean F1 of persons and places wins.
 */
export function crossValidate(
  trainOn: readonly LabelledArticle[],
  scoreOn: readonly LabelledArticle[],
  options: { folds: number; maxEpochs: number; seed: number; minCounts: readonly number[]; log?: (line: string) => void },
): CrossValidation {
  const sums = new Map<string, TrainingChoice & { f1: number }>();
  const record = (choice: TrainingChoice, f1: number) => {
    const key = `${choice.minCount}:${choice.average}:${choice.epochs}`;
    const entry = sums.get(key) ?? { ...choice, f1: 0 };
    entry.f1 += f1 / options.folds;
    sums.set(key, entry);
  };
  const personAndPlace = (weights: PerceptronWeights, held: readonly LabelledArticle[]) => {
    const scores = scoreTagger(weights, held);
    return (scores[0].f1 + scores[1].f1) / 2;
  };
  for (const minCount of options.minCounts) {
    for (let fold = 0; fold < options.folds; fold++) {
      const train = trainOn.filter((_, i) => i % options.folds !== fold);
      const held = scoreOn.filter((_, i) => i % options.folds === fold);
      trainPerceptron(BILOU_SCHEME, train, {
        epochs: options.maxEpochs,
        seed: options.seed,
        minCount,
        afterEpoch: (epoch, averaged, last) => {
          const [withAverage, withLast] = [personAndPlace(averaged, held), personAndPlace(last, held)];
          record({ minCount, average: true, epochs: epoch }, withAverage);
          record({ minCount, average: false, epochs: epoch }, withLast);
          options.log?.(`features seen ${minCount}+ times, fold ${fold + 1}/${options.folds}, epoch ${epoch}: person+place F1 ${withAverage.toFixed(4)} averaged, ${withLast.toFixed(4)} last`);
        },
      });
    }
  }
  const tried = [...sums.values()];
  // Ties go to the first tried: the fewer epochs and the smaller pruning threshold.
  const best = tried.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  return { tried, best };
}
