import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { attacheWithSeeds, openAnalysed, waitFor, workspaceFolder } from './helpers';

interface EvidenceArgs {
  uri: string;
  start: number;
  end: number;
}

async function seed(prefix: string): Promise<vscode.Uri> {
  const files = await vscode.workspace.findFiles(`**/${prefix}_*.txt`);
  assert.equal(files.length, 1, `expected one seed article ${prefix}_*.txt in the workspace`);
  return files[0];
}

/** The hover markdown shown with the mouse on the `occurrence`-th appearance of `word`. */
async function hoverOn(document: vscode.TextDocument, word: string, occurrence = 1): Promise<vscode.MarkdownString[]> {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(word, offset + 1);
  assert.ok(offset >= 0, `"${word}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + 1));
  const markdown = hovers.flatMap((hover) => hover.contents).filter((content): content is vscode.MarkdownString => content instanceof vscode.MarkdownString);
  assert.ok(markdown.length > 0, `no hover on "${word}" in ${document.uri.path}`);
  return markdown;
}

function joined(markdown: vscode.MarkdownString[]): string {
  return markdown.map((m) => m.value).join('\n');
}

/** The arguments of every attache.openEvidence link in a hover. */
function evidenceLinks(value: string): EvidenceArgs[] {
  return [...value.matchAll(/\(command:attache\.openEvidence\?([^)\s]+)\)/g)].map((match) => (JSON.parse(decodeURIComponent(match[1])) as EvidenceArgs[])[0]);
}

async function textAt(args: EvidenceArgs): Promise<string> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  return document.getText(new vscode.Range(document.positionAt(args.start), document.positionAt(args.end)));
}

/** Timeline events: one source opens its evidence, several ask which report to open. */
function eventItems(items: vscode.TreeItem[]): vscode.TreeItem[] {
  return items.filter((item) => item.command?.command === 'attache.openEvidence' || item.command?.command === 'attache.openEvent');
}

function isYear(item: vscode.TreeItem): boolean {
  return item.contextValue === 'attache.year';
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Attaché hovers, timeline and evidence', () => {
  let api: AttacheApi;

  before(async () => {
    api = await attacheWithSeeds();
  });

  afterEach(async () => {
    api.timeline.setFilter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows Blinken\'s role and his meetings across the corpus, with links to the evidence', async () => {
    const article = await seed('001');
    const talksArticle = await seed('002');
    const document = (await openAnalysed(api, article)).document;
    const markdown = await hoverOn(document, 'Blinken');
    const value = joined(markdown);

    assert.match(value, /Antony Blinken/);
    assert.match(value, /In this article: Secretary of State/);
    assert.match(value, /Han Zheng/, 'the meeting with Han Zheng (this article) is missing');
    assert.match(value, /Wang Yi/, 'the talks with Wang Yi (article 002) are missing');
    assert.match(value, /command:attache\.filterTimeline\?/, 'no "Show in timeline" link');

    const links = evidenceLinks(value);
    const linkedTexts = await Promise.all(links.map(async (link) => ({ uri: link.uri, text: await textAt(link) })));
    assert.ok(
      linkedTexts.some((l) => l.uri === talksArticle.toString() && /^Chinese Foreign Minister Wang Yi held two rounds of talks with U\.S\. Secretary of State Antony Blinken/.test(l.text)),
      `no link selects the sentence of the talks in ${talksArticle.path}: ${JSON.stringify(linkedTexts)}`,
    );
    assert.ok(
      linkedTexts.some((l) => l.uri === article.toString() && /^Han met US Secretary of State Antony Blinken/.test(l.text)),
      `no link selects the sentence of the meeting with Han Zheng: ${JSON.stringify(linkedTexts)}`,
    );
  });

  it('gives Xi the role each article states: Vice President in 2009, President in 2013', async () => {
    const in2009 = joined(await hoverOn((await openAnalysed(api, await seed('000'))).document, 'Xi Jinping'));
    assert.match(in2009, /In this article: Vice President, China/);
    const in2013 = joined(await hoverOn((await openAnalysed(api, await seed('004'))).document, 'Xi Jinping'));
    assert.match(in2013, /In this article: President, China/);
    assert.doesNotMatch(in2013, /In this article: Vice President/);
    for (const value of [in2009, in2013]) assert.match(value, /Vice President, China · 2008/, 'the role history should list the vice presidency');
  });

  it('marks a role the article does not state as the knowledge base\'s', async () => {
    const value = joined(await hoverOn((await openAnalysed(api, await seed('001'))).document, 'Joe Biden'));
    assert.match(value, /In this article: President, United States \*\(knowledge base\)\*/);
  });

  it('describes a place and the meetings held there', async () => {
    const document = (await openAnalysed(api, await seed('004'))).document;
    const value = joined(await hoverOn(document, 'Beijing'));
    assert.match(value, /\*\*Beijing\*\*/);
    assert.match(value, /City in China/);
    assert.match(value, /Antonio Villaraigosa/, 'the meeting held in Beijing in this article is missing');
    assert.ok(evidenceLinks(value).length > 0);
  });

  it('lists the timeline by year, oldest first, with undated events last', async () => {
    const items = await api.timeline.visibleItems();
    // Other suites may leave articles of their own in the corpus: the seeds' years must be there, in order.
    const years = items.filter(isYear).map(labelOf);
    assert.deepEqual(years, [...years].sort(), 'years run oldest first');
    assert.equal(years[years.length - 1], 'Undated');
    for (const year of ['2009', '2012', '2013', '2018', '2019', '2023']) assert.ok(years.includes(year), `no ${year} in ${years.join(', ')}`);

    let year = '';
    const undated: string[] = [];
    for (const item of items) {
      const label = labelOf(item);
      if (isYear(item)) year = label;
      else if (item.contextValue === 'attache.month') assert.ok(label.endsWith(` ${year}`), `month "${label}" is listed under ${year}`);
      else if (year === 'Undated') undated.push(label);
      else assert.ok(label.startsWith(year), `"${label}" is listed under ${year}`);
    }
    assert.ok(undated.length > 0 && undated.every((label) => label.startsWith('undated · ')), undated.join('\n'));
    assert.ok(undated.includes('undated · Donald Trump — Xi Jinping'), undated.join('\n'));
    const events = eventItems(items).map(labelOf);
    const in2023 = events.filter((label) => label.startsWith('2023'));
    const positions = ['2023-06 · Antony Blinken', '2023-09-18 · Han Zheng — Antony Blinken', '2023-10 · Wang Yi — Antony Blinken', '2023-11-15 · Xi Jinping — Joe Biden'].map((label) =>
      in2023.indexOf(label),
    );
    assert.ok(positions.every((position) => position >= 0) && positions.every((position, i) => i === 0 || positions[i - 1] < position), `2023 out of order:\n${in2023.join('\n')}`);
    const ids = eventItems(items).map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, 'tree item ids must be unique');
  });

  it('opens an event\'s article with the sentence that states it selected', async () => {
    const article = await seed('001');
    const item = eventItems(await api.timeline.visibleItems()).find((i) => labelOf(i) === '2023-09-18 · Han Zheng — Antony Blinken');
    assert.ok(item?.command?.arguments, 'the Han Zheng–Blinken meeting is not in the timeline');
    const args = item.command.arguments[0] as EvidenceArgs;
    assert.equal(args.uri, article.toString());

    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const editor = await waitFor('the article to open', () => vscode.window.activeTextEditor?.document.uri.toString() === article.toString() && vscode.window.activeTextEditor);
    const selected = editor.document.getText(editor.selection);
    assert.match(selected, /^Han met US Secretary of State Antony Blinken on the sidelines/);
    assert.equal(selected, await textAt(args));
  });

  it('warns instead of failing when the evidence\'s article is gone', async () => {
    const missing = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'no-such-article.txt').toString();
    await vscode.commands.executeCommand('attache.openEvidence', { uri: missing, start: 0, end: 5 });
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.toString(), missing);
  });

  it('filters the timeline to one person and back', async () => {
    const all = eventItems(await api.timeline.visibleItems());
    await vscode.commands.executeCommand('attache.filterTimeline', { kind: 'person', id: 'person:wang-yi', name: 'Wang Yi' });
    assert.equal(api.timeline.treeView.description, 'Filtered: Wang Yi');
    const filtered = eventItems(await api.timeline.visibleItems()).map(labelOf);
    assert.deepEqual(filtered, all.map(labelOf).filter((label) => label.includes('Wang Yi')));
    assert.ok(filtered.includes('2023-09 · Jake Sullivan — Wang Yi') && filtered.includes('2023-10 · Wang Yi — Antony Blinken'), filtered.join('\n'));
    assert.ok(filtered.length < all.length);

    await vscode.commands.executeCommand('attache.filterTimeline', { kind: 'place', id: 'place:beijing', name: 'Beijing' });
    const inBeijing = eventItems(await api.timeline.visibleItems());
    assert.ok(inBeijing.length > 0 && inBeijing.every((item) => String(item.description).includes('· Beijing')), inBeijing.map(labelOf).join('\n'));

    await vscode.commands.executeCommand('attache.clearTimelineFilter');
    assert.equal(api.timeline.filter, undefined);
    assert.equal(api.timeline.treeView.description, undefined);
    assert.deepEqual(eventItems(await api.timeline.visibleItems()).map(labelOf), all.map(labelOf));
  });

  it('filters by the person or place chosen from a quick pick', async () => {
    const firstPerson = [...api.model.corpus().people()].sort((a, b) => a.name.localeCompare(b.name))[0];
    let chosen = false;
    const choosing = Promise.resolve(vscode.commands.executeCommand('attache.filterTimeline')).finally(() => (chosen = true));
    // The pick lists people first, by name: accept the highlighted first one once the pick is open.
    await waitFor('the quick pick to be accepted', () => {
      if (!chosen) void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return chosen;
    });
    await choosing;
    assert.deepEqual(api.timeline.filter, { kind: 'person', id: firstPerson.id, name: firstPerson.name });
    const shown = eventItems(await api.timeline.visibleItems());
    assert.ok(shown.length > 0 && shown.every((item) => labelOf(item).includes(firstPerson.name)), shown.map(labelOf).join('\n'));
  });

  it('scrolls the visible timeline to the active article\'s first event without selecting it', async () => {
    await vscode.commands.executeCommand('attache.timeline.focus');
    await waitFor('the timeline to be visible', () => api.timeline.treeView.visible);
    const revealed: Array<{ element: unknown; options: unknown }> = [];
    const treeView = api.timeline.treeView as { reveal: (element: unknown, options?: unknown) => Thenable<void> };
    const reveal = treeView.reveal;
    treeView.reveal = (element, options) => {
      revealed.push({ element, options });
      return reveal.call(treeView, element, options);
    };
    try {
      const article = await seed('004');
      await vscode.window.showTextDocument(article);
      const call = await waitFor('a reveal', () => revealed[0]);
      const item = api.timeline.getTreeItem(call.element as never);
      assert.equal((item.command?.arguments?.[0] as EvidenceArgs).uri, article.toString());
      assert.equal(labelOf(item), '2012-02 · Xi Jinping', 'the first event of 004 in timeline order');
      assert.deepEqual(call.options, { select: false, focus: false });
    } finally {
      treeView.reveal = reveal;
    }
  });

  describe('with an article that contains markup', () => {
    const hostileText = [
      'BEIJING, March 3, 2024 (Xinhua) -- Chinese Foreign Minister Wang Yi met with Zorblat Quennix, Foreign Minister of [x](command:workbench.action.terminal.new)Freedonia<img src=x onerror=alert(1)>, in Beijing on Tuesday.',
      'Quennix said the talks were useful.',
      'Deputy Foreign Minister Ab<img/src=x/onerror=alert(1)>Cd met with Wang Yi in Beijing on Monday.',
      '',
    ].join('\n');
    let uri: vscode.Uri;

    before(async () => {
      uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '[x](command:workbench.action.terminal.new)<img src=x onerror=alert(1)>\u202Etxt.exe.txt');
      await vscode.workspace.fs.writeFile(uri, Buffer.from(hostileText, 'utf8'));
    });

    after(async () => {
      await vscode.workspace.fs.delete(uri);
    });

    function assertInert(markdown: vscode.MarkdownString[]): void {
      for (const m of markdown) {
        assert.notEqual(m.isTrusted, true, 'a hover with document text must not trust every command');
        if (typeof m.isTrusted === 'object') assert.deepEqual([...m.isTrusted.enabledCommands].sort(), ['attache.filterTimeline', 'attache.openEvidence', 'attache.showSources']);
        assert.ok(!m.supportHtml, 'the hover must not render HTML');
        assert.doesNotMatch(m.value, /\]\(command:(?!attache\.)/, "a document's link survived");
        assert.doesNotMatch(m.value, /(?<!\\)</, "a document's HTML survived");
      }
    }

    it('keeps markup out of names and shows the document-derived text literally', async () => {
      const document = (await openAnalysed(api, uri)).document;
      const entities = api.model.analysisOf(uri)!.entities;
      const quennix = entities.find((e) => e.name === 'Zorblat Quennix');
      assert.ok(quennix, `Quennix should be found: ${entities.map((e) => e.name).join(', ')}`);
      for (const entity of entities) {
        assert.doesNotMatch(entity.name, /[<>[\]()]/, `markup became part of a name: ${entity.name}`);
        for (const role of entity.roles) assert.doesNotMatch(role.title, /[<>[\]()]/, `markup became part of a title: ${role.title}`);
      }
      const hover = await hoverOn(document, 'Quennix', 2);
      assertInert(hover);
      // The article's file name is the document-derived text the card repeats: it must show escaped.
      assert.match(joined(hover), /\\\[x\\\]\\\(command\\:workbench/, 'the file name should be shown, escaped');
      assert.match(joined(hover), /\\<img/, 'the file name should be shown, escaped');
      // A right-to-left override in it is shown as what it is, and reverses nothing.
      assert.match(joined(hover), /⟨U\\\+202E⟩txt\\\.exe/, 'the bidi override should be shown visibly');
      assert.doesNotMatch(joined(hover), /\u202E/);
    });

    it('keeps timeline tooltips literal too', async () => {
      await openAnalysed(api, uri);
      await waitFor('the article in the corpus', () => api.model.corpus().has(uri.toString()));
      const hostileEvents = eventItems(await api.timeline.visibleItems()).filter((item) => (item.command?.arguments?.[0] as EvidenceArgs).uri === uri.toString());
      assert.ok(hostileEvents.length > 0, 'the article\'s meetings are not in the timeline');
      for (const item of hostileEvents) {
        const tooltip = item.tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString, 'event tooltips are markdown');
        assertInert([tooltip]);
      }
    });
  });

  /** Runs a command that shows a quick pick, and accepts the pick's first item. */
  async function acceptFirst(command: string, ...args: unknown[]): Promise<void> {
    let done = false;
    const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (done = true));
    await waitFor('the quick pick to be accepted', () => {
      if (!done) void vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return done;
    });
    await running;
  }

  /** The timeline's node whose tree item has this id, found by walking years and months. */
  function timelineNode(id: string) {
    for (const year of api.timeline.getChildren()) {
      for (const child of api.timeline.getChildren(year)) {
        if (api.timeline.getTreeItem(child).id === id) return child;
        for (const event of api.timeline.getChildren(child)) if (child.type === 'month' && api.timeline.getTreeItem(event).id === id) return event;
      }
    }
    return undefined;
  }

  describe('with the same meeting reported by two articles', () => {
    let folder: vscode.Uri;
    let reports: vscode.Uri[];

    before(async () => {
      folder = vscode.Uri.joinPath(workspaceFolder(), 'two-reports');
      reports = [vscode.Uri.joinPath(folder, 'washington.txt'), vscode.Uri.joinPath(folder, 'beijing.txt')];
      const texts = [
        'WASHINGTON, March 12, 2024 -- U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington on Tuesday.\n',
        'BEIJING, March 13, 2024 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with U.S. Secretary of State Antony Blinken in Washington on Tuesday, the ministry said.\n',
      ];
      await Promise.all(reports.map((uri, i) => vscode.workspace.fs.writeFile(uri, Buffer.from(texts[i], 'utf8'))));
      await waitFor('both reports in the corpus', () => reports.every((uri) => api.model.corpus().has(uri.toString())));
      await api.whenIdle();
    });

    after(async () => {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await waitFor('the reports to leave the corpus', () => reports.every((uri) => !api.model.corpus().has(uri.toString())));
      await api.whenIdle();
    });

    function theEvent() {
      const paths = reports.map(String);
      const events = api.model
        .corpus()
        .timeline()
        .filter((event) => event.sources.some((source) => paths.includes(source.article)));
      assert.equal(events.length, 1, `the two reports make ${events.length} events: ${events.map((e) => e.label).join('; ')}`);
      return events[0];
    }

    it('lists one timeline event with both articles as its sources', async () => {
      const event = theEvent();
      assert.deepEqual(event.sources.map((source) => source.article).sort(), reports.map(String).sort());
      assert.equal(event.date.value, '2024-03-12');

      const id = `attache.timeline/event/${event.id}`;
      const items = eventItems(await api.timeline.visibleItems()).filter((item) => item.id === id);
      assert.equal(items.length, 1, 'the event is listed once');
      assert.match(String(items[0].description), /· Washington · 2 sources$/);
      assert.equal(items[0].command?.command, 'attache.openEvent');
      assert.deepEqual(items[0].command?.arguments, [{ id: event.id }]);

      // Its children list each report, and each opens its own article.
      const node = timelineNode(id);
      assert.ok(node, 'the event node is not in the tree');
      const sources = api.timeline
        .getChildren(node)
        .map((child) => api.timeline.getTreeItem(child))
        .filter((item) => item.command?.command === 'attache.openEvidence');
      assert.deepEqual(sources.map((item) => (item.command!.arguments![0] as EvidenceArgs).uri).sort(), reports.map(String).sort());
      assert.ok(sources.every((item) => String(item.description).startsWith('2024-03-12')), sources.map((item) => item.description).join(', '));
    });

    it('asks which report to open, and opens the chosen one at its sentence', async () => {
      const event = theEvent();
      await acceptFirst('attache.openEvent', { id: event.id });
      const editor = await waitFor('a report to open', () => vscode.window.activeTextEditor);
      assert.equal(editor.document.uri.toString(), event.sources[0].article);
      assert.match(editor.document.getText(editor.selection), /Wang Yi/);
    });

    it('says on the hover card how many articles report the meeting', async () => {
      const document = (await openAnalysed(api, reports[0])).document;
      const value = joined(await hoverOn(document, 'Wang Yi'));
      const event = theEvent();
      const link = `[2 sources](command:attache.showSources?${encodeURIComponent(JSON.stringify([{ event: event.id }])).replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
      assert.ok(value.includes(link), value);
    });
  });

  describe('with an official stated in hundreds of articles', () => {
    const COUNT = 300;
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    let folder: vscode.Uri;
    let files: vscode.Uri[];

    before(async function () {
      this.timeout(240000);
      folder = vscode.Uri.joinPath(workspaceFolder(), 'hub');
      files = Array.from({ length: COUNT }, (_, i) => vscode.Uri.joinPath(folder, `hub-${String(i).padStart(3, '0')}.txt`));
      // One meeting every other day from July 2021: each its own event, some 150 a year.
      const textOf = (i: number) => {
        const day = new Date(Date.UTC(2021, 6, 1) + i * 2 * 86400000);
        const dateline = `${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
        return `WASHINGTON, ${dateline} -- U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Washington.\n`;
      };
      await vscode.workspace.fs.createDirectory(folder);
      for (let i = 0; i < COUNT; i += 50) {
        await Promise.all(files.slice(i, i + 50).map((uri, j) => vscode.workspace.fs.writeFile(uri, Buffer.from(textOf(i + j), 'utf8'))));
      }
      await waitFor('the hub articles in the corpus', () => files.every((uri) => api.model.corpus().has(uri.toString())), 200000);
      await api.whenIdle();
    });

    after(async function () {
      this.timeout(120000);
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
      await waitFor('the hub articles to leave the corpus', () => files.every((uri) => !api.model.corpus().has(uri.toString())), 100000);
      await api.whenIdle();
    });

    it('keeps the hover card short, with counts and links to the full lists', async () => {
      const document = (await openAnalysed(api, files[150])).document;
      const value = joined(await hoverOn(document, 'Antony Blinken'));
      console.log(`      hover card on Antony Blinken with ${COUNT} hub articles: ${value.length} characters`);
      assert.ok(value.length < 2500, `the card has ${value.length} characters:\n${value}`);

      const stated = /stated in \[([\d,]+) articles\]\(command:attache\.showSources\?/.exec(value);
      assert.ok(stated && Number(stated[1].replace(/,/g, '')) >= COUNT, `no "stated in ${COUNT}+ articles" link:\n${value}`);
      const meetings = /\*\*Meetings\*\* \(([\d,]+)\)/.exec(value);
      assert.ok(meetings && Number(meetings[1].replace(/,/g, '')) >= COUNT, `no count of ${COUNT}+ meetings:\n${value}`);
      assert.match(value, /\[…and [\d,]+ more meetings in the timeline\]\(command:attache\.filterTimeline\?/);
      const meetingLines = value.slice(value.indexOf('**Meetings**')).split('\n').filter((line) => line.startsWith('- '));
      assert.equal(meetingLines.length, 6, `five meetings and the "more" line:\n${meetingLines.join('\n')}`);
      // The meetings shown are the ones nearest the article's date, this article's own first.
      assert.ok(meetingLines.some((line) => evidenceLinks(line).some((link) => link.uri === files[150].toString())), meetingLines.join('\n'));
    });

    it('lists every article that states the role, and opens the chosen one at the title', async () => {
      const document = (await openAnalysed(api, files[10])).document;
      const value = joined(await hoverOn(document, 'Antony Blinken'));
      const match = /stated in \[[\d,]+ articles\]\(command:attache\.showSources\?([^)\s]+)\)/.exec(value);
      assert.ok(match, value);
      const [args] = JSON.parse(decodeURIComponent(match[1])) as unknown[];
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await acceptFirst('attache.showSources', args);
      const editor = await waitFor('an article to open', () => vscode.window.activeTextEditor);
      assert.match(editor.document.getText(editor.selection), /Secretary of State$/);
    });

    it('lists a year of many meetings by month', async () => {
      const items = await api.timeline.visibleItems();
      const months = items.filter((item) => item.contextValue === 'attache.month').map((item) => `${labelOf(item)} (${String(item.description)})`);
      assert.ok(months.some((month) => month.startsWith('August 2021 (')), months.join('\n'));
      assert.ok(months.some((month) => month.startsWith('March 2022 (')), months.join('\n'));
      const seen = new Set<string>();
      for (const item of eventItems(items)) {
        assert.ok(!seen.has(item.id!), `${item.id} is listed twice`);
        seen.add(item.id!);
      }
    });
  });
});
