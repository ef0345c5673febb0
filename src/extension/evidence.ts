import * as vscode from 'vscode';
import { EvidenceTarget } from './markdown';

/** Registers attache.openEvidence: open an article and select the words that state something. */
export function registerEvidenceCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('attache.openEvidence', openEvidence));
}

async function openEvidence(target: unknown): Promise<vscode.TextEditor | undefined> {
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

function isEvidenceTarget(value: unknown): value is EvidenceTarget {
  const target = value as Partial<EvidenceTarget> | undefined;
  return typeof target?.uri === 'string' && Number.isInteger(target.start) && Number.isInteger(target.end);
}
