// Fuzz inputs for the engine. Input i of seed S is made from its own random stream, so any one
// input can be made again without the ones before it: `npm run fuzz -- --seed S --only i`.

const DEFAULT_MAX_SIZE = 300 * 1024;

/** Xorshift32 whose state is an avalanche mix of (seed, index, stream). */
class Random {
  constructor(seed, index, stream = 0) {
    let h = Math.imul((seed >>> 0) ^ 0x2545f491, 0x9e3779b1) ^ Math.imul((index >>> 0) + 0x6a09e667, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
    // Xorshift never leaves the all-zero state.
    this.state = h >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next() {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 4294967296;
  }

  /** Whole number in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }

  /** Whole number in [low, high]. */
  between(low, high) {
    return low + this.int(high - low + 1);
  }

  /** Whole number in [low, high], each order of magnitude as likely as the next. */
  logBetween(low, high) {
    return Math.round(Math.max(1, low) * Math.pow(high / Math.max(1, low), this.next()));
  }

  chance(p) {
    return this.next() < p;
  }

  pick(items) {
    return items[this.int(items.length)];
  }

  /** One value of [[weight, value], ...], in proportion to the weights. */
  weighted(entries) {
    let total = 0;
    for (const [weight] of entries) total += weight;
    let r = this.next() * total;
    for (const [weight, value] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][1];
  }
}

// Code point ranges, each with how often a random-Unicode word is drawn from it.
const POOLS = [
  [30, 'letters', [[0x41, 0x5a], [0x61, 0x7a]]],
  [12, 'ascii', [[0x20, 0x7e]]],
  [6, 'latin', [[0xc0, 0x24f]]],
  [6, 'combining', [[0x300, 0x36f], [0x1ab0, 0x1aff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f]]],
  [5, 'hebrew', [[0x591, 0x5f4]]],
  [5, 'arabic', [[0x600, 0x6ff], [0xfe70, 0xfefc]]],
  [4, 'greek-cyrillic', [[0x370, 0x4ff]]],
  [4, 'cjk', [[0x4e00, 0x9fff], [0xac00, 0xd7a3], [0x3040, 0x30ff]]],
  [2, 'devanagari', [[0x900, 0x97f]]],
  [3, 'c0', [[0x0, 0x1f], [0x7f, 0x7f]]],
  [3, 'c1', [[0x80, 0x9f]]],
  [5, 'bmp', [[0x0, 0xd7ff], [0xe000, 0xffff]]],
  [4, 'astral', [[0x10000, 0x10ffff]]],
  [4, 'emoji', [[0x1f300, 0x1faff], [0x1d400, 0x1d7ff]]],
  [2, 'lone-high', [[0xd800, 0xdbff]]],
  [2, 'lone-low', [[0xdc00, 0xdfff]]],
  [4, 'bidi', [0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => [c, c])],
  [4, 'zero-width', [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x180e, 0x34f, 0xad].map((c) => [c, c])],
  [4, 'spaces', [0x9, 0xa, 0xb, 0xc, 0xd, 0x85, 0xa0, 0x1680, 0x2000, 0x2007, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].map((c) => [c, c])],
  [1, 'noncharacters', [0xfffe, 0xffff, 0xfdd0, 0xfffd].map((c) => [c, c])],
];
const POOL_CHOICES = POOLS.map(([weight, , ranges]) => [weight, ranges]);
const POOL_BY_NAME = new Map(POOLS.map(([, name, ranges]) => [name, ranges]));
const INVISIBLE_POOLS = ['bidi', 'zero-width', 'c0', 'c1', 'combining', 'lone-high', 'lone-low'];

/** One code point of the ranges (a lone surrogate when the range holds them). */
function charFrom(rng, ranges) {
  const [low, high] = rng.pick(ranges);
  return String.fromCodePoint(rng.between(low, high));
}

function charOfPool(rng, name) {
  return charFrom(rng, POOL_BY_NAME.get(name));
}

const SEPARATORS = [[70, ' '], [8, '\n'], [6, '. '], [6, ', '], [2, '\r\n'], [2, '\t'], [2, '-'], [2, ''], [2, '\n\n']];

/** Words of random code points, most from one range each, some capitalised, with ordinary separators. */
function randomUnicode(rng, size) {
  const parts = [];
  let length = 0;
  while (length < size) {
    const ranges = rng.weighted(POOL_CHOICES);
    let word = '';
    for (let n = rng.between(1, 12); n > 0; n--) word += charFrom(rng, rng.chance(0.85) ? ranges : rng.weighted(POOL_CHOICES));
    if (rng.chance(0.4)) word = word.charAt(0).toUpperCase() + word.slice(1);
    const separator = rng.weighted(SEPARATORS);
    parts.push(word, separator);
    length += word.length + separator.length;
  }
  return { kind: 'random-unicode', recipe: 'random code points', text: parts.join('') };
}

const PEOPLE = ['Xi Jinping', 'Joe Biden', 'Antony Blinken', 'Wang Yi', 'Sergey Lavrov', 'S. Jaishankar', 'Dai Bingguo', 'Hillary Rodham Clinton', 'Narendra Modi', 'Vladimir Putin', 'Han Zheng', 'Li Keqiang', 'Mohammed bin Salman', 'Jean-Yves Le Drian', "Ngozi Okonjo-Iweala", 'Kim Jong Un', 'Mr. Xi', 'Biden', 'Almaz Tokonov'];
const TITLES = ['President', 'Mr.', 'Secretary of State', 'Foreign Minister', 'Vice Premier', 'Prime Minister', 'Chinese President', 'U.S. Secretary of State', 'External Affairs Minister', 'Crown Prince', 'Deputy Secretary of State', 'State Councilor', 'Dr.', 'H.E.', 'Sheikh', 'the vice premier', 'EAM'];
const PLACES = ['Beijing', 'Washington', 'New York', 'Moscow', 'New Delhi', 'Tel Aviv', 'Riyadh', 'Geneva', 'the White House', 'Bali', 'San Francisco', 'Paris'];
const DATES = ['Jan. 31, 2023', 'Tuesday', '2009-09-29', 'March 3', 'on Monday', 'last week', 'Nov. 15, 2023', 'in 2013', 'May 28'];
const ODD_DATES = ['10000-01-01', '0001-01-01', 'Jan. 31, 0001', '99999', 'Feb. 30, 2023', '2023-13-45', '31 June 1999', 'Dec. 31, 1799', '1 January 1800', '0000-00-00', '9999-12-31', '-2023', '2023-02-29', 'Jan. 31, 202300000', 'the year 3000', 'Jan. 32', '12/31/99999', 'AD 33', 'in the 1990s', 'Jan. 31, 2023, 2024, 2025', 'March 99, 1000000', '1e5', '2023-01-01T25:61:61Z'];
const VERBS = ['met', 'held talks with', 'spoke by phone with', 'will visit', 'hosted', 'met with', 'welcomed', 'is to meet'];

function meetingSentence(rng, date = rng.pick(DATES)) {
  const person = () => (rng.chance(0.5) ? `${rng.pick(TITLES)} ${rng.pick(PEOPLE)}` : rng.pick(PEOPLE));
  return `${person()} ${rng.pick(VERBS)} ${person()} in ${rng.pick(PLACES)} ${date}.`;
}

function paragraph(rng, size, sentence = () => meetingSentence(rng)) {
  const parts = [];
  let length = 0;
  while (length < size) {
    const s = sentence();
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(rng.chance(0.8) ? ' ' : '\n');
}

/** Repeated by itself, these make long runs of names, titles, dates and punctuation. */
const UNITS = ['Xi ', 'Mr. ', 'President ', '...', 'US-China ', 'Jan. 31, ', '10000-01-01 ', '0001 ', '99999 ', 'Secretary of State ', 'Xi Jinping ', 'Xi met Biden. ', 'the vice premier ', '"', '(', ')', '— ', '- ', 'Beijing, ', 'WASHINGTON, Jan. 31 (Reuters) - ', 'U.S. ', 'A. ', "Xi's ", 'met ', 'talks with ', 'Xi, ', 'and ', '\n', '\r\n', '\t', '. ', ', ', 'Mr. Xi ', 'Dr. ', 'Wang Yi and Antony Blinken held talks in New York on Tuesday. ', "'", 'St. ', 'Jan. ', '2023 ', 'Monday ', 'Prime Minister ', "Minister of Foreign Affairs of the People's Republic of China ", 'EAM ', 'H.E. ', 'bin ', 'al-', 'Https://Evil.Example/X ', 'Xi.Jinping@Gov.Cn ', 'X', 'Xi Xi ', 'President Xi met President Biden. ', 'MOSCOW, ', 'Putin, Xi, Modi, Biden, ', '«', '\u00a0', '\u200b', '\u202e', '😀', 'É'];

function repeatUnit(rng, size) {
  const unit = rng.pick(UNITS);
  return { kind: 'repeat', recipe: `repeat ${JSON.stringify(unit)}`, text: unit.repeat(Math.ceil(size / unit.length)) };
}

function alternateUnits(rng, size) {
  const a = rng.pick(UNITS);
  const b = rng.pick(UNITS);
  return { kind: 'alternate', recipe: `repeat ${JSON.stringify(a + b)}`, text: (a + b).repeat(Math.ceil(size / (a.length + b.length))) };
}

function longLine(rng, size) {
  const letters = rng.chance(0.5) ? 'a' : 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_';
  let text = '';
  while (text.length < size) text += letters.charAt(rng.int(letters.length)).repeat(rng.between(1, 40));
  return { kind: 'long-line', recipe: 'a line without spaces', text: text.slice(0, size) };
}

/** A 60,000-letter capitalised word where a name would be. */
function giantWord(rng) {
  const word = 'A' + (rng.chance(0.5) ? 'a'.repeat(59999) : Array.from({ length: 59999 }, () => String.fromCharCode(0x61 + rng.int(26))).join(''));
  const text = rng.pick([`President ${word} met Xi Jinping in Beijing on Jan. 31, 2023.`, word, `${word} ${word}`, `Mr. ${word} said.`]);
  return { kind: 'giant-word', recipe: '60,000-letter capitalised word', text };
}

const LINKS = ['Https://Evil.Example/X', 'HTTPS://WWW.STATE.GOV/Secretary-Blinken', 'Xi.Jinping@Gov.Cn', 'mailto:Wang.Yi@Fmprc.Gov.Cn', 'www.Beijing.Example', 'ftp://Moscow.Ru/Lavrov', '<Joe.Biden@WhiteHouse.Gov>', 'https://example.com/?q=Xi%20Jinping&d=2023-01-31'];

function linksAndAddresses(rng, size) {
  const text = paragraph(rng, size, () => (rng.chance(0.5) ? `${rng.pick(LINKS)} ${meetingSentence(rng)}` : `${rng.pick(PEOPLE)} wrote to ${rng.pick(LINKS)} ${rng.pick(DATES)}.`));
  return { kind: 'links', recipe: 'URLs and e-mail addresses among sentences', text };
}

const MARKDOWN_PIECES = [
  () => '---\ntitle: Xi Jinping meets Joe Biden\ndate: 10000-01-01\nauthor: Antony Blinken\n---\n',
  () => '---\n---\n',
  () => '---\ntitle: "unclosed\n',
  () => '```\nPresident Xi Jinping met Joe Biden in Beijing on Jan. 31, 2023.\n```\n',
  () => '```js\nconst Xi = "Biden";\n',
  () => '<!-- Xi Jinping met Joe Biden in Beijing -->\n',
  () => '<!-- unclosed comment Wang Yi\n',
  () => '# Xi Jinping\n## Joe Biden met Wang Yi\n',
  () => '[Xi Jinping](https://Evil.Example/X) met **Joe Biden** in _Beijing_.\n',
  () => '| Xi | Biden |\n|---|---|\n| Beijing | Jan. 31, 2023 |\n',
  () => '> Xi Jinping met Joe Biden.\n> > Wang Yi said.\n',
  () => '<div>Xi Jinping</div><script>Biden()</script>\n',
  () => '* Xi\n* Biden\n  * Wang Yi met Blinken\n',
];

function markdown(rng, size) {
  const text = paragraph(rng, size, () => (rng.chance(0.6) ? rng.pick(MARKDOWN_PIECES)() : meetingSentence(rng) + '\n'));
  return { kind: 'markdown', recipe: 'front matter, code fences, HTML comments', text };
}

const LINE_ENDS = ['\r\n', '\r', '\t', '\u2028', '\u2029', '\u000b', '\u000c', '\u0085', '\n\r', '\r\r\n'];

function lineEnds(rng, size) {
  const end = rng.pick(LINE_ENDS);
  return { kind: 'line-ends', recipe: `sentences ended by ${JSON.stringify(end)}`, text: paragraph(rng, size).replace(/\. /g, `.${end}`) };
}

function oddDates(rng, size) {
  const dateline = rng.chance(0.5) ? `BEIJING, ${rng.pick(ODD_DATES)} (Xinhua) -- ` : '';
  return { kind: 'odd-dates', recipe: 'meetings on impossible dates', text: dateline + paragraph(rng, size, () => meetingSentence(rng, `on ${rng.pick(ODD_DATES)}`)) };
}

function capitalisedWords(rng, count) {
  const words = [];
  for (let i = 0; i < count; i++) words.push(rng.chance(0.5) ? rng.pick(PEOPLE) : String.fromCharCode(0x41 + rng.int(26)) + 'abcdefghij'.slice(0, rng.between(1, 9)));
  return words.join(' ');
}

/** Runs of capitalised words that could be read as one very long name. */
function longNames(rng, size) {
  const count = Math.max(2, Math.floor(size / 14));
  const text = `${rng.pick(TITLES)} ${capitalisedWords(rng, count)} met ${capitalisedWords(rng, rng.between(2, count))} in Beijing on Jan. 31, 2023.`;
  return { kind: 'long-names', recipe: `${count} capitalised words in a row`, text };
}

/** Known names with an invisible or control character inside them. */
function dirtyNames(rng, size) {
  const pool = rng.pick(INVISIBLE_POOLS);
  const dirty = (name) => {
    const at = rng.between(0, name.length);
    return name.slice(0, at) + charOfPool(rng, pool) + name.slice(at);
  };
  const sentence = () => `${rng.pick(TITLES)} ${dirty(rng.pick(PEOPLE))} ${rng.pick(VERBS)} ${dirty(rng.pick(PEOPLE))} in ${dirty(rng.pick(PLACES))} ${rng.pick(DATES)}.`;
  return { kind: 'dirty-names', recipe: `names with ${pool} characters inside`, text: paragraph(rng, size, sentence) };
}

function titleChains(rng, size) {
  const chain = rng.pick(['Deputy Assistant Vice Under Secretary of State for ', 'Minister of State for External Affairs and ', 'Vice Premier ', 'President of the Republic of ', 'Former ', 'Acting Deputy ']);
  return { kind: 'title-chain', recipe: `chain of ${JSON.stringify(chain)}`, text: `${chain.repeat(Math.max(1, Math.floor(size / chain.length)))}Wang Yi met Antony Blinken.` };
}

function punctuation(rng, size) {
  const marks = '.,;:!?…—–-\'"()[]{}«»“”‘’/\\@#*&%$';
  let text = '';
  while (text.length < size) text += rng.chance(0.1) ? ` ${rng.pick(PEOPLE)} ` : marks.charAt(rng.int(marks.length)).repeat(rng.between(1, 20));
  return { kind: 'punctuation', recipe: 'runs of punctuation around names', text };
}

function blank(rng, size) {
  const unit = rng.pick(['', ' ', '\n', '\r\n', '\u200b', '\ufeff', '\t', '\u3000', '\u0000']);
  return { kind: 'blank', recipe: `only ${JSON.stringify(unit)}`, text: unit.repeat(rng.chance(0.3) ? 1 : size) };
}

/** Astral characters against names, and pairs cut in half. */
function surrogates(rng, size) {
  const astral = () => charOfPool(rng, rng.pick(['astral', 'emoji', 'lone-high', 'lone-low']));
  const sentence = () => {
    const s = meetingSentence(rng);
    const at = rng.between(0, s.length);
    return s.slice(0, at) + astral() + s.slice(at);
  };
  let text = paragraph(rng, size, sentence);
  // End inside a surrogate pair, as a file cut at a fixed size does.
  if (rng.chance(0.5)) text += '😀'.charAt(0);
  return { kind: 'surrogates', recipe: 'astral characters and half pairs beside names', text };
}

function rightToLeft(rng, size) {
  const sentence = () => rng.pick([`التقى ${rng.pick(PEOPLE)} مع ${rng.pick(PEOPLE)} في ${rng.pick(PLACES)} يوم ${rng.pick(DATES)}.`, `\u202e${meetingSentence(rng)}\u202c`, `נפגש ${rng.pick(PEOPLE)} עם ${rng.pick(PEOPLE)} ב${rng.pick(PLACES)}.`, `\u2067${rng.pick(PEOPLE)}\u2069 met \u2066${rng.pick(PEOPLE)}\u2069.`]);
  return { kind: 'rtl', recipe: 'Arabic and Hebrew sentences with Latin names and bidi controls', text: paragraph(rng, size, sentence) };
}

function nameLists(rng, size) {
  const count = Math.max(2, Math.floor(size / 12));
  const names = Array.from({ length: count }, () => rng.pick(PEOPLE));
  const joiner = rng.pick([', ', ' and ', '; ', ' & ', ', and ']);
  return { kind: 'name-list', recipe: `${count} names joined by ${JSON.stringify(joiner)}`, text: `${names.join(joiner)} met in ${rng.pick(PLACES)} on Jan. 31, 2023.` };
}

function stackedMarks(rng, size) {
  const zalgo = (s) => Array.from(s, (c) => c + Array.from({ length: rng.between(0, 12) }, () => charOfPool(rng, 'combining')).join('')).join('');
  return { kind: 'combining-marks', recipe: 'names under stacks of combining marks', text: paragraph(rng, size, () => zalgo(meetingSentence(rng))) };
}

const DEGENERATE = [
  [10, repeatUnit],
  [5, alternateUnits],
  [3, longLine],
  [1, giantWord],
  [4, linksAndAddresses],
  [5, markdown],
  [4, lineEnds],
  [6, oddDates],
  [5, longNames],
  [7, dirtyNames],
  [3, titleChains],
  [3, punctuation],
  [2, blank],
  [5, surrogates],
  [4, rightToLeft],
  [3, nameLists],
  [3, stackedMarks],
];

function degenerate(rng, size) {
  if (rng.chance(0.15)) {
    // Several pieces in one article, as a real file mixes them.
    const pieces = Array.from({ length: rng.between(2, 5) }, () => rng.weighted(DEGENERATE)(rng, Math.ceil(size / 3)));
    return { kind: 'mixed', recipe: pieces.map((p) => p.kind).join(' + '), text: pieces.map((p) => p.text).join('\n\n') };
  }
  return rng.weighted(DEGENERATE)(rng, size);
}

function randomFragment(rng) {
  return rng.pick([
    () => rng.pick(PEOPLE),
    () => rng.pick(TITLES) + ' ',
    () => rng.pick(ODD_DATES),
    () => rng.pick(UNITS),
    () => meetingSentence(rng),
    () => charOfPool(rng, rng.pick(INVISIBLE_POOLS)),
    () => randomUnicode(rng, rng.between(1, 40)).text,
  ])();
}

function span(rng, text, maxLength) {
  const start = rng.int(text.length + 1);
  return [start, Math.min(text.length, start + rng.between(0, maxLength))];
}

const MUTATIONS = {
  replace(rng, text) {
    const at = rng.int(text.length);
    return text.slice(0, at) + charFrom(rng, rng.weighted(POOL_CHOICES)) + text.slice(at + 1);
  },
  insert(rng, text) {
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + randomFragment(rng) + text.slice(at);
  },
  delete(rng, text) {
    const [start, end] = span(rng, text, 200);
    return text.slice(0, start) + text.slice(end);
  },
  splice(rng, text, seeds) {
    const other = rng.pick(seeds);
    const [start, end] = span(rng, other, 400);
    const at = rng.int(text.length + 1);
    return text.slice(0, at) + other.slice(start, end) + text.slice(at);
  },
  duplicate(rng, text) {
    const [start, end] = span(rng, text, 100);
    return text.slice(0, end) + text.slice(start, end).repeat(rng.logBetween(1, 300)) + text.slice(end);
  },
  case(rng, text) {
    const [start, end] = span(rng, text, 300);
    const piece = text.slice(start, end);
    const changed = rng.pick([piece.toUpperCase(), piece.toLowerCase(), piece.replace(/\b\w/g, (c) => c.toUpperCase())]);
    return text.slice(0, start) + changed + text.slice(end);
  },
  cutSurrogate(rng, text) {
    // An astral character followed by a cut between its two halves, at the end or in the middle.
    const at = rng.int(text.length + 1);
    const astral = charOfPool(rng, 'emoji');
    return rng.chance(0.5) ? text.slice(0, at) + astral.charAt(0) : text.slice(0, at) + astral.charAt(rng.int(2)) + text.slice(at);
  },
  flipBytes(rng, text) {
    const bytes = Buffer.from(text, 'utf8');
    for (let n = rng.between(1, 8); n > 0 && bytes.length > 0; n--) bytes[rng.int(bytes.length)] ^= 1 << rng.int(8);
    return bytes.toString(rng.chance(0.8) ? 'utf8' : 'latin1');
  },
  lineEnds(rng, text) {
    const end = rng.pick(LINE_ENDS);
    return text.replace(/\r?\n/g, end);
  },
  swap(rng, text) {
    const [a, b] = [span(rng, text, 200), span(rng, text, 200)].sort((x, y) => x[0] - y[0]);
    if (a[1] > b[0]) return text;
    return text.slice(0, a[0]) + text.slice(b[0], b[1]) + text.slice(a[1], b[0]) + text.slice(a[0], a[1]) + text.slice(b[1]);
  },
  sprinkle(rng, text) {
    const pool = rng.pick(INVISIBLE_POOLS);
    let out = text;
    for (let n = rng.logBetween(1, 200); n > 0; n--) {
      const at = rng.int(out.length + 1);
      out = out.slice(0, at) + charOfPool(rng, pool) + out.slice(at);
    }
    return out;
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

function mutatedSeed(rng, seeds, maxSize) {
  let text = rng.pick(seeds);
  const applied = [];
  for (let n = rng.between(1, 8); n > 0; n--) {
    const name = rng.pick(MUTATION_NAMES);
    text = MUTATIONS[name](rng, text, seeds);
    applied.push(name);
    // Duplications compound; past the size limit further mutations would only cost time.
    if (text.length > maxSize) break;
  }
  return { kind: 'mutated-seed', recipe: applied.join(', '), text };
}

/** Mostly articles of ordinary size, a few long ones. */
function inputSize(rng, maxSize) {
  return rng.weighted([
    [10, () => rng.between(0, 32)],
    [55, () => rng.between(32, 2048)],
    [32, () => rng.between(2048, 10240)],
    [3, () => rng.logBetween(10240, maxSize)],
  ])();
}

const FAMILIES = [
  [30, 'unicode'],
  [35, 'mutated'],
  [35, 'degenerate'],
];

/**
 * A generator of fuzz inputs from the given seed articles: `generate(seed, index)` gives
 * { index, family, kind, recipe, extension, text }, the same for the same arguments, at most maxSize long.
 */
function createGenerator({ seeds, maxSize = DEFAULT_MAX_SIZE }) {
  const bases = seeds.length > 0 ? seeds : [paragraph(new Random(0, 0), 2000)];
  return function generate(seed, index) {
    const rng = new Random(seed, index);
    const family = rng.weighted(FAMILIES);
    const size = Math.min(maxSize, inputSize(rng, maxSize));
    const made = family === 'unicode' ? randomUnicode(rng, size) : family === 'mutated' ? mutatedSeed(rng, bases, maxSize) : degenerate(rng, size);
    // The engine reads a .md file as markdown (front matter, code and comments are not article text).
    const extension = rng.chance(made.kind === 'markdown' ? 0.8 : 0.2) ? '.md' : '.txt';
    return { index, family, kind: made.kind, recipe: made.recipe, extension, text: made.text.length > maxSize ? made.text.slice(0, maxSize) : made.text };
  };
}

module.exports = { Random, createGenerator, DEFAULT_MAX_SIZE };
