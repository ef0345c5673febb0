import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';

/** Attaché's test API, activating the extension if it is not yet. */
export async function attache(): Promise<AttacheApi> {
  const extension = vscode.extensions.getExtension<AttacheApi>('attache.attache');
  assert.ok(extension, 'Attaché is not installed');
  return extension.activate();
}

/** Attaché's test API once the five seed articles of the test workspace are in the corpus. */
export async function attacheWithSeeds(): Promise<AttacheApi> {
  const api = await attache();
  await api.whenIdle();
  await waitFor('the five seed articles in the corpus', () => api.model.corpus().size >= 5);
  return api;
}

/** Polls until `probe` gives a value, or fails with what was awaited. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens an article in an editor and waits until the extension has analysed its current text. */
export async function openAnalysed(api: AttacheApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  await api.whenIdle();
  await waitFor(`the analysis of ${uri.path}`, () => api.model.analysisOf(uri));
  return editor;
}

/** The test workspace: a copy of the seed articles. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the seed articles as a workspace folder');
  return folder.uri;
}
