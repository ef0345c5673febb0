import * as assert from 'assert';
import { analyzeCorpus, Corpus } from '../../src/core/corpus';
import { seededRandom } from '../../src/core/tagger/perceptron';
import { ArticleAnalysis, DateValue, Entity, Meeting } from '../../src/core/types';

const day = (iso: string): DateValue => ({ value: iso, precision: 'day', earliest: iso, latest: iso, basis: 'test' });

function person(name: string, title: string): Entity {
  return { id: `person:${name.toLowerCase().replace(/ /g, '-')}`, kind: 'person', name, roles: [{ title, country: 'China', source: 'text' }], mentions: [{ start: 0, end: name.length }], country: 'China' };
}

function place(name: string): Entity {
  return { id: `place:${name.toLowerCase()}`, kind: 'place', name, roles: [], mentions: [{ start: 0, end: name.length }], placeType: 'city', country: 'China' };
}

function meeting(participants: string[], kind: Meeting['kind'], start: number, date = '2023-06-18'): Meeting {
  return { participants, place: 'Beijing', date: day(date), status: 'held', kind, evidence: { start, end: start + 3 }, sentence: { start: 0, end: 40 } };
}

function article(path: string, meetings: Meeting[], visits: Meeting[] = [], date = '2023-06-18'): ArticleAnalysis {
  return {
    path,
    version: 1,
    date: day(date),
    entities: [person('Wang Yi', 'Foreign Minister'), person('Qin Gang', 'Foreign Minister'), person('Li Qiang', 'Premier'), place('Beijing')],
    meetings,
    visits,
    notes: [],
  };
}

describe('the corpus', () => {
  it('gives timeline events that share an article, an evidence start and participants distinct ids, the same on every run', () => {
    const articles = () => [
      article('a.txt', [meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10), meeting(['Wang Yi', 'Qin Gang'], 'call', 10)], [meeting(['Wang Yi', 'Qin Gang'], 'call', 10)]),
      article('b.txt', [meeting(['Wang Yi', 'Qin Gang'], 'call', 30, '2023-07-02')], [], '2023-07-02'),
    ];
    const ids = analyzeCorpus(articles()).timeline.map((event) => event.id);
    assert.deepStrictEqual(ids.slice().sort(), ['a.txt#10:Wang Yi+Qin Gang', 'a.txt#10:Wang Yi+Qin Gang#2', 'a.txt#10:Wang Yi+Qin Gang#3', 'b.txt#30:Wang Yi+Qin Gang']);
    assert.deepStrictEqual(analyzeCorpus(articles()).timeline.map((event) => event.id), ids);
    const wang = analyzeCorpus(articles()).people.find((p) => p.name === 'Wang Yi')!;
    assert.deepStrictEqual(wang.events.slice().sort(), ids.slice().sort());
  });

  it('joins 20,000 articles naming the same people and place in time linear in their number', () => {
    const articles = Array.from({ length: 20000 }, (_, i) =>
      article(`articles/${String(i).padStart(5, '0')}.txt`, [meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10, i % 2 ? '2023-06-18' : `2023-06-${String(1 + (i % 28)).padStart(2, '0')}`)]),
    );
    const started = Date.now();
    const corpus = analyzeCorpus(articles);
    // A search of each person's and place's article list per article took minutes here.
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
    const wang = corpus.people.find((p) => p.name === 'Wang Yi')!;
    assert.strictEqual(wang.articles.length, 20000);
    assert.strictEqual(wang.articles[19999], 'articles/19999.txt');
    assert.deepStrictEqual(wang.roles.map((r) => [r.title, r.articles.length]), [['Foreign Minister', 20000]]);
    assert.strictEqual(corpus.places[0].articles.length, 20000);
    // Meetings on 15 days of June, each reported by many articles.
    assert.strictEqual(corpus.timeline.length, 15);
    assert.strictEqual(corpus.timeline.reduce((sum, event) => sum + event.sources.length, 0), 20000);
  });
});

