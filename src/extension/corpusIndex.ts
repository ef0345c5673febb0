import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { ArticleSummary, Corpus, CorpusChange } from '../core/corpus';
import { namesTest } from '../core/corrections';
import { KnowledgeBase, loadBundledKnowledgeBase } from '../core/knowledgeBase';
import { formatOf } from '../core/readableText';
import { decodeArticle, tooLargeReason } from '../core/text';
import { ArticleAnalysis, ArticleFormat } from '../core/types';
import { Activity } from './activity';
import { AnalysisClient, AnalysisSkipped } from './analysisClient';
import { CorpusModel } from './corpusModel';
import { filesMatching, matchesGlob } from './glob';
import { IndexSnapshot, SnapshotEntry } from './indexSnapshot';

/** When the index started and became complete, and where its articles came from: for the status and the benchmark. */
export interface IndexTimes {
  /** Date.now() when the extension activated, indexing first started and first finished. */
  activatedAt: number;
  startedAt?: number;
  readyAt?: number;
  articles: number;
  /** Articles taken from the index saved by the last window, unread. */
  fromIndex: number;
  /** Articles analysed in this session, and analyses read back from the cache on disk. */
  analysed: number;
  fromCache: number;
  /** Milliseconds the engine spent analysing, in all workers together. */
  analysisMs: number;
  /** Milliseconds the first indexing spent reading the saved index and listing the files. */
  savedIndexMs?: number;
  listingMs?: number;
  /** Share of the first indexing's time the extension host's thread was busy (its event loop utilisation). */
  hostBusy?: number;
}

/** A file's modification time and size when it was read. */
interface FileState {
  mtime: number;
  size: number;
}

/** Schemes whose documents are articles a person reads; output panes, git views and settings are not. */
export const ARTICLE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Files checked or read (and so analyses queued for the workers) at once while indexing. */
const INDEXING_LANES = 16;
/** A file saved repeatedly, or written in pieces, is read once it settles. */
const FILE_EVENT_DELAY_MS = 200;
/** A burst of results makes one change event; while a whole folder is indexed, fewer and larger ones. */
const CHANGE_EVENT_DELAY_MS = 50;
const INDEXING_CHANGE_EVENT_DELAY_MS = 1000;
/** The saved index is written once changes settle. */
const SAVE_DELAY_MS = 2000;
/** Indexing shorter than this finishes without a notification, which then says how far it got a few times a second. */
const PROGRESS_DELAY_MS = 1000;
const PROGRESS_INTERVAL_MS = 250;

/**
 * The corpus: every article the include/exclude globs select in each workspace folder, read from
 * disk and analysed in the background, plus every open document of the configured languages,
 * whose current text overrides the file's. It keeps each article's summary in the corpus and the
 * full analysis of open documents only; the index saved in workspace storage lets a reopened
 * window take unchanged files as they were, unread.
 */
export class CorpusIndex implements CorpusModel {
  private readonly changeEmitter = new vscode.EventEmitter<CorpusChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly documentEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires as soon as an open document's analysis is stored, without the corpus's delay: its highlights need not wait. */
  readonly onDidAnalyzeDocument = this.documentEmitter.event;

  private readonly articles = new Corpus(loadBundledKnowledgeBase());
  private correctedKnowledgeBase = loadBundledKnowledgeBase();
  /** The full analysis of each open document's latest analysed version. */
  private readonly openAnalyses = new Map<string, ArticleAnalysis>();
  /** Corpus articles that hold an open document's text rather than the file's. */
  private readonly fromDocument = new Set<string>();
  /** The state of each file when the corpus read it. */
  private readonly fileStates = new Map<string, FileState>();
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
  private changeTimer: { timer: NodeJS.Timeout; end: () => void } | undefined;
  private readonly pendingDeletes = new Set<string>();
  private deleteTimer: { timer: NodeJS.Timeout; end: () => void } | undefined;
  /** The state each file had in the index the last window saved, until the file is checked against it. */
  private savedStates: Map<string, FileState> | undefined;
  /** Corrections being applied: the index is not saved meanwhile, as its summaries are not all made under them yet. */
  private applyingCorrections = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private unsaved = false;
  /** The saved index differs from the corpus: it lacked articles, or held some that changed or are gone. */
  private savedIndexStale = true;
  private readonly times: IndexTimes;

