import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { ArticleSummary } from '../core/corpus';
import { ENGINE_VERSION } from '../core/engineVersion';
import { readArticleSummary } from '../core/summaryRecord';

const SCHEMA = 'attache-index/1';

/** What the corpus knew of one file when the window closed: enough to use it again if the file has not changed. */
export interface SnapshotEntry {
  uri: string;
  /** The file's modification time and size when it was read: a file that still has both is not read again. */
  mtime: number;
  size: number;
  summary: ArticleSummary;
}

/**
 * The corpus saved in the workspace's storage, so that a reopened window is ready without reading
 * or analysing unchanged files. One JSON line per article between a header (schema, engine
 * version, time budget, corrections) and a trailer (the count): a file of another engine, or one without its
 * trailer, is discarded whole; an entry of the wrong shape alone.
 */
export class IndexSnapshot {
  /**
   * The fingerprint of the reader's corrections the summaries were made under ('' for none): an
   * index saved under other corrections is not used.
   */
  correctionsKey = '';

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Reads the saved index a line at a time, handing each usable entry to `take` as it goes, so
   * that the whole file is never in memory. False when the file, read to its end, turned out to be
   * unusable (incomplete, or not an index): what `take` was given must then be dropped.
   */
  async load(budgetMs: number, take: (entry: SnapshotEntry) => void): Promise<boolean> {
    let file: fs.promises.FileHandle;
    try {
      file = await fs.promises.open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`Could not read the saved index (${message(error)}); the articles are read again.`);
      return true;
    }
    let header: { [key: string]: unknown } | undefined;
    let last: { [key: string]: unknown } | undefined;
    let count = -1;
    let skipped = 0;
    let reason = '';
    /** Takes one line; false once the rest of the file is of no use. */
    const line = (text: string): boolean => {
      const value = parse(text);
      if (header === undefined) {
        header = value ?? {};
        return header.schema === SCHEMA && header.engine === ENGINE_VERSION && (header.corrections ?? '') === this.correctionsKey;
      }
      // Each line is an entry until the next one shows it was the trailer.
      if (last !== undefined) {
        const entry = readEntry(last, budgetMs, header.budgetMs);
        if (typeof entry === 'string') {
          skipped++;
          reason ||= entry;
        } else take(entry);
      }
      last = value ?? {};
      count++;
      return true;
    };
    try {
      // A megabyte at a time: the whole index is never one string in memory.
      const buffer = Buffer.alloc(1024 * 1024);
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
        const text = rest + (bytesRead > 0 ? decoder.write(buffer.subarray(0, bytesRead)) : decoder.end());
        const lines = text.split('\n');
        rest = bytesRead > 0 ? lines.pop()! : '';
        if (!lines.every((text) => text === '' || line(text))) break;
        if (bytesRead === 0) break;
      }
    } catch (error) {
      this.log(`Could not read the saved index (${message(error)}); the articles are read again.`);
      return false;
    } finally {
      await file.close().catch(() => undefined);
    }
    if (header === undefined) return true;
    if (header.schema !== SCHEMA) {
      this.discard('it is not an Attaché index');
      return false;
    }
    // Another engine, or other corrections, may read articles differently: its index is of no use, and not a problem.
    if (header.engine !== ENGINE_VERSION || (header.corrections ?? '') !== this.correctionsKey) return true;
    if (last?.count !== count) {
      this.discard('it is incomplete');
      return false;
    }
    if (skipped > 0) this.log(`Discarded ${skipped} entr${skipped === 1 ? 'y' : 'ies'} of the saved index (the first: ${reason}); those articles are read again.`);
    return true;
  }

  /** Writes the entries to a new file and renames it over the old one, so a reader never sees half an index. */
  async save(entries: Iterable<SnapshotEntry>, budgetMs: number): Promise<void> {
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    let handle: fs.promises.FileHandle | undefined;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      handle = await fs.promises.open(temporary, 'wx');
      // Written a piece at a time: one string of 10,000 summaries would double the host's memory for a moment.
      let piece = `${JSON.stringify({ schema: SCHEMA, engine: ENGINE_VERSION, budgetMs, ...(this.correctionsKey ? { corrections: this.correctionsKey } : {}) })}\n`;
      let count = 0;
      for (const entry of entries) {
        piece += `${JSON.stringify(entry)}\n`;
        count++;
        if (piece.length > 256 * 1024) {
          await handle.write(piece);
          piece = '';
        }
      }
      piece += `${JSON.stringify({ count })}\n`;
      await handle.write(piece);
      await handle.close();
      handle = undefined;
      await fs.promises.rename(temporary, this.file);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      this.log(`Could not save the index (${message(error)}); the next window reads the articles again.`);
    }
  }

  private discard(reason: string): void {
    this.log(`Discarded the saved index: ${reason}. The articles are read again.`);
    void fs.promises.rm(this.file, { force: true }).catch(() => undefined);
  }
}

function readEntry(value: { [key: string]: unknown }, budgetMs: number, savedBudgetMs: unknown): SnapshotEntry | string {
  if (typeof value.uri !== 'string') return "no 'uri'";
  if (typeof value.mtime !== 'number' || !Number.isInteger(value.size)) return "no 'mtime' and 'size'";
  const summary = readArticleSummary(value.summary);
  if (typeof summary === 'string') return `its summary ${summary}`;
  if (summary.path !== value.uri) return 'its summary is of another article';
  // An article cut short by the time budget is read again under another budget.
  if (summary.partial && savedBudgetMs !== budgetMs) return 'it was analysed under another time budget';
  return { uri: value.uri, mtime: value.mtime, size: value.size as number, summary };
}

function parse(line: string): { [key: string]: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { [key: string]: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
