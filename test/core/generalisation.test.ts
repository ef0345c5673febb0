import * as assert from 'assert';
import { Engine } from '../../src/core/analyze';
import { ArticleAnalysis } from '../../src/core/types';

// Articles in the style of other outlets and eras, about people in no bundled list: the engine
// must find them from the text alone.
const engine = new Engine();
const analyse = (text: string): ArticleAnalysis => engine.analyze({ uri: 'test', text, version: 1 });
const personNamed = (a: ArticleAnalysis, name: string) => a.entities.find((e) => e.kind === 'person' && e.name === name);
const placeNames = (a: ArticleAnalysis) => a.entities.filter((e) => e.kind === 'place').map((e) => e.name);

describe('articles from other outlets and eras', () => {
  describe('a 1987 wire story', () => {
    const text = [
      'Published: 1987-03-16',
      '',
      'BUENOS AIRES, March 16 (Reuters) - Argentine Foreign Minister Dante Caputo held talks with visiting Uruguayan Foreign Minister Enrique Iglesias on Monday, the foreign ministry said.',
      'Caputo told reporters the two ministers had agreed to expand trade along the River Plate. Iglesias will meet President Raul Alfonsin on Tuesday before flying to Brasilia.',
    ].join('\n');
    const a = analyse(text);

    it('dates the article from its stamp', () => assert.strictEqual(a.date.value, '1987-03-16'));

    it('finds the ministers with their titles and countries', () => {
      assert.deepStrictEqual(personNamed(a, 'Dante Caputo')?.roles[0], { title: 'Foreign Minister', country: 'Argentina', source: 'text', span: personNamed(a, 'Dante Caputo')!.roles[0].span });
      assert.strictEqual(personNamed(a, 'Enrique Iglesias')?.roles[0].country, 'Uruguay');
      assert.strictEqual(personNamed(a, 'Raul Alfonsin')?.roles[0].title, 'President');
    });

    it('links the later surname to the full name', () => {
      assert.strictEqual(personNamed(a, 'Dante Caputo')?.mentions.length, 2);
      assert.ok(!personNamed(a, 'Caputo'));
    });

    it('finds the held talks and the planned meeting with their dates', () => {
      const talks = a.meetings.find((m) => m.kind === 'talks');
      assert.deepStrictEqual([talks?.participants, talks?.status, talks?.date.value, talks?.place], [['Dante Caputo', 'Enrique Iglesias'], 'held', '1987-03-16', 'Buenos Aires']);
      const planned = a.meetings.find((m) => m.participants.includes('Raul Alfonsin'));
      assert.deepStrictEqual([planned?.status, planned?.date.value], ['planned', '1987-03-17']);
    });

    it('does not take a river for a person', () => assert.ok(!personNamed(a, 'River Plate')));
  });

  describe('a 2005 BBC report', () => {
    const text =
      "Kenyan President Mwai Kibaki has met opposition leader Raila Odinga in Nairobi for the first time since last month's referendum, his spokesman Alfred Mutua said.\n" +
      'The two men held talks at State House on Friday. Mr Odinga later told the BBC the meeting had been "cordial".';
    const a = analyse(text);

    it('finds people no list knows, with their roles', () => {
      assert.deepStrictEqual(personNamed(a, 'Mwai Kibaki')?.roles.map((r) => [r.title, r.country]), [['President', 'Kenya']]);
      assert.strictEqual(personNamed(a, 'Raila Odinga')?.roles[0].title, 'Opposition Leader');
      assert.strictEqual(personNamed(a, 'Alfred Mutua')?.roles[0].title, 'Spokesman');
      assert.strictEqual(personNamed(a, 'Raila Odinga')?.mentions.length, 2, '"Mr Odinga" is the same person');
    });

    it('finds the meeting in Nairobi and keeps the BBC an organization', () => {
      assert.deepStrictEqual(a.meetings.map((m) => [m.participants, m.place, m.status]), [[['Mwai Kibaki', 'Raila Odinga'], 'Nairobi', 'held']]);
      assert.ok(a.entities.some((e) => e.kind === 'organization' && e.name === 'BBC'));
      // "State House", the venue, may be read as a place of its own; the meeting's place is the city.
      assert.deepStrictEqual(placeNames(a).filter((p) => p !== 'State House'), ['Nairobi']);
    });
  });

  describe('a State Department readout', () => {
    const text = [
      "Secretary Blinken's Meeting with Philippine Foreign Secretary Enrique Manalo",
      'The following is attributable to Spokesperson Matthew Miller:',
      'Secretary of State Antony J. Blinken met today with Philippine Foreign Secretary Enrique Manalo in Manila. The Secretary and Foreign Secretary Manalo discussed maritime security in the South China Sea.',
    ].join('\n');
    const a = analyse(text);

    it('finds the counterpart and the spokesperson, who are in no list', () => {
      assert.deepStrictEqual(personNamed(a, 'Enrique Manalo')?.roles.map((r) => [r.title, r.country]), [['Foreign Secretary', 'Philippines']]);
      assert.strictEqual(personNamed(a, 'Matthew Miller')?.roles[0].title, 'Spokesperson');
      assert.strictEqual(personNamed(a, 'Enrique Manalo')?.mentions.length, 3);
    });

    it('finds the meeting in Manila and the sea it discussed', () => {
      assert.deepStrictEqual(a.meetings[0].participants, ['Antony Blinken', 'Enrique Manalo']);
      assert.strictEqual(a.meetings[0].place, 'Manila');
      assert.ok(placeNames(a).includes('South China Sea'));
    });
  });

  describe('names with particles and titles of address', () => {
    const a = analyse('ABU DHABI, May 2 (WAM) - Sheikh Zaid bin Sultan al-Nahayan received German President Richard von Weizsaecker in Abu Dhabi on Saturday.');

    it('keeps particles inside names', () => {
      assert.ok(personNamed(a, 'Zaid bin Sultan al-Nahayan'));
      assert.deepStrictEqual(personNamed(a, 'Richard von Weizsaecker')?.roles.map((r) => [r.title, r.country]), [['President', 'Germany']]);
    });

    it('reads the dateline as a place and finds the meeting', () => {
      assert.deepStrictEqual(personNamed(a, 'Zaid bin Sultan al-Nahayan') && a.meetings.map((m) => [m.participants, m.place]), [[['Zaid bin Sultan al-Nahayan', 'Richard von Weizsaecker'], 'Abu Dhabi']]);
    });
  });

  describe('an agency report of a day of meetings', () => {
    const a = analyse(
      'LONDON, June 3 (AP) - Indian Prime Minister Manmohan Singh had a day of meetings with British Prime Minister Gordon Brown, ' +
        'Foreign Secretary David Miliband and opposition leader David Cameron. Singh will visit Paris next week.',
    );

    it('counts one meeting per counterpart, in the dateline city', () => {
      assert.deepStrictEqual(
        a.meetings.filter((m) => m.kind === 'meeting').map((m) => [m.participants[1], m.place, m.status]),
        [['Gordon Brown', 'London', 'held'], ['David Miliband', 'London', 'held'], ['David Cameron', 'London', 'held']],
      );
    });

    it('finds the planned visit', () => {
      assert.deepStrictEqual(a.visits.map((m) => [m.participants, m.place, m.status]), [[['Manmohan Singh'], 'Paris', 'planned']]);
    });

    it('leaves the year open when the tenures allow two', () => {
      assert.strictEqual(a.date.value, null);
      assert.match(a.date.basis, /2008/);
    });
  });

  describe('one surname, two people', () => {
    const a = analyse('Donald Trump met Xi Jinping in Osaka. First Lady Melania Trump visited a school. Trump said the talks went well.');

    it('keeps two people apart and gives the bare surname to the one introduced first', () => {
      const donald = personNamed(a, 'Donald Trump');
      const melania = personNamed(a, 'Melania Trump');
      assert.ok(donald && melania);
      assert.strictEqual(melania.mentions.length, 1);
      assert.strictEqual(donald.mentions.length + melania.mentions.length, 3);
    });
  });
});

