import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Engine } from '../../src/core/analyze';
import { Gazetteer } from '../../src/core/gazetteer';
import { loadBundledKnowledgeBase } from '../../src/core/knowledgeBase';
import { Lexicon } from '../../src/core/lexicon';
import { tokenize } from '../../src/core/tokens';
import { articleFeatures, normalCaseForms, wordShape } from '../../src/core/tagger/features';
import { NameTagger } from '../../src/core/tagger/model';
import { featuresAt, trainPerceptron } from '../../src/core/tagger/perceptron';
import { BILOU_SCHEME, namesOf, tagsOf } from '../../src/core/tagger/scheme';
import { LabelledArticle, readConll } from '../../src/core/tagger/training';

const sources = { gazetteer: Gazetteer.bundled(), lexicon: Lexicon.get(), knowledgeBase: loadBundledKnowledgeBase() };
const featuresOf = (text: string) => articleFeatures(tokenize(text), [], sources);
const peopleAndPlaces = (engine: Engine, text: string) =>
  engine
    .analyze({ uri: 'test', text, version: 1 })
    .entities.filter((e) => e.kind === 'person' || e.kind === 'place')
    .flatMap((e) => e.mentions.map((m) => `${e.kind}:${text.slice(m.start, m.end)}`))
    .sort();

describe('name tagger: features', () => {
  it('gives each word its shape: capitals, lower case, digits and punctuation, runs collapsed', () => {
    assert.deepStrictEqual(['Tessit', 'NATO', 'U.S.', 'Kyou-hyuk', '1996', 'al-Assad'].map(wordShape), ['Xx', 'X', 'X.X.', 'Xx-x', 'd', 'x-Xx']);
  });

  it('reads an all-capitals headline by its normal-case forms', () => {
    const text = 'PERES MEETS ARAFAT IN GAZA AFTER THE ELECTION\nThe talks began.';
    assert.deepStrictEqual(normalCaseForms(tokenize(text), Lexicon.get()).slice(0, 7), ['Peres', 'meets', 'Arafat', 'in', 'Gaza', 'after', 'the']);
    const shout = featuresAt(featuresOf('TALKS IN GAZA'), 2);
    const normal = featuresAt(featuresOf('Talks in Gaza'), 2);
    assert.ok(shout.includes('w=gaza') && shout.includes('s=Xx') && shout.includes('headline'));
    assert.deepStrictEqual(shout.filter((f) => f !== 'headline' && !f.startsWith('first')).sort(), normal.filter((f) => !f.startsWith('first')).sort());
  });

  it('describes a word by its neighbours, the lists, the rules and the rest of the article', () => {
    const text = 'Fighting near Tabqa killed two.\nLater, Tabqa was calm and Paris said so.';
    const tokenized = tokenize(text);
    const paris = tokenized.tokens.findIndex((t) => t.text === 'Paris');
    const rules = [{ kind: 'place' as const, start: tokenized.tokens[paris].start, end: tokenized.tokens[paris].end, text: 'Paris', key: 'Paris', firstToken: paris, lastToken: paris + 1 }];
    const article = articleFeatures(tokenized, rules, sources);
    const tabqa = featuresAt(article, 2);
    for (const f of ['w=tabqa', 'w-1=near', 'w+1=killed', 's-1=x', 'x3=bqa', 'p2=ta', 'r=O', 'doc=C']) assert.ok(tabqa.includes(f), `${f} in ${tabqa.join(' ')}`);
    assert.ok(featuresAt(article, paris).includes('r=B-place'));
    assert.ok(featuresAt(article, paris).includes('g=city'));
    const second = tokenized.tokens.findIndex((t, i) => i > 2 && t.text === 'Tabqa');
    assert.strictEqual(article.earlier[second], 2, 'the later "Tabqa" points back to the first');
    assert.ok(article.nameBreaks[tokenized.tokens.findIndex((t) => t.text === 'Later')]);
  });
});

