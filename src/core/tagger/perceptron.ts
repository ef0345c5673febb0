/**
 * A greedy left-to-right sequence tagger with an averaged perceptron (Collins 2002), the kind
 * that made early spaCy and Stanford taggers fast: each position's score is the sum of its
 * features' weights, and the tags already chosen are features of the next position.
 */

/**
 * A sequence to tag: the features of each position that do not depend on the tags chosen. Some
 * come in groups that recur unchanged at many positions (everything a word says of itself), whose
 * summed weights the tagger works out once per group and reuses.
 */
export interface TaggerSequence {
  features: string[][];
  groups?: ReadonlyArray<ReadonlyArray<readonly string[]>>;
}

/** Every feature of one position, groups included: what training reads. */
export function featuresAt(sequence: TaggerSequence, position: number): string[] {
  const groups = sequence.groups?.[position];
  return groups ? [...sequence.features[position], ...groups.flat()] : sequence.features[position];
}

export interface LabelledSequence extends TaggerSequence {
  labels: number[];
}

/** How the tags already chosen become features, and which tag may follow which. */
export interface TagScheme {
  labels: readonly string[];
  historyFeatures(sequence: TaggerSequence, position: number, tags: readonly number[], out: string[]): void;
  allowed(previous: number, next: number): boolean;
  /** The tag the next one must be allowed to follow: the one before, or none where a new sentence starts. */
  previous(sequence: TaggerSequence, position: number, tags: number[]): number;
  /** A tag the position takes whatever its features (not scored, not learnt from), if any. */
  fixed(sequence: TaggerSequence, position: number): number | undefined;
}

/** Feature weights: one row of a weight per label for each feature. */
export class PerceptronWeights {
  constructor(
    readonly labels: readonly string[],
    readonly rows: ReadonlyMap<string, number>,
    readonly weights: Float32Array,
  ) {}

  private readonly groupSums = new WeakMap<readonly string[], Float64Array>();

  /** Adds the features' weights to the scores. */
  add(features: readonly string[], scores: Float64Array): void {
    const n = this.labels.length;
    const { rows, weights } = this;
    for (let k = 0; k < features.length; k++) {
      const row = rows.get(features[k]);
      if (row === undefined) continue;
      const base = row * n;
      for (let l = 0; l < n; l++) scores[l] += weights[base + l];
    }
  }

  /** Adds a recurring group's summed weights, worked out on its first use. */
  addGroup(group: readonly string[], scores: Float64Array): void {
    let sums = this.groupSums.get(group);
    if (!sums) {
      sums = new Float64Array(this.labels.length);
      this.add(group, sums);
      this.groupSums.set(group, sums);
    }
    for (let l = 0; l < sums.length; l++) scores[l] += sums[l];
  }
}

/** Tags a sequence greedily, never choosing a tag that may not follow the one before it. */
export function tagSequence(weights: PerceptronWeights, scheme: TagScheme, sequence: TaggerSequence): number[] {
  const n = scheme.labels.length;
  const scores = new Float64Array(n);
  const tags: number[] = [];
  const history: string[] = [];
  for (let i = 0; i < sequence.features.length; i++) {
    const fixed = scheme.fixed(sequence, i);
    if (fixed !== undefined) {
      tags.push(fixed);
      continue;
    }
    scores.fill(0);
    for (const group of sequence.groups?.[i] ?? []) weights.addGroup(group, scores);
    weights.add(sequence.features[i], scores);
    history.length = 0;
    scheme.historyFeatures(sequence, i, tags, history);
    weights.add(history, scores);
    tags.push(best(scores, scheme, scheme.previous(sequence, i, tags)));
  }
  return tags;
}

function best(scores: Float64Array, scheme: TagScheme, previous: number): number {
  let choice = -1;
  for (let l = 0; l < scores.length; l++) {
    if (!scheme.allowed(previous, l)) continue;
    // Ties go to the lower label index, so the same weights always give the same tags.
    if (choice < 0 || scores[l] > scores[choice]) choice = l;
  }
  return choice;
}

