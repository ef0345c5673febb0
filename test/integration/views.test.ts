import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AttacheApi } from '../../src/extension/extension';
import { attacheWithSeeds, openAnalysed, waitFor } from './helpers';

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

function eventItems(items: vscode.TreeItem[]): vscode.TreeItem[] {
  return items.filter((item) => item.command?.command === 'attache.openEvidence');
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
    const years = items.filter((item) => !item.command).map(labelOf);
    assert.deepEqual(years, [...years].sort(), 'years run oldest first');
    assert.equal(years[years.length - 1], 'Undated');
    for (const year of ['2009', '2012', '2013', '2018', '2019', '2023']) assert.ok(years.includes(year), `no ${year} in ${years.join(', ')}`);

    let year = '';
    const undated: string[] = [];
    for (const item of items) {
      const label = labelOf(item);
      if (!item.command) year = label;
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
    assert.ok(inBeijing.length > 0 && inBeijing.every((item) => String(item.description).endsWith('· Beijing')), inBeijing.map(labelOf).join('\n'));

    await vscode.commands.executeCommand('attache.clearTimelineFilter');
    assert.equal(api.timeline.filter, undefined);
    assert.equal(api.timeline.treeView.description, undefined);
    assert.deepEqual(eventItems(await api.timeline.visibleItems()).map(labelOf), all.map(labelOf));
  });

  it('filters by the person or place chosen from a quick pick', async () => {
    const firstPerson = [...api.model.corpus().people].sort((a, b) => a.name.localeCompare(b.name))[0];
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
        if (typeof m.isTrusted === 'object') assert.deepEqual([...m.isTrusted.enabledCommands].sort(), ['attache.filterTimeline', 'attache.openEvidence']);
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
      await waitFor('the article in the corpus', () => api.model.corpus().articles.some((a) => a.path === uri.toString()));
      const hostileEvents = eventItems(await api.timeline.visibleItems()).filter((item) => (item.command?.arguments?.[0] as EvidenceArgs).uri === uri.toString());
      assert.ok(hostileEvents.length > 0, 'the article\'s meetings are not in the timeline');
      for (const item of hostileEvents) {
        const tooltip = item.tooltip;
        assert.ok(tooltip instanceof vscode.MarkdownString, 'event tooltips are markdown');
        assertInert([tooltip]);
      }
    });
  });
});
