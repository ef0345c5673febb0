import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'attache.attache';

describe('Attaché in VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not among the loaded extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opens a seed article from the workspace in an editor', async () => {
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the tests need a workspace folder with the seed articles');
    const seeds = await vscode.workspace.findFiles('**/*.txt');
    assert.ok(seeds.length > 0, 'no seed article (*.txt) in the workspace');
    const first = seeds.sort((a, b) => a.path.localeCompare(b.path))[0];

    const editor = await vscode.window.showTextDocument(first);
    assert.equal(vscode.window.activeTextEditor, editor);
    assert.equal(editor.document.uri.toString(), first.toString());
    assert.ok(editor.document.getText().trim().length > 0, `${first.path} opened empty`);
  });
});
