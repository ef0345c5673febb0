import * as vscode from 'vscode';
import { ArticleSummary, TimelineEvent } from '../core/corpus';
import { eventRows, readEvidenceSentences, writeEventsCsv, writeEventsJson, writeEventsJsonLines } from '../core/eventExport';
import { CorpusIndex } from './corpusIndex';
import { countOf } from './markdown';
import { TimelineView } from './timelineView';

type ExportFormat = 'csv' | 'csv-bom' | 'json' | 'jsonl';

/**
 * What attache.exportEvents may be given instead of asking: where to write, in what format, and
 * whether only the events the filtered timeline shows. The integration tests run it this way,
 * without dialogs.
 */
interface ExportRequest {
  uri: vscode.Uri;
  format: ExportFormat;
  filtered?: boolean;
}

interface FormatPick extends vscode.QuickPickItem {
  format: ExportFormat;
}

/** CSV for Excel first, the default: any .csv may end up opened in a spreadsheet, and article text must not run as a formula there. */
const FORMATS: FormatPick[] = [
  { format: 'csv-bom', label: 'CSV for Excel', description: '.csv, UTF-8 with a byte order mark', detail: "Excel reads it as UTF-8; a cell starting with = + - @ gets a ' first so that it cannot run as a formula." },
  { format: 'csv', label: 'CSV', description: '.csv, UTF-8', detail: 'For scripts and databases, cells exactly as in the articles. Lists in a cell are joined with "; ".' },
  { format: 'json', label: 'JSON', description: '.json', detail: 'One array of objects; lists stay arrays.' },
  { format: 'jsonl', label: 'JSON Lines', description: '.jsonl', detail: 'One object a line.' },
];

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'csv-bom': 'csv', json: 'json', jsonl: 'jsonl' };

/** A few progress updates a second: each is a message to the workbench. */
const PROGRESS_INTERVAL_MS = 200;

/**
 * Registers attache.exportEvents: the timeline's events written to a file as CSV, JSON or JSON
 * Lines, a row each with its date, participants and their roles on that date, place, sources and
 * evidence sentence. When the timeline is filtered, asks whether to export what it shows or all.
 */
export function registerExportEvents(context: vscode.ExtensionContext, index: CorpusIndex, timeline: TimelineView): void {
  context.subscriptions.push(vscode.commands.registerCommand('attache.exportEvents', (args?: unknown) => exportEvents(index, timeline, args)));
}

/** What an export wrote: where, how many events, and how many of their sentences it left out because their article changed since it was indexed. */
interface Exported {
  uri: vscode.Uri;
  events: number;
  sentencesLeftOut: number;
}

/** Exports and returns what it wrote; undefined when it wrote nothing. */
async function exportEvents(index: CorpusIndex, timeline: TimelineView, args: unknown): Promise<Exported | undefined> {
  if (args !== undefined && !isExportRequest(args)) {
    void vscode.window.showWarningMessage("Attaché: Export Events takes { uri, format } with a format of 'csv', 'csv-bom', 'json' or 'jsonl'.");
    return undefined;
  }
  const request = args;
  const chosen = request ? eventsToExport(index, timeline, request.filtered === true) : await pickEvents(index, timeline);
  if (!chosen) return undefined;
  const { events, of, analysed } = chosen;
  if (events.length === 0) {
    void vscode.window.showInformationMessage('Attaché: there are no events to export yet. The timeline lists them once articles that report meetings are indexed.');
    return undefined;
  }
  const format = request?.format ?? (await vscode.window.showQuickPick(FORMATS, { title: `Export ${countOf(events.length, 'event')}`, placeHolder: 'Format' }))?.format;
  if (!format) return undefined;
  const target = request?.uri ?? (await vscode.window.showSaveDialog({ title: `Export ${countOf(events.length, 'event')}`, saveLabel: 'Export', defaultUri: defaultTarget(format, of), filters: filtersOf(format) }));
  if (!target) return undefined;

  const written = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Attaché: exporting ${countOf(events.length, 'event')}`, cancellable: true },
    async (progress, token) => {
      const exported = await exportedBytes(index, events, analysed, format, token, (message) => progress.report({ message }));
      if (!exported || token.isCancellationRequested) return undefined;
      await vscode.workspace.fs.writeFile(target, exported.bytes);
      return exported;
    },
  ).then(
    (done) => done,
    (error: unknown) => {
      void vscode.window.showErrorMessage(`Attaché: could not write ${vscode.workspace.asRelativePath(target)} (${error instanceof Error ? error.message : String(error)}).`);
      return undefined;
    },
  );
  if (!written) return undefined;
  const { sentencesLeftOut } = written;
  const one = sentencesLeftOut === 1;
  const leftOut =
    sentencesLeftOut === 0
      ? ''
      : ` ${countOf(sentencesLeftOut, 'sentence')} left out: ${one ? 'its article' : 'their articles'} changed since ${one ? 'it was' : 'they were'} indexed; export again once Attaché has re-indexed ${one ? 'it' : 'them'}.`;
  void vscode.window.showInformationMessage(`Attaché: exported ${countOf(events.length, 'event')} to ${vscode.workspace.asRelativePath(target)}.${leftOut}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return { uri: target, events: events.length, sentencesLeftOut };
}

/** Events to export, and the person or place they are of when the timeline's filter chose them. */
interface ChosenEvents {
  events: TimelineEvent[];
  of?: string;
  /**
   * The corpus's summary of each event's article when the events were taken: their offsets hold
   * in the text that summary was made from, and the corpus may take another before the export reads it.
   */
  analysed: ReadonlyMap<string, ArticleSummary | undefined>;
}

