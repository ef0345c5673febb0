import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Engine } from '../../src/core/analyze';
import { formatOf, readableText } from '../../src/core/readableText';
import { ArticleAnalysis, ArticleFormat } from '../../src/core/types';
import { AnalysisClient } from '../../src/extension/analysisClient';

const markdown = (text: string) => readableText(text, 'markdown');

/** Every blanked unit is a space, every other unit is the document's own, and lines stay where they were. */
function assertBlankedFrom(original: string, readable: string): void {
  assert.equal(readable.length, original.length);
  for (let i = 0; i < original.length; i++) {
    if (readable[i] !== original[i]) assert.equal(readable[i], ' ', `unit ${i} (${JSON.stringify(original[i])}) became ${JSON.stringify(readable[i])}`);
    if (original[i] === '\n' || original[i] === '\r') assert.equal(readable[i], original[i], `line break at ${i} moved`);
  }
}

const SENTENCE = 'Xi Jinping met Joe Biden in Beijing on Monday.';

describe('the readable text of an article', () => {
  describe('markdown', () => {
    it('blanks YAML front matter and reads its date, title and author', () => {
      const text = '---\ntitle: "Talks in Beijing"\nauthor:\n  - Maria Gonzalez\ndate: 2023-06-18\ntags: [diplomacy, china]\n---\nBody.';
      const read = markdown(text);
      assertBlankedFrom(text, read.text);
      assert.equal(read.text.trim(), 'Body.');
      assert.deepEqual(read.frontMatter?.date, { key: 'date', value: '2023-06-18' });
      assert.equal(read.frontMatter?.title, 'Talks in Beijing');
      assert.equal(read.frontMatter?.author, 'Maria Gonzalez');
      assert.equal(read.frontMatter?.span.end, text.indexOf('Body.'));
    });

    it('reads TOML front matter, and a last-modified date only when no other is given', () => {
      const toml = markdown('+++\ntitle = "Talks"\npubDate = 2023-06-18T10:00:00Z # local\n+++\nBody.');
      assert.deepEqual(toml.frontMatter?.date, { key: 'pubDate', value: '2023-06-18T10:00:00Z' });
      assert.equal(toml.text.trim(), 'Body.');
      const yaml = markdown('---\nupdated: 2024-01-02\npublished: "2023-12-30"\n---\nBody.');
      assert.deepEqual(yaml.frontMatter?.date, { key: 'published', value: '2023-12-30' });
      assert.deepEqual(markdown('---\nlastmod: 2024-01-02\n---\nBody.').frontMatter?.date, { key: 'lastmod', value: '2024-01-02' });
    });

    it('takes a thematic break over prose for no front matter', () => {
      const text = '---\nThe talks began on Monday in Beijing.\n---\nBody.';
      assert.equal(markdown(text).frontMatter, null);
      assert.equal(markdown(text).text, text);
      assert.equal(markdown('Intro\n---\ndate: 2023-06-18\n---\n').frontMatter, null);
    });

    it('blanks fenced code of either kind and any length, to the end when unclosed', () => {
      const text = `Before.\n\n\`\`\`text\n${SENTENCE}\n\`\`\`\n\n~~~~\n${SENTENCE}\n~~~\nstill code\n~~~~\nAfter.\n\n\`\`\`\n${SENTENCE}`;
      const read = markdown(text);
      assertBlankedFrom(text, read.text);
      assert.equal(read.text.replace(/\s+/g, ' ').trim(), 'Before. After.');
    });

    it('keeps backticks with more backticks after them on the line: inline code, not a fence', () => {
      const text = '```code``` and prose\nXi Jinping spoke.';
      assert.equal(markdown(text).text, text);
    });

    it('blanks indented code after a blank line, but not a paragraph continued or a list item continued', () => {
      const text = `Para\n\n    ${SENTENCE}\n\nA paragraph\n    continued.\n\n- item\n\n    more of the item\n`;
      const read = markdown(text);
      assertBlankedFrom(text, read.text);
      assert.ok(!read.text.includes('Xi Jinping'));
      assert.ok(read.text.includes('    continued.'));
      assert.ok(read.text.includes('    more of the item'));
    });

    it('blanks fences inside block quotes', () => {
      const text = `> \`\`\`\n> ${SENTENCE}\n> \`\`\`\n> Quoted prose.`;
      const read = markdown(text);
      assert.ok(!read.text.includes('Xi'));
      assert.ok(read.text.endsWith('> Quoted prose.'));
    });

    it('blanks HTML comments, over lines and to the end when unclosed, and reads on after one', () => {
      const text = `One <!-- ${SENTENCE} --> two <!-- over\nlines --> three\n<!-- unclosed\n${SENTENCE}`;
      const read = markdown(text);
      assertBlankedFrom(text, read.text);
      assert.equal(read.text.replace(/\s+/g, ' ').trim(), 'One two three');
    });

    it('blanks tags and autolinks but keeps the text between tags', () => {
      const text = 'A <b>bold</b> claim, <span class="x">quoted</span>, <https://Example.org/Joe-Biden> and x < y.';
      assert.equal(markdown(text).text.replace(/\s+/g, ' '), 'A bold claim, quoted , and x < y.');
    });

    it('keeps the text of links and the alt of images, and blanks targets, labels and definitions', () => {
      const text =
        'See [the report](https://example.org/Joe-Biden "Joe Biden Visit") and ![Xi in Beijing](Xi_Jinping.png), ' +
        '[a wrapped\nlink](</Antony Blinken/>) and [a reference][Wang Yi].\n\n[Wang-Yi]: https://example.org/Wang-Yi "Wang Yi"\n';
      const read = markdown(text);
      assertBlankedFrom(text, read.text);
      assert.equal(read.text.replace(/\s+/g, ' ').trim(), 'See the report and Xi in Beijing , [a wrapped link and a reference .');
    });

    it('blanks emphasis by underscores but not an underscore inside a word', () => {
      assert.equal(markdown('_Xi Jinping_ met __Joe Biden__ about snake_case.').text, ' Xi Jinping  met   Joe Biden   about snake_case.');
    });

    it('is left alone in plain text, apart from addresses', () => {
      const text = `\`\`\`\n${SENTENCE}\n\`\`\`\n<!-- kept --> [link](https://example.org/X)`;
      assert.equal(readableText(text, 'plain').text, text.replace('https://example.org/X', ' '.repeat('https://example.org/X'.length)));
    });
  });

  describe('any text', () => {
    it('blanks URLs and e-mail addresses, without the punctuation after them', () => {
      const text = 'Write to John.Smith@Example.org or mailto:press@state.gov, see Https://Evil.Example/X. (or www.State.gov/Wiki_(A)) @POTUS said.';
      const read = readableText(text, 'plain');
      assertBlankedFrom(text, read.text);
      assert.equal(read.text.replace(/\s+/g, ' '), 'Write to or , see . (or ) @POTUS said.');
    });

    it('replaces control, bidi and zero-width characters one for one, and keeps surrogate pairs whole', () => {
      const invisible = ['\x00', '\x1b', '\x7f', '\x85', '\u061c', '\u200b', '\u200d', '\u200e', '\u202a', '\u202e', '\u2060', '\u2066', '\u2069', '\ufeff'];
      for (const character of invisible) assert.equal(readableText(`a${character}b`, 'plain').text, 'a b', JSON.stringify(character));
      assert.equal(readableText('\t\f\r\n', 'plain').text, '\t\f\r\n');
      assert.equal(readableText('😀\u202e😀', 'markdown').text, '😀 😀');
      assert.equal(readableText('a\ud800b\udc00', 'plain').text, 'a b ');
    });

    it('stays linear on degenerate input: each 300 KB repetition gives the same text blanked as its pieces', () => {
      const cases: Array<[string, ArticleFormat, string]> = [
        ['```\n', 'markdown', '   \n'],
        ['~~~\n', 'markdown', '   \n'],
        ['<!--', 'markdown', '    '],
        ['<!-- -->', 'markdown', '        '],
        ['[a](b) ', 'markdown', ' a     '],
        ['[a](', 'markdown', '[a]('],
        ['[a][', 'markdown', '[a]['],
        ['<a', 'markdown', '<a'],
        ['_', 'markdown', ' '],
        ['    a\n', 'markdown', '     \n'],
        ['http://', 'plain', '       '],
        ['www.a ', 'plain', '      '],
        ['a@b.cd ', 'plain', '       '],
        ['a@', 'plain', 'a@'],
        ['\u202e', 'plain', ' '],
      ];
      for (const [piece, format, blanked] of cases) {
        const count = Math.ceil(300_000 / piece.length);
        assert.equal(readableText(piece.repeat(count), format).text, blanked.repeat(count), JSON.stringify(piece));
      }
    });
  });

  it('is markdown by the format given, else by the file name', () => {
    assert.equal(formatOf({ uri: 'notes/a.md' }), 'markdown');
    assert.equal(formatOf({ uri: 'file:///b.MARKDOWN?x=1' }), 'markdown');
    assert.equal(formatOf({ uri: 'c.mdx' }), 'markdown');
    assert.equal(formatOf({ uri: 'd.txt' }), 'plain');
    assert.equal(formatOf({ uri: 'e.md', format: 'plain' }), 'plain');
    assert.equal(formatOf({ uri: '', format: 'markdown' }), 'markdown');
  });
});

