'use strict';
// End to end: open the meeting map from the command palette (VS Code in headless Chromium), see a
// mark for each of the seeds' meetings, pick a person in the network and see their meetings in the
// chart, click a mark and land on its sentence in its article. Saves the screenshot the README shows.
const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const { openWorkbench } = require('../../scripts/vscode/e2e');

const repoRoot = path.resolve(__dirname, '..', '..');
const gold = require('../fixtures/seeds.gold.json');

/** The corpus timeline of a folder as the command line reads it: the same engine as the extension. */
function timelineOf(folder) {
  const output = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'analyze', folder, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output).timeline;
}

/** The webview's own document: code-server nests it in two iframes; it is the frame with the chart. */
async function mapFrame(page, timeout = 60000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator('#chart').count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error('no meeting map webview appeared');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('the meeting map in VS Code', function () {
  this.timeout(240000);
  let vsc;
  let timeline;

  before(async () => {
    // Wide enough for the chart and the network side by side next to the Timeline.
    vsc = await openWorkbench({ extension: repoRoot, viewport: { width: 1600, height: 900 } });
    timeline = timelineOf(vsc.folder);
  });
  after(async () => vsc && vsc.close());

  it('draws a mark for every meeting of the seeds, links the two pictures, and opens the sentence of a clicked mark', async () => {
    await vsc.clickActivity('Attaché');
    await vsc.runCommand('Attaché: Show Meeting Map');
    const frame = await mapFrame(vsc.page);
    const marks = frame.locator('#chart g.mark');

    // The corpus is read in the background: the map follows it until every event is drawn.
    const deadline = Date.now() + 60000;
    while ((await marks.count()) < timeline.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    assert.strictEqual(await marks.count(), timeline.length, 'one mark per event of the corpus timeline');
    const labels = await marks.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    for (const article of gold.articles) {
      for (const meeting of article.meetings.required) {
        const drawn = labels.some((label) => meeting.participants.every((name) => label.includes(name)));
        assert.ok(drawn, `no mark for the meeting of ${meeting.participants.join(' and ')} (${article.file})`);
      }
    }
    const planned = await frame.locator('#chart g.mark.planned').count();
    assert.strictEqual(planned, timeline.filter((event) => event.status === 'planned').length, 'planned meetings are drawn hollow');
    assert.ok((await frame.locator('#network g.edge').count()) > 0, 'the network has no edges');
    // Off the activity bar's tooltip, onto an empty part of the map.
    await vsc.page.mouse.move(1100, 850);
    await vsc.page.waitForTimeout(500);
    await vsc.screenshot(path.join('docs', 'screenshots', 'meeting-map.png'));

    // The two pictures are linked: choosing Xi Jinping in the network picks out his row and his meetings in the chart.
    await frame.locator('#network g.node[aria-label^="Xi Jinping:"]').click();
    const row = frame.locator('#chart g.row.selected');
    assert.strictEqual(await row.count(), 1, 'one row is selected');
    assert.match(await row.textContent(), /Xi Jinping/);
    const lit = await frame.locator('#chart g.mark.lit').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    assert.strictEqual(lit.length, timeline.filter((event) => event.participants.includes('Xi Jinping')).length);
    assert.ok(lit.every((label) => label.includes('Xi Jinping')), lit.join('\n'));
    await vsc.page.keyboard.press('Escape');

    const meeting = timeline.find((event) => event.participants.includes('Han Zheng') && event.participants.includes('Antony Blinken'));
    assert.ok(meeting, 'the seeds have the meeting of Han Zheng and Antony Blinken');
    await frame.locator('#chart g.mark', { hasText: 'Han Zheng — Antony Blinken' }).click();

    await vsc.page.locator('.tabs-container .tab.active', { hasText: path.basename(meeting.article) }).waitFor({ timeout: 30000 });
    const selected = `(${meeting.sentence.end - meeting.sentence.start} selected)`;
    const until = Date.now() + 10000;
    let position = await vsc.cursorPosition();
    while (!position.includes(selected) && Date.now() < until) position = await vsc.cursorPosition();
    assert.ok(position.includes(selected), `the status bar says ${position}, not the sentence's ${selected}`);
    // The map stays in view beside the article.
    assert.strictEqual(await (await mapFrame(vsc.page, 10000)).locator('#chart g.mark').count(), timeline.length);
  });
});
