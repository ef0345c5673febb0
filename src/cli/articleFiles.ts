import * as fs from 'fs';
import * as path from 'path';
import { Engine } from '../core/analyze';
import { decodeArticle, formatBytes, tooLargeReason } from '../core/text';
import { ArticleAnalysis } from '../core/types';

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

/**
 * Reads, decodes and analyses one file. Only a regular file is read, never past `maxBytes`: the
 * size is checked on the opened file before reading, and reading stops one byte past the limit,
 * so neither a device nor a file growing meanwhile can fill memory; O_NONBLOCK keeps a named pipe
 * put in place after listing from blocking the open.
 */
/** How much of each file the CLI reads and analyses. */
export interface ArticleLimits {
  maxBytes: number;
  /** Milliseconds one article may take; Infinity for no limit. */
  budgetMs: number;
}

export function analyseFile(file: ArticleFile, shownPath: string, { maxBytes, budgetMs }: ArticleLimits, engine: Engine): FileOutcome {
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
  try {
    const analysis = engine.analyze({ uri: shownPath, text: decoded.text, version: 1 }, { budgetMs });
    analysis.notes.push(...decoded.notes);
    return { analysis };
  } catch (error) {
    return { problem: `attache: could not analyse ${shownPath}: ${(error as Error).message}` };
  }
}

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