describe('one event from many sources', () => {
  const talks = (path: string, date: DateValue, place: string | null, status: Meeting['status'] = 'held') =>
    article(path, [{ ...meeting(['Wang Yi', 'Qin Gang'], 'talks', 10), date, place, status }]);
  const month = (value: string): DateValue => ({ value, precision: 'month', earliest: `${value}-01`, latest: `${value}-30`, basis: 'test' });
  const year = (value: string): DateValue => ({ value, precision: 'year', earliest: `${value}-01-01`, latest: `${value}-12-31`, basis: 'test' });

  it('joins two articles reporting the same talks on the same day into one event with both sources', () => {
    const { timeline } = analyzeCorpus([talks('a.txt', day('2023-06-18'), 'Beijing', 'planned'), talks('b.txt', day('2023-06-18'), null)]);
    assert.strictEqual(timeline.length, 1);
    assert.deepStrictEqual(timeline[0].sources.map((s) => s.article), ['a.txt', 'b.txt']);
    assert.strictEqual(timeline[0].place, 'Beijing');
    assert.strictEqual(timeline[0].status, 'held', 'one article reports it held');
  });

  it('joins a report dated only by month to the dated report of a day in that month, and leads with the day', () => {
    const { timeline } = analyzeCorpus([talks('a.txt', month('2023-06'), 'Beijing'), talks('b.txt', day('2023-06-18'), 'Beijing')]);
    assert.strictEqual(timeline.length, 1);
    assert.strictEqual(timeline[0].date.value, '2023-06-18');
    assert.strictEqual(timeline[0].id, 'b.txt#10:Wang Yi+Qin Gang');
  });

  it('joins talks "in Beijing" to a report placing them in China, the city\'s country', () => {
    const { timeline } = analyzeCorpus([talks('a.txt', day('2023-06-18'), 'Beijing'), talks('b.txt', day('2023-06-18'), 'China')]);
    assert.strictEqual(timeline.length, 1);
  });

  it('keeps apart talks on other days, in other cities, dated only by year, or reported twice by one article', () => {
    assert.strictEqual(analyzeCorpus([talks('a.txt', day('2023-06-18'), 'Beijing'), talks('b.txt', day('2023-06-19'), 'Beijing')]).timeline.length, 2);
    assert.strictEqual(analyzeCorpus([talks('a.txt', day('2023-06-18'), 'Beijing'), talks('b.txt', day('2023-06-18'), 'Washington')]).timeline.length, 2);
    assert.strictEqual(analyzeCorpus([talks('a.txt', year('2023'), 'Beijing'), talks('b.txt', year('2023'), 'Beijing')]).timeline.length, 2);
    const twice = article('a.txt', [
      { ...meeting(['Wang Yi', 'Qin Gang'], 'talks', 10), date: day('2023-06-18') },
      { ...meeting(['Wang Yi', 'Qin Gang'], 'talks', 90), date: day('2023-06-18') },
    ]);
    assert.strictEqual(analyzeCorpus([twice]).timeline.length, 2);
  });

  it('keeps a phone call apart from a meeting of the same people on the same day', () => {
    const call = article('b.txt', [{ ...meeting(['Wang Yi', 'Qin Gang'], 'call', 10) }]);
    assert.strictEqual(analyzeCorpus([talks('a.txt', day('2023-06-18'), 'Beijing'), call]).timeline.length, 2);
  });
});

describe('timeline order', () => {
  const dated = (path: string, date: DateValue) => article(path, [{ ...meeting(['Wang Yi', 'Qin Gang'], 'meeting', 10), date, place: path }]);

  it('puts a month-only event after the dated days of its month, a year-only one after its months, undated ones last', () => {
    const events = analyzeCorpus([
      dated('undated.txt', { value: null, precision: null, earliest: null, latest: null, basis: 'test' }),
      dated('year.txt', { value: '2009', precision: 'year', earliest: '2009-01-01', latest: '2009-12-31', basis: 'test' }),
      dated('month.txt', { value: '2009-09', precision: 'month', earliest: '2009-09-01', latest: '2009-09-30', basis: 'test' }),
      dated('day29.txt', day('2009-09-29')),
      dated('day28.txt', day('2009-09-28')),
      dated('october.txt', day('2009-10-01')),
    ]).timeline;
    assert.deepStrictEqual(events.map((e) => e.article), ['day28.txt', 'day29.txt', 'month.txt', 'october.txt', 'year.txt', 'undated.txt']);
  });
});

describe('a person\'s country', () => {
  it('comes from a role an article states when the article gives no country for the person', () => {
    const envoy: Entity = { id: 'person:ida-holm', kind: 'person', name: 'Ida Holm', roles: [{ title: 'Foreign Minister', country: 'Norway', source: 'text' }], mentions: [], country: null };
    const corpus = analyzeCorpus([{ ...article('a.txt', []), entities: [envoy] }]);
    assert.strictEqual(corpus.people[0].country, 'Norway');
  });
});

describe('an incremental corpus', () => {
  const reported = (path: string, date: string, others: string[] = ['Qin Gang']) => ({ ...article(path, [{ ...meeting(['Wang Yi', ...others], 'talks', 10), date: day(date) }]) });

  it('changes only the events of the article that changed, and leaves the others as they were', () => {
    const corpus = new Corpus();
    corpus.set(reported('a.txt', '2023-06-18'));
    corpus.set(reported('b.txt', '2023-06-18'));
    corpus.set(reported('c.txt', '2023-07-01'));
    const before = corpus.timeline();
    corpus.takeChange();
    corpus.set(reported('c.txt', '2023-07-02'));
    const change = corpus.takeChange();
    assert.deepStrictEqual(change.removed.map((e) => e.date.value), ['2023-07-01']);
    assert.deepStrictEqual(change.added.map((e) => e.date.value), ['2023-07-02']);
    assert.deepStrictEqual(change.articles, ['c.txt']);
    assert.strictEqual(corpus.timeline()[0], before[0], 'the joined event of a.txt and b.txt is the same object');
  });

  it('ends, after any order of additions, replacements and removals, where a corpus built at once ends', () => {
    const random = seededRandom(7);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    const corpus = new Corpus();
    const current = new Map<string, ArticleAnalysis>();
    for (let step = 0; step < 400; step++) {
      const path = `a${Math.floor(random() * 30)}.txt`;
      if (random() < 0.25) {
        corpus.delete(path);
        current.delete(path);
      } else {
        const next = reported(path, pick(['2023-06-18', '2023-06-19', '2023-07-01']), pick([['Qin Gang'], ['Qin Gang', 'Li Qiang'], []]));
        corpus.set(next);
        current.set(path, next);
      }
      if (step % 37 === 0) corpus.takeChange();
    }
    const fresh = analyzeCorpus([...current.keys()].sort().map((key) => current.get(key)!));
    assert.deepStrictEqual(corpus.timeline(), fresh.timeline);
    assert.deepStrictEqual(corpus.people(), fresh.people);
    assert.deepStrictEqual(corpus.places(), fresh.places);
  });
});
