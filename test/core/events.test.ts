import { strict as assert } from 'assert';
import eventData from '../../data/kb/events.json';
import { EventCatalog, EventQuery, eventCuesIn } from '../../src/core/events';

const catalog = EventCatalog.bundled();

function onlyEvent(query: EventQuery): { id: string; from: string; to: string } {
  const found = catalog.find(query);
  assert.equal(found.length, 1, `expected one event for ${JSON.stringify(query)}, got ${found.map((e) => e.id).join(', ') || 'none'}`);
  const [event] = found;
  return { id: event.id, from: event.from, to: event.to };
}

describe('events: bundled catalog', () => {
  it('loads without problems', () => {
    const { catalog: loaded, problems } = EventCatalog.fromData(eventData);
    assert.deepEqual(problems, []);
    assert.equal(loaded.size, eventData.events.length);
    assert.ok(loaded.size > 150);
  });

  it('has unique ids and from <= to', () => {
    const ids = catalog.all().map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const event of catalog.all()) assert.ok(event.from <= event.to, event.id);
  });

  it('covers every year of the annual series', () => {
    const years = (series: string) => new Set(catalog.find({ series }).map((e) => Number(e.from.slice(0, 4))));
    const unga = years('UNGA');
    for (let year = 2000; year <= 2025; year++) assert.ok(unga.has(year), `UNGA ${year}`);
    const apec = years('APEC');
    // The 2019 Santiago meeting was cancelled.
    for (let year = 2000; year <= 2025; year++) if (year !== 2019) assert.ok(apec.has(year), `APEC ${year}`);
    const g7 = new Set([...years('G7'), ...years('G8')]);
    // The 2020 summit in the United States was cancelled.
    for (let year = 2000; year <= 2025; year++) if (year !== 2020) assert.ok(g7.has(year), `G7/G8 ${year}`);
    const g20 = years('G20');
    for (let year = 2008; year <= 2025; year++) assert.ok(g20.has(year), `G20 ${year}`);
  });
});

describe('events: seed articles', () => {
  it('"met in Argentina last December" is the Buenos Aires G20 summit', () => {
    assert.deepEqual(onlyEvent({ series: 'G20', place: 'Argentina', earliest: '2018-06', latest: '2019-06' }), {
      id: 'g20-2018-buenos-aires',
      from: '2018-11-30',
      to: '2018-12-01',
    });
  });

  it('Xi and Trump meeting in Argentina is their Buenos Aires dinner', () => {
    const found = onlyEvent({ participants: ['xi-jinping', 'donald-trump'], place: 'Argentina', earliest: '2018', latest: '2019' });
    assert.equal(found.from, '2018-12-01');
  });

  it('a Group of 20 summit in India in 2023 is New Delhi', () => {
    assert.deepEqual(onlyEvent({ series: 'G20', place: 'India', earliest: '2023', latest: '2023' }), {
      id: 'g20-2023-new-delhi',
      from: '2023-09-09',
      to: '2023-09-10',
    });
  });

  it('APEC in San Francisco is November 2023', () => {
    const found = onlyEvent({ series: 'APEC', place: 'San Francisco' });
    assert.equal(found.from, '2023-11-15');
    assert.equal(found.to, '2023-11-17');
  });

  it('the 2023 UN General Assembly is its high-level week, containing the Han-Blinken meeting', () => {
    const found = onlyEvent({ series: 'UNGA', earliest: '2023', latest: '2023' });
    assert.equal(found.from, '2023-09-18');
    assert.equal(found.to, '2023-09-26');
    assert.equal(onlyEvent({ participants: ['han-zheng', 'antony-blinken'], place: 'New York' }).from, '2023-09-18');
  });

  it('Obama and Hu in New York in 2009 is 22 September', () => {
    const found = onlyEvent({ participants: ['barack-obama', 'hu-jintao'], place: 'New York', earliest: '2009', latest: '2009' });
    assert.equal(found.from, '2009-09-22');
    assert.equal(found.to, '2009-09-22');
  });

  it("Obama's November visit to China is 15-18 November 2009", () => {
    const found = onlyEvent({ participants: ['barack-obama'], country: 'China', earliest: '2009-11', latest: '2009-11' });
    assert.deepEqual([found.from, found.to], ['2009-11-15', '2009-11-18']);
  });

  it("Wang Yi's Washington visit and Blinken's China visit in 2023", () => {
    assert.equal(onlyEvent({ participants: ['wang-yi', 'antony-blinken'], place: 'Washington', earliest: '2023', latest: '2023' }).from, '2023-10-26');
    const june = onlyEvent({ participants: ['antony-blinken'], country: 'China', earliest: '2023-06', latest: '2023-06' });
    assert.deepEqual([june.from, june.to], ['2023-06-18', '2023-06-19']);
  });

  it("Liu He's January 2019 trade talks in Washington", () => {
    const found = onlyEvent({ participants: ['liu-he', 'donald-trump'], place: 'Washington', earliest: '2019-01', latest: '2019-01' });
    assert.deepEqual([found.from, found.to], ['2019-01-30', '2019-01-31']);
  });

  it("Xi's 2012 US visit as Vice President included Los Angeles", () => {
    assert.equal(onlyEvent({ participants: ['xi-jinping'], place: 'Los Angeles' }).from, '2012-02-13');
  });

  it('Xi and Obama in California in June 2013 is Sunnylands', () => {
    assert.equal(onlyEvent({ participants: ['xi-jinping', 'barack-obama'], place: 'California', earliest: '2013-06', latest: '2013-06' }).id, 'china-us-2013-06-07-rancho-mirage');
  });
});

