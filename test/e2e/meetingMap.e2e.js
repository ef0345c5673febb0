'use strict';
// End to end: open the meeting map from the command palette (VS Code in headless Chromium), see a
// mark for each of the seeds' meetings and an edge for each pair who met, with no two names in the
// network on top of each other; pick a person in the network and see their meetings in the chart;
// click a mark and land on its sentence in its article; click an edge, choose one of its meetings
// and land on that one's sentence. Saves the screenshot the README shows.
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

/** The meetings of each pair of people who met, by "A and B" in the order of the corpus timeline. */
function pairsOf(timeline) {
  const pairs = new Map();
  for (const event of timeline) {
    const people = [...new Set(event.participants)].sort();
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const key = `${people[i]} and ${people[j]}`;
        pairs.set(key, [...(pairs.get(key) ?? []), event]);
      }
    }
  }
  return pairs;
}

/** Waits until the status bar says the selection is as long as the event's sentence, and says so if it never does. */
async function waitForSentence(vsc, event) {
  const selected = `(${event.sentence.end - event.sentence.start} selected)`;
  const until = Date.now() + 10000;
  let position = await vsc.cursorPosition();
  while (!position.includes(selected) && Date.now() < until) position = await vsc.cursorPosition();
  assert.ok(position.includes(selected), `the status bar says ${position}, not the sentence's ${selected}`);
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

  it('draws a mark for every meeting of the seeds, links the two pictures, and opens the sentence of a clicked mark or edge', async () => {
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
    const pairs = pairsOf(timeline);
    assert.strictEqual(await frame.locator('#network g.edge').count(), pairs.size, 'one edge per pair of people who met');
    const legend = await frame.locator('#legend li').allTextContents();
    assert.deepStrictEqual(legend, ['Meeting', 'Talks', 'Call', 'Visit', 'Summit', 'Held (filled)', 'Planned (hollow)']);

    // The names of the network's people, as drawn, run neither into each other nor over another's circle.
    const nodes = await frame.locator('#network g.node').evaluateAll((elements) =>
      elements.map((element) => {
        const box = (child) => {
          const { x, y, width, height } = element.querySelector(child).getBBox();
          return { x, y, width, height };
        };
        return { name: element.querySelector('text').textContent, label: box('text'), circle: box('circle') };
      }),
    );
    assert.strictEqual(nodes.length, new Set(timeline.flatMap((event) => event.participants)).size, 'one node per person');
    const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const [i, a] of nodes.entries()) {
      for (const [j, b] of nodes.entries()) {
        if (i < j) assert.ok(!overlap(a.label, b.label), `the names ${a.name} and ${b.name} overlap: ${JSON.stringify([a.label, b.label])}`);
        if (i !== j) assert.ok(!overlap(a.label, b.circle), `the name ${a.name} runs over the circle of ${b.name}`);
      }
    }

    // No notification toasts over the screenshot.
    await vsc.runCommand('Notifications: Clear All Notifications');
    await vsc.page.locator('.notification-toast').filter({ visible: true }).first().waitFor({ state: 'detached', timeout: 10000 });
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
    await waitForSentence(vsc, meeting);
    // The map stays in view beside the article.
    const mapNow = await mapFrame(vsc.page, 10000);
    assert.strictEqual(await mapNow.locator('#chart g.mark').count(), timeline.length);

    // An edge of two people who met more than once offers their meetings in timeline order. Its
    // line may lie flat, with a box too thin for a mouse click, so the click goes straight to the
    // wide invisible line over it that takes the pointer's clicks.
    const [pair, together] = [...pairs].find(([, events]) => events.length > 1) ?? [];
    assert.ok(pair, 'the seeds have two people who met more than once');
    const [first, second] = pair.split(' and ');
    const edges = await mapNow.locator('#network g.edge').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    const edge = edges.findIndex((label) => label === `${first} and ${second}: ${together.length} meetings` || label === `${second} and ${first}: ${together.length} meetings`);
    assert.ok(edge >= 0, `no edge of ${pair} among ${edges.join('; ')}`);
    await mapNow.locator('#network g.edge').nth(edge).locator('line.hit').dispatchEvent('click');
    const picker = vsc.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-title', { hasText: `${together.length} meetings` }).waitFor({ timeout: 10000 });
    assert.strictEqual(await picker.locator('.quick-input-list .monaco-list-row').count(), together.length, 'one choice per meeting of the two');
    const chosen = together[together.length - 1];
    for (let i = 1; i < together.length; i++) await vsc.page.keyboard.press('ArrowDown');
    await vsc.page.keyboard.press('Enter');
    await vsc.page.locator('.tabs-container .tab.active', { hasText: path.basename(chosen.article) }).waitFor({ timeout: 30000 });
    await waitForSentence(vsc, chosen);
  });
});