/** A toy language: a capitalised word after "mr" is a person, after "in" a place, anything else is not a name. */
function toyArticles(): LabelledArticle[] {
  const people = ['Abel', 'Boro', 'Cato', 'Dima', 'Enzo', 'Fahd', 'Gita', 'Hugo'];
  const places = ['Arles', 'Bukit', 'Corte', 'Dubno', 'Evora', 'Fano', 'Gubbio', 'Hatra'];
  const others = ['Monday', 'The', 'Later'];
  const articles: LabelledArticle[] = [];
  for (let n = 0; n < 40; n++) {
    const person = people[n % people.length];
    const place = places[(n * 3) % places.length];
    const words = [others[n % others.length], 'mr', person, 'arrived', 'in', place, 'today'];
    const text = words.join(' ');
    const article = featuresOf(text);
    const names = [
      { type: 'PER' as const, first: 2, last: 3 },
      { type: 'LOC' as const, first: 5, last: 6 },
    ];
    articles.push({ ...article, labels: tagsOf(words.length, names) });
  }
  return articles;
}

describe('name tagger: training', () => {
  it('learns a toy pattern and applies it to words it never saw', () => {
    const weights = trainPerceptron(BILOU_SCHEME, toyArticles(), { epochs: 5, seed: 7 });
    const tagger = new NameTagger(weights, 'toy');
    const tokenized = tokenize('Monday mr Zuri arrived in Quetzal today');
    const names = tagger.tag(tokenized, [], sources).map((n) => `${n.type}:${tokenized.tokens[n.first].text}`);
    assert.deepStrictEqual(names, ['PER:Zuri', 'LOC:Quetzal']);
  });

  it('gives the same model for the same data and seed, and tags alike every time', () => {
    const one = trainPerceptron(BILOU_SCHEME, toyArticles(), { epochs: 3, seed: 11 });
    const two = trainPerceptron(BILOU_SCHEME, toyArticles(), { epochs: 3, seed: 11 });
    assert.deepStrictEqual([...one.rows.entries()], [...two.rows.entries()]);
    assert.deepStrictEqual(Array.from(one.weights), Array.from(two.weights));
    const engine = new Engine();
    const text = 'Gunmen attacked Tessit on Sunday, army spokesman Seydou Kanoute said.';
    assert.deepStrictEqual(peopleAndPlaces(engine, text), peopleAndPlaces(new Engine(), text));
  });

  it('survives a round trip through its file format', () => {
    const weights = trainPerceptron(BILOU_SCHEME, toyArticles(), { epochs: 3, seed: 3 });
    const file = new NameTagger(weights, 'toy').toFile('toy');
    const back = NameTagger.fromJson(JSON.stringify(file));
    const tokenized = tokenize('Later mr Boro arrived in Fano today');
    assert.deepStrictEqual(back.tag(tokenized, [], sources), new NameTagger(weights, 'toy').tag(tokenized, [], sources));
  });

  it('reads BILOU tags back as names, closing a name at a sentence start', () => {
    const tags = tagsOf(5, [{ type: 'PER', first: 0, last: 2 }, { type: 'LOC', first: 3, last: 4 }]);
    assert.deepStrictEqual(namesOf(tags), [{ type: 'PER', first: 0, last: 2 }, { type: 'LOC', first: 3, last: 4 }]);
    const open = [1, 2, 2];
    assert.deepStrictEqual(namesOf(open, [true, false, true]), [{ type: 'PER', first: 0, last: 2 }, { type: 'PER', first: 2, last: 3 }]);
  });

  it('reads CoNLL articles with IOB1 and IOB2 tags alike', () => {
    const conll = '-DOCSTART- -X- -X- O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nin IN I-PP O\nBrussels NNP I-NP B-LOC\n\n-DOCSTART- -X- -X- O\n\nParis NNP I-NP I-LOC\n';
    const [first, second] = readConll(conll);
    assert.strictEqual(first.text, 'Peter Blackburn in Brussels\n');
    assert.deepStrictEqual(first.names, [{ type: 'PER', start: 0, end: 15 }, { type: 'LOC', start: 19, end: 27 }]);
    assert.deepStrictEqual(second.names, [{ type: 'LOC', start: 0, end: 5 }]);
  });
});

