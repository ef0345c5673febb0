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

  // Highlights are background boxes VS Code draws under the words; their class names change
  // between runs, so find the boxes under a person's and a place's name by position.
  const highlightUnder = (word) =>
    vsc.page.evaluate((wanted) => {
      const lines = document.querySelector('.part.editor .editor-instance .view-lines');
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // The editor renders spaces as no-break spaces.
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const word = range.getBoundingClientRect();
        for (const box of document.querySelectorAll('.part.editor .view-overlays .cdr')) {
          const r = box.getBoundingClientRect();
          if (r.left <= word.left + 1 && r.right >= word.right - 1 && r.top <= word.top + 2 && r.bottom >= word.bottom - 2) return getComputedStyle(box).backgroundColor;
        }
      }
      return null;
    }, word);

  it('sees people and places highlighted in an article', async () => {
    await vsc.openFile('001_3c85923e97ab670d.txt');
    const deadline = Date.now() + 60000;
    let person = null;
    while (!person && Date.now() < deadline) {
      person = await highlightUnder('Han Zheng');
      if (!person) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const place = await highlightUnder('New York');
    assert.ok(person, 'no highlight under "Han Zheng"');
    assert.ok(place, 'no highlight under "New York"');
    assert.notStrictEqual(person, place, 'people and places should have different colours');
    assert.strictEqual(await highlightUnder('Monday'), null, 'a weekday is not highlighted');
    // No notification toasts (the indexing progress) over the screenshot.
    await vsc.runCommand('Notifications: Clear All Notifications');
    await vsc.page.locator('.notification-toast').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 10000 });
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

  it('tells Attaché from the light bulb that a name is not a person, and the highlight goes', async () => {
    const yellen = await vsc.page.evaluate(() => {
      const lines = document.querySelector('.part.editor .editor-instance .view-lines');
      const walker = document.createTreeWalker(lines, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf('Yellen');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const { x, y, height } = range.getBoundingClientRect();
        return { x, y: y + height / 2 };
      }
      return null;
    });
    assert.ok(yellen, '"Yellen" is not on the visible lines');
    assert.ok(await highlightUnder('Janet Yellen'), 'Janet Yellen is not highlighted to begin with');
    await vsc.page.mouse.click(yellen.x, yellen.y);
    await vsc.page.keyboard.press('Control+.');
    const fix = vsc.page.locator('.action-widget .monaco-list-row', { hasText: 'Attaché: Not a person' }).first();
    await fix.waitFor({ timeout: 30000 });
    await vsc.screenshot(path.join(shots, 'quick-fixes.png'));
    // The menu is driven by the keyboard, as a reader at the light bulb would: down to the fix, then Enter.
    for (let moves = 0; !/\bfocused\b/.test((await fix.getAttribute('class')) ?? '') && moves < 8; moves++) await vsc.page.keyboard.press('ArrowDown');
    await vsc.page.keyboard.press('Enter');
    const deadline = Date.now() + 30000;
    while ((await highlightUnder('Janet Yellen')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(await highlightUnder('Janet Yellen'), null, 'Janet Yellen is still highlighted');
    assert.ok(await highlightUnder('Han Zheng'), 'the others keep their highlights');
  });

  it('opens the timeline and lands on the sentence of an event', async () => {
    await vsc.clickActivity('Attaché');
    const event = vsc.page.locator('.part.sidebar .monaco-list-row', { hasText: 'Xi Jinping — Antonio Villaraigosa' }).first();
    await event.waitFor({ timeout: 30000 });
    await event.click();
    await vsc.page.locator('.tabs-container .tab.active', { hasText: '004_07d1a38f5434573d.txt' }).waitFor({ timeout: 30000 });
    const deadline = Date.now() + 10000;
    let position = await vsc.cursorPosition();
    while (!/selected/.test(position) && Date.now() < deadline) position = await vsc.cursorPosition();
    assert.match(position, /selected/, `the status bar says ${position}`);
    await vsc.screenshot(path.join(shots, 'timeline.png'));
  });
});
