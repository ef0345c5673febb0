import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Engine } from '../../src/core/analyze';
import { analysisKey, contentKey } from '../../src/core/analysisStore';
import { analyzeCorpus } from '../../src/core/corpus';
import { Corrections, correctionsFingerprint, correctionsFor, namesTest, namesAffected, NO_CORRECTIONS, parseKnowledgeFile } from '../../src/core/corrections';
import { loadBundledKnowledgeBase } from '../../src/core/knowledgeBase';
import { editKnowledgeFile, KnowledgeChange } from '../../src/core/knowledgeEdits';
import { ArticleAnalysis, Entity } from '../../src/core/types';

const corrections = (partial: Partial<Corrections>): Corrections => ({ ...NO_CORRECTIONS, ...partial });
const analyse = (text: string, applied: Corrections = NO_CORRECTIONS): ArticleAnalysis => new Engine({ corrections: applied }).analyze({ uri: 'article.txt', text, version: 1 });
const people = (analysis: ArticleAnalysis): Entity[] => analysis.entities.filter((e) => e.kind === 'person');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('the reader\'s knowledge file', () => {
  describe('reading it', () => {
    it('reads people with dated roles, names that are not people or places, one person\'s names and broken links', () => {
      const { corrections: read, problems } = parseKnowledgeFile(`{
  // comments are allowed, as in VS Code's own settings
  "schema": "attache-knowledge/1",
  "people": [{ "name": "Zhao Lijian", "aliases": ["Zhao"], "familyNameFirst": true,
               "roles": [{ "title": "Foreign Ministry Spokesperson", "country": "China", "from": "2020-02", "to": "2023-01" }] }],
  "notPeople": ["Updated"],
  "notPlaces": ["Reading"],
  "samePerson": [["Zhao Lijian", "Lijian Zhao"]],
  "unlink": [{ "name": "Philippe", "official": "edouard-philippe", "title": "King" }],
}`);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(read.people, [
        { id: 'zhao-lijian', name: 'Zhao Lijian', aliases: ['Zhao'], familyNameFirst: true, roles: [{ title: 'Foreign Ministry Spokesperson', country: 'China', from: '2020-02', to: '2023-01' }] },
      ]);
      assert.deepStrictEqual([read.notPeople, read.notPlaces, read.samePerson], [['Updated'], ['Reading'], [['Zhao Lijian', 'Lijian Zhao']]]);
      assert.deepStrictEqual(read.unlink, [{ name: 'Philippe', official: 'edouard-philippe', title: 'King' }]);
    });

    it('reports each malformed part at its line and applies the rest', () => {
      const text = `{
  "people": [
    { "name": "Ngozi Okonjo-Iweala", "roles": [
      { "title": "Director-General", "country": "World Trade Organization", "from": "2021-03-01", "to": null },
      { "title": "Finance Minister", "country": "Nigeria", "from": "March 2011" }
    ] },
    { "aliases": ["Nobody"] }
  ],
  "notPeople": ["Updated", 42],
  "samePerson": [["Only one name"]],
  "colour": "blue"
}`;
      const { corrections: read, problems } = parseKnowledgeFile(text);
      assert.deepStrictEqual(read.people.map((p) => [p.name, p.roles.map((r) => r.title)]), [['Ngozi Okonjo-Iweala', ['Director-General']]]);
      assert.deepStrictEqual(read.notPeople, ['Updated']);
      assert.deepStrictEqual(read.samePerson, []);
      const where = problems.map((p) => [lineOf(text, p.offset), p.message]);
      assert.deepStrictEqual(
        where.map(([line]) => line),
        [11, 5, 7, 9, 10],
      );
      assert.match(String(where[1][1]), /"from" is "March 2011", not YYYY, YYYY-MM or YYYY-MM-DD/);
      assert.match(String(where[2][1]), /missing "name"/);
    });

    it('reports a syntax error where it is and still reads what comes before and after', () => {
      const text = '{\n  "notPeople": ["Updated",, "Reuters"],\n  "notPlaces": ["Reading"]\n}';
      const { corrections: read, problems } = parseKnowledgeFile(text);
      assert.deepStrictEqual([read.notPeople, read.notPlaces], [['Updated', 'Reuters'], ['Reading']]);
      assert.strictEqual(problems.length, 1);
      assert.strictEqual(lineOf(text, problems[0].offset), 2);
      assert.match(problems[0].message, /JSON syntax/);
    });

    it('takes an empty file as no corrections, and says what is wrong with one that is not an object', () => {
      assert.deepStrictEqual(parseKnowledgeFile(' \n').problems, []);
      assert.match(parseKnowledgeFile('["Updated"]').problems[0].message, /should be a JSON object/);
    });
  });

  describe('applying it', () => {
    it('adds a person with a dated role: found in the text and linked, with the role of that date', () => {
      const text = 'GENEVA, March 2, 2021 -- Ngozi Okonjo-Iweala met Chinese Foreign Minister Wang Yi in Geneva on Tuesday.';
      assert.strictEqual(people(analyse(text)).find((p) => p.name.includes('Okonjo'))?.kbId, undefined);
      const added = corrections({
        people: [{ id: 'ngozi-okonjo-iweala', name: 'Ngozi Okonjo-Iweala', aliases: ['Okonjo-Iweala'], familyNameFirst: false, roles: [{ title: 'Director-General', country: 'World Trade Organization', from: '2021-03-01', to: null }] }],
      });
      const ngozi = people(analyse(text, added)).find((p) => p.name === 'Ngozi Okonjo-Iweala');
      assert.ok(ngozi);
      assert.strictEqual(ngozi.kbId, 'ngozi-okonjo-iweala');
      assert.deepStrictEqual(
        ngozi.roles.map((r) => [r.title, r.country]),
        [['Director-General', 'World Trade Organization']],
      );
    });

    it('adds a role to a bundled official by its id, keeping the roles they had', () => {
      const kb = loadBundledKnowledgeBase().withCorrections(
        corrections({ people: [{ id: 'antony-blinken', name: 'Antony Blinken', aliases: ['Tony B.'], familyNameFirst: false, roles: [{ title: 'Deputy National Security Adviser', country: 'United States', from: '2013-01-20', to: '2014-12-16' }] }] }),
      );
      const blinken = kb.byId('antony-blinken')!;
      assert.ok(blinken.roles.some((r) => r.title === 'Secretary of State'));
      assert.deepStrictEqual(kb.rolesOn(blinken, '2014-05-01').map((r) => r.title), ['Deputy National Security Adviser']);
      assert.deepStrictEqual(kb.findByName('Tony B.').map((o) => o.id), ['antony-blinken']);
      assert.ok(!loadBundledKnowledgeBase().byId('antony-blinken')!.roles.some((r) => r.title === 'Deputy National Security Adviser'), 'the bundled data is left as it was');
    });

    it('takes away a name that is not a person, with its shorter forms, and its meetings', () => {
      const text = 'Vice President Han Zheng met Secretary of State Antony Blinken in New York on Monday. Han said the talks were candid.';
      assert.ok(people(analyse(text)).some((p) => p.name === 'Han Zheng'));
      const corrected = analyse(text, corrections({ notPeople: ['han zheng'] }));
      assert.deepStrictEqual(people(corrected).map((p) => p.name), ['Antony Blinken']);
      assert.deepStrictEqual(corrected.meetings, []);
    });

    it('takes away a name that is not a place, whatever its case', () => {
      const text = 'Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in New York on Monday.';
      const corrected = analyse(text, corrections({ notPlaces: ['NEW YORK'] }));
      assert.ok(!corrected.entities.some((e) => e.kind === 'place' && e.name === 'New York'));
      assert.ok(people(corrected).length === 2, 'the people stay');
    });

    it('makes two names one person of the corpus', () => {
      const text = 'BEIJING, March 2, 2021 -- Spokesperson Zhao Lijian told reporters on Tuesday that China opposed the move. Lijian Zhao, as he signs his posts, later met Wang Yi.';
      const applied = corrections({ samePerson: [['Zhao Lijian', 'Lijian Zhao']] });
      const engine = new Engine({ corrections: applied });
      const corpus = analyzeCorpus([engine.analyze({ uri: 'article.txt', text, version: 1 })], engine.knowledgeBase);
      const zhao = corpus.people.filter((p) => /Zhao|Lijian/.test(p.name));
      assert.strictEqual(zhao.length, 1, JSON.stringify(zhao.map((p) => p.name)));
      assert.ok(zhao[0].aliases.includes('Lijian Zhao') || zhao[0].name === 'Lijian Zhao', JSON.stringify(zhao[0]));
      const apart = analyzeCorpus([analyse(text)]).people.filter((p) => /Zhao|Lijian/.test(p.name));
      assert.ok(apart.length !== 1 || !apart[0].aliases.includes('Lijian Zhao'), 'without the correction the engine did not join them');
    });

    it('breaks a link to an official, for every article or only under a title', () => {
      const text = 'PARIS, May 3, 2019 -- Philippe met Chinese Foreign Minister Wang Yi in Paris on Friday.';
      const philippe = (applied: Corrections) => people(analyse(text, applied)).find((p) => p.name.includes('Philippe'));
      assert.strictEqual(philippe(NO_CORRECTIONS)?.kbId, 'edouard-philippe');
      assert.strictEqual(philippe(corrections({ unlink: [{ name: 'Philippe', official: 'edouard-philippe' }] }))?.kbId, undefined);
      assert.strictEqual(philippe(corrections({ unlink: [{ name: 'Philippe', official: 'edouard-philippe', title: 'King' }] }))?.kbId, 'edouard-philippe', 'no title King is stated here');
      const king = 'PARIS, May 3, 2019 -- King Philippe met Chinese Foreign Minister Wang Yi in Paris on Friday.';
      const kingAnalysis = (applied: Corrections) => people(analyse(king, applied)).find((p) => p.name.includes('Philippe'));
      assert.strictEqual(kingAnalysis(corrections({ unlink: [{ name: 'Philippe', official: 'edouard-philippe', title: 'King' }] }))?.kbId, undefined);
    });
  });

  describe('what a change affects', () => {
    it('keys analyses by the corrections, and leaves the keys of a workspace without any as they were', () => {
      assert.strictEqual(correctionsFingerprint(NO_CORRECTIONS), '');
      assert.strictEqual(contentKey('text', 'plain', correctionsFingerprint(NO_CORRECTIONS)), contentKey('text', 'plain'));
      const some = correctionsFingerprint(corrections({ notPeople: ['Updated'] }));
      assert.notStrictEqual(contentKey('text', 'plain', some), contentKey('text', 'plain'));
      assert.notStrictEqual(some, correctionsFingerprint(corrections({ notPeople: ['Reuters'] })));
    });

    it('names the names an edit touches, with the names the official it adds to already has', () => {
      const before = corrections({ notPeople: ['Updated'] });
      const after = corrections({ notPeople: ['Updated', 'Reuters'], people: [{ id: 'antony-blinken', name: 'Antony Blinken', aliases: [], familyNameFirst: false, roles: [] }] });
      const names = namesAffected(before, after);
      assert.ok(names.includes('Reuters'));
      assert.ok(names.includes('Blinken'), 'an article naming him by surname alone is affected');
      assert.ok(!names.includes('Updated'), 'an entry in both is no change');
      assert.ok(namesTest(names)('Talks with Blinken went on.'));
      assert.ok(namesTest(names)('REUTERS reported'), 'case does not matter');
      assert.ok(!namesTest(names)('Wang Yi met Sullivan in Malta.'));
    });

    it('finds a name however the article spaces its initials, curls its apostrophes or makes it possessive, and only as whole words', () => {
      assert.ok(namesTest(['J.D. Vance'])('Vice President J. D. Vance arrived.'));
      assert.ok(namesTest(['J. D. Vance'])('JD Vance arrived.'));
      assert.ok(namesTest(["O'Neill"])('O’Neill spoke.'));
      assert.ok(namesTest(['Blinken'])("Blinken's visit"));
      assert.ok(namesTest(['Edouard Philippe'])('Édouard Philippe'));
      assert.ok(!namesTest(['Blinken'])('Blinkenship is a word no one uses.'));
      assert.ok(namesTest(['Secretary-General of the United Nations Antonio'])('the Secretary-General of the United Nations Antonio Guterres'), 'a name of more than four words');
    });

    it('keys an article by the corrections that name a name it contains, so an article none touches keeps its key', () => {
      const applied = corrections({ notPeople: ['Updated'], people: [{ id: 'antony-blinken', name: 'Antony Blinken', aliases: [], familyNameFirst: false, roles: [] }] });
      const untouched = 'Wang Yi met Jake Sullivan in Malta.';
      assert.strictEqual(analysisKey(untouched, 'plain', applied), contentKey(untouched, 'plain'));
      const touched = 'Blinken met Wang Yi in Beijing.';
      assert.deepStrictEqual(correctionsFor(touched, applied).people.map((p) => p.id), ['antony-blinken']);
      assert.deepStrictEqual(correctionsFor(touched, applied).notPeople, []);
      assert.notStrictEqual(analysisKey(touched, 'plain', applied), contentKey(touched, 'plain'));
    });
  });

  describe('attache analyze --knowledge', () => {
    let folder: string;
    const cli = path.resolve('dist', 'cli.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 30000 });
    before(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-knowledge-'));
      fs.copyFileSync(path.join('seeds', '001_3c85923e97ab670d.txt'), path.join(folder, 'article.txt'));
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('applies the file, and names its malformed lines on stderr', () => {
      const knowledge = path.join(folder, 'knowledge.json');
      fs.writeFileSync(knowledge, '{\n  "notPeople": ["Han Zheng"],\n  "notPlaces": ["New York", 7]\n}\n');
      const plain = JSON.parse(run('analyze', '--json', path.join(folder, 'article.txt')).stdout);
      const result = run('analyze', '--json', '--knowledge', knowledge, path.join(folder, 'article.txt'));
      assert.strictEqual(result.status, 0, result.stderr);
      const names = (output: { articles: ArticleAnalysis[] }) => output.articles[0].entities.map((e) => e.name);
      assert.ok(names(plain).includes('Han Zheng') && names(plain).includes('New York'));
      const corrected = names(JSON.parse(result.stdout));
      assert.ok(!corrected.includes('Han Zheng') && !corrected.includes('New York'), corrected.join(', '));
      assert.match(result.stderr, /knowledge\.json:3:29: notPlaces\[1\] should be a name/);
    });

    it('stops with a clear message when the file cannot be read', () => {
      const result = run('analyze', '--knowledge', path.join(folder, 'missing.json'), path.join(folder, 'article.txt'));
      assert.strictEqual(result.status, 2);
      assert.match(result.stderr, /cannot read the knowledge file .*missing\.json: no such file/);
    });
  });
});

describe('quick fixes writing the knowledge file', () => {
  const after = (text: string, change: KnowledgeChange) => {
    const result = editKnowledgeFile(text, change);
    assert.ok('text' in result, JSON.stringify(result));
    return result.text;
  };

  it('makes the file when there is none, with every list, and the change in it', () => {
    const text = after('', { kind: 'notPerson', name: 'Updated' });
    const { corrections: read, problems } = parseKnowledgeFile(text);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(read.notPeople, ['Updated']);
    assert.match(text, /"schema": "attache-knowledge\/1"/);
  });

  it('adds to the lists of a file, keeping the reader\'s comments, and leaves an entry already there alone', () => {
    const text = '{\n  // names the wire services put in bylines\n  "notPeople": ["Reuters"]\n}\n';
    const edited = after(text, { kind: 'notPerson', name: 'Updated' });
    assert.match(edited, /\/\/ names the wire services put in bylines/);
    assert.deepStrictEqual(parseKnowledgeFile(edited).corrections.notPeople, ['Reuters', 'Updated']);
    assert.deepStrictEqual(editKnowledgeFile(edited, { kind: 'notPerson', name: 'UPDATED' }), { unchanged: '"UPDATED" is already in notPeople' });
  });

  it('adds a role to the entry of the person when there is one, else a new entry', () => {
    const role = (title: string) => ({ title, country: 'China', from: '2023-03', to: null });
    let text = after('', { kind: 'addRole', person: { id: 'han-zheng', name: 'Han Zheng' }, role: role('Vice President') });
    text = after(text, { kind: 'addRole', person: { id: 'han-zheng', name: 'Han Zheng' }, role: role('Special Envoy') });
    text = after(text, { kind: 'samePerson', names: ['Zhao Lijian', 'Lijian Zhao'] });
    text = after(text, { kind: 'unlink', name: 'Philippe', official: 'edouard-philippe', title: 'King' });
    const read = parseKnowledgeFile(text).corrections;
    assert.deepStrictEqual(read.people.map((p) => [p.id, p.roles.map((r) => r.title)]), [['han-zheng', ['Vice President', 'Special Envoy']]]);
    assert.deepStrictEqual(read.samePerson, [['Zhao Lijian', 'Lijian Zhao']]);
    assert.deepStrictEqual(read.unlink, [{ name: 'Philippe', official: 'edouard-philippe', title: 'King' }]);
  });

  it('tells an unlink under a title from one without', () => {
    const text = after('', { kind: 'unlink', name: 'Philippe', official: 'edouard-philippe', title: 'King' });
    assert.ok('unchanged' in editKnowledgeFile(text, { kind: 'unlink', name: 'philippe', official: 'edouard-philippe', title: 'king' }));
    const both = after(text, { kind: 'unlink', name: 'Philippe', official: 'edouard-philippe' });
    assert.deepStrictEqual(parseKnowledgeFile(both).corrections.unlink.map((u) => u.title ?? null), ['King', null]);
  });

  it('does not touch a file with a syntax error or a list that is not one', () => {
    assert.ok('refused' in editKnowledgeFile('{ "notPeople": ["Reuters" }', { kind: 'notPerson', name: 'Updated' }));
    assert.ok('refused' in editKnowledgeFile('{ "notPeople": "Reuters" }', { kind: 'notPerson', name: 'Updated' }));
  });
});
