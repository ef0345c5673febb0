import * as vscode from 'vscode';
import { CorpusAnalysis } from '../core/corpus';
import { ArticleAnalysis } from '../core/types';

/**
 * What every view of the extension reads: the latest analysis of each article and the corpus
 * they make together. Articles are keyed by `uri.toString()`, which is also the `path` the
 * engine reports for them.
 */
export interface CorpusModel extends vscode.Disposable {
  /** Fires after any article's analysis changed, was added or was removed. */
  readonly onDidChange: vscode.Event<void>;
  /** The analysis of this document's current text, if one is ready (never one for an older version). */
  analysisOf(uri: vscode.Uri): ArticleAnalysis | undefined;
  /** All articles analysed so far, joined: people, places, timeline. */
  corpus(): CorpusAnalysis;
  /** Articles skipped, with the reason ("too large (50.0 MB; the limit is 2.0 MB)"), keyed by URI string. */
  skipped(): ReadonlyMap<string, string>;
}