/** The events to export when the command is given its answers: all of them, or what the filtered timeline shows. */
function eventsToExport(index: CorpusIndex, timeline: TimelineView, filtered: boolean): ChosenEvents {
  const corpus = index.corpus();
  const filter = filtered ? timeline.filter : undefined;
  const events = !filter ? corpus.timeline() : filter.kind === 'person' ? corpus.eventsOf(filter.id) : corpus.eventsAt(filter.id);
  return { events, of: filter?.name, analysed: new Map(events.map((event) => [event.article, corpus.summary(event.article)])) };
}

/** All events, or, when the timeline is filtered, those it shows if the reader says so. */
async function pickEvents(index: CorpusIndex, timeline: TimelineView): Promise<ChosenEvents | undefined> {
  const filter = timeline.filter;
  if (!filter) return eventsToExport(index, timeline, false);
  const shown = eventsToExport(index, timeline, true);
  const all = eventsToExport(index, timeline, false);
  const picked = await vscode.window.showQuickPick(
    [
      { label: `The events of ${filter.name}`, description: `${countOf(shown.events.length, 'event')}, as the timeline shows them`, chosen: shown },
      { label: 'All events', description: countOf(all.events.length, 'event'), chosen: all },
    ],
    { title: 'Export Events', placeHolder: 'The timeline is filtered: which events?' },
  );
  return picked?.chosen;
}

/**
 * The events in the format's bytes, each article read once for its sentences, and how many
 * sentences were left out because their article changed since it was indexed. Undefined when cancelled.
 */
async function exportedBytes(
  index: CorpusIndex,
  events: TimelineEvent[],
  analysed: ChosenEvents['analysed'],
  format: ExportFormat,
  token: vscode.CancellationToken,
  report: (message: string) => void,
): Promise<{ bytes: Uint8Array; sentencesLeftOut: number } | undefined> {
  const articles = new Set(events.map((event) => event.article)).size;
  let read = 0;
  let reportedAt = 0;
  const changed = new Set<string>();
  const textOf = async (article: string) => {
    if (Date.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
      report(`reading ${read} of ${countOf(articles, 'article')}`);
      reportedAt = Date.now();
    }
    read++;
    const text = await analysedText(index, article, analysed.get(article));
    if (text === 'changed') changed.add(article);
    return typeof text === 'string' ? undefined : text.text;
  };
  const sentences = await readEvidenceSentences(events, textOf, () => token.isCancellationRequested);
  if (token.isCancellationRequested) return undefined;
  const corpus = index.corpus();
  const rows = eventRows(events, { corpus, knowledgeBase: index.knowledgeBase(), sentences, articleName: exportedName });
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  const write = (text: string) => pieces.push(encoder.encode(text));
  if (format === 'csv' || format === 'csv-bom') writeEventsCsv(rows, write, { spreadsheet: format === 'csv-bom' });
  else if (format === 'json') writeEventsJson(rows, write);
  else writeEventsJsonLines(rows, write);
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.length;
  }
  return { bytes, sentencesLeftOut: events.filter((event) => changed.has(event.article)).length };
}

/**
 * The text the corpus made `analysed`, an article's summary, from: an open document's, unsaved
 * edits included, when the corpus holds the analysis of its current version, else the file's when
 * the corpus holds it as it was read. 'changed' when the corpus's analysis is of another text.
 */
async function analysedText(index: CorpusIndex, article: string, analysed: ArticleSummary | undefined): Promise<{ text: string } | 'changed' | 'unreadable'> {
  const stillAnalysed = () => analysed !== undefined && index.corpus().summary(article) === analysed;
  const uri = vscode.Uri.parse(article, true);
  const open = vscode.workspace.textDocuments.find((document) => !document.isClosed && document.uri.toString() === article);
  if (open && index.analysisOf(uri)) return stillAnalysed() ? { text: open.getText() } : 'changed';
  // The corpus took the file, so its size was within the limit then: whatever it is now, it is read whole.
  const text = await index.fileText(uri, Infinity);
  // Gone or unreadable since it was indexed: its events are exported without their sentence.
  if (text === undefined) return 'unreadable';
  // Checked once the file is read, so that a change while it was read counts too.
  return (await index.isFileAsIndexed(uri)) && stillAnalysed() ? { text } : 'changed';
}

/** An article as the export names it: its path in the workspace, the folder's name first when there are several. */
function exportedName(article: string): string {
  try {
    const uri = vscode.Uri.parse(article, true);
    if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    return uri.scheme === 'file' ? uri.fsPath : article;
  } catch {
    return article;
  }
}

/** "attache-events.csv" in the first workspace folder, "attache-events-antony-blinken.csv" for one person's. */
function defaultTarget(format: ExportFormat, of: string | undefined): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const suffix = of ? `-${of.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}` : '';
  return folder && vscode.Uri.joinPath(folder, `attache-events${suffix}.${EXTENSIONS[format]}`);
}

function filtersOf(format: ExportFormat): Record<string, string[]> {
  const name = format === 'jsonl' ? 'JSON Lines' : format === 'json' ? 'JSON' : 'CSV';
  return { [name]: [EXTENSIONS[format]], 'All files': ['*'] };
}

function isExportRequest(value: unknown): value is ExportRequest {
  const request = value as Partial<ExportRequest> | undefined;
  return request?.uri instanceof vscode.Uri && FORMATS.some((pick) => pick.format === request.format) && (request.filtered === undefined || typeof request.filtered === 'boolean');
}