  constructor(
    private readonly client: AnalysisClient,
    private readonly activity: Activity,
    private readonly log: (message: string) => void,
    private readonly snapshot: IndexSnapshot | undefined,
    private readonly budgetMs: () => number,
  ) {
    this.times = { activatedAt: Date.now(), articles: 0, fromIndex: 0, analysed: 0, fromCache: 0, analysisMs: 0 };
  }

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
    const analysis = this.openAnalyses.get(key);
    const open = openDocument(key);
    return analysis && open && analysis.version === open.version ? analysis : undefined;
  }

  summaryOf(uri: vscode.Uri): ArticleSummary | undefined {
    return this.articles.summary(uri.toString());
  }

  corpus(): Corpus {
    return this.articles;
  }

  skipped(): ReadonlyMap<string, string> {
    return this.skippedArticles;
  }

  /**
   * The text and full analysis of any article of the corpus: an open document's own, else the
   * file's, analysed through the caches (almost always the store on disk). For navigation across
   * the corpus, which needs every mention and the text to place them.
   */
  async articleOf(uri: vscode.Uri, token: vscode.CancellationToken): Promise<{ text: string; analysis: ArticleAnalysis } | undefined> {
    const key = uri.toString();
    const open = openDocument(key);
    if (open) {
      const analysis = this.analysisOf(uri);
      return analysis && { text: open.getText(), analysis };
    }
    // Gone or unreadable since it was indexed: nothing to show from it.
    const text = await this.fileText(uri);
    if (text === undefined || token.isCancellationRequested) return undefined;
    const analysis = await this.client.analyze({ uri: key, text, version: 0, format: formatOf({ uri: uri.path }) }, token, 'foreground');
    return analysis && { text, analysis };
  }

  /** A file's text as the corpus reads it; undefined when it cannot be read, or is skipped (binary, over `maxBytes`). */
  async fileText(uri: vscode.Uri, maxBytes = maxFileSize(uri)): Promise<string | undefined> {
    try {
      const decoded = decodeArticle(await readBytes(uri), maxBytes);
      return decoded.skipped ? undefined : decoded.text;
    } catch {
      return undefined;
    }
  }

  /**
   * Whether the corpus holds this file's contents (not an open document's) and the file still has
   * the modification time and size it had when they were read, here or by the window that saved the index.
   */
  async isFileAsIndexed(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const indexed = this.fromDocument.has(key) ? undefined : (this.fileStates.get(key) ?? this.savedStates?.get(key));
    if (!indexed) return false;
    try {
      return sameState(indexed, await statOf(uri));
    } catch {
      return false;
    }
  }

  indexTimes(): IndexTimes {
    const counts = this.client.counts;
    return { ...this.times, articles: this.articles.size, analysed: counts.analysed, fromCache: counts.stored, analysisMs: Math.round(counts.analysisMs) };
  }

  /** Whether this document is an article to analyse: a configured language, or a file of the corpus. */
  isArticle(document: vscode.TextDocument): boolean {
    if (!ARTICLE_SCHEMES.has(document.uri.scheme) && !vscode.workspace.getWorkspaceFolder(document.uri)) return false;
    return articleLanguages().includes(document.languageId) || this.diskFiles.has(document.uri.toString());
  }

  /**
   * Reads every file of the corpus again (the analysis cache makes unchanged ones cheap); without
   * `rereadAll`, files whose modification time and size are those already read are kept as they are.
   */
  reindex(rereadAll = true): Promise<void> {
    this.indexing?.cancel();
    this.indexing?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.indexing = source;
    const end = this.activity.begin();
    return this.indexFolders(source, rereadAll).finally(end);
  }

  /** The knowledge base the engine reads with: the bundled one with the reader's corrections. */
  knowledgeBase(): KnowledgeBase {
    return this.correctedKnowledgeBase;
  }

  /**
   * The reader's corrections changed: people's cards come from `knowledgeBase` from now on, and
   * the articles that name any of `names` (those the change touches), in the corpus or still
   * being read, are analysed again. The others would be analysed the same, and stand. The index
   * is saved under the corrections' fingerprint once they are all done, not before.
   */
  async applyCorrections(names: readonly string[], knowledgeBase: KnowledgeBase, correctionsKey: string): Promise<void> {
    const end = this.activity.begin();
    this.applyingCorrections++;
    try {
      this.correctedKnowledgeBase = knowledgeBase;
      this.articles.useKnowledgeBase(knowledgeBase);
      if (this.snapshot) this.snapshot.correctionsKey = correctionsKey;
      this.changed(true);
      if (names.length === 0) return;
      const token = this.lifetime.token;
      const touched = namesTest(names);
      const queue = [...new Set([...this.articles.paths(), ...this.diskFiles.keys()])];
      const lane = async () => {
        for (let key = queue.shift(); key !== undefined && !token.isCancellationRequested; key = queue.shift()) {
          const open = openDocument(key);
          if (open) {
            if (touched(open.getText())) await this.analyzeDocument(open, token);
            continue;
          }
          const file = this.diskFiles.get(key);
          if (file && touched((await this.fileText(file)) ?? '')) await this.loadFile(file, token, true);
        }
      };
      await Promise.all(Array.from({ length: INDEXING_LANES }, lane));
    } finally {
      this.applyingCorrections--;
      if (this.unsaved) this.scheduleSave(0);
      end();
    }
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
      this.store(key, generation, analysis, 'document');
    } finally {
      request.dispose();
      end();
    }
  }

  /** The editor let go of a document: the file's own contents count again, or the article leaves the corpus. */
  documentClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.openAnalyses.delete(key);
    const file = this.diskFiles.get(key);
    if (file) {
      void this.loadFile(file, this.lifetime.token, true);
      return;
    }
    this.forget(key, this.claim(key));
  }

  /** Writes the index now if it changed since it was last written: the window is closing. */
  saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.unsaved) this.save();
    return this.saving;
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
    clearTimeout(this.saveTimer);
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
    this.changeEmitter.dispose();
    this.documentEmitter.dispose();
  }

  private restart(): void {
    this.watch();
    void this.reindex(false);
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

  private async indexFolders(source: vscode.CancellationTokenSource, rereadAll: boolean): Promise<void> {
    const token = source.token;
    const first = this.times.startedAt === undefined;
    this.times.startedAt ??= Date.now();
    const busy = first ? performance.eventLoopUtilization() : undefined;
    if (!this.savedStates) await this.loadSavedIndex();
    if (first) this.times.savedIndexMs = Date.now() - this.times.startedAt;
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const include = setting<string>('corpus.include', folder.uri, '');
      if (!include) continue;
      const exclude = setting<string>('corpus.exclude', folder.uri, '') || undefined;
      try {
        // A local folder is walked with Node: VS Code's search takes seconds for ten thousand files.
        const uris =
          folder.uri.scheme === 'file'
            ? (await filesMatching(folder.uri.fsPath, include, exclude, () => token.isCancellationRequested)).map((file) => vscode.Uri.file(file))
            : await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, undefined, token);
        for (const uri of uris) found.set(uri.toString(), uri);
      } catch (error) {
        this.log(`Could not list the articles in ${folder.name}: ${message(error)}`);
      }
      if (token.isCancellationRequested) return;
    }
    if (first) this.times.listingMs = Date.now() - this.times.startedAt - this.times.savedIndexMs!;
    this.dropFiles([...this.diskFiles.keys()].filter((key) => !found.has(key)), false);
    this.diskFiles = found;
    // The articles in view first: a reader looks at them while the rest is read.
    const visible = new Set(vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()));
    const uris = [...found.values()].sort((a, b) => Number(visible.has(b.toString())) - Number(visible.has(a.toString())));
    await this.loadAll(uris, source, rereadAll);
    if (token.isCancellationRequested) return;
    // Articles of the saved index whose files are gone leave the corpus.
    for (const key of this.savedStates!.keys()) {
      if (found.has(key) || openDocument(key)) continue;
      this.forget(key, this.claim(key));
      this.savedIndexStale = true;
    }
    this.savedStates!.clear();
    if (this.times.readyAt === undefined) {
      this.times.readyAt = Date.now();
      if (busy) this.times.hostBusy = Math.round(performance.eventLoopUtilization(busy).utilization * 100) / 100;
      const { analysed, fromCache, fromIndex, articles } = this.indexTimes();
      this.log(`Indexed ${articles} articles in ${((this.times.readyAt - this.times.startedAt) / 1000).toFixed(1)} s: ${fromIndex} from the saved index, ${fromCache} from the analysis cache, ${analysed} analysed.`);
    }
    // A window that found every file as the saved index has it has nothing new to write.
    if (this.unsaved || this.savedIndexStale) this.scheduleSave(0);
  }

  /**
   * Puts the articles of the index the last window saved into the corpus at once, so that the
   * views show them while each file is checked: those that changed are read again, those that
   * are gone leave.
   */
  private async loadSavedIndex(): Promise<void> {
    this.savedStates = new Map();
    if (!this.snapshot) return;
    const added: string[] = [];
    const usable = await this.snapshot.load(this.budgetMs(), (entry) => {
      if (this.articles.has(entry.uri)) return;
      this.articles.setSummary(entry.summary);
      this.savedStates!.set(entry.uri, { mtime: entry.mtime, size: entry.size });
      added.push(entry.uri);
    });
    if (!usable) {
      for (const uri of added) this.articles.delete(uri);
      this.savedStates.clear();
    }
    if (this.savedStates.size > 0) {
      this.log(`The index saved by the last window holds ${this.savedStates.size} articles; unchanged files are taken from it unread.`);
      this.savedIndexStale = false;
      this.changed(false);
    } else {
      // Nothing saved: every article will be analysed, and the engine can load while the files are listed.
      this.client.startWorkers();
    }
  }

  /** Reads and analyses files a few at a time; a cancellable notification appears only if it takes a while. */
  private async loadAll(uris: vscode.Uri[], source: vscode.CancellationTokenSource, rereadAll: boolean): Promise<void> {
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
          let reportedAt = 0;
          report = (count) => {
            // A few updates a second: each is a message to the workbench.
            if (count < uris.length && Date.now() - reportedAt < PROGRESS_INTERVAL_MS) return;
            progress.report({ message: `${count} of ${uris.length}`, increment: ((count - reported) * 100) / uris.length });
            reported = count;
            reportedAt = Date.now();
          };
          report(done);
          return finished;
        },
      );
    }, PROGRESS_DELAY_MS);
    const queue = [...uris];
    const lane = async () => {
      for (let uri = queue.shift(); uri && !token.isCancellationRequested; uri = queue.shift()) {
        await this.loadFile(uri, token, rereadAll);
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

  /**
   * The file's contents, unless an editor holds the document: then its current text. A file with
   * the modification time and size it had when last read is not read again unless `reread`.
   */
  private async loadFile(uri: vscode.Uri, outer: vscode.CancellationToken, reread = true): Promise<void> {
    const key = uri.toString();
    const open = openDocument(key);
    if (open) return this.analyzeDocument(open, outer);
    const generation = this.claim(key);
    const end = this.activity.begin();
    const request = this.startRequest(key, outer);
    const token = request.token;
    try {
      const limit = maxFileSize(uri);
      const stat = await statOf(uri);
      if (stat.directory) return;
      // Checked before reading, so that a 50 MB file is never loaded into memory.
      if (stat.size > limit) {
        this.skip(key, generation, tooLargeReason(stat.size, limit));
        return;
      }
      const state: FileState = { mtime: stat.mtime, size: stat.size };
      if (!reread && this.takeUnchanged(key, generation, state)) return;
      const bytes = await readBytes(uri);
      if (token.isCancellationRequested) return;
      const decoded = decodeArticle(bytes, limit);
      if (decoded.skipped) {
        this.skip(key, generation, decoded.skipped);
        return;
      }
      const analysis = await this.analyze(key, generation, { text: decoded.text, version: 0, format: formatOf({ uri: uri.path }) }, token, 'background');
      if (!analysis) return;
      this.store(key, generation, { ...analysis, notes: [...decoded.notes, ...analysis.notes] }, 'disk', state);
    } catch (error) {
      // Deleted between listing and reading: no entry, and no error for the reader.
      if (await exists(uri)) this.skip(key, generation, `could not be read: ${message(error)}`);
      else this.forget(key, generation);
    } finally {
      request.dispose();
      end();
    }
  }

  /** Keeps what the corpus, or the saved index, has of a file in this state: true if it had it. */
  private takeUnchanged(key: string, generation: number, state: FileState): boolean {
    const known = this.fileStates.get(key);
    if (known && !this.fromDocument.has(key) && this.articles.has(key) && sameState(known, state)) return true;
    const saved = this.savedStates?.get(key);
    if (!saved || !this.isCurrent(key, generation)) return false;
    this.savedStates!.delete(key);
    // A changed file's saved summary stands until its new analysis replaces it.
    if (!sameState(saved, state) || !this.articles.has(key)) {
      this.savedIndexStale = true;
      return false;
    }
    this.times.fromIndex++;
    this.fileStates.set(key, state);
    return true;
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
    const known = new Set([...this.diskFiles.keys(), ...this.articles.paths(), ...this.skippedArticles.keys(), ...this.inFlight.keys(), ...this.fileTimers.keys()]);
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

  private store(key: string, generation: number, analysis: ArticleAnalysis, source: 'disk' | 'document', state?: FileState): void {
    if (!this.isCurrent(key, generation)) return;
    this.articles.set(analysis);
    this.skippedArticles.delete(key);
    if (source === 'document') {
      this.openAnalyses.set(key, analysis);
      this.fromDocument.add(key);
      this.fileStates.delete(key);
      this.documentEmitter.fire(vscode.Uri.parse(key, true));
    } else {
      this.fromDocument.delete(key);
      if (state) this.fileStates.set(key, state);
    }
    this.changed(source === 'disk');
  }

  private skip(key: string, generation: number, reason: string): void {
    if (!this.isCurrent(key, generation)) return;
    this.deleteEntry(key);
    this.skippedArticles.set(key, reason);
    this.changed(true);
  }

  private forget(key: string, generation: number): void {
    if (!this.isCurrent(key, generation)) return;
    const had = this.deleteEntry(key);
    if (this.skippedArticles.delete(key) || had) this.changed(true);
  }

  private deleteEntry(key: string): boolean {
    this.openAnalyses.delete(key);
    this.fromDocument.delete(key);
    this.fileStates.delete(key);
    return this.articles.delete(key);
  }

  /** Tells the views, once a burst of changes settles; `toSave` when the saved index no longer matches. */
  private changed(toSave: boolean): void {
    if (toSave) this.scheduleSave(SAVE_DELAY_MS);
    if (this.changeTimer) return;
    const end = this.activity.begin();
    const delay = this.indexing && !this.times.readyAt ? INDEXING_CHANGE_EVENT_DELAY_MS : CHANGE_EVENT_DELAY_MS;
    const timer = setTimeout(() => {
      this.changeTimer = undefined;
      try {
        this.changeEmitter.fire(this.articles.takeChange());
      } finally {
        end();
      }
    }, delay);
    this.changeTimer = { timer, end };
  }

  private scheduleSave(delay: number): void {
    if (!this.snapshot) return;
    this.unsaved = true;
    this.savedIndexStale = false;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      // Not while the first indexing runs: a half-read corpus saved would be read as a whole one's.
      if (this.times.readyAt === undefined) return;
      this.save();
    }, delay);
  }

  private save(): void {
    const snapshot = this.snapshot;
    if (!snapshot || this.applyingCorrections > 0) return;
    this.unsaved = false;
    this.saving = this.saving.then(async () => snapshot.save(await this.savedEntries(), this.budgetMs()));
  }

  /**
   * The articles as read from their files. An open document's text is the file's when it has no
   * unsaved edits: its summary is saved with the file's state then, and not otherwise.
   */
  private async savedEntries(): Promise<SnapshotEntry[]> {
    const entries: SnapshotEntry[] = [];
    for (const uri of [...this.articles.paths()]) {
      let state = this.fileStates.get(uri);
      if (this.fromDocument.has(uri)) {
        const file = this.diskFiles.get(uri);
        const open = openDocument(uri);
        if (!file || !open || open.isDirty || this.openAnalyses.get(uri)?.version !== open.version) continue;
        try {
          const stat = await statOf(file);
          state = { mtime: stat.mtime, size: stat.size };
        } catch {
          continue;
        }
      }
      const summary = this.articles.summary(uri);
      if (state && summary) entries.push({ uri, mtime: state.mtime, size: state.size, summary });
    }
    return entries;
  }
}

function sameState(a: FileState, b: FileState): boolean {
  return a.mtime === b.mtime && a.size === b.size;
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

/** A file's kind, size and modification time; for files on this machine's disk, from Node directly (a round trip through VS Code's file service costs ten times as much, ten thousand times over). */
async function statOf(uri: vscode.Uri): Promise<{ directory: boolean; size: number; mtime: number }> {
  if (uri.scheme === 'file') {
    const stat = await fs.promises.stat(uri.fsPath);
    return { directory: stat.isDirectory(), size: stat.size, mtime: stat.mtimeMs };
  }
  const stat = await vscode.workspace.fs.stat(uri);
  return { directory: (stat.type & vscode.FileType.Directory) !== 0, size: stat.size, mtime: stat.mtime };
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === 'file' ? fs.promises.readFile(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}

export function exists(uri: vscode.Uri): Promise<boolean> {
  return statOf(uri).then(
    () => true,
    () => false,
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A document in markdown mode, or with a markdown file name, is read as markdown. */
function formatOfDocument(document: vscode.TextDocument): ArticleFormat {
  return document.languageId === 'markdown' ? 'markdown' : formatOf({ uri: document.uri.path });
}
