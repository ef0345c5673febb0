import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { attacheWithSeeds, openAnalysed, workspaceFolder } from './helpers';

/** The seed where Blinken meets Han Zheng in New York. */
const SEED_001 = '001_3c85923e97ab670d.txt';

describe('Attaché navigation: definition, references, symbols, highlights', function () {
  this.timeout(60000);
  let api: AttacheApi;
  before(async () => {
    api = await attacheWithSeeds();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const positionOf = (document: vscode.TextDocument, words: string) => document.positionAt(document.getText().indexOf(words) + 1);

  it('finds every mention of Blinken across the seed articles, surnames included', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    const editor = await openAnalysed(api, uri);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, positionOf(editor.document, 'Antony Blinken'));
    const articles = new Set(locations.map((location) => location.uri.toString()));
    assert.ok(articles.size >= 2, `mentions in ${articles.size} article(s): ${[...articles].join(', ')}`);
    for (const location of locations.filter((l) => l.uri.toString() === uri.toString())) {
      assert.match(editor.document.getText(location.range), /Blinken/);
    }
  });

  it('goes to the first mention of a person in the earliest article that names them', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    const editor = await openAnalysed(api, uri);
    const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, positionOf(editor.document, 'Han Zheng'));
    assert.equal(definitions.length, 1);
    const definition = definitions[0] as vscode.Location;
    const target = await vscode.workspace.openTextDocument(definition.uri);
    assert.match(target.getText(definition.range), /Han/);
  });

  it('highlights every mention of the person under the cursor in the article', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    const editor = await openAnalysed(api, uri);
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, positionOf(editor.document, 'Antony Blinken'));
    const texts = highlights.map((h) => editor.document.getText(h.range));
    assert.ok(texts.length >= 3, JSON.stringify(texts));
    assert.ok(texts.every((text) => /Blinken/.test(text)), JSON.stringify(texts));
  });

  it('lists the article\'s people, places and meetings in order in the Outline', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    await openAnalysed(api, uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Han Zheng') && names.includes('Antony Blinken'), JSON.stringify(names));
    assert.ok(symbols.some((s) => s.kind === vscode.SymbolKind.Event && /Han Zheng/.test(s.name) && /Blinken/.test(s.name)), JSON.stringify(names));
    const starts = symbols.map((s) => s.range.start);
    assert.ok(starts.every((start, i) => i === 0 || !start.isBefore(starts[i - 1])), 'the symbols are not in the order of the text');
  });

  it('finds people and meetings of the corpus by name with Go to Symbol in Workspace', async () => {
    const people = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Blinken');
    assert.ok(people.some((s) => s.name === 'Antony Blinken' && s.kind === vscode.SymbolKind.Object), JSON.stringify(people.map((s) => s.name)));
    const meetings = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'meeting Han Zheng');
    assert.ok(meetings.some((s) => s.kind === vscode.SymbolKind.Event), JSON.stringify(meetings.map((s) => s.name)));
  });
});