describe('text as editors hold it', () => {
  it('gives UTF-16 offsets after emoji and CJK text', () => {
    const text = '🇨🇳 习近平 said: Chinese President Xi Jinping met Antony Blinken in Beijing 😀.';
    const a = analyse(text);
    for (const entity of a.entities) {
      for (const m of entity.mentions) assert.ok(entity.name.includes(text.slice(m.start, m.end)) || entity.kind === 'place', `${entity.name} at ${text.slice(m.start, m.end)}`);
    }
    const beijing = a.entities.find((e) => e.name === 'Beijing')!;
    assert.strictEqual(text.slice(beijing.mentions[0].start, beijing.mentions[0].end), 'Beijing');
  });

  it('gives exact offsets in CRLF text', () => {
    const text = 'WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump\r\nmet Chinese Vice Premier Liu He.\r\nLiu said talks went well.';
    const a = analyse(text);
    const liu = personNamed(a, 'Liu He')!;
    assert.deepStrictEqual(liu.mentions.map((m) => text.slice(m.start, m.end)), ['Liu He', 'Liu']);
  });

  it('handles an empty article and one with no people', () => {
    assert.deepStrictEqual(analyse('').entities, []);
    const a = analyse('Rain fell across the region on Tuesday and farmers welcomed it.');
    assert.deepStrictEqual([a.entities.length, a.meetings.length, a.date.value], [0, 0, null]);
  });
});
