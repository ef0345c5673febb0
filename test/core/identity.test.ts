import * as assert from 'assert';
import { Engine } from '../../src/core/analyze';
import { analyzeCorpus } from '../../src/core/corpus';
import { Entity } from '../../src/core/types';

const engine = new Engine();

function people(text: string): Entity[] {
  return engine.analyze({ uri: 'test', text, version: 1 }).entities.filter((e) => e.kind === 'person');
}

function describePeople(found: Entity[]): string {
  return found.map((p) => `${p.name}${p.kbId ? ` [${p.kbId}]` : ''}`).join(', ');
}

function personNamed(found: Entity[], name: string): Entity {
  const person = found.find((p) => p.name === name);
  assert.ok(person, `no person named ${name} among: ${describePeople(found)}`);
  return person;
}

function linkedTo(found: Entity[], kbId: string): Entity | undefined {
  return found.find((p) => p.kbId === kbId);
}

describe('who a named person is', () => {
  describe('the article date and the stated title must fit the official', () => {
    it('a 1987 "Vice President George Bush" is George H. W. Bush, never George W. Bush', () => {
      const found = people(
        'WASHINGTON, March 12, 1987 - Vice President George Bush told reporters on Thursday that the United States would keep its ships in the Gulf. ' +
          'Bush spoke after a meeting with President Reagan.',
      );
      assert.strictEqual(linkedTo(found, 'george-w-bush'), undefined, describePeople(found));
      assert.ok(linkedTo(found, 'george-h-w-bush'), describePeople(found));
      assert.ok(linkedTo(found, 'ronald-reagan'), describePeople(found));
    });

    it('the title alone tells the two Bushes apart when the article has no date', () => {
      const found = people('Vice President George Bush said the talks would go on.');
      assert.strictEqual(linkedTo(found, 'george-w-bush'), undefined, describePeople(found));
      assert.ok(linkedTo(found, 'george-h-w-bush'), describePeople(found));
    });

    it('the date alone tells them apart when the text gives no title', () => {
      const found = people('DES MOINES, Oct 5, 1987 - George Bush spoke to farmers in Iowa on Monday.');
      assert.strictEqual(linkedTo(found, 'george-w-bush'), undefined, describePeople(found));
      assert.ok(linkedTo(found, 'george-h-w-bush'), describePeople(found));
      const later = people('WASHINGTON, Aug 6, 2004 - George Bush spoke to reporters on Friday.');
      assert.ok(linkedTo(later, 'george-w-bush'), describePeople(later));
    });

    it('"King Philippe of Belgium" is not the French prime minister Édouard Philippe', () => {
      const found = people(
        'BRUSSELS, June 5, 2018 - King Philippe of Belgium received Prime Minister Charles Michel at the Royal Palace on Tuesday. ' +
          'Philippe thanked him for the report.',
      );
      assert.strictEqual(linkedTo(found, 'edouard-philippe'), undefined, describePeople(found));
      assert.ok(!found.some((p) => p.name === 'Édouard Philippe'), describePeople(found));
      assert.ok(found.some((p) => p.name === 'Philippe'), describePeople(found));
      assert.strictEqual(personNamed(found, 'Charles Michel').kbId, 'charles-michel');
    });
  });

  describe('spellings of one given name are one person', () => {
    const found = people(
      'WASHINGTON, May 3, 2022 - President Joseph R. Biden Jr. welcomed Crown Prince Mohammad bin Salman at the White House. ' +
        'Kremlin aide Yury Ushakov said Dmitriy Medvedev would not attend.',
    );

    it('"Joseph R. Biden Jr." is Joe Biden', () => {
      assert.ok(linkedTo(found, 'joe-biden'), describePeople(found));
    });

    it('"Yury Ushakov" is Yuri Ushakov', () => {
      assert.ok(linkedTo(found, 'yuri-ushakov'), describePeople(found));
    });

    it('"Dmitriy" and "Mohammad", spellings no alias lists, find Dmitry Medvedev and Mohammed bin Salman', () => {
      assert.ok(linkedTo(found, 'dmitry-medvedev'), describePeople(found));
      assert.ok(linkedTo(found, 'mohammed-bin-salman'), describePeople(found));
    });

    it('the same surname with another given name is someone else', () => {
      const others = people('CANBERRA, Feb 2, 1999 - Michael Howard met Nancy Reagan.');
      assert.strictEqual(linkedTo(others, 'john-howard'), undefined, describePeople(others));
      assert.strictEqual(linkedTo(others, 'ronald-reagan'), undefined, describePeople(others));
      assert.ok(linkedTo(others, 'nancy-reagan'), describePeople(others));
    });
  });

  describe('names are found whole', () => {
    const found = people(
      'RIGA, Sept 9, 2019 - Speaker Ināra Mūrniece and Estonian Prime Minister Jüri Ratas met Saudi Minister of Islamic Affairs Abdullatif AlSheikh ' +
        'and Senator Mitch McConnell. ' +
        'In 1987 Premier Li Gun-mo wrote to Finance Minister Chung In-yong about a speech by Kim Il-sung. ' +
        'Sheikh Abdullah al-Sheikh and President Felix Houphouet-Boigny, who admired General Douglas MacArthur, sent messages.',
    );

    const whole = [
      'Ināra Mūrniece',
      'Jüri Ratas',
      'Abdullatif AlSheikh',
      'Mitch McConnell',
      'Li Gun-mo',
      'Chung In-yong',
      'Kim Il-sung',
      'Abdullah al-Sheikh',
      'Felix Houphouet-Boigny',
      'Douglas MacArthur',
    ];
    for (const name of whole) {
      it(`finds ${name}`, () => {
        personNamed(found, name);
      });
    }

    it('links no North Korean or earlier Korean leader to a later namesake', () => {
      for (const name of ['Li Gun-mo', 'Chung In-yong', 'Kim Il-sung']) assert.strictEqual(personNamed(found, name).kbId, undefined, name);
    });

    it('finds a hyphenated given name without a title', () => {
      personNamed(people('The letter went to his counterpart Li Gun-mo on Monday.'), 'Li Gun-mo');
    });

    it('reads "The Hague" as a place, not as William Hague', () => {
      const analysis = engine.analyze({ uri: 'test', text: 'The two countries may take the dispute to the court at The Hague, Ozal said.', version: 1 });
      assert.ok(analysis.entities.some((e) => e.kind === 'place' && e.name === 'The Hague'), describePeople(analysis.entities));
      assert.ok(!analysis.entities.some((e) => e.kind === 'person' && /Hague/.test(e.name)), describePeople(analysis.entities));
    });
  });

  describe('two names side by side are two people', () => {
    it('"Blair told Bush" names Blair and Bush', () => {
      const found = people('Blair told Bush that the talks would go on.');
      assert.ok(found.some((p) => /Blair/.test(p.name)) && found.some((p) => /Bush/.test(p.name)), describePeople(found));
      assert.ok(!found.some((p) => /Blair/.test(p.name) && /Bush/.test(p.name)), describePeople(found));
    });

    it('"President Putin Prime Minister Medvedev" lists two people', () => {
      const found = people('MOSCOW, July 2, 2013 - President Putin Prime Minister Medvedev and Foreign Minister Lavrov attended.');
      assert.strictEqual(found.length, 3, describePeople(found));
    });

    it('a known full name followed by another ends there', () => {
      const found = people('The summit brought together Tony Blair George Bush and Jacques Chirac.');
      personNamed(found, 'Tony Blair');
      assert.ok(found.some((p) => /^George.*Bush$/.test(p.name)), describePeople(found));
    });
  });
});

