'use strict';
// End to end, as a reader would: open a seed article in VS Code (code-server in headless
// Chromium), see the highlights, hover "Blinken" and read the card, open the Attaché container,
// click an event and land on its sentence. Saves the screenshots the README shows.
const assert = require('assert');
const path = require('path');
const { openWorkbench } = require('../../scripts/vscode/e2e');

const repoRoot = path.resolve(__dirname, '..', '..');
const shots = path.join('docs', 'screenshots');

describe('a reader in VS Code', function () {
  this.timeout(240000);
  let vsc;

  before(async () => {
    vsc = await openWorkbench({ extension: repoRoot });
  });
  after(async () => vsc && vsc.close());

  it('sees people and places highlighted in an article', async () => {
    await vsc.openFile('001_3c85923e97ab670d.txt');
    // Decorated words carry classes VS Code generates per decoration type; wait for them.
    const decorated = vsc.page.locator('.part.editor .view-lines span[class*="ced-"]');
    await decorated.first().waitFor({ timeout: 60000 });
    const words = await decorated.allInnerTexts();
    assert.ok(words.some((w) => w.includes('Han Zheng')), `highlighted: ${words.join(', ')}`);
    assert.ok(words.some((w) => w.includes('New York')), `highlighted: ${words.join(', ')}`);
    await vsc.screenshot(path.join(shots, 'highlights.png'));
  });

  it('reads who Blinken is and whom he met in the hover card', async () => {
    const card = await vsc.hoverWord('Blinken', { timeout: 30000 });
    assert.match(card, /Antony Blinken/);
    assert.match(card, /Secretary of State/);
    assert.match(card, /Han Zheng/);
    assert.match(card, /Wang Yi/);
    await vsc.screenshot(path.join(shots, 'hover.png'));
    await vsc.page.mouse.move(1, 1);
  });

  it('opens the timeline and lands on the sentence of an event', async () => {
    await vsc.clickActivity('Attaché');
    const rows = vsc.page.locator('.part.sidebar .monaco-list-row');
    await rows.first().waitFor({ timeout: 30000 });
    const event = vsc.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Wang Yi' }).filter({ hasText: 'Blinken' }).first();
    if (!(await event.isVisible())) await vsc.page.locator('.part.sidebar .monaco-list-row', { hasText: '2023' }).first().click();
    await event.waitFor({ timeout: 30000 });
    await event.click();
    await vsc.page.locator('.tabs-container .tab.active', { hasText: '002_a088e6a33945da11.txt' }).waitFor({ timeout: 30000 });
    const position = await vsc.cursorPosition();
    assert.match(position, /selected/, `status bar says ${position}`);
    await vsc.screenshot(path.join(shots, 'timeline.png'));
  });
});
