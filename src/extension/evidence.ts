import * as vscode from 'vscode';
import { Corpus, CorpusPerson, EventSource, RoleRecord, TimelineEvent } from '../core/corpus';
import { CorpusModel } from './corpusModel';
import { articleName, countOf, EvidenceTarget, formatDate } from './markdown';

/**
 * Registers the commands that open what the corpus says where it says it:
 * - attache.openEvidence `{ uri, start, end }`: open an article and select the words.
 * - attache.openEvent `{ id }`: open the report of a timeline event; when several articles report
 *   it, ask which.
 * - attache.showSources `{ person, role }` or `{ event }`: list every article that states one of a
 *   person's roles, or reports an event, and open the chosen one at its evidence.
 */
export function registerEvidenceCommand(context: vscode.ExtensionContext, model: CorpusModel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attache.openEvidence', openEvidence),
    vscode.commands.registerCommand('attache.openEvent', (args: unknown) => openEvent(model.corpus(), args)),
    vscode.commands.registerCommand('attache.showSources', (args: unknown) => showSources(model.corpus(), args)),
  );
}

export async function openEvidence(target: unknown): Promise<vscode.TextEditor | undefined> {
  if (!isEvidenceTarget(target)) {
    void vscode.window.showWarningMessage('Attaché: this link does not say which article to open.');
    return undefined;
  }
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri, true));
  } catch {
    void vscode.window.showWarningMessage(`Attaché: cannot open ${target.uri}; the article may have been moved or deleted.`);
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // The article may have been edited since it was analysed: positionAt clamps to the text.
  const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** Where one article reports an event: the sentence that says so. */
export function sourceTarget(source: EventSource): EvidenceTarget {
  return { uri: source.article, start: source.sentence.start, end: source.sentence.end };
}

/**
 * Where an article states one of a person's roles: the title's own words when the article's
 * summary kept them, else the article's start. Reads the one article's summary, nothing else.
 */
export function roleStatement(corpus: Corpus, article: string, record: RoleRecord, person: CorpusPerson): EvidenceTarget {
  const title = record.title.toLowerCase();
  const summary = corpus.summary(article);
  for (const entry of summary?.people ?? []) {
    const role = entry.roles.find((r) => r.span && r.title.toLowerCase() === title);
    if (!role?.span) continue;
    if (corpus.personIdOf({ id: entry.entityId, name: entry.name, kbId: entry.kbId }) !== person.id) continue;
    return { uri: article, start: role.span.start, end: role.span.end };
  }
  return { uri: article, start: 0, end: 0 };
}

interface SourcePick extends vscode.QuickPickItem {
  target: () => EvidenceTarget;
}

async function openEvent(corpus: Corpus, args: unknown): Promise<void> {
  const id = (args as { id?: unknown } | undefined)?.id;
  const event = typeof id === 'string' ? corpus.event(id) : undefined;
  if (!event) {
    void vscode.window.showWarningMessage('Attaché: this event is no longer in the corpus; its articles may have changed.');
    return;
  }
  if (event.sources.length === 1) {
    await openEvidence(sourceTarget(event.sources[0]));
    return;
  }
  await pickAndOpen(eventPicks(event), `${event.label}: ${event.sources.length} reports`);
}

/** Lists the sources a hover's "all N" or "N sources" link names (a SourcesTarget). */
async function showSources(corpus: Corpus, args: unknown): Promise<void> {
  const target = args as { [K in 'person' | 'role' | 'event']?: unknown } | undefined;
  if (typeof target?.event === 'string') {
    await openEvent(corpus, { id: target.event });
    return;
  }
  if (typeof target?.person === 'string' && Number.isInteger(target.role)) {
    const person = corpus.person(target.person);
    const record = person?.roles[target.role as number];
    if (!person || !record || record.articles.length === 0) {
      void vscode.window.showWarningMessage('Attaché: this role is no longer stated in the corpus; its articles may have changed.');
      return;
    }
    const role = record.country ? `${record.title}, ${record.country}` : record.title;
    await pickAndOpen(rolePicks(corpus, person, record), `${person.name}, ${role}: stated in ${countOf(record.articles.length, 'article')}`);
    return;
  }
  void vscode.window.showWarningMessage('Attaché: this link does not say which sources to list.');
}

/** One item per report of the event: its article, the date and status that article gives. */
function eventPicks(event: TimelineEvent): SourcePick[] {
  return event.sources.map((source) => ({
    label: articleName(source.article),
    description: `${formatDate(source.date)} · ${source.status === 'planned' ? `planned ${source.kind}` : source.kind}`,
    detail: source.date.basis || undefined,
    iconPath: new vscode.ThemeIcon('file-text'),
    target: () => sourceTarget(source),
  }));
}

/** One item per article stating the role, latest article first; where it says so is looked up only for the one chosen. */
function rolePicks(corpus: Corpus, person: CorpusPerson, record: RoleRecord): SourcePick[] {
  const dated = record.articles.map((article) => ({ article, date: corpus.summary(article)?.date }));
  dated.sort((a, b) => compareText(b.date?.earliest ?? '', a.date?.earliest ?? '') || compareText(a.article, b.article));
  return dated.map(({ article, date }) => ({
    label: articleName(article),
    description: date ? formatDate(date) : undefined,
    iconPath: new vscode.ThemeIcon('file-text'),
    target: () => roleStatement(corpus, article, record, person),
  }));
}

async function pickAndOpen(items: SourcePick[], title: string): Promise<void> {
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Open the article at the words that say so', matchOnDescription: true });
  if (picked) await openEvidence(picked.target());
}

function isEvidenceTarget(value: unknown): value is EvidenceTarget {
  const target = value as Partial<EvidenceTarget> | undefined;
  return typeof target?.uri === 'string' && Number.isInteger(target.start) && Number.isInteger(target.end);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
