import * as path from 'node:path';
import * as vscode from 'vscode';
import { AnalysisStore } from '../core/analysisStore';
import { correctionsFingerprint, namesAffected } from '../core/corrections';
import { loadBundledKnowledgeBase } from '../core/knowledgeBase';
import { Activity } from './activity';
import { AnalysisClient, DEFAULT_TIME_BUDGET_MS } from './analysisClient';
import { registerCommands } from './commands';
import { CorpusIndex, IndexTimes } from './corpusIndex';
import { CorpusModel } from './corpusModel';
import { Decorations, HighlightRanges } from './decorations';
import { DocumentTracker } from './documentTracker';
import { registerExportEvents } from './exportEvents';
import { registerEvidenceCommand } from './evidence';
import { HighlightToggle } from './highlightToggle';
import { hoverAt, registerHover } from './hover';
import { IndexSnapshot } from './indexSnapshot';
import { KnowledgeFiles } from './knowledgeFile';
import { registerKnowledgeFixes } from './knowledgeFixes';
import { MeetingMapState, registerMeetingMap } from './meetingMap';
import { registerNavigation } from './navigation';
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
  /** When indexing started and finished, and where the articles came from. */
  indexTimes(): IndexTimes;
  /** Writes the corpus index to workspace storage now, as closing the window does. */
  saveIndex(): Promise<void>;
  /** The hover provider's card at a position, as VS Code would get it: for the benchmark. */
  hover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined;
  /** What the open meeting map last drew, or undefined when none is open. */
  meetingMap(): MeetingMapState | undefined;
}

let client: AnalysisClient | undefined;
let corpusIndex: CorpusIndex | undefined;

export function activate(context: vscode.ExtensionContext): AttacheApi {
  const output = vscode.window.createOutputChannel('Attaché');
  context.subscriptions.push(output);
  const log = (message: string) => output.appendLine(message);

  const activity = new Activity();
  // Analyses and the corpus are kept in the workspace's storage, on this machine's disk, between windows.
  const storage = context.storageUri?.scheme === 'file' ? context.storageUri.fsPath : undefined;
  if (!storage) log('This window has no workspace storage on disk: the corpus is indexed afresh each time it opens.');
  const store = storage ? new AnalysisStore({ directory: path.join(storage, 'analyses'), log }) : undefined;
  void store?.pruneOtherVersions();
  const analysisClient = new AnalysisClient({ workerPath: path.join(__dirname, 'analysisWorker.js'), log, timeBudgetMs: timeBudgetMs(), store });
  client = analysisClient;
  const snapshot = storage ? new IndexSnapshot(path.join(storage, 'corpus-index.jsonl'), log) : undefined;
  const index = new CorpusIndex(analysisClient, activity, log, snapshot, timeBudgetMs);
  corpusIndex = index;
  const tracker = new DocumentTracker(index, activity);
  const toggle = new HighlightToggle(context.globalState);
  const decorations = new Decorations(index, toggle);
  const statusBar = new StatusBar(index, toggle);
  const knowledge = new KnowledgeFiles(activity, log);
  context.subscriptions.push({ dispose: () => analysisClient.dispose() }, index, tracker, toggle, decorations, statusBar, knowledge);

  // The reader's corrections: the engine applies them to what it analyses from now on, and the
  // articles a change touches are analysed again.
  context.subscriptions.push(
    knowledge.onDidChange(({ before, after }) => {
      const bundled = loadBundledKnowledgeBase();
      analysisClient.setCorrections(after);
      void index.applyCorrections(namesAffected(before, after), bundled.withCorrections(after), correctionsFingerprint(after));
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('attache.timeBudgetMs')) return;
      // Articles analysed under the old budget (some of them cut short) are analysed again under the new one.
      analysisClient.setTimeBudget(timeBudgetMs());
      void index.reindex();
    }),
  );

  registerCommands(context, index, toggle);
  registerEvidenceCommand(context, index);
  registerHover(context, index);
  registerNavigation(context, index);
  registerKnowledgeFixes(context, index, knowledge);
  const timeline = registerTimelineView(context, index);
  registerExportEvents(context, index, timeline);
  const meetingMap = registerMeetingMap(context, index, timeline);
  registerPeopleView(context, index, timeline);

  // The corpus is read under the corrections of the knowledge files, so they are read first.
  const started = activity.begin();
  void knowledge
    .start()
    .catch((error: unknown) => log(`Could not read the knowledge files: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      index.start();
      tracker.start();
      started();
    });

  return {
    model: index,
    timeline,
    decorationRanges: (uri) => decorations.rangesOf(uri),
    whenIdle: () => activity.whenIdle(),
    statusBar: () => statusBar.snapshot(),
    indexTimes: () => index.indexTimes(),
    saveIndex: () => index.saveNow(),
    hover: (document, position) => hoverAt(index, document, position, new vscode.CancellationTokenSource().token),
    meetingMap: () => meetingMap.state(),
  };
}

function timeBudgetMs(): number {
  return Math.max(100, vscode.workspace.getConfiguration('attache').get<number>('timeBudgetMs') ?? DEFAULT_TIME_BUDGET_MS);
}

/** VS Code waits a moment for this: time to write the index if the last changes are not saved yet. */
export async function deactivate(): Promise<void> {
  const index = corpusIndex;
  corpusIndex = undefined;
  try {
    await index?.saveNow();
  } finally {
    client?.dispose();
    client = undefined;
  }
}
