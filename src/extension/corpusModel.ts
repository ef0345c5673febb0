import * as vscode from 'vscode';
import { ArticleSummary, Corpus, CorpusChange } from '../core/corpus';
import { ArticleAnalysis } from '../core/types';

/**
 * What every view of the extension reads: the corpus of all articles (people, places, the
 * timeline, each article's summary) and the full analysis of each open document. Articles are
 * keyed by `uri.toString()`, which is also the `path` the corpus knows them by.
 */
export interface CorpusModel extends vscode.Disposable {
  /** Fires after articles were analysed, added or removed, with what that changed in the corpus. */
  readonly onDidChange: vscode.Event<CorpusChange>;
  /** The analysis of an open document's current text, if one is ready (never one for an older version). */
  analysisOf(uri: vscode.Uri): ArticleAnalysis | undefined;
  /** What the corpus keeps of an article (counts, notes, people, events), possibly of an older version. */
  summaryOf(uri: vscode.Uri): ArticleSummary | undefined;
  /** All articles analysed so far, joined: people, places, timeline. Read it, do not change it. */
  corpus(): Corpus;
  /** Articles skipped, with the reason ("too large (50.0 MB; the limit is 2.0 MB)"), keyed by URI string. */
  skipped(): ReadonlyMap<string, string>;
}
