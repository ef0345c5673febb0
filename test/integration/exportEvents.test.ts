import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { parseCsv } from '../core/csvReader';
import { attacheWithSeeds, openAnalysed, workspaceFolder } from './helpers';

/** The seed where Blinken meets Han Zheng in New York. */
const SEED_001 = '001_3c85923e97ab670d.txt';

describe('Attaché: Export Events', function () {
  this.timeout(60000);
  let api: AttacheApi;
  let folder: string;
  before(async () => {
    api = await attacheWithSeeds();
    await api.whenIdle();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-export-'));
  });
  after(() => {
    api.timeline.setFilter(undefined);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** Runs the command as the tests may, with where and how to write instead of dialogs, and reads what it wrote. */
  const exportTo = async (name: string, format: string, filtered = false) => {
    const uri = vscode.Uri.file(path.join(folder, name));
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; events: number; sentencesLeftOut: number } | undefined>('attache.exportEvents', { uri, format, filtered });
    assert.ok(result, 'the command wrote nothing');
    // ignoreBOM keeps a byte order mark in the text, where the test looks for it.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri)), events: result.events, sentencesLeftOut: result.sentencesLeftOut };
  };

  it('writes the timeline as CSV a CSV reader reads back, Blinken and Han Zheng\'s meeting with their roles and the sentence that reports it', async () => {
    const { text, events } = await exportTo('events.csv', 'csv');
    assert.ok(!text.startsWith('\ufeff'));
    const [header, ...records] = parseCsv(text);
    const cell = (record: string[], column: string) => record[header.indexOf(column)];
    assert.equal(records.length, api.model.corpus().timeline().length);
    assert.equal(events, records.length);
    const blinken = records.filter((record) => cell(record, 'participants').split('; ').includes('Antony Blinken'));
    assert.ok(blinken.length >= 3, `Blinken's rows: ${blinken.map((record) => cell(record, 'participants')).join(' | ')}`);
    const han = blinken.find((record) => cell(record, 'participants') === 'Han Zheng; Antony Blinken');
    assert.ok(han, 'the meeting of Han Zheng and Blinken');
    assert.equal(cell(han, 'date'), '2023-09-18');
    assert.equal(cell(han, 'participant_roles'), 'Vice President; Secretary of State');
    assert.equal(cell(han, 'participant_kb_ids'), 'han-zheng; antony-blinken');
    assert.equal(cell(han, 'place'), 'New York');
    assert.equal(cell(han, 'evidence_article'), SEED_001);
    assert.ok(cell(han, 'event_id').startsWith(`${SEED_001}#`), cell(han, 'event_id'));
    const article = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), SEED_001));
    const sentence = article.getText().slice(Number(cell(han, 'sentence_start')), Number(cell(han, 'sentence_end')));
    assert.equal(cell(han, 'evidence_sentence'), sentence);
    assert.match(sentence, /Han/);
  });

  it('leaves out the sentences of an article edited since it was analysed, rather than cut them from the new text, and says how many', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), SEED_001);
    const editor = await openAnalysed(api, uri);
    const config = vscode.workspace.getConfiguration('attache');
    // The edit stays unanalysed while the export runs: the corpus's offsets are those of the text before it.
    await config.update('debounceMs', 3_600_000, vscode.ConfigurationTarget.Global);
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Updated with reactions from Beijing and Washington.\n\n'));
      assert.equal(api.model.analysisOf(uri), undefined, 'the edit was analysed before the export');
      const { text, sentencesLeftOut } = await exportTo('edited.csv', 'csv');
      const [header, ...records] = parseCsv(text);
      const cell = (record: string[], column: string) => record[header.indexOf(column)];
      const edited = records.filter((record) => cell(record, 'evidence_article') === SEED_001);
      const others = records.filter((record) => cell(record, 'evidence_article') !== SEED_001);
      assert.ok(edited.length > 0 && others.length > 0);
      assert.deepEqual(edited.map((record) => cell(record, 'evidence_sentence')), edited.map(() => ''));
      assert.ok(others.every((record) => cell(record, 'evidence_sentence') !== ''));
      assert.equal(sentencesLeftOut, edited.length);
    } finally {
      await config.update('debounceMs', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await api.whenIdle();
    }
  });

  it('writes only the events the filtered timeline shows when asked, with a byte order mark for Excel', async () => {
    api.timeline.setFilter({ kind: 'person', id: 'person:antony-blinken', name: 'Antony Blinken' });
    const { text } = await exportTo('blinken.csv', 'csv-bom', true);
    assert.ok(text.startsWith('\ufeffevent_id,'), text.slice(0, 20));
    const [header, ...records] = parseCsv(text.slice(1));
    assert.equal(records.length, api.model.corpus().eventsOf('person:antony-blinken').length);
    assert.ok(records.every((record) => record[header.indexOf('participants')].includes('Antony Blinken')));
  });

  it('writes the same events as JSON and JSON Lines, lists as arrays', async () => {
    const { text: json } = await exportTo('events.json', 'json');
    const { text: lines } = await exportTo('events.jsonl', 'jsonl');
    const rows = JSON.parse(json);
    assert.deepEqual(
      lines.trimEnd().split('\n').map((line) => JSON.parse(line)),
      rows,
    );
    assert.ok(rows.some((row: { participants: string[] }) => row.participants.includes('Antony Blinken')));
  });
});
