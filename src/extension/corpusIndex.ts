import * as vscode from 'vscode';
import { analyzeCorpus, CorpusAnalysis } from '../core/corpus';
import { KnowledgeBase, loadBundledKnowledgeBase } from '../core/knowledgeBase';
import { formatOf } from '../core/readableText';
import { decodeArticle, tooLargeReason } from '../core/text';
import { ArticleAnalysis, ArticleFormat } from '../core/types';
import { Activity } from './activity';
import { AnalysisClient, AnalysisSkipped } from './analysisClient';
import { CorpusModel } from './corpusModel';
import { matchesGlob } from './glob';

/** Where an article's analysis came from: the file on disk, or an open editor's current text. */
type Source = 'disk' | 'document';

interface Entry {
  analysis: ArticleAnalysis;
  source: Source;
}

/** Schemes whose documents are articles a person reads; output panes, git views and settings are not. */
const ARTICLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Disk reads (and so analyses queued in the worker) in flight at once while indexing. */
const INDEXING_LANES = 4;
/** A file saved repeatedly, or written in pieces, is read once it settles. */
const FILE_EVENT_DELAY_MS = 200;
/** Views recompute the corpus on change; a burst of results makes one change event. */
const CHANGE_EVENT_DELAY_MS = 50;
/** Indexing shorter than this finishes without a notification. */
const PROGRESS_DELAY_MS = 1000;

/**
 * The corpus: every article the include/exclude globs select in each workspace folder, read from
 * disk and analysed in the background, plus every open document of the configured languages,
 * whose current text overrides the file's.
 */
export class CorpusIndex implements CorpusModel {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  private readonly entries = new Map<string, Entry>();
  /** The keys of `entries` in code-unit order, kept in order as entries come and go, so building the corpus sorts nothing. */
  private readonly sortedKeys: string[] = [];
  private readonly skippedArticles = new Map<string, string>();
  /** Files on disk that the globs select, by URI string. */
  private diskFiles = new Map<string, vscode.Uri>();
  /** Bumped whenever a URI gets a new request; a result applies only while its generation is current. */
  private readonly generations = new Map<string, number>();
  private readonly fileTimers = new Map<string, { timer: NodeJS.Timeout; end: () => void }>();
  /** The request in flight for each URI: a newer request, a deletion or disposal cancels it. */
  private readonly inFlight = new Map<string, vscode.CancellationTokenSource>();
  private readonly lifetime = new vscode.CancellationTokenSource();
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private indexing: vscode.CancellationTokenSource | undefined;
  private corpusCache: CorpusAnalysis | undefined;
  private knowledgeBase: KnowledgeBase | undefined;
  private changeTimer: { timer: NodeJS.Timeout; end: () => void } | undefined;
  private readonly pendingDeletes = new Set<string>();
  private deleteTimer: { timer: NodeJS.Timeout; end: () => void } | undefined;

  constructor(
    private readonly client: AnalysisClient,
    private readonly activity: Activity,
    private readonly log: (message: string) => void,
  ) {}

