// Runs in the second window the runners open on the workspace of the main suite: a reopened
// window, which should find the corpus in the index the first one saved in workspace storage.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { attache, waitFor, workspaceFolder } from './helpers';

describe('Attaché in a reopened window', function () {
  this.timeout(60000);

  it('takes the corpus and its Timeline from the saved index, analysing no article again', async () => {
    const api = await attache();
    const times = await waitFor('the index to be ready', () => api.indexTimes().readyAt !== undefined && api.indexTimes());
    await api.whenIdle();
    assert.ok(times.fromIndex >= 5, `only ${times.fromIndex} articles came from the saved index: ${JSON.stringify(times)}`);
    assert.equal(api.indexTimes().analysed, 0, `articles were analysed again: ${JSON.stringify(api.indexTimes())}`);
    const items = await api.timeline.visibleItems();
    const events = items.filter((item) => item.contextValue?.startsWith('attache.event'));
    assert.ok(events.length >= 5, `the Timeline shows ${events.length} events`);
  });

  it('highlights an article opened in it with the analysis cached on disk', async () => {
    const api = await attache();
    const uri = vscode.Uri.joinPath(workspaceFolder(), '003_38ea7e343e1e71a6.txt');
    await vscode.window.showTextDocument(uri);
    await waitFor('the highlights of the article', () => api.decorationRanges(uri).people.length > 0);
    const times = api.indexTimes();
    assert.equal(times.analysed, 0, `the article was analysed again: ${JSON.stringify(times)}`);
    assert.ok(times.fromCache >= 1, `the analysis did not come from the cache: ${JSON.stringify(times)}`);
  });
});
