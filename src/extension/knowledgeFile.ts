// The reader's knowledge file in each workspace folder: read at start, read again when it is
// saved or changes on disk; its problems are shown in the Problems panel as it is typed.
import * as vscode from 'vscode';
import { combineCorrections, correctionsFingerprint, CorrectionProblem, Corrections, DEFAULT_KNOWLEDGE_FILE, NO_CORRECTIONS, parseKnowledgeFile } from '../core/corrections';
import { lineAndCharacter } from '../core/text';
import { Activity } from './activity';

/** The corrections before and after an edit of a knowledge file. */
export interface CorrectionsChange {
  before: Corrections;
  after: Corrections;
}

/** The problems of an edited knowledge file are shown again once typing pauses this long. */
const EDIT_DELAY_MS = 300;

/**
 * Where a folder's knowledge file is: `attache.knowledgeFile`, relative to the folder, and inside
 * it: a setting that leads out of the folder ("../..") is not followed, since a workspace's own
 * settings must not make a quick fix write elsewhere.
 */
export function knowledgeFileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
  const setting = vscode.workspace.getConfiguration('attache', folder.uri).get<string>('knowledgeFile') || DEFAULT_KNOWLEDGE_FILE;
  const parts = setting.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  const inside = parts.length > 0 && !parts.includes('..') && !/^[a-z]:$/i.test(parts[0]);
  return vscode.Uri.joinPath(folder.uri, ...(inside ? parts : DEFAULT_KNOWLEDGE_FILE.split('/')));
}

export class KnowledgeFiles implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('attache-knowledge');
  private readonly changeEmitter = new vscode.EventEmitter<CorrectionsChange>();
  /** Fires when the corrections of all folders together are not what they were. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changeEmitter];
  private watchers: vscode.Disposable[] = [];
  private files: vscode.Uri[] = [];
  private current: Corrections = NO_CORRECTIONS;
  private editTimer: NodeJS.Timeout | undefined;
  /** Reads in turn, so that a slow read never overtakes a newer one. */
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly activity: Activity,
    private readonly log: (message: string) => void,
  ) {}

  /** Reads the files and starts following them; resolves once the first reading is done. */
  start(): Promise<void> {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.follow()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('attache.knowledgeFile')) this.follow();
      }),
      // Typing shows its problems as it goes; what is saved applies.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.isKnowledgeFile(event.document.uri) || event.contentChanges.length === 0) return;
        clearTimeout(this.editTimer);
        this.editTimer = setTimeout(() => void this.refresh(), EDIT_DELAY_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (this.isKnowledgeFile(document.uri)) void this.refresh();
      }),
      // Closed without saving: the problems are those of the file on disk again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isKnowledgeFile(document.uri)) void this.refresh();
      }),
    );
    return this.follow();
  }

  /** Reads the files again now: after a quick fix wrote one, not when the watcher gets to it. */
  reload(): Promise<void> {
    clearTimeout(this.editTimer);
    return this.refresh();
  }

  corrections(): Corrections {
    return this.current;
  }

  /** The knowledge file of the folder a document is in, else of the first folder; undefined with no folder open. */
  fileFor(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    return folder && knowledgeFileOf(folder);
  }

  isKnowledgeFile(uri: vscode.Uri): boolean {
    return this.files.some((file) => file.toString() === uri.toString());
  }

  dispose(): void {
    clearTimeout(this.editTimer);
    vscode.Disposable.from(...this.watchers, ...this.disposables).dispose();
  }

  private follow(): Promise<void> {
    vscode.Disposable.from(...this.watchers).dispose();
    this.watchers = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    this.files = folders.map(knowledgeFileOf);
    const changed = () => void this.refresh();
    for (const file of this.files) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(file, '..'), file.path.slice(file.path.lastIndexOf('/') + 1)));
      this.watchers.push(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
    }
    // A deleted folder is reported as itself, not as the knowledge file inside it.
    for (const folder of folders) {
      const deletions = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), true, true, false);
      const holdsKnowledgeFile = (uri: vscode.Uri) => this.files.some((file) => file.toString().startsWith(`${uri.toString()}/`));
      this.watchers.push(deletions, deletions.onDidDelete((uri) => holdsKnowledgeFile(uri) && changed()));
    }
    return this.refresh();
  }

  private refresh(): Promise<void> {
    const end = this.activity.begin();
    this.reading = this.reading
      .then(() => this.readAll())
      .catch((error: unknown) => this.log(`Could not read the knowledge files: ${error instanceof Error ? error.message : String(error)}`))
      .finally(end);
    return this.reading;
  }

  private async readAll(): Promise<void> {
    const all: Corrections[] = [];
    this.diagnostics.clear();
    for (const file of this.files) {
      const saved = await readFile(file);
      const read = saved === undefined ? undefined : parseKnowledgeFile(saved);
      if (read) all.push(read.corrections);
      const unsaved = unsavedText(file);
      const shown = unsaved ?? saved;
      const { problems } = unsaved === undefined ? (read ?? { problems: [] }) : parseKnowledgeFile(unsaved);
      if (shown !== undefined && problems.length > 0) this.diagnostics.set(file, problems.map((problem) => diagnosticOf(shown, problem)));
    }
    const before = this.current;
    const after = combineCorrections(all);
    if (correctionsFingerprint(after) === correctionsFingerprint(before)) return;
    this.current = after;
    this.log(`Knowledge file: ${after.people.length} people, ${after.notPeople.length} not people, ${after.notPlaces.length} not places, ${after.samePerson.length} same-person groups, ${after.unlink.length} broken links.`);
    this.changeEmitter.fire({ before, after });
  }
}

/** The text of an open document with unsaved edits: what its problems are shown for. */
function unsavedText(uri: vscode.Uri): string | undefined {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  return open?.isDirty ? open.getText() : undefined;
}

/** The file's text as saved; undefined when there is no file. */
async function readFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function diagnosticOf(text: string, problem: CorrectionProblem): vscode.Diagnostic {
  const positionAt = (offset: number) => {
    const { line, character } = lineAndCharacter(text, offset);
    return new vscode.Position(line, character);
  };
  const range = new vscode.Range(positionAt(problem.offset), positionAt(problem.offset + problem.length));
  const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(range, `${problem.message} The rest of the file applies.`, severity);
  diagnostic.source = 'Attaché';
  return diagnostic;
}
