'use strict';
// Writes a corpus of diplomatic news articles for the corpus benchmark (scripts/bench-corpus.js):
// the five real articles of seeds/ and synthetic ones about the officials, summits and meetings
// of the project's knowledge base (data/kb/) in the gazetteer's cities (data/gazetteer/).
//
// Deterministic for a seed. Synthetic articles are 1.2 to 2.5 KB of news prose in the house
// styles of several outlets (datelines such as "BEIJING, March 3 (Xinhua) --" or
// "WASHINGTON, Sept. 18, 2019 —", "Updated:" stamps, or no date line at all); each reports a
// meeting, talks, a phone call, a planned visit, talks on the sidelines of a summit, or a speech,
// with quotes and background. About one in five reports an event another article reports too,
// in other words and for another outlet, and the heads of state and foreign ministers of the
// big countries recur in hundreds of articles of a large corpus, so that merging across articles
// is exercised as in a real news archive.
//
//   const { generateCorpus } = require('./scripts/bench/generateCorpus');
//   generateCorpus({ count: 1000, seed: 1, directory: '/tmp/corpus' });
//
//   node scripts/bench/generateCorpus.js --count 1000 [--seed 1] --out DIR

const fs = require('fs');
const path = require('path');
const { Random } = require('./random');
const { loadNewsData, dateOf, FIRST_DAY, LAST_DAY, HEAD_TITLES, SEATS } = require('./newsData');
const P = require('./phrases');

const repoRoot = path.resolve(__dirname, '..', '..');
const SEEDS_DIR = path.join(repoRoot, 'seeds');
const MIN_BYTES = 1200;
const MAX_BYTES = 2500;
/** Share of synthetic articles that report an event some other article reports too. */
const REPORTED_AGAIN = 0.2;
/** Most articles about one event. */
const MAX_REPORTS = 5;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WIRE_MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six'];

const ADJECTIVES = {
  'United States': ['U.S.', 'U.S.', 'U.S.', 'US'],
  'United Kingdom': ['British', 'British', 'UK'],
  'European Union': ['EU', 'European'],
  'African Union': ['African Union'],
  'Saudi Arabia': ['Saudi'],
  'South Korea': ['South Korean'],
  'South Africa': ['South African'],
  Turkey: ['Turkish'],
};
const POSSESSIVES = {
  'United States': ["America's", "the United States'"],
  'United Kingdom': ["Britain's"],
  'European Union': ["the European Union's"],
  'African Union': ["the African Union's"],
};
const COUNTRY_NOUNS = {
  'United States': ['the United States', 'the U.S.', 'Washington'],
  'United Kingdom': ['Britain', 'the United Kingdom'],
  'European Union': ['the European Union', 'the EU'],
  'African Union': ['the African Union'],
};
const MINISTRIES = {
  China: ['the Chinese Foreign Ministry', "China's Foreign Ministry"],
  'United States': ['the State Department', 'the U.S. State Department', 'the White House'],
  Russia: ['the Kremlin', 'the Russian Foreign Ministry'],
  'United Kingdom': ['the Foreign Office'],
  India: ["India's Ministry of External Affairs"],
  Japan: ["Japan's Foreign Ministry"],
  'European Union': ['the European Commission'],
};