  /** Watches the workspace and indexes it; call once. */
  start(): void {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('attache.corpus')) this.restart();
      }),
    );
    this.restart();
  }

  analysisOf(uri: vscode.Uri): ArticleAnalysis | undefined {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const open = openDocument(key);
    if (open && (entry.source !== 'document' || entry.analysis.version !== open.version)) return undefined;
    return entry.analysis;
  }

  /** The latest analysis even when the document changed since: enough for counts, not for offsets. */
  latestAnalysisOf(uri: vscode.Uri): ArticleAnalysis | undefined {
    return this.entries.get(uri.toString())?.analysis;
  }

  corpus(): CorpusAnalysis {
    if (!this.corpusCache) {
      this.knowledgeBase ??= loadBundledKnowledgeBase();
      const articles = this.sortedKeys.map((key) => this.entries.get(key)!.analysis);
      this.corpusCache = analyzeCorpus(articles, this.knowledgeBase);
    }
    return this.corpusCache;
  }

  skipped(): ReadonlyMap<string, string> {
    return this.skippedArticles;
  }

  /** Whether this document is an article to analyse: a configured language, or a file of the corpus. */
  isArticle(document: vscode.TextDocument): boolean {
    if (!ARTICLE_SCHEMES.has(document.uri.scheme) && !vscode.workspace.getWorkspaceFolder(document.uri)) return false;
    return articleLanguages().includes(document.languageId) || this.diskFiles.has(document.uri.toString());
  }

  /** Reads every file of the corpus again; the content cache makes unchanged files cheap. */
  reindex(): Promise<void> {
    this.indexing?.cancel();
    this.indexing?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.indexing = source;
    const end = this.activity.begin();
    return this.indexFolders(source).finally(end);
  }

  /** Analyses an open document's current text; drops the result if the document changed meanwhile. */
  async analyzeDocument(document: vscode.TextDocument, outer: vscode.CancellationToken): Promise<void> {
    const key = document.uri.toString();
    const generation = this.claim(key);
    const end = this.activity.begin();
    const request = this.startRequest(key, outer);
    const token = request.token;
    try {
      const text = document.getText();
      const limit = maxFileSize(document.uri);
      const size = utf8Length(text, limit);
      if (size > limit) {
        this.skip(key, generation, tooLargeReason(size, limit));
        return;
      }
      const analysis = await this.analyze(key, generation, { text, version: document.version, format: formatOfDocument(document) }, token, 'foreground');
      if (!analysis || document.isClosed || document.version !== analysis.version) return;
      this.store(key, generation, { analysis, source: 'document' });
    } finally {
      request.dispose();
      end();
    }
  }

  /** The editor let go of a document: the file's own contents count again, or the article leaves the corpus. */
  documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const file = this.diskFiles.get(key);
    if (file) {
      void this.loadFile(file, this.lifetime.token);
      return;
    }
    this.forget(key, this.claim(key));
  }

  whenIdle(): Promise<void> {
    return this.activity.whenIdle();
  }

  dispose(): void {
    this.lifetime.cancel();
    this.lifetime.dispose();
    this.indexing?.cancel();
    this.indexing?.dispose();
    for (const request of this.inFlight.values()) request.cancel();
    for (const { timer, end } of this.fileTimers.values()) {
      clearTimeout(timer);
      end();
    }
    this.fileTimers.clear();
    for (const pending of [this.changeTimer, this.deleteTimer]) {
      if (!pending) continue;
      clearTimeout(pending.timer);
      pending.end();
    }
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
    this.changeEmitter.dispose();
  }

  private restart(): void {
    this.watch();
    void this.reindex();
  }

  private watch(): void {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const include = setting<string>('corpus.include', folder.uri, '');
      if (!include) continue;
      const articles = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, include));
      articles.onDidCreate((uri) => this.fileChanged(folder, uri));
      articles.onDidChange((uri) => this.fileChanged(folder, uri));
      articles.onDidDelete((uri) => this.fileDeleted(uri));
      // A deleted folder is reported as itself, not as each article inside it.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), true, true, false);
      folders.onDidDelete((uri) => this.fileDeleted(uri));
      this.watchers.push(articles, folders);
    }
  }

  private async indexFolders(source: vscode.CancellationTokenSource): Promise<void> {
    const token = source.token;
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const include = setting<string>('corpus.include', folder.uri, '');
      if (!include) continue;
      const exclude = setting<string>('corpus.exclude', folder.uri, '') || undefined;
      try {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, undefined, token);
        for (const uri of uris) found.set(uri.toString(), uri);
      } catch (error) {
        this.log(`Could not list the articles in ${folder.name}: ${message(error)}`);
      }
      if (token.isCancellationRequested) return;
    }
    this.dropFiles([...this.diskFiles.keys()].filter((key) => !found.has(key)), false);
    this.diskFiles = found;
    await this.loadAll([...found.values()], source);
  }

  /** Reads and analyses files a few at a time; a cancellable notification appears only if it takes a while. */
  private async loadAll(uris: vscode.Uri[], source: vscode.CancellationTokenSource): Promise<void> {
    const token = source.token;
    let done = 0;
    let report: ((done: number) => void) | undefined;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const progressTimer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Attaché: analysing articles', cancellable: true },
        (progress, progressToken) => {
          progressToken.onCancellationRequested(() => {
            source.cancel();
            this.log(`Indexing cancelled after ${done} of ${uris.length} articles; "Attaché: Re-index Articles" starts again.`);
          });
          let reported = 0;
          report = (count) => {
            progress.report({ message: `${count} of ${uris.length}`, increment: ((count - reported) * 100) / uris.length });
            reported = count;
          };
          report(done);
          return finished;
        },
      );
    }, PROGRESS_DELAY_MS);
    const queue = [...uris];
    const lane = async () => {
      for (let uri = queue.shift(); uri && !token.isCancellationRequested; uri = queue.shift()) {
        await this.loadFile(uri, token);
        done++;
        report?.(done);
      }
    };
    try {
      await Promise.all(Array.from({ length: INDEXING_LANES }, lane));
    } finally {
      clearTimeout(progressTimer);
      finish();
    }
  }

  /** The file's contents, unless an editor holds the document: then its current text. */
  private async loadFile(uri: vscode.Uri, outer: vscode.CancellationToken): Promise<void> {
    const key = uri.toString();
    const open = openDocument(key);
    if (open) return this.analyzeDocument(open, outer);
    const generation = this.claim(key);
    const end = this.activity.begin();
    const request = this.startRequest(key, outer);
    const token = request.token;
    try {
      const limit = maxFileSize(uri);
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return;
      // Checked before reading, so that a 50 MB file is never loaded into memory.
      if (stat.size > limit) {
        this.skip(key, generation, tooLargeReason(stat.size, limit));
        return;
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (token.isCancellationRequested) return;
      const decoded = decodeArticle(bytes, limit);
      if (decoded.skipped) {
        this.skip(key, generation, decoded.skipped);
        return;
      }
      const analysis = await this.analyze(key, generation, { text: decoded.text, version: 0, format: formatOf({ uri: uri.path }) }, token, 'background');
      if (!analysis) return;
      this.store(key, generation, { analysis: { ...analysis, notes: [...decoded.notes, ...analysis.notes] }, source: 'disk' });
    } catch (error) {
      // Deleted between listing and reading: no entry, and no error for the reader.
      if (await exists(uri)) this.skip(key, generation, `could not be read: ${message(error)}`);
      else this.forget(key, generation);
    } finally {
      request.dispose();
      end();
    }
  }

  private async analyze(
    key: string,
    generation: number,
    article: { text: string; version: number; format: ArticleFormat },
    token: vscode.CancellationToken,
    priority: 'foreground' | 'background',
  ): Promise<ArticleAnalysis | undefined> {
    try {
      const analysis = await this.client.analyze({ uri: key, ...article }, token, priority);
      return analysis && this.isCurrent(key, generation) ? analysis : undefined;
    } catch (error) {
      if (!(error instanceof AnalysisSkipped)) this.log(`Analysing ${key} failed: ${message(error)}`);
      this.skip(key, generation, error instanceof AnalysisSkipped ? error.message : `analysis failed: ${message(error)}`);
      return undefined;
    }
  }

  private fileChanged(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const exclude = setting<string>('corpus.exclude', folder.uri, '');
    const relative = vscode.workspace.asRelativePath(uri, false);
    if (exclude && matchesGlob(relative, exclude)) return;
    const key = uri.toString();
    this.diskFiles.set(key, uri);
    const previous = this.fileTimers.get(key);
    if (previous) {
      clearTimeout(previous.timer);
      previous.end();
    }
    const end = this.activity.begin();
    const timer = setTimeout(() => {
      this.fileTimers.delete(key);
      void this.loadFile(uri, this.lifetime.token).finally(end);
    }, FILE_EVENT_DELAY_MS);
    this.fileTimers.set(key, { timer, end });
  }

  /** Deletions arrive one event per file or folder; they are handled together once they settle. */
  private fileDeleted(uri: vscode.Uri): void {
    this.pendingDeletes.add(uri.toString());
    if (this.deleteTimer) return;
    const end = this.activity.begin();
    const timer = setTimeout(() => {
      this.deleteTimer = undefined;
      void this.processDeletes().finally(end);
    }, FILE_EVENT_DELAY_MS);
    this.deleteTimer = { timer, end };
  }

  private async processDeletes(): Promise<void> {
    const deleted = new Set(this.pendingDeletes);
    this.pendingDeletes.clear();
    const known = new Set([...this.diskFiles.keys(), ...this.entries.keys(), ...this.skippedArticles.keys(), ...this.inFlight.keys(), ...this.fileTimers.keys()]);
    const candidates = [...known].filter((key) => isAtOrUnder(key, deleted));
    // Saving by writing a new file over the old one reports a deletion too: only files that are
    // really gone leave the corpus.
    const stillThere = await Promise.all(candidates.map((key) => exists(this.diskFiles.get(key) ?? vscode.Uri.parse(key, true))));
    this.dropFiles(candidates.filter((_, i) => !stillThere[i]), true);
  }

  /** These files are no longer part of the corpus: deleted, or no longer selected by the globs. */
  private dropFiles(keys: string[], deleted: boolean): void {
    for (const key of keys) {
      const timer = this.fileTimers.get(key);
      if (timer) {
        clearTimeout(timer.timer);
        timer.end();
        this.fileTimers.delete(key);
      }
      this.diskFiles.delete(key);
      const open = openDocument(key);
      // Unsaved edits of a deleted file are an article the reader is still writing. (A document
      // stays open in the extension host long after its editor closes, so open alone says little.)
      if (open?.isDirty) continue;
      // A file the globs no longer select is still an open article if its language is configured.
      if (!deleted && open && articleLanguages().includes(open.languageId)) continue;
      this.inFlight.get(key)?.cancel();
      this.forget(key, this.claim(key));
    }
  }

  /** A token for a new request about `key`, cancelled with `outer` or by the next request about it. */
  private startRequest(key: string, outer: vscode.CancellationToken): vscode.Disposable & { token: vscode.CancellationToken } {
    this.inFlight.get(key)?.cancel();
    const source = new vscode.CancellationTokenSource();
    this.inFlight.set(key, source);
    const link = outer.onCancellationRequested(() => source.cancel());
    return {
      token: source.token,
      dispose: () => {
        link.dispose();
        if (this.inFlight.get(key) === source) this.inFlight.delete(key);
        source.dispose();
      },
    };
  }

  private claim(key: string): number {
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return generation;
  }

  private isCurrent(key: string, generation: number): boolean {
    return this.generations.get(key) === generation;
  }

  private store(key: string, generation: number, entry: Entry): void {
    if (!this.isCurrent(key, generation)) return;
    this.setEntry(key, entry);
    this.skippedArticles.delete(key);
    this.changed();
  }

  private skip(key: string, generation: number, reason: string): void {
    if (!this.isCurrent(key, generation)) return;
    this.deleteEntry(key);
    this.skippedArticles.set(key, reason);
    this.changed();
  }

  private forget(key: string, generation: number): void {
    if (!this.isCurrent(key, generation)) return;
    const had = this.deleteEntry(key);
    if (this.skippedArticles.delete(key) || had) this.changed();
  }

  private setEntry(key: string, entry: Entry): void {
    if (!this.entries.has(key)) this.sortedKeys.splice(sortedIndex(this.sortedKeys, key), 0, key);
    this.entries.set(key, entry);
  }

  private deleteEntry(key: string): boolean {
    if (!this.entries.delete(key)) return false;
    this.sortedKeys.splice(sortedIndex(this.sortedKeys, key), 1);
    return true;
  }

  private changed(): void {
    this.corpusCache = undefined;
    if (this.changeTimer) return;
    const end = this.activity.begin();
    const timer = setTimeout(() => {
      this.changeTimer = undefined;
      try {
        this.changeEmitter.fire();
      } finally {
        end();
      }
    }, CHANGE_EVENT_DELAY_MS);
    this.changeTimer = { timer, end };
  }
}

