import * as fs from 'fs';
import * as path from 'path';
import { Mention } from '../entities';
import { Tokenized } from '../tokens';
import { articleFeatures, FeatureSources } from './features';
import { PerceptronWeights, tagSequence } from './perceptron';
import { BILOU_SCHEME, NAME_LABELS, NameType, namesOf, WordSequence } from './scheme';

export const MODEL_FORMAT = 'attache-name-tagger/1';
export const MODEL_FILE = 'names-tagger.json';

/** The model file: feature weights as integers (weight × scale), a sparse list of label and weight pairs per feature. */
export interface ModelFile {
  format: string;
  /** What the weights were learnt from, and how (corpus, epochs, seed, figures). */
  trainedOn: string;
  labels: string[];
  scale: number;
  features: Record<string, number[]>;
}

/** A name the tagger proposes: a token range and its type. */
export interface TaggedName {
  type: NameType;
  first: number;
  last: number;
}

/** The trained name tagger: reads an article's tokens and the rules' proposal, and proposes names. */
export class NameTagger {
  constructor(
    readonly weights: PerceptronWeights,
    readonly trainedOn: string,
  ) {}

  tag(tokenized: Tokenized, ruleMentions: readonly Mention[], sources: FeatureSources): TaggedName[] {
    const sequence: WordSequence = articleFeatures(tokenized, ruleMentions, sources);
    return namesOf(tagSequence(this.weights, BILOU_SCHEME, sequence), sequence.nameBreaks);
  }

  toFile(trainedOn: string, scale = 1000): ModelFile {
    const n = this.weights.labels.length;
    const features: Record<string, number[]> = {};
    for (const [feature, row] of this.weights.rows) {
      const pairs: number[] = [];
      for (let l = 0; l < n; l++) {
        const value = Math.round(this.weights.weights[row * n + l] * scale);
        if (value !== 0) pairs.push(l, value);
      }
      if (pairs.length > 0) features[feature] = pairs;
    }
    return { format: MODEL_FORMAT, trainedOn, labels: [...this.weights.labels], scale, features };
  }

  /** Reads a model file's content; throws an Error saying what is wrong with it. */
  static fromJson(json: string): NameTagger {
    let data: Partial<ModelFile>;
    try {
      data = JSON.parse(json) as Partial<ModelFile>;
    } catch (error) {
      throw new Error(`the name model is not valid JSON (${(error as Error).message})`);
    }
    if (!data || typeof data !== 'object' || data.format !== MODEL_FORMAT) throw new Error(`the name model is not in the format ${MODEL_FORMAT}`);
    if (!Array.isArray(data.labels) || data.labels.join(' ') !== NAME_LABELS.join(' ')) throw new Error('the name model has other labels than this engine uses');
    if (typeof data.scale !== 'number' || !(data.scale > 0)) throw new Error('the name model has no weight scale');
    if (!data.features || typeof data.features !== 'object') throw new Error('the name model has no feature weights');
    const n = NAME_LABELS.length;
    const entries = Object.entries(data.features);
    const rows = new Map<string, number>();
    const weights = new Float32Array(entries.length * n);
    for (const [feature, pairs] of entries) {
      if (!Array.isArray(pairs) || pairs.length % 2 !== 0) throw new Error(`the name model's weights for "${feature.slice(0, 40)}" are malformed`);
      const row = rows.size;
      rows.set(feature, row);
      for (let k = 0; k < pairs.length; k += 2) {
        const [label, value] = [pairs[k], pairs[k + 1]];
        if (!Number.isInteger(label) || label < 0 || label >= n || typeof value !== 'number' || !Number.isFinite(value)) {
          throw new Error(`the name model's weights for "${feature.slice(0, 40)}" are malformed`);
        }
        weights[row * n + label] = value / data.scale;
      }
    }
    return new NameTagger(new PerceptronWeights(NAME_LABELS, rows, weights), String(data.trainedOn ?? ''));
  }

  /** Reads a model file; throws an Error that names the file and what is wrong. */
  static fromFile(file: string): NameTagger {
    let json: string;
    try {
      json = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read the name model ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return NameTagger.fromJson(json);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }

  private static readonly loaded = new Map<string, NameTaggerLoad>();

  /**
   * A model file, read on first use and kept: the tagger, or why it could not be read (missing,
   * not JSON, another format), in which case the engine finds names by its rules alone.
   * Without a file, the model shipped beside the engine's bundle.
   */
  static load(file: string | undefined = bundledModelPath()): NameTaggerLoad {
    if (file === undefined) return { problem: `no ${MODEL_FILE} beside ${__dirname} or its parent folders` };
    let result = NameTagger.loaded.get(file);
    if (!result) {
      try {
        result = { tagger: NameTagger.fromFile(file) };
      } catch (error) {
        result = { problem: (error as Error).message };
      }
      NameTagger.loaded.set(file, result);
    }
    return result;
  }
}

export type NameTaggerLoad = { tagger: NameTagger } | { problem: string };

let bundledPath: { file: string | undefined } | undefined;

/** The build copies the model next to its bundles (dist/); test bundles sit in folders below it. Looked up once. */
function bundledModelPath(): string | undefined {
  bundledPath ??= { file: findBundledModel() };
  return bundledPath.file;
}

function findBundledModel(): string | undefined {
  let dir = __dirname;
  for (let up = 0; up < 4; up++) {
    const file = path.join(dir, MODEL_FILE);
    if (fs.existsSync(file)) return file;
    dir = path.dirname(dir);
  }
  return undefined;
}
