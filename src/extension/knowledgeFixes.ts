// Quick fixes on a highlighted name that correct the engine: each adds one entry to the
// workspace's knowledge file through a WorkspaceEdit (so Undo takes it back), saves it, and the
// articles the change touches are analysed again.
import * as vscode from 'vscode';
import { NEW_KNOWLEDGE_FILE } from '../core/corrections';
import { dateBounds } from '../core/knowledgeBase';
import { editKnowledgeFile, KnowledgeChange } from '../core/knowledgeEdits';
import { mentionAt } from '../core/mentions';
import { Entity, Span } from '../core/types';
import { exists } from './corpusIndex';
import { CorpusModel } from './corpusModel';
import { KnowledgeFiles } from './knowledgeFile';

/** What a fix's command is given: the article and the name, as the code action found them. */
export interface NameFixArguments {
  /** The article's URI, as a string. */
  article: string;
  /** The fullest form the article writes the name in. */
  name: string;
  /** The knowledge-base official the name is linked to, if any. */
  kbId?: string;
  /** The title the article gives the person, if any. */
  title?: string;
  country?: string;
  /** The other person, for "Same person as…" without the picker. */
  other?: string;
  /** The role, for "Add role…" without the prompts. */
  role?: { title: string; country: string; from?: string | null; to?: string | null };
}

export const FIX_COMMANDS = {
  notAPerson: 'attache.notAPerson',
  notAPlace: 'attache.notAPlace',
  samePersonAs: 'attache.samePersonAs',
  addRole: 'attache.addRole',
  unlink: 'attache.unlinkFromKnowledgeBase',
  openKnowledgeFile: 'attache.openKnowledgeFile',
} as const;

