import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Corrections, correctionsFingerprint, correctionsFor } from './corrections';
import { ENGINE_VERSION } from './engineVersion';
import { ArticleAnalysis, ArticleFormat } from './types';

/** What a stored record says it is; a record of any other schema is discarded. */
const SCHEMA = 'attache-analysis/1';

/** Keys are hex digests (contentKey's are 40 digits); anything else could name a path outside the store. */
const KEY = /^[0-9a-f]{2,128}$/;
/** An engine version names one folder. */
const VERSION = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** The folder names pruneOtherVersions may delete: what ENGINE_VERSION looks like, so that a cache folder shared with anything else loses nothing else. */
const ENGINE_VERSION_FOLDER = /^(?:[0-9a-f]{16}|development)$/;

export interface AnalysisStoreOptions {
  /** The cache's folder; each engine version keeps its analyses in a folder of its own inside. */
  directory: string;
  /** Defaults to ENGINE_VERSION, this build's. */
  engineVersion?: string;
  /** One line for each record discarded, each folder pruned, and the first failure to write. */
  log?(message: string): void;
}

/**
 * The key an analysis is stored under: the sha1 hex of the format, a NUL and the text (as the
 * extension's analysis client hashes them), then, when the reader has corrections, a NUL and
 * their fingerprint: an analysis made under other corrections is another analysis.
 */
export function contentKey(text: string, format: ArticleFormat, corrections = ''): string {
  const hash = createHash('sha1').update(format).update('\0').update(text);
  if (corrections !== '') hash.update('\0').update(corrections);
  return hash.digest('hex');
}

/**
 * The key of the analysis of a text under the reader's corrections: only those that can matter
 * to this text count, so an article no correction touches keeps the key it has without any.
 */
export function analysisKey(text: string, format: ArticleFormat, corrections: Corrections): string {
  return contentKey(text, format, correctionsFingerprint(correctionsFor(text, corrections)));
}

/** What is written for each analysis. */
interface AnalysisRecord {
  schema: typeof SCHEMA;
  engine: string;
  key: string;
  analysis: ArticleAnalysis;
}

/**
 * Analyses kept on disk across runs, one JSON file each, under
 * `<directory>/<engine version>/<first two digits of the key>/<key>.json`. An analysis depends
 * only on the text, its format and the engine, so a record is used only by the engine version
 * that wrote it, and only for the key it was written for. Its `path` and `version` are those of
 * the document first analysed; callers put their own in their place.
 *
 * Nothing here throws for the file system: a record that cannot be read is a miss, one that is
 * corrupt or of the wrong shape is deleted and logged, and when the cache cannot be written it
 * says why once and the store goes on without writing. (A key that is not a lowercase hex digest
 * is a caller's mistake, and does throw: it could otherwise name a file outside the store.)
 */
export class AnalysisStore {
  /** Where this engine version's analyses are: `<options.directory>/<engine version>`. */
  readonly directory: string;
  /** The folder given, which holds a folder for each engine version. */
  readonly root: string;
  private readonly engineVersion: string;
  private readonly log: (message: string) => void;
  /** Set after the first failed write: the store then only reads. */
  private writeProblem: string | undefined;
  /** The reasons reads have failed for, each logged once. */
  private readonly readProblems = new Set<string>();

  constructor(options: AnalysisStoreOptions) {
    this.engineVersion = options.engineVersion ?? ENGINE_VERSION;
    if (!VERSION.test(this.engineVersion)) throw new Error(`An engine version names a folder: '${this.engineVersion}' cannot be one.`);
    this.root = options.directory;
    this.directory = path.join(options.directory, this.engineVersion);
    this.log = options.log ?? (() => undefined);
  }