describe('name tagger: in the engine', () => {
  it('never lets markup or code into a name', () => {
    const text = 'Deputy Foreign Minister Ab<img/src=x/onerror=alert(1)>Cd met with Wang Yi in Beijing on Monday.';
    const names = new Engine().findMentions(text).map((m) => m.text);
    assert.ok(names.every((name) => !/[<>()=]/.test(name)), names.join(', '));
  });

  it('reads a month in a dateline as a date, not a person', () => {
    const people = new Engine().findMentions('WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met Vice Premier Liu He.').filter((m) => m.kind === 'person');
    assert.deepStrictEqual(people.map((m) => m.text), ['Donald Trump', 'Liu He']);
  });
});

describe('mentions by name and by title', () => {
  it('keeps where a title alone refers to a person apart from where the person is named', () => {
    const text = 'Chinese Vice Premier Liu He met Robert Lighthizer in Washington. The vice premier said the talks were candid.';
    const liu = new Engine().analyze({ uri: 'test', text, version: 1 }).entities.find((e) => e.name === 'Liu He');
    assert.deepStrictEqual(liu?.mentions.map((m) => text.slice(m.start, m.end)), ['Liu He']);
    assert.deepStrictEqual(liu?.titleMentions?.map((m) => text.slice(m.start, m.end)), ['vice premier']);
  });

  it('keeps a known organization whose letters spell the initials of a title', () => {
    const text = 'National Security Adviser Jake Sullivan spoke on Monday. The NSA intercepted the calls, officials said.';
    const entities = new Engine().analyze({ uri: 'test', text, version: 1 }).entities;
    assert.ok(entities.some((e) => e.kind === 'organization' && e.name === 'NSA'), entities.map((e) => `${e.kind}:${e.name}`).join(', '));
  });
});

describe('name tagger: the model file', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'attache-model-'));
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const text = 'Secretary of State Condoleezza Rice arrived in Paris on Monday.';

  it('says clearly what is wrong with a malformed or missing file', () => {
    assert.throws(() => NameTagger.fromJson('{"format": '), /not valid JSON/);
    assert.throws(() => NameTagger.fromJson('{"format": "something-else"}'), /not in the format attache-name-tagger\/1/);
    const labels = BILOU_SCHEME.labels;
    assert.throws(() => NameTagger.fromJson(JSON.stringify({ format: 'attache-name-tagger/1', labels: ['O', 'B-PER'], scale: 1, features: {} })), /other labels/);
    assert.throws(() => NameTagger.fromJson(JSON.stringify({ format: 'attache-name-tagger/1', labels, scale: 1000, features: { 'w=x': [99, 5] } })), /weights for "w=x" are malformed/);
    assert.throws(() => NameTagger.fromFile(path.join(folder, 'missing.json')), /cannot read the name model .*missing\.json: ENOENT/);
  });

  for (const [name, content] of [
    ['missing.json', null],
    ['truncated.json', '{"format": "attache-name-tagger/1", "labels": ['],
    ['wrong-format.json', '{"format": "other", "features": {}}'],
  ] as const) {
    it(`falls back to the rules alone, and says why, when the model is ${name.replace('.json', '').replace('-', ' ')}`, () => {
      const file = content === null ? path.join(folder, name) : write(name, content);
      const engine = new Engine({ nameModelFile: file });
      assert.match(engine.nameTaggerProblem() ?? '', new RegExp(name.replace('.', '\\.')));
      const found = peopleAndPlaces(engine, text);
      assert.ok(found.includes('person:Condoleezza Rice') && found.includes('place:Paris'), found.join(', '));
    });
  }

  it('ships a model the engine reads without a problem', () => {
    const engine = new Engine();
    assert.strictEqual(engine.nameTaggerProblem(), null);
    const loaded = NameTagger.load();
    assert.ok('tagger' in loaded && /CoNLL-2003/.test(loaded.tagger.trainedOn));
  });
});
