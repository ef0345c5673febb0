import * as vscode from 'vscode';
import { Activity } from './activity';
import { CorpusIndex } from './corpusIndex';

interface Pending {
  timer?: NodeJS.Timeout;
  /** Ends the debounce's share of Activity. */
  endWait?: () => void;
  request?: vscode.CancellationTokenSource;
}

/**
 * Analyses open articles as they change: one request per document after the edits pause for
 * attache.debounceMs, each newer request cancelling the one it supersedes.
 */
export class DocumentTracker implements vscode.Disposable {
  private readonly pending = new Map<string, Pending>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly index: CorpusIndex,
    private readonly activity: Activity,
  ) {}

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.index.isArticle(document)) this.schedule(document, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Saving or reverting dirty state alone changes nothing to analyse.
        if (event.contentChanges.length === 0 || !this.index.isArticle(event.document)) return;
        this.schedule(event.document, debounceMs());
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const key = document.uri.toString();
        const wasTracked = this.pending.has(key) || this.index.summaryOf(document.uri) || this.index.skipped().has(key);
        this.cancel(key);
        if (wasTracked) this.index.documentClosed(document);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('attache.languages') || event.affectsConfiguration('attache.corpus.maxFileSize')) this.refresh();
      }),
    );
    this.refresh();
  }

  /** Analyses the open articles again, and lets go of documents that stopped being articles. */
  refresh(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.isClosed) continue;
      if (this.index.isArticle(document)) this.schedule(document, 0);
      else if (this.index.summaryOf(document.uri)) {
        this.cancel(document.uri.toString());
        this.index.documentClosed(document);
      }
    }
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    this.cancel(key);
    const pending: Pending = { endWait: this.activity.begin() };
    pending.timer = setTimeout(() => {
      pending.timer = undefined;
      const request = new vscode.CancellationTokenSource();
      pending.request = request;
      void this.index.analyzeDocument(document, request.token).finally(() => {
        if (this.pending.get(key) === pending) this.pending.delete(key);
        request.dispose();
      });
      pending.endWait?.();
    }, delay);
    this.pending.set(key, pending);
  }

  /** Stops the waiting or running request for this document: a newer one replaces it, or nobody needs it. */
  private cancel(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    this.pending.delete(key);
    clearTimeout(pending.timer);
    pending.endWait?.();
    pending.request?.cancel();
  }
}

function debounceMs(): number {
  return Math.max(0, vscode.workspace.getConfiguration('attache').get<number>('debounceMs') ?? 300);
}