describe('events: other facts', () => {
  const cases: Array<[EventQuery, string, string]> = [
    [{ series: 'G20', place: 'Pittsburgh' }, '2009-09-24', '2009-09-25'],
    [{ series: 'G20', place: 'Hangzhou' }, '2016-09-04', '2016-09-05'],
    [{ series: 'G20', place: 'Bali' }, '2022-11-15', '2022-11-16'],
    [{ series: 'APEC', place: 'Beijing' }, '2014-11-10', '2014-11-11'],
    [{ series: 'APEC', place: 'Peru', earliest: '2024', latest: '2024' }, '2024-11-15', '2024-11-16'],
    [{ series: 'BRICS', place: 'Johannesburg', earliest: '2023' }, '2023-08-22', '2023-08-24'],
    [{ series: 'BRICS', place: 'Kazan' }, '2024-10-22', '2024-10-24'],
    [{ series: 'NATO', place: 'Vilnius' }, '2023-07-11', '2023-07-12'],
    [{ series: 'NATO', place: 'Madrid' }, '2022-06-28', '2022-06-30'],
    [{ series: 'G8', place: 'Gleneagles' }, '2005-07-06', '2005-07-08'],
    [{ series: 'G7', place: 'Hiroshima' }, '2023-05-19', '2023-05-21'],
    [{ series: 'UNGA', earliest: '2009-09', latest: '2009-09' }, '2009-09-21', '2009-09-29'],
    [{ participants: ['donald-trump', 'xi-jinping'], place: 'Mar-a-Lago' }, '2017-04-06', '2017-04-07'],
    [{ participants: ['hu-jintao', 'barack-obama'], place: 'Washington', earliest: '2011', latest: '2011' }, '2011-01-18', '2011-01-21'],
    [{ participants: ['jake-sullivan', 'wang-yi'], place: 'Malta' }, '2023-09-16', '2023-09-17'],
    [{ participants: ['jake-sullivan', 'wang-yi'], place: 'Vienna' }, '2023-05-10', '2023-05-11'],
    [{ participants: ['jake-sullivan', 'wang-yi'], place: 'Bangkok' }, '2024-01-26', '2024-01-27'],
    [{ participants: ['antony-blinken', 'wang-yi'], place: 'Anchorage' }, '2021-03-18', '2021-03-19'],
    [{ participants: ['janet-yellen'], country: 'China', earliest: '2023', latest: '2023' }, '2023-07-06', '2023-07-09'],
    [{ participants: ['gina-raimondo'] }, '2023-08-27', '2023-08-30'],
    [{ participants: ['john-kerry'], country: 'China', earliest: '2023' }, '2023-07-16', '2023-07-19'],
    [{ participants: ['james-steinberg', 'dai-bingguo'] }, '2009-09-28', '2009-09-29'],
    [{ participants: ['joe-biden', 'xi-jinping'], place: 'San Francisco' }, '2023-11-15', '2023-11-15'],
    [{ participants: ['joe-biden', 'xi-jinping'], place: 'Lima' }, '2024-11-16', '2024-11-16'],
  ];
  for (const [query, from, to] of cases) {
    it(`${JSON.stringify(query)} -> ${from}..${to}`, () => {
      const found = onlyEvent(query);
      assert.deepEqual([found.from, found.to], [from, to]);
    });
  }

  it('matches place spellings loosely', () => {
    assert.equal(catalog.find({ series: 'G20', place: 'St. Petersburg' }).length, 1);
    assert.equal(catalog.find({ series: 'G8', place: 'Evian' }).length, 1);
    assert.equal(catalog.find({ series: 'NATO', place: 'Washington, D.C.' }).length, 1);
    assert.equal(catalog.find({ series: 'G-20', place: 'the U.S.', earliest: '2009', latest: '2009' }).length, 1);
    assert.equal(catalog.find({ series: 'NATO', place: 'Britain' }).length, 2);
  });

  it('a partial bound covers the whole month', () => {
    assert.equal(catalog.find({ series: 'G20', earliest: '2018-12', latest: '2018-12' })[0]?.id, 'g20-2018-buenos-aires');
    assert.deepEqual(catalog.find({ series: 'G20', earliest: '2018-12-02', latest: '2019-05' }), []);
  });
});