describe('one identity across articles for spellings of one given name', () => {
  const corpusOf = (...texts: string[]) =>
    analyzeCorpus(texts.map((text, i) => engine.analyze({ uri: `article-${i}.txt`, text, version: 1 })));
  const peopleNamed = (corpus: ReturnType<typeof analyzeCorpus>, surname: string) => corpus.people.filter((p) => p.name.endsWith(surname));

  it('joins "Yury" and "Yuri", "Joe" and "Joseph" for people in no knowledge base', () => {
    const corpus = corpusOf(
      'Kremlin aide Yury Varenkov met Minister Ida Holm in Moscow on Monday.',
      'Kremlin aide Yuri Varenkov said talks would go on. Senator Joe Marsden agreed.',
      'Senator Joseph Marsden met Kremlin aide Yuri Varenkov in Geneva.',
    );
    assert.strictEqual(peopleNamed(corpus, 'Varenkov').length, 1, JSON.stringify(corpus.people.map((p) => p.name)));
    assert.strictEqual(peopleNamed(corpus, 'Varenkov')[0].articles.length, 3);
    assert.strictEqual(peopleNamed(corpus, 'Marsden').length, 1);
  });

  it('keeps Mark and Mary, one letter apart, two people', () => {
    const corpus = corpusOf('Minister Mark Tolland met envoys in Oslo.', 'Minister Mary Tolland met envoys in Oslo.');
    assert.strictEqual(peopleNamed(corpus, 'Tolland').length, 2);
  });
});