describe('what the engine finds in markdown and hostile text', () => {
  const engine = new Engine();
  const analyze = (text: string, uri = 'article.md') => engine.analyze({ uri, text, version: 1 });
  const names = (analysis: ArticleAnalysis) => analysis.entities.map((e) => e.name);
  const people = (analysis: ArticleAnalysis) => analysis.entities.filter((e) => e.kind === 'person').map((e) => e.name);

  const FRONT_MATTER = '---\ntitle: Talks in Beijing\nauthor: Maria Gonzalez\ndate: 2023-06-18\n---\n\n';
  const NOT_PROSE = `\`\`\`\n${SENTENCE}\n\`\`\`\n\n    ${SENTENCE}\n\n<!-- ${SENTENCE} -->\n\n`;
  const PROSE = 'BEIJING, Jan. 31, 2020 - Secretary of State Antony Blinken met Wang Yi in Beijing on Friday.\n\n';

  it('reads no person from the front matter, and dates the article by it ahead of the dateline', () => {
    const analysis = analyze(FRONT_MATTER + PROSE);
    assert.ok(!people(analysis).includes('Maria Gonzalez'), people(analysis).join(', '));
    assert.equal(analysis.date.value, '2023-06-18');
    assert.equal(analysis.date.precision, 'day');
    assert.match(analysis.date.basis, /^front matter date: 2023-06-18/);
  });

  it('dates the article by TOML front matter too', () => {
    const analysis = analyze('+++\ndate = 2023-06-18\n+++\n' + PROSE);
    assert.equal(analysis.date.value, '2023-06-18');
  });

  it('counts no meeting in code or comments, and counts the same sentence in prose', () => {
    const hidden = analyze(FRONT_MATTER + NOT_PROSE + PROSE);
    assert.ok(!hidden.meetings.some((m) => m.participants.includes('Joe Biden')), JSON.stringify(hidden.meetings));
    assert.ok(!names(hidden).includes('Joe Biden'));
    assert.ok(hidden.meetings.some((m) => m.participants.includes('Wang Yi')));

    const text = FRONT_MATTER + NOT_PROSE + PROSE + SENTENCE + '\n';
    const shown = analyze(text);
    const meetings = shown.meetings.filter((m) => m.participants.includes('Joe Biden'));
    assert.equal(meetings.length, 1, JSON.stringify(shown.meetings));
    assert.equal(meetings[0].evidence.start, text.lastIndexOf('Xi Jinping met'));
  });

  it('reads the same text as plain text when it is not markdown', () => {
    const plain = analyze(NOT_PROSE, 'article.txt');
    assert.ok(plain.meetings.some((m) => m.participants.includes('Joe Biden')));
    const declared = engine.analyze({ uri: 'article.txt', text: NOT_PROSE, version: 1, format: 'markdown' });
    assert.ok(!declared.meetings.some((m) => m.participants.includes('Joe Biden')));
  });

  it('takes no name from a link target or title', () => {
    const analysis = analyze('Officials met on Monday, [the ministry said](https://example.org/Joe-Biden/Xi-Jinping "Antony Blinken").\n');
    assert.deepEqual(people(analysis), []);
  });

  it('gives mentions offsets into the file as it is', () => {
    const text = FRONT_MATTER + NOT_PROSE + PROSE;
    const analysis = analyze(text);
    assert.ok(analysis.entities.length > 0);
    for (const entity of analysis.entities) {
      for (const mention of entity.mentions) {
        assert.ok(mention.start >= text.indexOf('BEIJING'), `${entity.name} at ${mention.start}`);
        const said = text.slice(mention.start, mention.end);
        assert.ok(entity.name.includes(said) || said.toUpperCase() === entity.name.toUpperCase() || entity.aliases?.includes(said), `${entity.name} at ${mention.start}: ${said}`);
      }
    }
  });

  it('never lets a control, bidi or zero-width character, a URL or an e-mail address into a name', () => {
    const text =
      'President O\u202Eevil Name met Chancellor Smi\x1bcth and Ja\u200bmes Mil\u2066ler in Berlin on Monday. ' +
      'Https://Evil.Example/X said nothing; contact John.Smith@Example.org for comment.\n';
    for (const uri of ['hostile.txt', 'hostile.md']) {
      const found = names(analyze(text, uri));
      for (const name of found) {
        assert.doesNotMatch(name, /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/, `${uri}: ${JSON.stringify(name)}`);
        assert.doesNotMatch(name, /:\/\/|@|Evil\.Example|Example\.org/i, `${uri}: ${JSON.stringify(name)}`);
      }
    }
  });
});

describe('the analysis client reads markdown as markdown', function () {
  this.timeout(60000);
  const workerPath = path.join(process.cwd(), 'dist', 'analysisWorker.js');

  it('analyses the same text as plain text and as markdown apart', async () => {
    const client = new AnalysisClient({ workerPath, log: () => undefined });
    try {
      const plain = await client.analyze({ uri: 'file:///a.txt', text: NOT_PROSE_FOR_CLIENT, version: 1 });
      const asMarkdown = await client.analyze({ uri: 'file:///a.md', text: NOT_PROSE_FOR_CLIENT, version: 1 });
      const declared = await client.analyze({ uri: 'untitled:1', text: NOT_PROSE_FOR_CLIENT, version: 1, format: 'markdown' });
      assert.ok(plain?.meetings.some((m) => m.participants.includes('Joe Biden')));
      assert.deepEqual(asMarkdown?.meetings, []);
      assert.deepEqual(declared?.meetings, []);
    } finally {
      client.dispose();
    }
  });
});

const NOT_PROSE_FOR_CLIENT = `\`\`\`\n${SENTENCE}\n\`\`\`\n`;