function capitalise(sentence) {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

class ArticleWriter {
  constructor(generator, r, event, outlet, pubDay) {
    this.g = generator;
    this.r = r;
    this.event = event;
    this.outlet = outlet;
    this.pubDay = pubDay;
    this.introduced = new Set();
    this.people = new Set();
  }

  // ---- names and titles ----

  adjective(country) {
    const own = ADJECTIVES[country];
    if (own) return this.r.pick(own);
    const entry = this.g.data.countries.get(country);
    return entry?.demonyms?.[entry.demonyms.length > 1 && entry.demonyms[0].length <= 4 ? 1 : 0] ?? country;
  }

  possessive(country) {
    return POSSESSIVES[country] ? this.r.pick(POSSESSIVES[country]) : `${country}'s`;
  }

  countryNoun(country) {
    return COUNTRY_NOUNS[country] ? this.r.pick(COUNTRY_NOUNS[country]) : country;
  }

  ministry(country) {
    if (MINISTRIES[country]) return this.r.pick(MINISTRIES[country]);
    return `the ${this.adjective(country)} Foreign Ministry`;
  }

  /** "Chinese Foreign Minister Wang Yi", "Foreign Minister Wang Yi", "China's foreign minister, Wang Yi," … */
  titled(entry, allowAppositive) {
    const { official, role } = entry;
    const name = official.name;
    const adjective = this.adjective(role.country);
    switch (role.title) {
      case 'President of the European Commission':
        return `European Commission President ${name}`;
      case 'President of the European Council':
        return `European Council President ${name}`;
      case 'High Representative for Foreign Affairs':
        return this.r.chance(0.5) ? `EU foreign policy chief ${name}` : `EU High Representative for Foreign Affairs ${name}`;
      case 'Chairperson of the African Union Commission':
        return `African Union Commission Chairperson ${name}`;
      case 'Mayor of Los Angeles':
        return `Los Angeles Mayor ${name}`;
      case 'Governor of California':
        return `California Governor ${name}`;
      case 'Director of the Central Foreign Affairs Commission Office':
        return this.r.chance(0.5) ? `China's top diplomat ${name}` : `senior Chinese diplomat ${name}`;
      default:
        break;
    }
    const roll = this.r.next();
    if (roll < 0.6) return `${adjective} ${role.title} ${name}`;
    if (roll < 0.85 || !allowAppositive) return `${role.title} ${name}`;
    return `${name}, ${this.possessive(role.country)} ${role.title.toLowerCase()},`;
  }

  /** First mention with the title, later ones by surname (now and then "the Chinese foreign minister"). */
  ref(entry, { subject = false } = {}) {
    const id = entry.official.id;
    this.people.add(id);
    if (!this.introduced.has(id)) {
      this.introduced.add(id);
      return this.titled(entry, subject);
    }
    if (this.r.chance(0.1) && !/President of|Chairperson|Director|Mayor|Governor|High Representative/.test(entry.role.title)) {
      return `the ${this.adjective(entry.role.country)} ${entry.role.title.toLowerCase()}`;
    }
    return entry.official.surname;
  }

  short(entry) {
    this.people.add(entry.official.id);
    return this.introduced.has(entry.official.id) ? entry.official.surname : this.ref(entry);
  }

  // ---- dates ----

  monthDay(day) {
    const date = dateOf(day);
    const m = date.getUTCMonth();
    const d = date.getUTCDate();
    switch (this.outlet.style) {
      case 'reuters':
        return `${WIRE_MONTHS[m]} ${d}`;
      case 'afp':
      case 'published':
        return `${d} ${MONTHS[m]}`;
      case 'xinhua':
      case 'agency':
      case 'ap':
      case 'fulldate':
        return `${AP_MONTHS[m]} ${d}`;
      default:
        return `${MONTHS[m]} ${d}`;
    }
  }

  fullDate(day) {
    const year = dateOf(day).getUTCFullYear();
    return this.outlet.style === 'afp' || this.outlet.style === 'published' ? `${this.monthDay(day)} ${year}` : `${this.monthDay(day)}, ${year}`;
  }

  weekday(day) {
    return WEEKDAYS[dateOf(day).getUTCDay()];
  }

  /** When something happened (or will), as the article's own day would put it: "on Monday", "on Sept. 18", "on March 3, 2019". */
  when(day) {
    const distance = Math.abs(this.pubDay - day);
    if (distance <= 5 && this.r.chance(0.8)) return this.outlet.style === 'ap' ? this.weekday(day) : `on ${this.weekday(day)}`;
    if (this.r.chance(0.3) || dateOf(day).getUTCFullYear() !== dateOf(this.pubDay).getUTCFullYear()) return `on ${this.fullDate(day)}`;
    return `on ${this.monthDay(day)}`;
  }

  /** A past month as a story mentions it: "in November", "in March 2019", "last month". */
  monthMention(day) {
    const then = dateOf(day);
    const now = dateOf(this.pubDay);
    const months = (now.getUTCFullYear() - then.getUTCFullYear()) * 12 + now.getUTCMonth() - then.getUTCMonth();
    if (months === 1 && this.r.chance(0.5)) return 'last month';
    if (months === 0) return 'earlier this month';
    if (then.getUTCFullYear() === now.getUTCFullYear() || (months < 10 && this.r.chance(0.5))) return `in ${MONTHS[then.getUTCMonth()]}`;
    return `in ${MONTHS[then.getUTCMonth()]} ${then.getUTCFullYear()}`;
  }

  // ---- fill-ins ----

  topic() {
    return this.r.pick(P.TOPICS);
  }

  /** Fills a phrase's slots; `our` is "our" in quotes and "their" in reported speech. */
  fill(template, extra = {}) {
    const first = this.topic();
    let second = this.topic();
    if (second === first) second = this.r.pick(P.TOPICS);
    const slots = { our: 'their', ...extra };
    return template
      .replace(/\{goal\}/g, () => this.fill(this.r.pick(P.COOPERATION_GOALS), slots))
      .replace(/\{topic2\}/g, second)
      .replace(/\{topic\}/g, first)
      .replace(/\{adjective\}/g, () => this.r.pick(P.TALK_ADJECTIVES))
      .replace(/\{(\w+)\}/g, (whole, key) => (key in slots ? String(slots[key]) : whole));
  }

  // ---- the article ----

  write() {
    const ev = this.event;
    const r = this.r;
    const paragraphs = [];
    const header = [];
    this.usedForms = new Set();
    const datelineCity = ev.kind === 'call' ? this.g.capitalOf(ev.host.role.country) : ev.place;
    const dateline = this.dateline(datelineCity, header);

    paragraphs.push(dateline + this.lead());
    const detail = this.detail();
    if (detail) paragraphs.push(detail);

    const a = ev.host;
    const b = ev.guest;
    const year = dateOf(this.pubDay).getUTCFullYear();
    const capital = () => this.g.capitalOf(r.pick([a, b]).role.country);
    const body = [];
    for (const speaker of r.sample([a, b], 2)) {
      body.push(this.quote(speaker));
      if (r.chance(0.6)) body.push(this.view(speaker));
    }
    body.push(...this.background());
    const analysts = r.sample(P.ANALYST_LINES, 4).map((line) => this.fill(line, { city: capital() }));
    body.push(...analysts.slice(0, 2));
    if (r.chance(0.6)) body.push(this.fill(r.pick(P.TRADE_FIGURES), { n: r.int(12, 690), p: r.int(2, 19), k: r.int(3, 30), year: year - 1 }));
    const ordered = [body[0], ...r.sample(body.slice(1), body.length - 1)];
    const closing = this.fill(r.pick(P.CLOSING_LINES), { ministry: this.ministry(r.pick([a, b]).role.country) });

    const target = r.int(MIN_BYTES + 50, MAX_BYTES - 120);
    const gap = this.outlet.paragraphGap;
    const size = () => Buffer.byteLength(header.join('') + paragraphs.join(gap) + gap + closing);
    const add = (sentence) => {
      paragraphs.push(sentence);
      if (size() > MAX_BYTES - 40) paragraphs.pop();
    };
    for (const sentence of ordered) {
      if (size() >= target) break;
      add(sentence);
    }
    // Longer stories go on with more reactions, history, other officials and analysis, each used once.
    const countryA = this.countryNoun(a.role.country);
    const countryB = this.countryNoun(b.role.country);
    const more = [
      ...analysts.slice(2),
      this.quote(r.pick([a, b])),
      this.quote(r.pick([a, b])),
      this.view(r.pick([a, b])),
      ...r.sample(P.REACTIONS, 3).map((line) =>
        this.fill(line, { capital: capital(), city: ev.place, critique: r.pick(P.CRITIQUES), critique2: r.pick(P.CRITIQUES_2) }),
      ),
      ...r.sample(P.HISTORY, 2).map((line) =>
        this.fill(line, {
          countryA: capitalise(countryA),
          countryB,
          topicCap: capitalise(this.topic()),
          trend: r.pick(P.TRENDS),
          rank: r.pick(P.RANKS),
          year: year - r.int(2, 12),
          n: r.pick([20, 25, 30, 40, 45, 50, 60, 70]),
          p: (r.int(5, 80) / 10).toFixed(1),
        }),
      ),
      ...this.otherOfficials(),
    ];
    for (const sentence of r.sample(more, more.length)) {
      if (size() >= target) break;
      if (!paragraphs.includes(sentence)) add(sentence);
    }
    paragraphs.push(closing);
    // Wire copy has a sentence a paragraph; papers often run two together.
    const joined = [];
    for (const sentence of paragraphs.map(capitalise)) {
      if (joined.length > 1 && gap === '\n\n' && r.chance(0.3) && !joined[joined.length - 1].includes('" ')) joined[joined.length - 1] += ` ${sentence}`;
      else joined.push(sentence);
    }
    return `${header.join('')}${joined.join(gap)}\n`;
  }

  dateline(city, header) {
    const o = this.outlet;
    const CITY = city.toUpperCase();
    const pub = dateOf(this.pubDay);
    switch (o.style) {
      case 'xinhua':
        return `${CITY}, ${this.monthDay(this.pubDay)} (Xinhua) -- `;
      case 'reuters':
        return `${CITY}, ${this.monthDay(this.pubDay)} (Reuters) - `;
      case 'ap':
        if (this.r.chance(0.6)) header.push(`Updated ${this.r.int(1, 12)}:${String(this.r.int(0, 59)).padStart(2, '0')} ${this.r.pick(['AM', 'PM'])} UTC, ${this.fullDate(this.pubDay)}\n\n`);
        return `${CITY} (AP) — `;
      case 'afp':
        if (this.r.chance(0.6)) header.push(`${this.headline()}\n\nPublished on ${String(pub.getUTCDate()).padStart(2, '0')}/${String(pub.getUTCMonth() + 1).padStart(2, '0')}/${pub.getUTCFullYear()}\n\n`);
        return `${city} (AFP) - `;
      case 'agency':
        return `${CITY}, ${this.monthDay(this.pubDay)} (${o.name}) -- `;
      case 'tass':
        return `${CITY}, ${MONTHS[pub.getUTCMonth()]} ${pub.getUTCDate()}. /TASS/. `;
      case 'fulldate':
        return `${CITY}, ${this.fullDate(this.pubDay)} — `;
      case 'stamp': {
        const hh = String(this.r.int(6, 23)).padStart(2, '0');
        const mm = String(this.r.int(0, 59)).padStart(2, '0');
        header.push(`Home / World / Diplomacy\n\n${this.headline()}\n\n${this.r.pick(['Xinhua', 'China Daily', 'chinadaily.com.cn'])} | Updated: ${pub.toISOString().slice(0, 10)} ${hh}:${mm}\n\n`);
        return `${CITY} - `;
      }
      case 'published':
        header.push(`${this.headline()}\n\nPublished: ${pub.getUTCDate()} ${MONTHS[pub.getUTCMonth()]} ${pub.getUTCFullYear()}\n\n`);
        return '';
      default:
        if (this.r.chance(0.5)) header.push(`${this.headline()}\n\n`);
        return '';
    }
  }

  headline() {
    const ev = this.event;
    const a = ev.host.official;
    const b = ev.guest.official;
    const place = ev.place;
    switch (ev.kind) {
      case 'call':
        return this.r.pick([`${a.surname}, ${b.surname} hold phone talks`, `${a.name} speaks with ${b.name} by phone`]);
      case 'visit':
        return this.r.pick([`${b.name} to visit ${place}`, `${b.surname} set for ${place} trip`]);
      case 'speech':
        return `${a.name} calls for cooperation on ${this.topic()}`;
      default:
        return this.r.pick([`${a.name} meets ${b.name} in ${place}`, `${a.surname}, ${b.surname} hold talks in ${place}`, `${this.adjective(ev.host.role.country)}, ${this.adjective(ev.guest.role.country)} officials meet in ${place}`]);
    }
  }

  /** The first sentence: who met whom, where and when. Each event remembers the phrasings used, so another report of it reads differently. */
  lead() {
    const ev = this.event;
    const r = this.r;
    const options = this.leadOptions();
    const unused = options.filter((_, i) => !ev.usedLeads.has(i));
    const pool = unused.length > 0 ? unused : options;
    const chosen = r.pick(pool);
    ev.usedLeads.add(options.indexOf(chosen));
    let sentence = chosen();
    sentence = capitalise(sentence);
    if (r.chance(0.45) && ev.kind !== 'speech') {
      sentence = sentence.replace(/,$/, '');
      sentence += this.fill(r.pick([', and the two sides pledged to {goal}', ', vowing to {goal}', ', as both sides sought to {goal}', ' amid tensions over {topic}', ', the latest in a series of high-level contacts']));
    }
    return `${sentence.replace(/,$/, '')}.`;
  }

  leadOptions() {
    const ev = this.event;
    const { host: a, guest: b, place } = ev;
    const when = () => this.when(ev.day);
    const r = this.r;
    switch (ev.kind) {
      case 'meeting':
        return [
          () => `${this.ref(a, { subject: true })} met with visiting ${this.ref(b)} in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} held talks with visiting ${this.ref(b)} in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} met ${this.ref(b)} ${when()} in ${place}`,
          () => `${this.ref(a, { subject: true })} received ${this.ref(b)} in ${place} ${when()}`,
          () => `${this.ref(b, { subject: true })} met with ${this.ref(a)} in ${place} ${when()}, on a ${r.pick(NUMBER_WORDS)}-day visit to ${this.countryNoun(a.role.country)}`,
          () => `${this.ref(a, { subject: true })} and ${this.ref(b)} held talks in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} told visiting ${this.ref(b)} in ${place} ${when()} that the two countries ${this.fill(r.pick(P.SHARED_VIEWS))}`,
          () => `${this.ref(a, { subject: true })} welcomed ${this.ref(b)} to ${place} ${when()} for talks on ${this.topic()}`,
        ];
      case 'talks':
        return [
          () => `${this.ref(a, { subject: true })} and ${this.ref(b)} held ${r.pick(NUMBER_WORDS)} rounds of talks in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} held talks with ${this.ref(b)} in ${place} ${when()}`,
          () => `Talks between ${this.ref(a)} and ${this.ref(b)} in ${place} ${when()} focused on ${this.topic()}`,
          () => `${this.ref(b, { subject: true })} held ${r.pick(['closed-door', 'high-level', 'marathon'])} talks with ${this.ref(a)} in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} discussed ${this.topic()} with ${this.ref(b)} in ${place} ${when()}`,
        ];
      case 'call':
        return [
          () => `${this.ref(a, { subject: true })} and ${this.ref(b)} spoke by phone ${when()}`,
          () => `${this.ref(a, { subject: true })} held a phone call with ${this.ref(b)} ${when()}`,
          () => `${this.ref(a, { subject: true })} had a telephone conversation with ${this.ref(b)} ${when()}`,
          () => `${this.ref(a, { subject: true })} spoke by telephone with ${this.ref(b)} ${when()} about ${this.topic()}`,
          () => `${this.ref(a, { subject: true })} received a phone call from ${this.ref(b)} ${when()}`,
        ];
      case 'visit': {
        const future = () => this.futureWhen(ev.day, ev.length);
        const country = this.countryNoun(a.role.country);
        return [
          () => `${this.ref(b, { subject: true })} will visit ${country} ${future()}, ${this.ministry(a.role.country)} announced ${this.when(this.pubDay)}`,
          () => `${this.ref(b, { subject: true })} will pay an official visit to ${country} ${future()} at the invitation of ${this.ref(a)}`,
          () => `${this.ref(b, { subject: true })} is scheduled to travel to ${place} ${future()} for talks with ${this.ref(a)}`,
          () => `${this.ref(a, { subject: true })} will host ${this.ref(b)} in ${place} ${future()}`,
          () => `${this.ref(b, { subject: true })} will hold talks with ${this.ref(a)} in ${place} ${future()}`,
        ];
      }
      case 'sidelines': {
        const summit = r.pick(ev.summit.aliases.length > 0 ? ev.summit.aliases : [ev.summit.name]);
        return [
          () => `${this.ref(a, { subject: true })} met ${this.ref(b)} on the sidelines of the ${summit} in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} and ${this.ref(b)} held talks on the sidelines of the ${summit} in ${place} ${when()}`,
          () => `On the sidelines of the ${summit} in ${place} ${when()}, ${this.ref(a)} met with ${this.ref(b)}`,
          () => `${this.ref(b, { subject: true })} held a bilateral meeting with ${this.ref(a)} ${when()} at the ${summit} in ${place}`,
        ];
      }
      case 'speech':
      default:
        return [
          () => `${this.ref(a, { subject: true })} said in a speech in ${place} ${when()} that ${this.countryNoun(a.role.country)} and ${this.countryNoun(b.role.country)} ${this.fill(r.pick(P.SHARED_VIEWS))}`,
          () => `${this.ref(a, { subject: true })} called for closer cooperation on ${this.topic()} in an address in ${place} ${when()}`,
          () => `${this.ref(a, { subject: true })} told a news conference in ${place} ${when()} that ties with ${this.countryNoun(b.role.country)} ${this.fill(r.pick(P.SHARED_VIEWS))}`,
        ];
    }
  }

  /** A planned visit's dates: "next week", "on Thursday", "from March 12 to 15". */
  futureWhen(day, length) {
    const ahead = day - this.pubDay;
    const roll = this.r.next();
    if (ahead >= 3 && ahead <= 9 && roll < 0.35) return 'next week';
    if (ahead <= 6 && roll < 0.6) return `on ${this.weekday(day)}`;
    const start = dateOf(day);
    const end = dateOf(day + length - 1);
    if (length > 1 && start.getUTCMonth() === end.getUTCMonth()) {
      const first = this.monthDay(day);
      return this.outlet.style === 'afp' || this.outlet.style === 'published' ? `from ${start.getUTCDate()} to ${this.monthDay(day + length - 1)}` : `from ${first} to ${end.getUTCDate()}`;
    }
    return `on ${this.monthDay(day)}`;
  }

  detail() {
    const ev = this.event;
    const { host: a, guest: b, place } = ev;
    const r = this.r;
    switch (ev.kind) {
      case 'meeting':
        return r.pick([
          () => `${this.short(b)} arrived in ${place} ${this.when(ev.day - 1)} for a ${r.pick(NUMBER_WORDS)}-day visit, the first by a ${this.adjective(b.role.country)} ${b.role.title.toLowerCase()} in ${r.int(2, 9)} years.`,
          () => `The two sides discussed ${this.topic()} and ${this.topic()}, according to ${this.ministry(a.role.country)}.`,
          () => `${this.short(b)} is on a tour that also includes stops in ${this.g.otherCity(r, a.role.country)} and ${this.g.otherCity(r, b.role.country)}.`,
        ])();
      case 'talks':
        return r.pick([
          () => `The agenda also covered ${this.topic()} and ${this.topic()}, ${this.ministry(r.pick([a, b]).role.country)} said in a statement.`,
          () => `It was the ${r.pick(ORDINALS)} round of talks between the two this year.`,
          () => `${this.short(b)} arrived in ${place} ${this.when(ev.day - 1)} at the head of a delegation of ${r.int(12, 60)} officials.`,
        ])();
      case 'call':
        return r.pick([
          () => `It was the ${r.pick(ORDINALS)} call between the two this year, ${this.ministry(a.role.country)} said.`,
          () => `During the call, ${this.short(a)} and ${this.short(b)} exchanged views on ${this.topic()}.`,
        ])();
      case 'visit':
        return `During the visit, ${this.short(b)} is expected to discuss ${this.topic()} with ${this.short(a)} and other senior officials.`;
      case 'sidelines':
        return `The ${ev.summit.name} in ${place} ends ${this.when(ev.summit.toDay)}.`;
      default:
        return undefined;
    }
  }

  quote(speaker) {
    const r = this.r;
    const text = this.fill(r.pick(P.QUOTES), { our: 'our' });
    const who = this.short(speaker);
    const ahead = this.event.kind === 'visit' || this.event.kind === 'speech';
    const verb = r.pick(P.ATTRIBUTIONS.filter((v) => !ahead || !v.includes('talks')));
    const forms = {
      after: () => `"${text}," ${who} ${verb}.`,
      colon: () => `${who} said: "${text}."`,
      before: () => `${who} ${verb}: "${text}."`,
      split: () => `"${text}," ${who} ${verb}. "${this.fill(r.pick(P.QUOTES), { our: 'our' })}."`,
    };
    if (ahead) {
      forms.eve = () => `"${text}," ${who} said ${r.pick(['ahead of the trip', 'in an interview published on the eve of the visit', 'in a written statement'])}.`;
    } else {
      forms.reporters = () => `"${text}," ${who} told reporters after the ${this.event.kind === 'call' ? 'call' : 'meeting'}.`;
      forms.adjective = () => `${who} told reporters that the talks had been "${r.pick(P.TALK_ADJECTIVES)}."`;
    }
    const names = Object.keys(forms).filter((name) => !this.usedForms.has(name) || name === 'after');
    const name = r.pick(names);
    if (name !== 'after') this.usedForms.add(name);
    return forms[name]();
  }

  /** Another official of the host country whom the guest is to see too (a planned meeting), or who took part. */
  otherOfficials() {
    const ev = this.event;
    if (ev.kind === 'call' || ev.kind === 'speech') return [];
    const colleague = this.g.colleagueOf(this.r, ev.host, ev.day);
    if (!colleague) return [];
    const guest = this.short(ev.guest);
    return [
      this.r.pick([
        () => `${guest} is also due to meet ${this.ref(colleague)} before leaving ${ev.place}.`,
        () => `${this.ref(colleague)} also attended the talks.`,
        () => `Earlier in the day, ${guest} held a working lunch with ${this.ref(colleague)}.`,
      ])(),
    ];
  }

  view(speaker) {
    const r = this.r;
    const who = this.short(speaker);
    return r.pick([
      () => `${who} said the two countries ${this.fill(r.pick(P.SHARED_VIEWS))}.`,
      () => `${who} also raised concerns about ${this.topic()}, according to ${this.ministry(speaker.role.country)}.`,
      () => `${who} called on both sides to ${this.fill(r.pick(P.COOPERATION_GOALS))}.`,
    ])();
  }

  /** Heads of state and earlier meetings: the people every archive mentions over and over. */
  background() {
    const ev = this.event;
    const r = this.r;
    const lines = [];
    const headA = this.g.headOf(ev.host.role.country, ev.day);
    const headB = this.g.headOf(ev.guest.role.country, ev.day);
    const isHead = (head) => head && (head.official === ev.host.official || head.official === ev.guest.official);
    if (headA && headB && !isHead(headA) && !isHead(headB) && r.chance(0.7)) {
      lines.push(
        r.pick([
          () => `The ${ev.kind === 'call' ? 'call' : 'meeting'} comes ahead of an expected meeting between ${this.ref(headA)} and ${this.ref(headB)} later this year.`,
          () => `${this.short(ev.host)} conveyed the greetings of ${this.ref(headA)} to ${this.ref(headB)}.`,
          () => `${this.ref(headA)} and ${this.ref(headB)} last spoke by phone ${this.monthMention(ev.day - r.int(20, 200))}, when they agreed to ${this.fill(r.pick(P.COOPERATION_GOALS))}.`,
        ])(),
      );
    } else if (headA && !isHead(headA) && r.chance(0.6)) {
      lines.push(`${this.short(ev.host)} is expected to brief ${this.ref(headA)} on the talks.`);
    }
    const earlier = this.g.earlierEventOf(r, ev);
    if (earlier) {
      const other = earlier.host.official === ev.host.official || earlier.host.official === ev.guest.official ? earlier.guest : earlier.host;
      const self = other === earlier.host ? earlier.guest : earlier.host;
      const verb = earlier.kind === 'call' ? 'spoke by phone' : 'met';
      const where = earlier.kind === 'call' ? '' : ` in ${earlier.place}`;
      lines.push(`${this.short(self)} and ${this.ref(other)} last ${verb}${where} ${this.monthMention(earlier.day)}.`);
    }
    if (r.chance(0.5)) {
      const country = this.countryNoun(ev.guest.role.country);
      lines.push(`${capitalise(country)} and ${this.countryNoun(ev.host.role.country)} established diplomatic relations in ${r.int(1949, 1995)}.`);
    }
    return lines;
  }
}

class CorpusGenerator {
  constructor(seed) {
    this.r = new Random(seed);
    this.data = loadNewsData();
    this.events = [];
    this.eventsByPerson = new Map();
    this.articleCount = new Map();
  }

  active(day) {
    return this.data.roleEntries.filter((e) => e.role.from <= day && day <= e.role.to);
  }

  /** Days spread over 2001–2025, recent years more often, as in a news archive. */
  pickDay() {
    const span = LAST_DAY - FIRST_DAY;
    const x = Math.sqrt(this.r.next());
    return FIRST_DAY + Math.floor(x * span);
  }

  capitalOf(country) {
    if (SEATS[country]) return SEATS[country][0];
    return this.data.countries.get(country)?.capital ?? this.data.citiesByCountry.get(country)?.[0] ?? country;
  }

  /** Mostly the capital, sometimes another big city of the country. */
  cityIn(r, country) {
    if (SEATS[country]) return SEATS[country][0];
    const capital = this.capitalOf(country);
    const others = (this.data.citiesByCountry.get(country) ?? []).filter((c) => c !== capital);
    return r.chance(0.75) || others.length === 0 ? capital : r.pick(others.slice(0, 6));
  }

  otherCity(r, country) {
    const capital = this.capitalOf(country);
    const others = (this.data.citiesByCountry.get(country) ?? []).filter((c) => c !== capital);
    return others.length > 0 && r.chance(0.5) ? r.pick(others.slice(0, 5)) : capital;
  }

  headOf(country, day) {
    const titles = HEAD_TITLES[country] ?? HEAD_TITLES.default;
    const pool = this.data.roleEntries.filter((e) => e.role.country === country && e.role.from <= day && day <= e.role.to);
    for (const title of titles) {
      const found = pool.find((e) => e.role.title === title);
      if (found) return found;
    }
    return undefined;
  }

  /** Someone else in office in the same country that day, of the ranks that meet visitors. */
  colleagueOf(r, entry, day) {
    const pool = this.data.roleEntries.filter(
      (e) => e.role.country === entry.role.country && e.official !== entry.official && e.role.from <= day && day <= e.role.to && e.level !== 'other' && e.level !== 'envoy',
    );
    return pool.length > 0 ? r.weighted(pool, (e) => e.weight) : undefined;
  }

  roleOn(official, day) {
    const role = official.roles.find((x) => x.from <= day && day <= x.to) ?? official.roles[0];
    return this.data.roleEntries.find((e) => e.official === official && e.role === role);
  }

  /** Someone from another country, of a rank that meets the first. */
  counterpart(r, pool, a) {
    const pairs = new Set(['United States|China', 'China|United States']);
    return r.weighted(pool, (e) => {
      if (e.official === a.official || e.role.country === a.role.country) return 0;
      let w = e.weight;
      if (e.level === a.level) w *= 4;
      else if ((e.level === 'head' && a.level === 'minister') || (e.level === 'minister' && a.level === 'head')) w *= 1.5;
      if (pairs.has(`${a.role.country}|${e.role.country}`)) w *= 3;
      return w;
    });
  }

  newEvent() {
    const r = this.r;
    const roll = r.next();
    if (roll < 0.04 && this.data.knownMeetings.length > 0) {
      const known = r.pick(this.data.knownMeetings);
      const day = r.int(known.fromDay, known.toDay);
      const people = r.sample(known.participants, known.participants.length).map((id) => this.roleOn(this.data.byId.get(id), day)).filter(Boolean);
      const host = people[0];
      // Two sides: the knowledge base lists a delegation's members with the people they met.
      const guest = people.find((e) => e.role.country !== host?.role.country);
      if (host && guest) return this.remember({ kind: r.pick(['meeting', 'talks']), host, guest, place: known.place, day });
    }
    if (roll < 0.16) {
      const summit = r.pick(this.data.summits);
      const day = r.int(summit.fromDay, summit.toDay);
      const pool = this.active(day).filter((e) => e.level === 'head' || e.level === 'minister');
      const host = r.weighted(pool, (e) => e.weight);
      const guest = host && this.counterpart(r, pool, host);
      if (host && guest) return this.remember({ kind: 'sidelines', host, guest, place: summit.place, day, summit });
    }
    const day = this.pickDay();
    const pool = this.active(day);
    const host = r.weighted(pool, (e) => e.weight);
    const guest = this.counterpart(r, pool, host);
    const kind = r.weighted(
      [
        ['meeting', 38],
        ['talks', 16],
        ['call', 20],
        ['visit', 16],
        ['speech', 7],
      ],
      ([, w]) => w,
    )[0];
    const place = this.cityIn(r, host.role.country);
    return this.remember({ kind, host, guest, place, day, length: r.int(2, 5) });
  }

  remember(event) {
    event.id = this.events.length;
    event.usedLeads = new Set();
    event.reports = 0;
    event.length ??= this.r.int(2, 4);
    this.events.push(event);
    if (event.kind !== 'speech' && event.kind !== 'visit') {
      for (const person of [event.host.official.id, event.guest.official.id]) {
        if (!this.eventsByPerson.has(person)) this.eventsByPerson.set(person, []);
        this.eventsByPerson.get(person).push(event);
      }
    }
    return event;
  }

  /** An earlier meeting or call of one of the event's two people, some months back, if any. */
  earlierEventOf(r, event) {
    const candidates = [];
    for (const person of [event.host.official.id, event.guest.official.id]) {
      for (const other of this.eventsByPerson.get(person) ?? []) {
        if (other !== event && other.day < event.day - 20 && other.day > event.day - 700) candidates.push(other);
      }
    }
    return candidates.length > 0 ? r.pick(candidates) : undefined;
  }

  /** An event for the next article: a new one, or (one time in five) one another article reported. */
  eventForArticle() {
    const r = this.r;
    if (this.events.length > 10 && r.chance(REPORTED_AGAIN)) {
      const reported = this.events.filter((e) => e.reports > 0 && e.reports < MAX_REPORTS && e.kind !== 'speech');
      if (reported.length > 0) return r.pick(reported);
    }
    return this.newEvent();
  }

  article() {
    const r = this.r;
    const event = this.eventForArticle();
    const outlets = P.OUTLETS.filter((o) => !(event.outlets ?? new Set()).has(o.name));
    const outlet = r.weighted(outlets.length > 0 ? outlets : P.OUTLETS, (o) => o.weight);
    event.outlets ??= new Set();
    event.outlets.add(outlet.name);
    let pubDay;
    if (event.kind === 'visit') pubDay = event.day - r.int(2, 12);
    else pubDay = event.day + (r.chance(0.6) ? 0 : r.int(1, 3));
    const writer = new ArticleWriter(this, r, event, outlet, pubDay);
    const text = writer.write();
    event.reports++;
    for (const person of writer.people) this.articleCount.set(person, (this.articleCount.get(person) ?? 0) + 1);
    return { text, outlet, pubDay, event };
  }
}

/**
 * Writes `count` articles into `directory` (created if needed): the seed articles under seeds/,
 * and synthetic ones under one folder per year. Returns what was written.
 * @param {{ count: number, seed?: number, directory: string }} options
 */
function generateCorpus({ count, seed = 1, directory }) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive whole number, not ${count}`);
  fs.mkdirSync(directory, { recursive: true });
  const files = [];
  let bytes = 0;
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().slice(0, count);
  if (seeds.length > 0) fs.mkdirSync(path.join(directory, 'seeds'), { recursive: true });
  for (const file of seeds) {
    const target = path.join(directory, 'seeds', file);
    fs.copyFileSync(path.join(SEEDS_DIR, file), target);
    files.push(target);
    bytes += fs.statSync(target).size;
  }
  const generator = new CorpusGenerator(seed);
  const width = String(count).length;
  for (let i = 0; files.length < count; i++) {
    const { text, outlet, pubDay } = generator.article();
    const year = String(dateOf(pubDay).getUTCFullYear());
    const slug = outlet.name.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]+/g, '-');
    const folder = path.join(directory, year);
    fs.mkdirSync(folder, { recursive: true });
    const target = path.join(folder, `${String(i + 1).padStart(width, '0')}-${slug}.txt`);
    fs.writeFileSync(target, text);
    files.push(target);
    bytes += Buffer.byteLength(text);
  }
  const reported = generator.events.filter((e) => e.reports > 0);
  const hubs = [...generator.articleCount.entries()]
    .sort((x, y) => y[1] - x[1])
    .slice(0, 5)
    .map(([id, articles]) => ({ name: generator.data.byId.get(id).name, articles }));
  return {
    directory,
    files,
    bytes,
    events: reported.length,
    sharedEvents: reported.filter((e) => e.reports > 1).length,
    people: generator.articleCount.size,
    hubs,
  };
}

module.exports = { generateCorpus };

if (require.main === module) {
  const { parseArgs } = require('util');
  const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  if (!values.out) {
    console.error('usage: node scripts/bench/generateCorpus.js --count N [--seed S] --out DIR');
    process.exit(2);
  }
  const result = generateCorpus({ count: Number(values.count), seed: Number(values.seed), directory: path.resolve(values.out) });
  console.log(
    `${result.files.length} articles, ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.directory}; ${result.events} events, ${result.sharedEvents} reported more than once; ${result.people} officials; most mentioned: ${result.hubs.map((h) => `${h.name} (${h.articles})`).join(', ')}`,
  );
}