export interface TrainingOptions {
  epochs: number;
  /** Seeds the order sentences are visited in each epoch. */
  seed: number;
  /** Features seen fewer times than this in training are left out of the model. */
  minCount?: number;
  /** Return the weights averaged over every update (the default), or the last ones. */
  average?: boolean;
  /** Called after each epoch with the averaged and the last weights so far (for choosing by cross-validation). */
  afterEpoch?: (epoch: number, averaged: PerceptronWeights, last: PerceptronWeights) => void;
}

/**
 * Trains by the perceptron rule on the tagger's own greedy decisions, and returns the weights
 * averaged over every update step (which usually generalise better than the last ones) or the last.
 */
export function trainPerceptron(scheme: TagScheme, data: readonly LabelledSequence[], options: TrainingOptions): PerceptronWeights {
  const n = scheme.labels.length;
  const counts = new Map<string, number>();
  for (const sequence of data) for (let i = 0; i < sequence.features.length; i++) for (const f of featuresAt(sequence, i)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = options.minCount ?? 1;
  const rowOf = new Map<string, number>();
  for (const [f, c] of counts) if (c >= minCount) rowOf.set(f, rowOf.size);
  // History features ("previous tag is B-PER") are not among the counted ones: few, always kept, added as they appear.
  const grow = (f: string): number => {
    let row = rowOf.get(f);
    if (row === undefined) {
      row = rowOf.size;
      rowOf.set(f, row);
    }
    return row;
  };
  let capacity = Math.max(1024, rowOf.size * 2);
  let current = new Float64Array(capacity * n);
  let totals = new Float64Array(capacity * n);
  let stamps = new Float64Array(capacity * n);
  const ensure = (row: number) => {
    if (row < capacity) return;
    while (row >= capacity) capacity *= 2;
    const widen = (a: Float64Array) => {
      const b = new Float64Array(capacity * n);
      b.set(a);
      return b;
    };
    current = widen(current);
    totals = widen(totals);
    stamps = widen(stamps);
  };
  let step = 0;
  const update = (row: number, label: number, delta: number) => {
    const k = row * n + label;
    totals[k] += (step - stamps[k]) * current[k];
    stamps[k] = step;
    current[k] += delta;
  };
  const averaged = (): PerceptronWeights => {
    const weights = new Float32Array(rowOf.size * n);
    for (let k = 0; k < weights.length; k++) weights[k] = step > 0 ? (totals[k] + (step - stamps[k]) * current[k]) / step : 0;
    return new PerceptronWeights(scheme.labels, new Map(rowOf), weights);
  };
  const last = (): PerceptronWeights => new PerceptronWeights(scheme.labels, new Map(rowOf), Float32Array.from(current.subarray(0, rowOf.size * n)));

  const random = seededRandom(options.seed);
  const order = data.map((_, i) => i);
  const scores = new Float64Array(n);
  const features: string[] = [];
  const rows: number[] = [];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    for (const index of order) {
      const sequence = data[index];
      const tags: number[] = [];
      for (let i = 0; i < sequence.features.length; i++) {
        const fixed = scheme.fixed(sequence, i);
        if (fixed !== undefined) {
          tags.push(fixed);
          continue;
        }
        features.length = 0;
        for (const f of featuresAt(sequence, i)) features.push(f);
        scheme.historyFeatures(sequence, i, tags, features);
        rows.length = 0;
        scores.fill(0);
        for (const f of features) {
          const row = counts.has(f) ? rowOf.get(f) : grow(f);
          if (row === undefined) continue;
          ensure(row);
          rows.push(row);
          for (let l = 0; l < n; l++) scores[l] += current[row * n + l];
        }
        const guess = best(scores, scheme, scheme.previous(sequence, i, tags));
        const truth = sequence.labels[i];
        step++;
        if (guess !== truth) {
          for (const row of rows) {
            update(row, truth, 1);
            update(row, guess, -1);
          }
        }
        // Later positions see the tags the tagger chose, as they will when it runs.
        tags.push(guess);
      }
    }
    options.afterEpoch?.(epoch, averaged(), last());
  }
  return options.average === false ? last() : averaged();
}

/** A small deterministic generator (mulberry32): the same seed gives the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}
