import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../core/analyze';
import { analysisKey, AnalysisStore } from '../core/analysisStore';
import { Corrections, NO_CORRECTIONS } from '../core/corrections';
import { formatOf } from '../core/readableText';
import { decodeArticle, formatBytes, tooLargeReason } from '../core/text';
import { ArticleAnalysis, ArticleFormat } from '../core/types';

/** A file to analyse, or to say why it was not. */
export interface ArticleFile {
  /** As the user reached it (named, or joined under a folder named): what the output shows. */
  path: string;
  /** What it is when it is not a regular file ("named pipe"): skipped unopened. */
  special?: string;
}

export interface ArticleListing {
  /** In the order named, each folder's entries sorted by name; every real path once. */
  files: ArticleFile[];
  /** "attache: cannot read …" for each path or folder that could not be read. */
  problems: string[];
}

/** What became of one file: its analysis, a note on why it was skipped, or a problem that sets exit status 1. */
export type FileOutcome = { analysis: ArticleAnalysis } | { skipped: string } | { problem: string };

const ARTICLE_NAME = /\.(txt|md)$/i;

/**
 * The article files under the paths named: a file named is taken whatever its name, a folder for
 * every .txt and .md below it. Symbolic links are followed, but each real file and folder is
 * taken once, so naming a folder and a file in it, or a link that loops, reads nothing twice.
 */
export function listArticleFiles(targets: string[]): ArticleListing {
  const files: ArticleFile[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();

  const add = (file: string, realPath: string, special: string | undefined) => {
    if (seen.has(realPath)) return;
    seen.add(realPath);
    files.push(special ? { path: file, special } : { path: file });
  };
  const visitFolder = (folder: string, realPath: string) => {
    if (seen.has(realPath)) return;
    seen.add(realPath);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(cannotRead(folder, error));
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      const kind = specialKind(entry);
      // A link, or an entry the file system gives no type for, is looked up; for the others the
      // real path follows from the folder's.
      if (entry.isSymbolicLink() || kind === UNKNOWN_KIND) visit(full, false);
      else if (entry.isDirectory()) visitFolder(full, path.join(realPath, entry.name));
      else if (ARTICLE_NAME.test(entry.name)) add(full, path.join(realPath, entry.name), kind);
    }
  };
  const visit = (target: string, named: boolean) => {
    let stat: fs.Stats;
    let realPath: string;
    try {
      stat = fs.statSync(target);
      realPath = fs.realpathSync.native(target);
    } catch (error) {
      if (named || ARTICLE_NAME.test(target)) problems.push(cannotRead(target, error));
      return;
    }
    if (stat.isDirectory()) visitFolder(target, realPath);
    else if (named || ARTICLE_NAME.test(target)) add(target, realPath, specialKind(stat));
  };

  for (const target of targets) visit(target, true);
  return { files, problems };
}

/** How much of each file the CLI reads and analyses. */
export interface ArticleLimits {
  maxBytes: number;
  /** Milliseconds one article may take; Infinity for no limit. */
  budgetMs: number;
}

/** An article file's text as decoded, with what decoding it noted ("decoded as Windows-1252"). */
export interface ArticleText {
  text: string;
  notes: string[];
}

/** Reads, decodes and analyses one file (or takes its analysis from the cache). */
export function analyseFile(file: ArticleFile, shownPath: string, limits: ArticleLimits, analyser: ArticleAnalyser): FileOutcome {
  const read = readArticle(file, shownPath, limits.maxBytes);
  return 'text' in read ? analyser.analyse(read, shownPath, limits.budgetMs) : read;
}

/**
 * Reads and decodes one file. Only a regular file is read, never past `maxBytes`: the size is
 * checked on the opened file before reading, and reading stops one byte past the limit, so
 * neither a device nor a file growing meanwhile can fill memory; O_NONBLOCK keeps a named pipe
 * put in place after listing from blocking the open.
 */
