import * as assert from 'assert';
import { Engine } from '../../src/core/analyze';
import { ArticleAnalysis, Meeting } from '../../src/core/types';

// Short original articles written in the house styles of different outlets. Meetings are looked up by
// surnames (a surname matches when some participant's name contains it), so the tests do not depend
// on the exact form a name takes. Most counterparts are invented and in no bundled list.
const engine = new Engine();
const analyse = (text: string): ArticleAnalysis => engine.analyze({ uri: 'test', text, version: 1 });
const lines = (...parts: string[]): string => parts.join('\n');

/** True when every surname is contained in some participant's name. */
const includes = (m: Meeting, surnames: string[]): boolean => surnames.every((s) => m.participants.some((p) => p.includes(s)));
/** True when, in addition, every participant is one of the surnames: no one else took part. */
const exactly = (m: Meeting, surnames: string[]): boolean => includes(m, surnames) && m.participants.every((p) => surnames.some((s) => p.includes(s)));
const show = (a: ArticleAnalysis): string =>
  JSON.stringify(a.meetings.map((m) => [m.participants, m.kind, m.status, m.place, m.date.value]));
const meetingsOf = (a: ArticleAnalysis, ...surnames: string[]): Meeting[] => a.meetings.filter((m) => includes(m, surnames));
/** Meetings between two or more people. */
const betweenPeople = (a: ArticleAnalysis): Meeting[] => a.meetings.filter((m) => m.participants.length >= 2);

/** The one meeting that all the surnames took part in (and, when `only`, no one else). */
function meeting(a: ArticleAnalysis, surnames: string[], only = false): Meeting {
  const found = a.meetings.filter((m) => (only ? exactly(m, surnames) : includes(m, surnames)));
  assert.strictEqual(found.length, 1, `expected one meeting of ${surnames.join(' + ')}${only ? ' alone' : ''}; got ${show(a)}`);
  return found[0];
}

function noMeeting(a: ArticleAnalysis, surnames: string[]): void {
  assert.deepStrictEqual(meetingsOf(a, ...surnames).map((m) => m.participants), [], `no meeting of ${surnames.join(' + ')} expected; got ${show(a)}`);
}

interface Expected {
  kind?: Meeting['kind'];
  status?: Meeting['status'];
  place?: string | null;
  date?: string | null;
}

/** Compares only the fields given. */
function check(m: Meeting, expected: Expected): void {
  const actual: Expected = {};
  if ('kind' in expected) actual.kind = m.kind;
  if ('status' in expected) actual.status = m.status;
  if ('place' in expected) actual.place = m.place;
  if ('date' in expected) actual.date = m.date.value;
  assert.deepStrictEqual(actual, expected, `meeting of ${m.participants.join(' + ')}`);
}

const rolesOf = (a: ArticleAnalysis, surname: string): [string, string | null][] =>
  a.entities.find((e) => e.kind === 'person' && e.name.includes(surname))?.roles.map((r): [string, string | null] => [r.title, r.country]) ?? [];

