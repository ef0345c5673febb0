import * as assert from 'assert';
import { analyzeCorpus } from '../../src/core/corpus';
import { ArticleAnalysis, DateValue, Entity, Meeting } from '../../src/core/types';

const day = (iso: string): DateValue => ({ value: iso, precision: 'day', earliest: iso, latest: iso, basis: 'test' });

function person(name: string, title: string): Entity {
  return { id: `person:${name.toLowerCase().replace(/ /g, '-')}`, kind: 'person', name, roles: [{ title, country: 'China', source: 'text' }], mentions: [{ start: 0, end: name.length }], country: 'China' };
}

function place(name: string): Entity {
  return { id: `place:${name.toLowerCase()}`, kind: 'place', name, roles: [], mentions: [{ start: 0, end: name.length }], placeType: 'city', country: 'China' };
}

function meeting(participants: string[], kind: Meeting['kind'], start: number): Meeting {
  return { participants, place: 'Beijing', date: day('2023-06-18'), status: 'held', kind, evidence: { start, end: start + 3 }, sentence: { start: 0, end: 40 } };
}

function article(path: string, meetings: Meeting[], visits: Meeting[] = []): ArticleAnalysis {
  return { path, version: 1, date: day('2023-06-18'), entities: [person('Wang Yi', 'Foreign Minister'), person('Qin Gang', 'Foreign Minister'), place('Beijing')], meetings, visits, notes: [] };
}

describe('the corpus', () => {
  it('gives timeline events that share an article, an evidence start and participants distinct ids, the same on every run', () => {
    const articles = () => [
      article('a.txt', [meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10), meeting(['Wang Yi', 'Qin Gang'], 'talks', 10)], [meeting(['Wang Yi', 'Qin Gang'], 'visit', 10)]),
      article('b.txt', [meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10)]),
    ];
    const ids = analyzeCorpus(articles()).timeline.map((event) => event.id);
    assert.deepStrictEqual(ids.slice().sort(), ['a.txt#10:Wang Yi+Qin Gang', 'a.txt#10:Wang Yi+Qin Gang#2', 'a.txt#10:Wang Yi+Qin Gang#3', 'b.txt#10:Wang Yi+Qin Gang']);
    assert.deepStrictEqual(analyzeCorpus(articles()).timeline.map((event) => event.id), ids);
    const wang = analyzeCorpus(articles()).people.find((p) => p.name === 'Wang Yi')!;
    assert.deepStrictEqual(wang.events.slice().sort(), ids.slice().sort());
  });

  it('joins 20,000 articles naming the same people and place in time linear in their number', () => {
    const articles = Array.from({ length: 20000 }, (_, i) => article(`articles/${String(i).padStart(5, '0')}.txt`, [meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10)]));
    const started = Date.now();
    const corpus = analyzeCorpus(articles);
    // A search of each person's and place's article list per article took minutes here.
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    const wang = corpus.people.find((p) => p.name === 'Wang Yi')!;
    assert.strictEqual(wang.articles.length, 20000);
    assert.strictEqual(wang.articles[19999], 'articles/19999.txt');
    assert.deepStrictEqual(wang.roles.map((r) => [r.title, r.articles.length]), [['Foreign Minister', 20000]]);
    assert.strictEqual(corpus.places[0].articles.length, 20000);
    assert.strictEqual(corpus.timeline.length, 20000);
  });
});
