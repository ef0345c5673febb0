import * as assert from 'assert';
import { Engine } from '../../src/core/analyze';

// Titles as different outlets write them around names: the Kremlin, the White House, India's
// MEA, the UN, the BBC and a 1987 wire. The people are made up, so what is found comes from
// the text and not from the knowledge base.
const engine = new Engine();

/** The titles the text gives each person, by name: [title, country]. */
function statedTitles(text: string): Map<string, Array<[string, string | null]>> {
  const people = new Map<string, Array<[string, string | null]>>();
  for (const entity of engine.analyze({ uri: 'test', text, version: 1 }).entities) {
    if (entity.kind !== 'person') continue;
    people.set(
      entity.name,
      entity.roles.filter((role) => role.source === 'text').map((role): [string, string | null] => [role.title, role.country]),
    );
  }
  return people;
}

function titlesOf(people: Map<string, Array<[string, string | null]>>, name: string): Array<[string, string | null]> {
  const titles = people.get(name);
  assert.ok(titles, `no person ${name} among ${[...people.keys()].join(', ')}`);
  return titles;
}

describe('titles of office around names', () => {
  it('reads "Title of Country Name" as the title with its country', () => {
    const kremlin = statedTitles('MOSCOW, March 3 - President of Kyrgyzstan Almaz Tokonov telephoned to discuss trade.');
    assert.deepStrictEqual(titlesOf(kremlin, 'Almaz Tokonov'), [['President', 'Kyrgyzstan']]);

    const mea = statedTitles(
      'New Delhi, 12 May - Prime Minister of Japan Kenji Morimoto will pay an official visit to India. Minister of Foreign Affairs of India Dr. Rakesh Menon will receive him at the airport.',
    );
    assert.deepStrictEqual(titlesOf(mea, 'Kenji Morimoto'), [['Prime Minister', 'Japan']]);
    assert.deepStrictEqual(titlesOf(mea, 'Rakesh Menon'), [['Minister of Foreign Affairs', 'India']]);

    const un = statedTitles('President of the General Assembly Dennis Oduya opened the general debate on Tuesday.');
    assert.deepStrictEqual(titlesOf(un, 'Dennis Oduya'), [['President of the General Assembly', null]]);
  });

  it('keeps forms of address out of the title, between it and the name', () => {
    const bbc = statedTitles(
      'Defence Secretary Sir Geoffrey Hale flew to Washington. Lord Chancellor Lord Brantwood met then Cabinet Office Minister Lord Tellam on Monday.',
    );
    assert.deepStrictEqual(titlesOf(bbc, 'Geoffrey Hale'), [['Defence Secretary', null]]);
    assert.deepStrictEqual(titlesOf(bbc, 'Brantwood'), [['Lord Chancellor', null]]);
    assert.deepStrictEqual(titlesOf(bbc, 'Tellam'), [['Cabinet Office Minister', null]]);

    const mea = statedTitles('Prime Minister Mr Arvind Rao received Foreign Minister Sheikh Hamad bin Rashid and External Affairs Minister Dr. Rakesh Menon in New Delhi.');
    assert.deepStrictEqual(titlesOf(mea, 'Arvind Rao'), [['Prime Minister', null]]);
    assert.deepStrictEqual(titlesOf(mea, 'Hamad bin Rashid'), [['Foreign Minister', null]]);
    assert.deepStrictEqual(titlesOf(mea, 'Rakesh Menon'), [['External Affairs Minister', null]]);
  });

  it('reads lower-case and mixed titles before the name and in appositions after it', () => {
    const wire = statedTitles(
      'QUITO, June 2 - Fisheries and mines minister Rosa Quispe said Ecuador would keep the quota. ' +
        'Treasury Secretary James Barlow met director general Luis Ferrer. ' +
        'Carlos Ortega, head of the state oil company, agreed. ' +
        "The union asked Ottawa to refuse accreditation to Pieter Botes, Kenya's newly appointed ambassador to Canada.",
    );
    assert.deepStrictEqual(titlesOf(wire, 'Rosa Quispe'), [['Fisheries and Mines Minister', null]]);
    assert.deepStrictEqual(titlesOf(wire, 'James Barlow'), [['Treasury Secretary', null]]);
    assert.deepStrictEqual(titlesOf(wire, 'Luis Ferrer'), [['Director General', null]]);
    assert.deepStrictEqual(titlesOf(wire, 'Carlos Ortega'), [['Head of the State Oil Company', null]]);
    assert.deepStrictEqual(titlesOf(wire, 'Pieter Botes'), [['Ambassador to Canada', 'Kenya']]);

    const bbc = statedTitles("Gareth Pryce, the Liberal co-chairman, said so. Lisbon is represented by Portugal's director general for Africa, Ana Ruiz.");
    assert.deepStrictEqual(titlesOf(bbc, 'Gareth Pryce'), [['Co-Chairman', null]]);
    assert.deepStrictEqual(titlesOf(bbc, 'Ana Ruiz'), [['Director General for Africa', 'Portugal']]);

    // The title before the name, not the speaker of the sentence after it.
    const spokeswoman = statedTitles('ACCRA, May 4 - Budget talks opened today with Minister of Finance of Ghana Kofi Mensah, a ministry spokeswoman said.');
    assert.deepStrictEqual(titlesOf(spokeswoman, 'Kofi Mensah'), [['Minister of Finance', 'Ghana']]);
  });

  it('does not give a person the title of someone the office serves or of the next name', () => {
    const whiteHouse = statedTitles(
      'Aide to the President John Smithers briefed reporters. National Security Advisor to the Vice President Jacob Sorensen joined the call. A spokesman for President Harold Brandt said the call went well.',
    );
    assert.deepStrictEqual(titlesOf(whiteHouse, 'John Smithers'), [['Aide', null]]);
    assert.deepStrictEqual(titlesOf(whiteHouse, 'Jacob Sorensen'), [['National Security Advisor', null]]);
    assert.deepStrictEqual(titlesOf(whiteHouse, 'Harold Brandt'), [['President', null]]);

    const list = statedTitles('The delegation will see Under Secretary for Arms Control Ellen Marsh, Energy Secretary Carl Weber and several governors.');
    assert.deepStrictEqual(titlesOf(list, 'Ellen Marsh'), [['Under Secretary for Arms Control', null]]);
    assert.deepStrictEqual(titlesOf(list, 'Carl Weber'), [['Energy Secretary', null]]);
  });

  it('keeps long compound titles whole', () => {
    const whiteHouse = statedTitles('Deputy National Security Advisor for International Economics Daleep Sandhu told reporters the sanctions would bite.');
    const advisor = [...whiteHouse.entries()].find(([name]) => name.endsWith('Daleep Sandhu'));
    assert.deepStrictEqual(advisor?.[1], [['Deputy National Security Advisor for International Economics', null]]);

    const un = statedTitles(
      'Under-Secretary-General for Political Affairs Rosemary Dimarco briefed the Council, and the Special Envoy of the Secretary-General for Yemen, Hans Grunwald, spoke by video link.',
    );
    assert.deepStrictEqual(titlesOf(un, 'Rosemary Dimarco'), [['Under-Secretary-General for Political Affairs', null]]);
    assert.deepStrictEqual(titlesOf(un, 'Hans Grunwald'), [['Special Envoy of the Secretary-General for Yemen', null]]);

    const wire = statedTitles('Quispe said her Chilean counterpart, minister of fisheries, forests and rural development, Alfredo Mazon, would visit Quito.');
    assert.deepStrictEqual(titlesOf(wire, 'Alfredo Mazon'), [['Minister of Fisheries, Forests and Rural Development', null]]);
  });

  it('reads bare descriptions as no title', () => {
    const bbc = statedTitles(
      'Tory leader Michael Hammond attacked the plan, Labour leader Neil Kinlock stayed silent and election supremo Alan Milner said nothing. ' +
        'The Kremlin leader spoke to his Israeli counterpart Avi Dromi, and opposition leader Raila Ondiek met Senate Majority Leader Carl Brenner.',
    );
    for (const name of ['Michael Hammond', 'Neil Kinlock', 'Alan Milner', 'Avi Dromi']) assert.deepStrictEqual(titlesOf(bbc, name), [], name);
    assert.deepStrictEqual(titlesOf(bbc, 'Raila Ondiek'), [['Opposition Leader', null]]);
    assert.deepStrictEqual(titlesOf(bbc, 'Carl Brenner'), [['Majority Leader', null]]);
  });
});