/** Where `key` is, or belongs, in the sorted `keys`. */
function sortedIndex(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `key` is one of the `deleted` URIs or inside one of them. */
function isAtOrUnder(key: string, deleted: ReadonlySet<string>): boolean {
  for (let path = key; ; ) {
    if (deleted.has(path)) return true;
    const slash = path.lastIndexOf('/');
    if (slash <= path.indexOf('://') + 2) return false;
    path = path.slice(0, slash);
  }
}

/** The languages whose open documents are analysed and highlighted. */
export function articleLanguages(): string[] {
  return setting<string[]>('languages', undefined, []);
}

function openDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === key);
}

function setting<T>(name: string, scope: vscode.Uri | undefined, fallback: T): T {
  return vscode.workspace.getConfiguration('attache', scope).get<T>(name) ?? fallback;
}

function maxFileSize(uri: vscode.Uri): number {
  return setting<number>('corpus.maxFileSize', uri, 2 * 1024 * 1024);
}

/** UTF-8 size of `text`, counted only when it might exceed `limit` (each UTF-16 unit is at most 3 bytes). */
function utf8Length(text: string, limit: number): number {
  return text.length * 3 <= limit ? text.length : Buffer.byteLength(text, 'utf8');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A document in markdown mode, or with a markdown file name, is read as markdown. */
function formatOfDocument(document: vscode.TextDocument): ArticleFormat {
  return document.languageId === 'markdown' ? 'markdown' : formatOf({ uri: document.uri.path });
}
