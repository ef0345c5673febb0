import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { attacheWithSeeds, waitFor } from './helpers';

/** The editor tabs showing a meeting map (VS Code prefixes an extension's view type with its own). */
function mapTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('attache.meetingMap'));
}

function sorted(ids: readonly string[]): string[] {
  return [...ids].sort();
}

describe('Attaché meeting map', () => {
  let api: AttacheApi;

  before(async () => {
    api = await attacheWithSeeds();
  });

  afterEach(async () => {
    api.timeline.setFilter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens one map of every event in the corpus, and reveals it when asked again', async () => {
    await vscode.commands.executeCommand('attache.showMeetingMap');
    // The map draws when its webview says it is ready.
    const state = await waitFor('the meeting map to draw', () => api.meetingMap());
    const timeline = api.model.corpus().timeline();
    assert.ok(timeline.length >= 11, `the seeds have at least 11 meetings, the corpus ${timeline.length}`);
    assert.deepEqual(sorted(state.eventIds), sorted(timeline.map((event) => event.id)));
    assert.equal(state.title, 'All meetings in the corpus');

    await vscode.commands.executeCommand('attache.showMeetingMap');
    assert.equal(mapTabs().length, 1, 'a second "Show Meeting Map" opens no second map');
  });

  it('follows the Timeline\'s filter, and forgets its state when closed', async () => {
    await vscode.commands.executeCommand('attache.showMeetingMap');
    await waitFor('the meeting map to draw', () => api.meetingMap());
    const corpus = api.model.corpus();
    const wang = corpus.people().find((person) => person.name === 'Wang Yi');
    assert.ok(wang, 'Wang Yi is in the corpus');

    api.timeline.setFilter({ kind: 'person', id: wang.id, name: wang.name });
    const filtered = await waitFor('the map of Wang Yi\'s meetings', () => api.meetingMap()?.title === 'Meetings of Wang Yi' && api.meetingMap());
    assert.deepEqual(sorted(filtered.eventIds), sorted(corpus.eventsOf(wang.id).map((event) => event.id)));
    assert.ok(filtered.eventIds.length > 0 && filtered.eventIds.length < corpus.timeline().length);

    api.timeline.setFilter(undefined);
    await waitFor('the map of all meetings again', () => api.meetingMap()?.eventIds.length === corpus.timeline().length);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the closed map to be gone', () => mapTabs().length === 0 && api.meetingMap() === undefined);
  });
});