export function registerKnowledgeFixes(context: vscode.ExtensionContext, model: CorpusModel, knowledge: KnowledgeFiles): void {
  // One fix at a time: each computes its edit from the file as the one before left it.
  let writing: Promise<unknown> = Promise.resolve();
  const apply = (args: NameFixArguments, change: KnowledgeChange, label: string): Promise<boolean> => {
    const written = writing.then(() => applyChange(knowledge, vscode.Uri.parse(args.article, true), change, label));
    writing = written.catch(() => undefined);
    return written;
  };
  const command = (id: string, run: (args: NameFixArguments) => Promise<boolean> | boolean) =>
    vscode.commands.registerCommand(id, (args: unknown) => {
      if (isNameFixArguments(args)) return run(args);
      void vscode.window.showWarningMessage('Attaché: this correction is made from the light bulb on a highlighted name (Ctrl+.).');
      return false;
    });
  context.subscriptions.push(
    // Every language and scheme, as the hover: which languages count is a setting, read each time.
    vscode.languages.registerCodeActionsProvider('*', new NameFixes(model), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    command(FIX_COMMANDS.notAPerson, (args) => apply(args, { kind: 'notPerson', name: args.name }, `Attaché: "${args.name}" is not a person`)),
    command(FIX_COMMANDS.notAPlace, (args) => apply(args, { kind: 'notPlace', name: args.name }, `Attaché: "${args.name}" is not a place`)),
    command(FIX_COMMANDS.samePersonAs, async (args) => {
      const other = args.other ?? (await pickOtherPerson(model, args.name));
      return other !== undefined && apply(args, { kind: 'samePerson', names: [args.name, other] }, `Attaché: "${args.name}" is ${other}`);
    }),
    command(FIX_COMMANDS.addRole, async (args) => {
      const role = args.role ?? (await askRole(args));
      if (!role) return false;
      const change: KnowledgeChange = { kind: 'addRole', person: { id: args.kbId, name: args.name }, role: { title: role.title, country: role.country, from: role.from ?? null, to: role.to ?? null } };
      return apply(args, change, `Attaché: ${args.name}, ${role.title}`);
    }),
    command(FIX_COMMANDS.unlink, (args) =>
      args.kbId === undefined ? false : apply(args, { kind: 'unlink', name: args.name, official: args.kbId, ...(args.title ? { title: args.title } : {}) }, `Attaché: "${args.name}" is not ${args.kbId}`),
    ),
    vscode.commands.registerCommand(FIX_COMMANDS.openKnowledgeFile, () => openKnowledgeFile(knowledge)),
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';
const optional = (value: unknown) => value === undefined || isString(value);

/** Arguments as the code actions give them; a command run some other way gets a message instead. */
function isNameFixArguments(value: unknown): value is NameFixArguments {
  if (typeof value !== 'object' || value === null) return false;
  const { article, name, kbId, title, country, other, role } = value as Record<string, unknown>;
  if (!isString(article) || !isString(name) || name.trim() === '' || ![kbId, title, country, other].every(optional)) return false;
  try {
    vscode.Uri.parse(article, true);
  } catch {
    return false;
  }
  if (role === undefined) return true;
  const { title: roleTitle, country: roleCountry, from, to } = (typeof role === 'object' && role !== null ? role : {}) as Record<string, unknown>;
  const date = (d: unknown) => d === undefined || d === null || (isString(d) && dateBounds(d) !== undefined);
  return isString(roleTitle) && isString(roleCountry) && date(from) && date(to);
}

/** The fixes for the name under the cursor, in an article Attaché has analysed. */
class NameFixes implements vscode.CodeActionProvider {
  constructor(private readonly model: CorpusModel) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    if (!vscode.workspace.getConfiguration('attache', document).get<string[]>('languages', []).includes(document.languageId)) return [];
    const analysis = this.model.analysisOf(document.uri);
    const found = analysis && mentionAt(analysis, document.offsetAt(range.start));
    if (!found) return [];
    const { entity } = found;
    const args: NameFixArguments = { article: document.uri.toString(), name: fullestForm(document, entity) };
    const action = (title: string, command: string, extra: Partial<NameFixArguments> = {}) => {
      const fix = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      fix.command = { title, command, arguments: [{ ...args, ...extra }] };
      return fix;
    };
    if (entity.kind === 'place') return [action(`Attaché: Not a place ("${args.name}")`, FIX_COMMANDS.notAPlace)];
    const stated = entity.roles.find((role) => role.source === 'text');
    const fixes = [
      action(`Attaché: Not a person ("${args.name}")`, FIX_COMMANDS.notAPerson),
      action('Attaché: Same person as…', FIX_COMMANDS.samePersonAs),
      action('Attaché: Add role…', FIX_COMMANDS.addRole, { ...(entity.kbId ? { kbId: entity.kbId, name: entity.name } : {}), ...(entity.country ? { country: entity.country } : {}) }),
    ];
    if (entity.kbId) fixes.push(action(`Attaché: Unlink from knowledge base (not ${entity.name})`, FIX_COMMANDS.unlink, { kbId: entity.kbId, ...(stated ? { title: stated.title } : {}) }));
    return fixes;
  }
}

/**
 * The longest form the article writes the name in ("Han Zheng" rather than "Han"): the form the
 * engine reads, which the knowledge-base name ("Antony Blinken" for "Blinken") may not be.
 */
function fullestForm(document: vscode.TextDocument, entity: Entity): string {
  // By the spans' lengths: a name in a long article may have thousands of mentions, and the light bulb asks at every move of the cursor.
  const longest = entity.mentions.reduce<Span | undefined>((best, span) => (!best || span.end - span.start > best.end - best.start ? span : best), undefined);
  if (!longest) return entity.name;
  return document.getText(new vscode.Range(document.positionAt(longest.start), document.positionAt(longest.end))).replace(/\s+/g, ' ');
}

async function pickOtherPerson(model: CorpusModel, name: string): Promise<string | undefined> {
  const items = model
    .corpus()
    .people()
    .filter((person) => person.name !== name)
    .map((person) => ({ label: person.name, description: [person.roles[person.roles.length - 1]?.title, person.country].filter(Boolean).join(', '), detail: person.aliases.length > 0 ? `Also written: ${person.aliases.slice(0, 6).join(', ')}` : undefined }));
  const picked = await vscode.window.showQuickPick(items, { title: `Attaché: ${name} is the same person as…`, placeHolder: 'A person of the corpus', matchOnDescription: true, matchOnDetail: true });
  return picked?.label;
}

const validDate = (value: string) => (value.trim() === '' || dateBounds(value.trim()) ? undefined : 'A date as YYYY, YYYY-MM or YYYY-MM-DD, or nothing');

async function askRole(args: NameFixArguments): Promise<NameFixArguments['role']> {
  const title = await vscode.window.showInputBox({ title: `Attaché: Add a role of ${args.name} (1/4)`, prompt: 'The post, in its short form', placeHolder: 'Foreign Minister', validateInput: (v) => (v.trim() ? undefined : 'The title of the post') });
  if (!title) return undefined;
  const country = await vscode.window.showInputBox({ title: `Attaché: Add a role of ${args.name} (2/4)`, prompt: 'The country (or organization) of the post', value: args.country ?? '', validateInput: (v) => (v.trim() ? undefined : 'A country, as "China" or "United States"') });
  if (!country) return undefined;
  const from = await vscode.window.showInputBox({ title: `Attaché: Add a role of ${args.name} (3/4)`, prompt: 'Since (YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown)', validateInput: validDate });
  if (from === undefined) return undefined;
  const to = await vscode.window.showInputBox({ title: `Attaché: Add a role of ${args.name} (4/4)`, prompt: 'Until (empty while still in office)', validateInput: validDate });
  if (to === undefined) return undefined;
  return { title: title.trim(), country: country.trim(), from: from.trim() || null, to: to.trim() || null };
}

/**
 * Adds one correction to the knowledge file of the article's folder through a WorkspaceEdit,
 * made when it does not exist yet, then saves it so that the command line reads it too. A file
 * with an error is left alone, with a message saying why.
 */
async function applyChange(knowledge: KnowledgeFiles, article: vscode.Uri, change: KnowledgeChange, label: string): Promise<boolean> {
  const file = knowledge.fileFor(article);
  if (!file) {
    void vscode.window.showWarningMessage('Attaché: open a folder to keep corrections: they are written to a knowledge file in it.');
    return false;
  }
  const document = (await exists(file)) ? await vscode.workspace.openTextDocument(file) : undefined;
  // Edits of the reader's own not yet saved stay theirs to save: the fix joins them unsaved.
  const hadUnsavedEdits = document?.isDirty === true;
  const result = editKnowledgeFile(document?.getText() ?? '', change);
  if ('refused' in result) {
    void vscode.window.showWarningMessage(`Attaché: ${result.refused}.`, 'Open Knowledge File').then((open) => open && vscode.window.showTextDocument(file));
    return false;
  }
  if ('unchanged' in result) {
    void vscode.window.showInformationMessage(`Attaché: ${result.unchanged}.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata = { label, needsConfirmation: false };
  if (!document) edit.createFile(file, { contents: new TextEncoder().encode(result.text) }, metadata);
  else for (const e of result.edits) edit.replace(file, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content, metadata);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(`Attaché: could not write ${vscode.workspace.asRelativePath(file)}.`);
    return false;
  }
  if (hadUnsavedEdits) {
    void vscode.window.showInformationMessage(`Attaché: the correction is in ${vscode.workspace.asRelativePath(file)} with your other unsaved edits; it applies when you save the file.`);
    return true;
  }
  if (document) await document.save();
  await knowledge.reload();
  return true;
}

async function openKnowledgeFile(knowledge: KnowledgeFiles): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = folder && knowledge.fileFor(folder.uri);
  if (!file) {
    void vscode.window.showWarningMessage('Attaché: open a folder first: the knowledge file is kept in it.');
    return;
  }
  if (!(await exists(file))) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(file, { contents: new TextEncoder().encode(NEW_KNOWLEDGE_FILE) }, { label: 'Attaché: create the knowledge file', needsConfirmation: false });
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(file);
}
