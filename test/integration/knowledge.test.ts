import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { attacheWithSeeds, openAnalysed, waitFor, workspaceFolder } from './helpers';

/** The seed where Blinken meets Han Zheng in New York. */
const SEED_001 = '001_3c85923e97ab670d.txt';

describe('Attaché corrections: the knowledge file and its quick fixes', function () {
  this.timeout(60000);
  let api: AttacheApi;
  let article: vscode.Uri;
  let knowledgeFile: vscode.Uri;
  before(async () => {
    api = await attacheWithSeeds();
    article = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    knowledgeFile = vscode.Uri.joinPath(workspaceFolder(), '.attache', 'knowledge.json');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  // The other suites read the seeds as the engine does: the corrections go, and their articles are read again.
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), '.attache'), { recursive: true });
    await waitFor('the corrections to be dropped', () => api.model.corpus().people().some((p) => p.name === 'Gina Raimondo'));
    await api.whenIdle();
  });

  const positionOf = (document: vscode.TextDocument, words: string) => document.positionAt(document.getText().indexOf(words) + 1);
  const hoverText = (document: vscode.TextDocument, words: string) => {
    const hover = api.hover(document, positionOf(document, words));
    return (hover?.contents ?? []).map((part) => (part instanceof vscode.MarkdownString ? part.value : String(part))).join('\n');
  };
  const highlighted = (document: vscode.TextDocument, words: string) => api.decorationRanges(document.uri).people.some((range) => document.getText(range) === words);

  it('offers the quick fixes on a highlighted name', async () => {
    const editor = await openAnalysed(api, article);
    const at = positionOf(editor.document, 'Han Zheng');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, new vscode.Range(at, at));
    const titles = actions.map((action) => action.title);
    for (const wanted of [/^Attaché: Not a person/, /^Attaché: Same person as…$/, /^Attaché: Add role…$/, /^Attaché: Unlink from knowledge base/]) {
      assert.ok(titles.some((title) => wanted.test(title)), `${wanted} not among ${JSON.stringify(titles)}`);
    }
    const place = positionOf(editor.document, 'New York');
    const placeActions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, new vscode.Range(place, place));
    assert.deepEqual(
      placeActions.map((action) => action.title),
      ['Attaché: Not a place ("New York")'],
    );
  });

  it('adds a role through the quick fix: the knowledge file gets it and the hover card shows it', async () => {
    const editor = await openAnalysed(api, article);
    assert.doesNotMatch(hoverText(editor.document, 'Han Zheng'), /Special Envoy for Testing/);
    const at = positionOf(editor.document, 'Han Zheng');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, new vscode.Range(at, at));
    const addRole = actions.find((action) => action.title === 'Attaché: Add role…')!;
    const args = { ...addRole.command!.arguments![0], role: { title: 'Special Envoy for Testing', country: 'China', from: '2023-09', to: null } };
    assert.equal(await vscode.commands.executeCommand(addRole.command!.command, args), true);
    await api.whenIdle();
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(knowledgeFile)));
    assert.deepEqual(written.people, [{ id: 'han-zheng', name: 'Han Zheng', roles: [{ title: 'Special Envoy for Testing', country: 'China', from: '2023-09', to: null }] }]);
    await waitFor('the new role on the hover card', () => /Special Envoy for Testing[^\n]*\*your knowledge file\*/.test(hoverText(editor.document, 'Han Zheng')));
  });

  it('takes the highlight off a name the reader says is not a person, in the article and the corpus', async () => {
    const editor = await openAnalysed(api, article);
    assert.ok(highlighted(editor.document, 'John Kerry'));
    const at = positionOf(editor.document, 'John Kerry');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, new vscode.Range(at, at));
    const notAPerson = actions.find((action) => action.title.startsWith('Attaché: Not a person'))!;
    const analysedBefore = api.indexTimes().analysed;
    await vscode.commands.executeCommand(notAPerson.command!.command, ...notAPerson.command!.arguments!);
    await api.whenIdle();
    assert.equal(api.indexTimes().analysed - analysedBefore, 1, 'only the one seed that names John Kerry is analysed again');
    await waitFor('John Kerry to lose his highlight', () => !highlighted(editor.document, 'John Kerry'));
    assert.ok(highlighted(editor.document, 'Antony Blinken'), 'the other people keep theirs');
    assert.ok(!api.model.corpus().people().some((person) => person.name === 'John Kerry'), 'nor is he a person of the corpus');
  });

  it('takes a quick fix back with Undo in the knowledge file, and the name is a person again once it is saved', async () => {
    const editor = await openAnalysed(api, article);
    const at = positionOf(editor.document, 'Janet Yellen');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, new vscode.Range(at, at));
    const notAPerson = actions.find((action) => action.title.startsWith('Attaché: Not a person'))!;
    await vscode.commands.executeCommand(notAPerson.command!.command, ...notAPerson.command!.arguments!);
    await api.whenIdle();
    await waitFor('Janet Yellen to lose her highlight', () => !highlighted(editor.document, 'Janet Yellen'));
    const knowledgeEditor = await vscode.window.showTextDocument(knowledgeFile);
    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(knowledgeEditor.document.getText(), /Janet Yellen/);
    await knowledgeEditor.document.save();
    await vscode.window.showTextDocument(editor.document);
    await api.whenIdle();
    await waitFor('Janet Yellen to be highlighted again', () => highlighted(editor.document, 'Janet Yellen'));
  });

  it('shows a malformed knowledge file in the Problems panel at the line, and applies the rest', async () => {
    const editor = await openAnalysed(api, article);
    const text = '{\n  "notPeople": ["Gina Raimondo"],\n  "notPlaces": ["Malta",, "India"]\n}\n';
    await vscode.workspace.fs.writeFile(knowledgeFile, new TextEncoder().encode(text));
    const diagnostics = await waitFor('a diagnostic on the knowledge file', () => {
      const found = vscode.languages.getDiagnostics(knowledgeFile);
      return found.length > 0 && found;
    });
    assert.equal(diagnostics[0].range.start.line, 2);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message, /JSON syntax/);
    await api.whenIdle();
    await waitFor('Gina Raimondo to lose her highlight', () => !highlighted(editor.document, 'Gina Raimondo'));
    const places = api.decorationRanges(article).places.map((range) => editor.document.getText(range));
    assert.ok(!places.includes('Malta') && !places.includes('India'), JSON.stringify(places));
    assert.ok(highlighted(editor.document, 'John Kerry'), 'the earlier correction, no longer in the file, no longer applies');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(knowledgeFile)), text, 'the file is left as the reader wrote it');
  });
});