describe('articles in the house styles of different outlets', () => {
  describe('a Kremlin readout', () => {
    const call = analyse(lines(
      'Telephone conversation with President of Kyrgyzstan Almazbek Temirov',
      'Moscow, March 3, 2022',
      'President of Russia Vladimir Putin had a telephone conversation with President of Kyrgyzstan Almazbek Temirov.',
      'The two leaders discussed deliveries of fuel and fertiliser ahead of the sowing season.',
      'During the conversation, Almazbek Temirov thanked the Russian side for its assistance.',
      'The presidents agreed to continue their contacts.',
    ));

    it('a Kremlin telephone readout gives one call between Putin and the caller, dated from the dateline', () => {
      check(meeting(call, ['Putin', 'Temirov'], true), { kind: 'call', status: 'held', date: '2022-03-03' });
    });

    it('the headline and "During the conversation" do not add calls', () => {
      assert.strictEqual(betweenPeople(call).length, 1, show(call));
    });

    it('reads "President of Kyrgyzstan" as the caller\'s title and country', () => {
      assert.deepStrictEqual(rolesOf(call, 'Temirov')[0], ['President', 'Kyrgyzstan']);
    });

    const talks = analyse(lines(
      'Published: 25 November 2021 16:20',
      'Russian-Serbian talks',
      'Vladimir Putin held talks with President of Serbia Dragan Milovic at the Bocharov Ruchei residence in Sochi.',
      'During the talks, Dragan Milovic said Belgrade counted on uninterrupted gas supplies this winter.',
      'Later in the day, the Russian leader received Governor of Krasnodar Territory Igor Lazarenko, who reported on preparations for the tourist season.',
    ));

    it('finds the talks in Sochi once, though "During the talks" mentions them again', () => {
      check(meeting(talks, ['Putin', 'Milovic'], true), { kind: 'talks', status: 'held', place: 'Sochi', date: '2021-11-25' });
    });

    it('"the Russian leader received" is a meeting of Putin with the governor', () => {
      check(meeting(talks, ['Putin', 'Lazarenko'], true), { status: 'held', date: '2021-11-25' });
      noMeeting(talks, ['Milovic', 'Lazarenko']);
      assert.strictEqual(talks.meetings.length, 2, show(talks));
    });

    const sidelines = analyse(lines(
      'Published: 9 December 2019 22:10',
      'Paris',
      'Vladimir Putin took part in a Normandy format summit at the Elysee Palace.',
      'On the sidelines of the summit, Vladimir Putin met President of Ukraine Volodymyr Zelenskyy.',
      'The two presidents discussed the exchange of detained persons and the transit of gas.',
    ));

    it('a meeting on the sidelines of a summit is a held meeting in the dateline city', () => {
      check(meeting(sidelines, ['Putin', 'Zelenskyy'], true), { status: 'held', place: 'Paris', date: '2019-12-09' });
    });

    it('reads "President of Ukraine Volodymyr Zelenskyy" as President of Ukraine', () => {
      assert.deepStrictEqual(rolesOf(sidelines, 'Zelenskyy')[0], ['President', 'Ukraine']);
    });
  });

  describe('a White House readout', () => {
    const calls = analyse(lines(
      'Readout of President Biden\'s Calls with Nordic Leaders',
      'March 2, 2022',
      'President Biden spoke today with Prime Minister Lars Ekholm of Sweden.',
      'The leaders discussed their coordinated response to Russia\'s invasion of Ukraine.',
      'The President also spoke by telephone with President Aino Kettunen of Finland about security in the Baltic Sea region.',
    ));

    it('"spoke today with" is a call between Biden and the prime minister on the readout date', () => {
      check(meeting(calls, ['Biden', 'Ekholm'], true), { kind: 'call', status: 'held', date: '2022-03-02' });
    });

    it('"The President also spoke by telephone with" is a second call by Biden, not by the prime minister', () => {
      check(meeting(calls, ['Biden', 'Kettunen'], true), { kind: 'call', status: 'held' });
      noMeeting(calls, ['Ekholm', 'Kettunen']);
      assert.strictEqual(calls.meetings.length, 2, show(calls));
    });

    const travel = analyse(lines(
      'Readout of National Security Advisor Jake Sullivan\'s Meetings in Israel',
      'December 15, 2023',
      'National Security Advisor Jake Sullivan met today with Prime Minister Avner Golan, Defense Minister Yoav Mizrahi, Minister Gideon Shaked and opposition leader Tamar Levinson in Tel Aviv.',
      'They discussed the next phase of the military campaign and the protection of civilians.',
      'In Jerusalem, Mr. Sullivan met President Dov Harel.',
      'He also met Foreign Minister Eliyahu Ben-Ami.',
      'Mr. Sullivan also met officials of the Israel Defense Forces and families of hostages.',
    ));

    it('"met with A, B, C and D" is one joint meeting of all five in Tel Aviv', () => {
      const joint = meeting(travel, ['Sullivan', 'Golan', 'Mizrahi', 'Shaked', 'Levinson'], true);
      check(joint, { status: 'held', place: 'Tel Aviv', date: '2023-12-15' });
      assert.strictEqual(meetingsOf(travel, 'Golan').length, 1, `no separate meetings per minister: ${show(travel)}`);
    });

    it('a fronted "In Jerusalem," places the meeting that follows in Jerusalem', () => {
      check(meeting(travel, ['Sullivan', 'Harel'], true), { status: 'held', place: 'Jerusalem' });
    });

    it('"He also met" is another meeting of Sullivan', () => {
      check(meeting(travel, ['Sullivan', 'Ben-Ami'], true), { status: 'held' });
    });

    it('meeting unnamed officials and families adds no meeting', () => {
      assert.strictEqual(travel.meetings.length, 3, show(travel));
    });

    const visit = analyse(lines(
      'Readout of President Biden\'s Meeting with Prime Minister Eirik Solheim of Norway',
      'June 6, 2023',
      'President Biden hosted Prime Minister Eirik Solheim of Norway at the White House today.',
      'The leaders discussed support for Ukraine, Arctic security and clean energy.',
      'The President also met with Secretary General Henrik Dahl of the Nordic Council.',
      'Vice President Harris discussed maritime security with Prime Minister Solheim over lunch.',
    ));

    it('the headline\'s "Meeting with" and the body\'s "hosted" are one meeting of Biden and Solheim', () => {
      check(meeting(visit, ['Biden', 'Solheim'], true), { status: 'held', date: '2023-06-06' });
    });

    it('"The President also met with" is a meeting of Biden, the president named earlier', () => {
      check(meeting(visit, ['Biden', 'Dahl'], true), { status: 'held' });
      noMeeting(visit, ['Solheim', 'Dahl']);
    });

    it('"discussed maritime security with" is a meeting of the Vice President and the prime minister', () => {
      check(meeting(visit, ['Harris', 'Solheim'], true), { status: 'held' });
      assert.strictEqual(visit.meetings.length, 3, show(visit));
    });
  });

  describe('an Indian MEA press release', () => {
    const release = analyse(lines(
      'New Delhi, February 14, 2024',
      'Prime Minister Shri Narendra Modi held talks with Prime Minister of Mauritius H.E. Mr. Devendra Seetaram at Hyderabad House today.',
      'The delegations led by Prime Minister Modi and Prime Minister Seetaram reviewed cooperation in maritime security, health and digital payments.',
      'Earlier in the day, External Affairs Minister Dr. S. Jaishankar called on Prime Minister Seetaram.',
      'Prime Minister Seetaram also paid a courtesy call on President Smt. Droupadi Murmu at Rashtrapati Bhavan.',
      'He will travel to Mumbai on 15 February, where he is scheduled to meet business leaders.',
    ));

    it('"held talks with" gives one set of talks between Modi and his guest, with the delegation talks', () => {
      const talks = meeting(release, ['Modi', 'Seetaram'], true);
      check(talks, { kind: 'talks', status: 'held', date: '2024-02-14' });
      assert.ok(talks.place === 'New Delhi' || talks.place === 'Hyderabad House', `place ${talks.place}`);
    });

    it('"called on" is an in-person meeting of Jaishankar with the visiting prime minister', () => {
      const visit = meeting(release, ['Jaishankar', 'Seetaram'], true);
      check(visit, { status: 'held', date: '2024-02-14' });
      assert.notStrictEqual(visit.kind, 'call', '"called on" is a visit in person, not a telephone call');
    });

    it('"paid a courtesy call on" is an in-person meeting with the President, not a phone call', () => {
      const courtesy = meeting(release, ['Seetaram', 'Murmu'], true);
      check(courtesy, { status: 'held' });
      assert.notStrictEqual(courtesy.kind, 'call');
    });

    it('meeting unnamed business leaders adds no meeting between people', () => {
      assert.strictEqual(betweenPeople(release).length, 3, show(release));
    });

    const trip = analyse(lines(
      'New Delhi, January 05, 2024',
      'External Affairs Minister Dr. S. Jaishankar travelled to Colombo and met Foreign Minister of Sri Lanka Mr. Nalin Wijesekera today.',
      'The two Ministers discussed energy connectivity and the issues of fishermen.',
      'EAM is scheduled to meet Prime Minister Mr. Dinesh Karunaratne tomorrow.',
      'He will also visit former President Mr. Upali Dissawa at his residence in Kandy.',
      'In the evening, EAM will be the guest of President Mr. Lalith Samarakoon at a dinner at the President\'s House.',
    ));

    it('"travelled to Colombo and met" places the meeting in Colombo, not the New Delhi dateline', () => {
      check(meeting(trip, ['Jaishankar', 'Wijesekera'], true), { status: 'held', place: 'Colombo', date: '2024-01-05' });
    });

    it('"is scheduled to meet" is a planned meeting for the next day', () => {
      check(meeting(trip, ['Jaishankar', 'Karunaratne'], true), { status: 'planned', date: '2024-01-06' });
    });

    it('"will visit former President" is a planned meeting with that person in Kandy', () => {
      check(meeting(trip, ['Jaishankar', 'Dissawa'], true), { status: 'planned', place: 'Kandy' });
    });

    it('"will be the guest of President" is a planned meeting with the host', () => {
      check(meeting(trip, ['Jaishankar', 'Samarakoon'], true), { status: 'planned' });
      assert.strictEqual(betweenPeople(trip).length, 4, show(trip));
    });
  });

  describe('an African Union communiqué', () => {
    const au = analyse(lines(
      'Addis Ababa, 12 September 2023',
      'The Chairperson of the African Union Commission, H.E. Mr. Idriss Kamara, today welcomed the Special Envoy of the United Nations Secretary-General for the Horn of Africa, Ms. Hanna Tesfaye.',
      'The Chairperson later hosted the Foreign Minister of Somalia, Mr. Abdirahman Warsame, for consultations on the security transition.',
      'On 11 September, the Commissioner for Political Affairs, Peace and Security, Ambassador Grace Adeyemi, had a day of separate meetings with Ambassador Joseph Mwangi of Kenya, Ambassador Fatuma Hersi of Djibouti and Ambassador Selam Girma of Ethiopia.',
      'The meeting of the Peace and Security Council was attended by Ambassador Adeyemi, Ms. Tesfaye and Mr. Warsame.',
      'Ambassador Adeyemi also met officials of the regional economic communities and representatives of trade unions.',
      'The Chairperson proposed that President Hassan Abdi of Somalia and President Dawit Alemu of Ethiopia meet in Addis Ababa before the end of the month.',
    ));

    it('"welcomed" is a meeting in the dateline city, Addis Ababa', () => {
      check(meeting(au, ['Kamara', 'Tesfaye'], true), { status: 'held', place: 'Addis Ababa', date: '2023-09-12' });
    });

    it('"The Chairperson later hosted ... for consultations" is one meeting of the Chairperson and the minister', () => {
      check(meeting(au, ['Kamara', 'Warsame'], true), { status: 'held', date: '2023-09-12' });
    });

    it('"a day of separate meetings with A, B and C" gives three meetings dated 11 September', () => {
      for (const envoy of ['Mwangi', 'Hersi', 'Girma']) {
        check(meeting(au, ['Adeyemi', envoy], true), { status: 'held', date: '2023-09-11' });
      }
      noMeeting(au, ['Mwangi', 'Hersi']);
      noMeeting(au, ['Hersi', 'Girma']);
    });

    it('"attended by A, B and C" is one joint meeting of the three', () => {
      check(meeting(au, ['Adeyemi', 'Tesfaye', 'Warsame'], true), { status: 'held' });
      assert.strictEqual(meetingsOf(au, 'Tesfaye', 'Warsame').length, 1, show(au));
    });

    it('a proposal that two presidents meet is no meeting, and neither is meeting unnamed officials', () => {
      noMeeting(au, ['Abdi', 'Alemu']);
      assert.strictEqual(betweenPeople(au).length, 6, show(au));
    });
  });

  describe('a Japanese MOFA summary', () => {
    const summit = analyse(lines(
      'Japan-Philippines Summit Meeting',
      'November 3, 2023',
      'On November 3, commencing at 10:30 a.m. (local time) for approximately 90 minutes, Prime Minister Kishida, who is visiting the Philippines, held a summit meeting with H.E. Mr. Ramon Villanueva, President of the Philippines, at Malacanang Palace in Manila.',
      'At the outset, Prime Minister Kishida expressed his gratitude for the warm welcome.',
      'The two leaders confirmed that they would strengthen security cooperation.',
      'Prime Minister Kishida will meet Speaker of the House of Representatives Mr. Andres Soriano on November 4.',
    ));

    it('"held a summit meeting with" gives one held summit of Kishida and the President in Manila', () => {
      check(meeting(summit, ['Kishida', 'Villanueva'], true), { kind: 'summit', status: 'held', place: 'Manila', date: '2023-11-03' });
    });

    it('"will meet" is a planned meeting on the stated day', () => {
      check(meeting(summit, ['Kishida', 'Soriano'], true), { status: 'planned', date: '2023-11-04' });
      assert.strictEqual(betweenPeople(summit).length, 2, show(summit));
    });

    const phone = analyse(lines(
      'Japan-Viet Nam Summit Telephone Talk',
      'September 20, 2023',
      'On September 20, commencing at 5:00 p.m. for approximately 25 minutes, Prime Minister Kishida telephoned H.E. Mr. Tran Quoc Hung, Prime Minister of Viet Nam.',
      'The two leaders welcomed the progress in economic cooperation.',
      'Prime Minister Hung will visit Japan next week.',
    ));

    it('"telephoned" is a call between Kishida and the Vietnamese prime minister', () => {
      check(meeting(phone, ['Kishida', 'Quoc Hung'], true), { kind: 'call', status: 'held', date: '2023-09-20' });
    });

    it('a visit to a country with no named host is no meeting between people', () => {
      assert.strictEqual(betweenPeople(phone).length, 1, show(phone));
    });
  });

  describe('a 1987 Reuters wire story', () => {
    const wire = analyse(lines(
      'Clark holds talks with Shultz in Washington',
      'Published: 1987-03-09',
      'WASHINGTON, March 9 (Reuters) - Canadian External Affairs Minister Joe Clark conferred with Secretary of State George Shultz for two hours on Monday about acid rain and the free trade negotiations, Canadian officials said.',
      'The two men last met in Argentina last December.',
      'Shultz arranged a meeting between Clark and Treasury Secretary James Baker for Tuesday.',
      'Clark will also meet Senate leaders before returning to Ottawa.',
    ));

    it('the headline and "conferred with" are one held meeting in Washington on the day', () => {
      const today = meetingsOf(wire, 'Clark', 'Shultz').filter((m) => m.date.value === '1987-03-09');
      assert.strictEqual(today.length, 1, show(wire));
      check(today[0], { status: 'held', place: 'Washington' });
    });

    it('"met in Argentina last December" is an earlier meeting in December 1986', () => {
      const earlier = meetingsOf(wire, 'Clark', 'Shultz').filter((m) => m.date.value?.startsWith('1986-12'));
      assert.strictEqual(earlier.length, 1, show(wire));
      check(earlier[0], { status: 'held', place: 'Argentina' });
    });

    it('"arranged a meeting between A and B" is a planned meeting of the two, without the arranger', () => {
      check(meeting(wire, ['Clark', 'Baker'], true), { status: 'planned', date: '1987-03-10' });
      assert.strictEqual(wire.meetings.length, 3, show(wire));
    });

    const bonn = analyse(lines(
      'Published: 1987-05-04',
      'LONDON, May 4 (Reuters) - Foreign Secretary Sir Geoffrey Howe and West German Foreign Minister Hans-Dietrich Genscher held talks in Frankfurt, West Germany, on Monday on arms control in Europe, the Foreign Office said.',
      'During the talks, Genscher said Bonn wanted a quick agreement on medium-range missiles.',
      'Howe is due to meet Soviet Foreign Minister Eduard Shevardnadze in Moscow next week.',
      'The Moscow trip will be followed by Howe\'s visit to King Hussein in Amman later this month.',
    ));

    it('"A and B held talks in Frankfurt, West Germany" is one meeting of the two in Frankfurt', () => {
      check(meeting(bonn, ['Howe', 'Genscher'], true), { kind: 'talks', status: 'held', place: 'Frankfurt', date: '1987-05-04' });
    });

    it('"is due to meet" is a planned meeting in Moscow', () => {
      check(meeting(bonn, ['Howe', 'Shevardnadze'], true), { status: 'planned', place: 'Moscow' });
    });

    it('"Howe\'s visit to King Hussein" is a planned meeting with the King in Amman', () => {
      check(meeting(bonn, ['Howe', 'Hussein'], true), { status: 'planned', place: 'Amman' });
      assert.strictEqual(betweenPeople(bonn).length, 3, show(bonn));
    });

    it('reads "Foreign Secretary Sir Geoffrey Howe" as a Foreign Secretary', () => {
      assert.strictEqual(rolesOf(bonn, 'Howe')[0]?.[0], 'Foreign Secretary');
    });
  });

  describe('a 2005 BBC report', () => {
    const bbc = analyse(lines(
      'Published: 2005/05/19 14:22:31 GMT',
      'Maltese leader meets new Pope',
      'The Maltese Prime Minister, Lawrence Gatt, has had an audience with Pope Benedict XVI at the Vatican on Thursday.',
      'Mr Gatt later held talks with the Italian Foreign Minister, Franco Bellini, in Rome.',
      'Talks between Mr Gatt and Mr Bellini focused on migration across the Mediterranean.',
      'The two men first met at their 1994 talks in Valletta, when both were junior ministers.',
      'On Wednesday Mr Gatt was received by the Italian President, Carlo Ferrante, at the Quirinale Palace.',
      'Mr Gatt hopes to meet the Spanish Foreign Minister, Miguel Salcedo, next month. Last week he and opposition leader Joseph Borg appeared together at a rally in Valletta.',
    ));

    it('"an audience with Pope Benedict XVI" is a held meeting at the Vatican', () => {
      const audience = meeting(bbc, ['Gatt', 'Benedict'], true);
      check(audience, { status: 'held', date: '2005-05-19' });
      assert.match(audience.place ?? '', /Vatican/);
    });

    it('"talks between A and B" is the same talks in Rome, not a second meeting', () => {
      const rome = meetingsOf(bbc, 'Gatt', 'Bellini').filter((m) => m.place === 'Rome');
      assert.strictEqual(rome.length, 1, show(bbc));
      check(rome[0], { status: 'held' });
    });

    it('"their 1994 talks" is an earlier meeting dated 1994', () => {
      const earlier = meetingsOf(bbc, 'Gatt', 'Bellini').filter((m) => m.date.value?.startsWith('1994'));
      assert.strictEqual(earlier.length, 1, show(bbc));
      check(earlier[0], { status: 'held', place: 'Valletta' });
      assert.strictEqual(meetingsOf(bbc, 'Gatt', 'Bellini').length, 2, show(bbc));
    });

    it('"was received by" is a meeting of the visitor and the Italian President on Wednesday', () => {
      check(meeting(bbc, ['Gatt', 'Ferrante'], true), { status: 'held', date: '2005-05-18' });
    });

    it('hoping to meet someone and appearing together at a rally are not meetings', () => {
      noMeeting(bbc, ['Gatt', 'Salcedo']);
      noMeeting(bbc, ['Gatt', 'Borg']);
      assert.strictEqual(betweenPeople(bbc).length, 4, show(bbc));
    });

    it('reads "The Maltese Prime Minister, Lawrence Gatt" as Prime Minister of Malta', () => {
      assert.deepStrictEqual(rolesOf(bbc, 'Gatt')[0], ['Prime Minister', 'Malta']);
    });
  });

  describe('more readouts', () => {
    const kremlin = analyse(lines(
      'Moscow, January 12, 2022',
      'Vladimir Putin had a telephone conversation with President of Estonia Kaarel Tamm.',
      'Earlier, Vladimir Putin met with Governor of the Tula Region Alexei Dyumov.',
    ));

    it('a call is not placed in the dateline city, a meeting that day is', () => {
      check(meeting(kremlin, ['Putin', 'Tamm'], true), { kind: 'call', place: null, date: '2022-01-12' });
      check(meeting(kremlin, ['Putin', 'Dyumov'], true), { place: 'Moscow' });
    });

    it('a region in a governor\'s title is not part of the governor\'s name', () => {
      assert.ok(kremlin.entities.some((e) => e.kind === 'person' && e.name === 'Alexei Dyumov'), show(kremlin));
    });

    const trip = analyse(lines(
      'May 23, 2022',
      'President Biden will travel to Seoul on Friday, where he will meet President Han Min-jun.',
    ));

    const xinhua = analyse(lines(
      'BEIJING, Nov. 14, 2024 (Xinhua) -- Chinese President Xi Jinping held talks with visiting Vietnamese leader Tran Van Duc in Beijing on Thursday.',
      'Premier Li Qiang and top legislator Zhao Leji met with Tran Van Duc separately.',
      'Vice President Han Zheng and Foreign Minister Wang Yi met with business leaders.',
    ));

    it('"A and B met with C separately" is two meetings, each with C', () => {
      check(meeting(xinhua, ['Li Qiang', 'Tran Van Duc'], true), { status: 'held', place: 'Beijing' });
      check(meeting(xinhua, ['Zhao Leji', 'Tran Van Duc'], true), { status: 'held' });
      noMeeting(xinhua, ['Li Qiang', 'Zhao Leji']);
    });

    it('two officials who met with unnamed people did not meet each other', () => {
      noMeeting(xinhua, ['Han Zheng', 'Wang Yi']);
    });

    const state = analyse(lines(
      'June 7, 2023',
      'Secretary of State Antony Blinken met today in Jeddah with Foreign Minister Faisal al-Rashid.',
      'The Secretary and the Foreign Minister discussed regional security.',
      'Deputy Secretary Wendy Sherman joined the meeting.',
    ));

    it('someone who "joined the meeting" just reported is one more participant of it', () => {
      check(meeting(state, ['Blinken', 'al-Rashid', 'Sherman'], true), { status: 'held', place: 'Jeddah', date: '2023-06-07' });
      assert.strictEqual(state.meetings.length, 1, show(state));
    });

    const remarks = analyse('President Anne Duval called President Pavel Sorokin a liar. President Joe Biden called President Pavel Sorokin today to discuss a ceasefire.');

    const bbcWeek = analyse(lines(
      'Ms Rice held a news conference with Mr Straw in London on Monday.',
      'Chancellor Greta Lindqvist attended a dinner hosted by President Paul Harmon.',
      'Mr Harmon attended the funeral of the former king, which Prime Minister Hugo Basse also attended.',
    ));

    it('a dinner hosted by one and attended by another is their meeting; a funeral both attend is none', () => {
      check(meeting(bbcWeek, ['Lindqvist', 'Harmon'], true), { status: 'held' });
      noMeeting(bbcWeek, ['Basse']);
      noMeeting(bbcWeek, ['Rice', 'Straw']);
    });

    const tokyo = analyse(lines(
      'Published: 1987-04-02',
      'TOKYO, April 2 - Prime Minister Kenji Ota will visit Washington at the end of April for talks with President Reagan, officials said.',
    ));

    it('"will visit Washington ... for talks with" places the planned talks in Washington', () => {
      check(meeting(tokyo, ['Ota', 'Reagan'], true), { status: 'planned', place: 'Washington', date: '1987-04' });
    });

    const africa = analyse(lines(
      'Published: 2005-03-10',
      'Speaking after talks with Ethiopian Prime Minister Alemu Bekele in Addis Ababa, Prime Minister Tony Blair said the world must act.',
    ));

    it('"Speaking after talks with A in Addis Ababa, B said" is a meeting of A and B there', () => {
      check(meeting(africa, ['Blair', 'Bekele'], true), { status: 'held', place: 'Addis Ababa' });
    });

    const pair = analyse('Prime Minister Tom Bright praised Chancellor Ed Gorse for the budget. The pair last met on Sunday to discuss the campaign.');

    it('"the pair" are the two people just named', () => {
      check(meeting(pair, ['Bright', 'Gorse'], true), { status: 'held' });
    });

    it('calling someone a name is no call; calling them today is', () => {
      noMeeting(remarks, ['Duval', 'Sorokin']);
      check(meeting(remarks, ['Biden', 'Sorokin'], true), { kind: 'call', status: 'held' });
    });

    it('"travel to Seoul on Friday, where he will meet" places the planned meeting in Seoul', () => {
      check(meeting(trip, ['Biden', 'Han Min-jun'], true), { status: 'planned', place: 'Seoul', date: '2022-05-27' });
    });
  });
});
