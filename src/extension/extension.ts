import * as path from 'node:path';
import * as vscode from 'vscode';
import { Activity } from './activity';
import { AnalysisClient, DEFAULT_TIME_BUDGET_MS } from './analysisClient';
import { registerCommands } from './commands';
import { CorpusIndex } from './corpusIndex';
import { CorpusModel } from './corpusModel';
import { Decorations, HighlightRanges } from './decorations';
import { DocumentTracker } from './documentTracker';
import { registerEvidenceCommand } from './evidence';
import { HighlightToggle } from './highlightToggle';
import { registerHover } from './hover';
import { registerPeopleView } from './peopleView';
import { StatusBar, StatusSnapshot } from './statusBar';
import { registerTimelineView, TimelineView } from './timelineView';

/** What activate() returns: the extension's state, for the integration tests. */
export interface AttacheApi {
  model: CorpusModel;
  timeline: TimelineView;
  decorationRanges(uri: vscode.Uri): HighlightRanges;
  /** Resolves when no analysis, indexing or debounced edit is pending. */
  whenIdle(): Promise<void>;
  statusBar(): StatusSnapshot;
}

let client: AnalysisClient | undefined;

export function activate(context: vscode.ExtensionContext): AttacheApi {
  const output = vscode.window.createOutputChannel('Attaché');
  context.subscriptions.push(output);
  const log = (message: string) => output.appendLine(message);

  const activity = new Activity();
  const analysisClient = new AnalysisClient({ workerPath: path.join(__dirname, 'analysisWorker.js'), log, timeBudgetMs: timeBudgetMs() });
  client = analysisClient;
  const index = new CorpusIndex(analysisClient, activity, log);
  const tracker = new DocumentTracker(index, activity);
  const toggle = new HighlightToggle(context.globalState);
  const decorations = new Decorations(index, toggle);
  const statusBar = new StatusBar(index, toggle);
  context.subscriptions.push({ dispose: () => analysisClient.dispose() }, index, tracker, toggle, decorations, statusBar);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('attache.timeBudgetMs')) return;
      // Articles analysed under the old budget (some of them cut short) are analysed again under the new one.
      analysisClient.setTimeBudget(timeBudgetMs());
      void index.reindex();
    }),
  );

  registerCommands(context, index, toggle);
  registerEvidenceCommand(context);
  registerHover(context, index);
  const timeline = registerTimelineView(context, index);
  registerPeopleView(context, index, timeline);

  index.start();
  tracker.start();

  return {
    model: index,
    timeline,
    decorationRanges: (uri) => decorations.rangesOf(uri),
    whenIdle: () => activity.whenIdle(),
    statusBar: () => statusBar.snapshot(),
  };
}

function timeBudgetMs(): number {
  return Math.max(100, vscode.workspace.getConfiguration('attache').get<number>('timeBudgetMs') ?? DEFAULT_TIME_BUDGET_MS);
}

export function deactivate(): void {
  client?.dispose();
  client = undefined;
}
