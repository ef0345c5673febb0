import * as vscode from 'vscode';
import { CorpusIndex } from './corpusIndex';
import { HighlightToggle } from './highlightToggle';

const SAMPLE_FOLDER = 'sample-corpus';

/** Registers attache.toggleHighlights, attache.openSampleCorpus, attache.reindex and attache.showTimeline. */
export function registerCommands(context: vscode.ExtensionContext, index: CorpusIndex, toggle: HighlightToggle): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('attache.toggleHighlights', () => toggle.set(!toggle.enabled)),
    vscode.commands.registerCommand('attache.openSampleCorpus', () => openSampleCorpus(context)),
    vscode.commands.registerCommand('attache.reindex', async () => {
      await index.reindex();
      await index.whenIdle();
      const articles = index.corpus().size;
      const skipped = index.skipped().size;
      vscode.window.setStatusBarMessage(`Attaché: ${articles} article${articles === 1 ? '' : 's'} analysed${skipped ? `, ${skipped} skipped` : ''}`, 5000);
    }),
    vscode.commands.registerCommand('attache.showTimeline', () => vscode.commands.executeCommand('attache.timeline.focus')),
  );
}

/**
 * Opens the five seed articles as a workspace of their own. An empty window becomes the sample
 * workspace; a window with a workspace keeps it (and its corpus and timeline) and the sample
 * opens in a new window, so sample articles never mix into a reader's own corpus. The seeds are
 * copied to the extension's global storage first: a reader may edit the sample freely without
 * touching the installed extension.
 */
async function openSampleCorpus(context: vscode.ExtensionContext): Promise<void> {
  let folder: vscode.Uri;
  try {
    folder = await copySeeds(context);
  } catch (error) {
    void vscode.window.showWarningMessage(`Attaché: could not prepare the sample articles (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: hasWorkspace });
}

/** Copies seeds/ into global storage, keeping sample files a reader already has (and may have edited). */
export async function copySeeds(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const seeds = vscode.Uri.joinPath(context.extensionUri, 'seeds');
  const target = vscode.Uri.joinPath(context.globalStorageUri, SAMPLE_FOLDER);
  await vscode.workspace.fs.createDirectory(target);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(seeds)) {
    if (type !== vscode.FileType.File) continue;
    const destination = vscode.Uri.joinPath(target, name);
    try {
      await vscode.workspace.fs.stat(destination);
    } catch {
      await vscode.workspace.fs.copy(vscode.Uri.joinPath(seeds, name), destination, { overwrite: false });
    }
  }
  return target;
}