export function readArticle(file: ArticleFile, shownPath: string, maxBytes: number): ArticleText | { skipped: string } | { problem: string } {
  const skipped = (reason: string) => ({ skipped: `skipped ${shownPath}: ${reason}` });
  if (file.special) return skipped(`not a regular file (${file.special})`);
  let fd: number;
  try {
    fd = fs.openSync(file.path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { problem: cannotRead(file.path, error) };
  }
  let bytes: Buffer;
  try {
    const stat = fs.fstatSync(fd);
    const special = specialKind(stat);
    if (special) return skipped(`not a regular file (${special})`);
    if (stat.size > maxBytes) return skipped(tooLargeReason(stat.size, maxBytes));
    const read = readAtMost(fd, stat.size, maxBytes + 1);
    if (read.length > maxBytes) return skipped(`too large (more than the limit of ${formatBytes(maxBytes)} when read)`);
    bytes = read;
  } catch (error) {
    return { problem: cannotRead(file.path, error) };
  } finally {
    fs.closeSync(fd);
  }
  const decoded = decodeArticle(bytes, maxBytes);
  if (decoded.skipped) return skipped(decoded.skipped);
  return { text: decoded.text, notes: decoded.notes };
}

/**
 * Analyses articles with an engine built on the first article that needs one (building one takes
 * about 0.7 s), and, given a store, takes each article's analysis from it when the same text in
 * the same format was analysed before by the same engine, and stores each new whole analysis.
 * An analysis from the store is the one the engine would make, with this file's path and notes.
 */
export class ArticleAnalyser {
  private built: Engine | undefined;

  constructor(
    private readonly store?: AnalysisStore,
    private readonly corrections: Corrections = NO_CORRECTIONS,
  ) {}

  /** The engine, once an article has needed one. */
  get engine(): Engine | undefined {
    return this.built;
  }

  /** The stored analysis of the article, as the engine would give it for this file; undefined without one. */
  cached(article: ArticleText, shownPath: string): ArticleAnalysis | undefined {
    return this.lookUp(article, shownPath).cached;
  }

  analyse(article: ArticleText, shownPath: string, budgetMs: number): FileOutcome {
    const { format, key, cached } = this.lookUp(article, shownPath);
    if (cached) return { analysis: cached };
    const engine = (this.built ??= new Engine({ corrections: this.corrections }).warmUp());
    let analysis: ArticleAnalysis;
    try {
      analysis = engine.analyze({ uri: shownPath, text: article.text, version: ANALYSED_VERSION, format }, { budgetMs });
    } catch (error) {
      return { problem: `attache: could not analyse ${shownPath}: ${(error as Error).message}` };
    }
    // Names found by the rules alone, for want of the name model, are not what this engine
    // version finds: such an analysis is not kept for later runs. Nor is a partial one (the
    // store declines it). It is stored before the decoding notes are added: those belong to the
    // file's bytes, not to its text.
    if (this.store && key && engine.nameTaggerProblem() === null) this.store.putSync(key, analysis);
    analysis.notes.push(...article.notes);
    return { analysis };
  }

  /** The article's format (by its file name, as the engine would take it), its key in the store and its stored analysis, restamped. */
  private lookUp(article: ArticleText, shownPath: string): { format: ArticleFormat; key?: string; cached?: ArticleAnalysis } {
    const format = formatOf({ uri: shownPath });
    if (!this.store) return { format };
    const key = analysisKey(article.text, format, this.corrections);
    const stored = this.store.getSync(key);
    if (!stored) return { format, key };
    return { format, key, cached: { ...stored, path: shownPath, version: ANALYSED_VERSION, notes: [...stored.notes, ...article.notes] } };
  }
}

/** The document version the CLI analyses each file as. */
const ANALYSED_VERSION = 1;

/** Up to `limit` bytes from the start of an open file expected to hold `expected`. */
function readAtMost(fd: number, expected: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected + 1, limit));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const larger = Buffer.allocUnsafe(Math.min(Math.max(length * 2, 64 * 1024), limit));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
    const count = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (count === 0) break;
    length += count;
  }
  return buffer.subarray(0, length);
}

const UNKNOWN_KIND = 'unknown kind';

/** What a file is when it is not a regular file; undefined for a regular file. */
function specialKind(stat: fs.Stats | fs.Dirent): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isFIFO()) return 'named pipe';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isDirectory()) return 'directory';
  return UNKNOWN_KIND;
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'not a directory',
};

function cannotRead(target: string, error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  return `attache: cannot read ${target}: ${(code && REASONS[code]) ?? message}`;
}