describe('events: malformed data', () => {
  const good = { id: 'x-2020', series: 'X', name: 'X summit', aliases: [], place: 'Paris', country: 'France', from: '2020-01-01', to: '2020-01-02', participants: [] };

  it('reports problems for bad roots without throwing', () => {
    for (const data of [null, 42, 'text', [], {}, { schema: 'other/1', events: [] }, { schema: 'attache-events/1' }]) {
      const { catalog: loaded, problems } = EventCatalog.fromData(data);
      assert.equal(loaded.size, 0);
      assert.equal(problems.length, 1, JSON.stringify(data));
    }
  });

  it('skips bad entries and keeps good ones', () => {
    const bad = [
      null,
      'g20',
      { ...good, id: 'Not A Slug' },
      { ...good, id: 'no-series', series: '' },
      { ...good, id: 'bad-date', from: '2020-02-30' },
      { ...good, id: 'partial-date', to: '2020-01' },
      { ...good, id: 'reversed', from: '2020-02-01' },
      { ...good, id: 'bad-place', place: 7 },
      { ...good, id: 'bad-participants', participants: ['Xi Jinping'] },
      { ...good, id: 'bad-aliases', aliases: 'G20' },
      { ...good },
    ];
    const { catalog: loaded, problems } = EventCatalog.fromData({ schema: 'attache-events/1', events: [good, ...bad] });
    assert.equal(loaded.size, 1);
    assert.equal(problems.length, bad.length);
    assert.ok(problems.some((p) => p.includes('"reversed"') && p.includes('after')));
    assert.ok(problems.some((p) => p.includes('duplicate id')));
  });

  it('accepts missing optional lists', () => {
    const { catalog: loaded, problems } = EventCatalog.fromData({ schema: 'attache-events/1', events: [{ id: 'y', series: 'Y', name: 'Y', place: null, country: null, from: '2021-01-01', to: '2021-01-01' }] });
    assert.deepEqual(problems, []);
    assert.deepEqual(loaded.byId('y')?.participants, []);
  });
});

describe('events: cues in sentences', () => {
  const cues = (sentence: string) => eventCuesIn(sentence).map(({ series, place }) => (place ? { series, place } : { series }));

  it('finds the seed phrasings', () => {
    assert.deepEqual(cues('The talks came days before a summit of Group of 20 leaders in India this month.'), [{ series: 'G20', place: 'India' }]);
    assert.deepEqual(cues('Biden will host an Asia-Pacific Economic Cooperation summit in San Francisco in November.'), [{ series: 'APEC', place: 'San Francisco' }]);
    assert.deepEqual(cues('Han met Blinken on the sidelines of the United Nations General Assembly in New York, the latest in a series.'), [{ series: 'UNGA', place: 'New York' }]);
  });

  it('recognises every spelling of each series', () => {
    const spelled: Array<[string, string]> = [
      ['the G20 summit', 'G20'], ['the G-20 meeting', 'G20'], ['the Group of Twenty', 'G20'],
      ['at APEC', 'APEC'], ['the Apec forum', 'APEC'], ['the UN General Assembly', 'UNGA'], ['the U.N. General Assembly', 'UNGA'],
      ['at UNGA', 'UNGA'], ['the BRICS bloc', 'BRICS'], ['the BRIC summit', 'BRICS'], ['a NATO summit', 'NATO'],
      ["a NATO leaders' summit", 'NATO'], ['the G7', 'G7'], ['the Group of Seven', 'G7'], ['the G-8', 'G8'], ['the Group of Eight', 'G8'],
    ];
    for (const [text, series] of spelled) assert.deepEqual(cues(`He spoke at ${text} yesterday.`), [{ series }], text);
  });

  it('takes multi-word and dotted place names and drops sentence punctuation', () => {
    assert.deepEqual(cues('He attended the G20 summit in Rio de Janeiro.'), [{ series: 'G20', place: 'Rio de Janeiro' }]);
    assert.deepEqual(cues('They met at the G20 summit in St. Petersburg last year.'), [{ series: 'G20', place: 'St. Petersburg' }]);
    assert.deepEqual(cues("The G7 summit in Japan's Hiroshima opened."), [{ series: 'G7', place: 'Japan' }]);
    assert.deepEqual(cues('The APEC summit last week in Lima ended.'), [{ series: 'APEC', place: 'Lima' }]);
  });

  it('does not take times or unrelated words as places', () => {
    assert.deepEqual(cues('The G20 summit in November will be decisive.'), [{ series: 'G20' }]);
    assert.deepEqual(cues('NATO and the EU met in Brussels.'), []);
    assert.deepEqual(cues('Trump and Xi met in Argentina last December.'), []);
    assert.deepEqual(cues('The G77 and the Group of 77 are not the G7.'), [{ series: 'G7' }]);
    assert.deepEqual(cues('The G20 and China met in Paris.'), [{ series: 'G20' }]);
    assert.deepEqual(cues('Leaders spoke at the UN General Assembly at the United Nations headquarters.'), [{ series: 'UNGA' }]);
  });

  it('reports several series in order, one cue per series and place', () => {
    const found = eventCuesIn('After the G7 in Italy, the G20 summit in Osaka and another G20 meeting followed.');
    assert.deepEqual(found.map(({ series, place }) => [series, place]), [['G7', 'Italy'], ['G20', 'Osaka']]);
    assert.equal('After the G7 in Italy'.slice(found[0].span.start, found[0].span.end), 'G7');
  });
});