  /** The stored analysis for `key`, or undefined when there is none (or none this engine can use). */
  async get(key: string): Promise<ArticleAnalysis | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      return this.unread(key, error);
    }
    const read = this.read(text, key);
    if (typeof read !== 'string') return read;
    try {
      await fs.promises.unlink(file);
    } catch {
      // Gone already, or not ours to delete: either way it is not used.
    }
    this.log(`Discarded the cached analysis ${key}: ${read}`);
    return undefined;
  }

  /** As get, synchronously. */
  getSync(key: string): ArticleAnalysis | undefined {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      return this.unread(key, error);
    }
    const read = this.read(text, key);
    if (typeof read !== 'string') return read;
    try {
      fs.unlinkSync(file);
    } catch {
      // Gone already, or not ours to delete: either way it is not used.
    }
    this.log(`Discarded the cached analysis ${key}: ${read}`);
    return undefined;
  }

  /**
   * Stores the analysis of the text `key` was made from. A partial analysis (cut short by a time
   * budget) is not stored: another run, with another budget or on a less busy machine, may read
   * the whole text.
   */
  async put(key: string, analysis: ArticleAnalysis): Promise<void> {
    const file = this.fileOf(key);
    if (analysis.partial || this.writeProblem !== undefined) return;
    const temporary = temporaryName(file);
    const text = this.recordText(key, analysis);
    try {
      try {
        await fs.promises.writeFile(temporary, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await makeDirectory(path.dirname(file));
        await fs.promises.writeFile(temporary, text, { flag: 'wx' });
      }
      await fs.promises.rename(temporary, file);
    } catch (error) {
      await fs.promises.unlink(temporary).catch(() => undefined);
      this.cannotWrite(error);
    }
  }

  /** As put, synchronously. */
  putSync(key: string, analysis: ArticleAnalysis): void {
    const file = this.fileOf(key);
    if (analysis.partial || this.writeProblem !== undefined) return;
    const temporary = temporaryName(file);
    const text = this.recordText(key, analysis);
    try {
      try {
        fs.writeFileSync(temporary, text, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        makeDirectorySync(path.dirname(file));
        fs.writeFileSync(temporary, text, { flag: 'wx' });
      }
      fs.renameSync(temporary, file);
    } catch (error) {
      try {
        fs.unlinkSync(temporary);
      } catch {
        // It was never written.
      }
      this.cannotWrite(error);
    }
  }

  /** Whether a record is stored for `key` (get may still find it unusable and discard it). */
  has(key: string): boolean {
    return fs.existsSync(this.fileOf(key));
  }

  /**
   * Deletes the folders of other engine versions under options.directory, best effort, and logs
   * each one removed. Only folders named as engine versions are (16 hex digits, or
   * 'development'): anything else in the folder is left alone. Returns how many were removed.
   */
  async pruneOtherVersions(): Promise<number> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(this.root, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Could not list the analysis cache ${this.root}: ${reasonOf(error)}`);
      return 0;
    }
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === this.engineVersion || !ENGINE_VERSION_FOLDER.test(entry.name)) continue;
      const folder = path.join(this.root, entry.name);
      try {
        await fs.promises.rm(folder, { recursive: true, force: true });
        removed++;
        this.log(`Removed the cached analyses of engine version ${entry.name} (${folder})`);
      } catch (error) {
        this.log(`Could not remove the cached analyses of engine version ${entry.name} (${folder}): ${reasonOf(error)}`);
      }
    }
    return removed;
  }

  private fileOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`An analysis store key is a lowercase hex digest, as contentKey makes: '${key.slice(0, 200)}' is not.`);
    return path.join(this.directory, key.slice(0, 2), `${key}.json`);
  }

  private recordText(key: string, analysis: ArticleAnalysis): string {
    const record: AnalysisRecord = { schema: SCHEMA, engine: this.engineVersion, key, analysis };
    return JSON.stringify(record);
  }

  /** The record's analysis, or why it cannot be used. */
  private read(text: string, key: string): ArticleAnalysis | string {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return text.length === 0 ? 'the file is empty' : `not valid JSON (${(error as Error).message})`;
    }
    return readAnalysisRecord(value, key, this.engineVersion);
  }

  /**
   * A file that could not be read: no record when it is missing, else a miss that says why, once
   * for each kind of failure (a cache folder without permission would otherwise say so for every file).
   */
  private unread(key: string, error: unknown): undefined {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    const reason = reasonOf(error);
    if (!this.readProblems.has(reason)) {
      this.readProblems.add(reason);
      this.log(`Could not read the cached analysis ${key}: ${reason}`);
    }
    return undefined;
  }

  private cannotWrite(error: unknown): void {
    this.writeProblem = reasonOf(error);
    this.log(`Cannot write the analysis cache in ${this.directory}: ${this.writeProblem}. Analyses are not cached from now on.`);
  }
}

/**
 * Makes `folder` and whatever parents it lacks; throws why it cannot. (Node's own
 * `mkdir(..., { recursive: true })` never returns where mkdir answers ENOENT under a folder that
 * exists, as in /proc.)
 */
export function makeDirectorySync(folder: string): void {
  try {
    fs.mkdirSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && fs.statSync(folder).isDirectory()) return;
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw error;
    makeDirectorySync(parent);
    try {
      fs.mkdirSync(folder);
    } catch (again) {
      // Another writer may have made it meanwhile.
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.statSync(folder).isDirectory()) throw again;
    }
  }
}

/** As makeDirectorySync, without blocking. */
async function makeDirectory(folder: string): Promise<void> {
  const isFolder = () => fs.promises.stat(folder).then((stat) => stat.isDirectory());
  try {
    await fs.promises.mkdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder())) return;
    const parent = path.dirname(folder);
    if (code !== 'ENOENT' || parent === folder) throw error;
    await makeDirectory(parent);
    try {
      await fs.promises.mkdir(folder);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST' || !(await isFolder())) throw again;
    }
  }
}

/** A name beside `file` that no other writer, thread or process, picks. */
function temporaryName(file: string): string {
  return `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOTDIR: 'a path in it is a file, not a folder',
  EEXIST: 'a file is in the way',
  EISDIR: 'a folder is in the way',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
};

/** Why a file operation failed, without the file's name, so that the same failure reads the same for every file. */
function reasonOf(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return typeof message === 'string' ? message : String(error);
}

/**
 * The analysis in a stored record, or the reason the record cannot be used: another schema,
 * another engine version, another key, or an analysis of the wrong shape. The shape is checked
 * as far as the extension relies on it; offsets cannot be checked against a text here, only that
 * each span is a range of whole numbers from 0. Takes time linear in the record's size.
 */
export function readAnalysisRecord(value: unknown, expectedKey: string, engineVersion: string): ArticleAnalysis | string {
  if (!isObject(value)) return `the record is ${describe(value)}, not an object`;
  if (value.schema !== SCHEMA) return `its schema is ${describe(value.schema)}, not '${SCHEMA}'`;
  if (value.engine !== engineVersion) return `it was made by engine version ${describe(value.engine)}, not '${engineVersion}'`;
  if (value.key !== expectedKey) return `it holds the analysis of key ${describe(value.key)}`;
  const problem = analysisProblem(value.analysis);
  return problem === null ? (value.analysis as ArticleAnalysis) : `its analysis is not one the engine makes: ${problem}`;
}

type Check = (value: unknown, at: string) => string | null;

const ENTITY_KINDS = ['person', 'place', 'organization'];
const PRECISIONS = ['day', 'month', 'year'];
const ROLE_SOURCES = ['text', 'knowledge-base'];
const PLACE_TYPES = ['country', 'city', 'region', 'water', 'continent', 'landmark', 'other'];
const MEETING_STATUSES = ['held', 'planned'];
const MEETING_KINDS = ['meeting', 'talks', 'visit', 'call', 'summit'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short account of a value for a reason: its type, or a short string or number as it is. */
function describe(value: unknown): string {
  // Escaped as in JSON, so that a reason stays on one line whatever the record holds.
  if (typeof value === 'string') return value.length <= 40 ? `'${JSON.stringify(value).slice(1, -1)}'` : `a string of ${value.length} characters`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : `an ${typeof value}`;
}

const string: Check = (value, at) => (typeof value === 'string' ? null : `${at} is ${describe(value)}, not a string`);
const stringOrNull: Check = (value, at) => (value === null || typeof value === 'string' ? null : `${at} is ${describe(value)}, not a string or null`);
const oneOf =
  (allowed: readonly string[], orNull = false): Check =>
  (value, at) =>
    (orNull && value === null) || (typeof value === 'string' && allowed.includes(value)) ? null : `${at} is ${describe(value)}, not one of ${allowed.join(', ')}${orNull ? ' or null' : ''}`;

function arrayOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} is ${describe(value)}, not an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${at}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

/** An object whose listed fields pass their checks; fields marked optional may be absent. */
function object(fields: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value, at) => {
    if (!isObject(value)) return `${at} is ${describe(value)}, not an object`;
    for (const name in fields) {
      const problem = fields[name](value[name], `${at}.${name}`);
      if (problem !== null) return problem;
    }
    for (const name in optional) {
      if (value[name] === undefined) continue;
      const problem = optional[name](value[name], `${at}.${name}`);
      if (problem !== null) return problem;
    }
    return null;
  };
}

const offset = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const span: Check = (value, at) => {
  if (!isObject(value)) return `${at} is ${describe(value)}, not a span`;
  if (!offset(value.start) || !offset(value.end) || value.end < value.start) return `${at} is not a span (start ${describe(value.start)}, end ${describe(value.end)})`;
  return null;
};

const dateValue = object({ value: stringOrNull, precision: oneOf(PRECISIONS, true), earliest: stringOrNull, latest: stringOrNull, basis: string });
const role = object({ title: string, country: stringOrNull, source: oneOf(ROLE_SOURCES) }, { span });
const entity = object(
  { id: string, kind: oneOf(ENTITY_KINDS), name: string, roles: arrayOf(role), mentions: arrayOf(span) },
  { titleMentions: arrayOf(span), country: stringOrNull, placeType: oneOf(PLACE_TYPES), kbId: string, aliases: arrayOf(string) },
);
const meeting = object({
  participants: arrayOf(string),
  place: stringOrNull,
  date: dateValue,
  status: oneOf(MEETING_STATUSES),
  kind: oneOf(MEETING_KINDS),
  evidence: span,
  sentence: span,
});
const version: Check = (value, at) => (typeof value === 'number' && Number.isFinite(value) ? null : `${at} is ${describe(value)}, not a number`);
const analysis = object({
  path: string,
  version,
  date: dateValue,
  entities: arrayOf(entity),
  meetings: arrayOf(meeting),
  visits: arrayOf(meeting),
  notes: arrayOf(string),
});

/** Why `value` is not a whole analysis, or null when it is one. */
function analysisProblem(value: unknown): string | null {
  const problem = analysis(value, 'analysis');
  if (problem !== null) return problem;
  if ((value as Record<string, unknown>).partial !== undefined) return 'it is partial, and partial analyses are never stored';
  return null;
}
