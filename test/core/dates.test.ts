import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateEvidence, findDateMentions, findStatedDate, inferArticleDate, resolveDateExpression } from '../../src/core/dates';
import { DateValue } from '../../src/core/types';

/** Seed articles live in <repo>/seeds; mocha runs from the repository root. */
function readSeed(number: string): string {
  const dir = path.join(process.cwd(), 'seeds');
  const file = fs.readdirSync(dir).find((name) => name.startsWith(`${number}_`));
  assert.ok(file, `seed ${number} is missing from ${dir}`);
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

function onDay(iso: string): DateValue {
  return { value: iso, precision: 'day', earliest: iso, latest: iso, basis: 'test' };
}

const YEAR_2023: DateValue = { value: '2023', precision: 'year', earliest: '2023-01-01', latest: '2023-12-31', basis: 'test' };

const evidence = (earliest: string | null, latest: string | null, reason: string): DateEvidence => ({ earliest, latest, reason });

const SEED_000_EVIDENCE = [
  evidence('2009-01-28', '2011-07-29', 'Steinberg Deputy Secretary of State 2009-01-28..2011-07-29'),
  evidence('2008-03-15', '2013-03-14', 'Xi Jinping Vice President 2008-03-15..2013-03-14'),
  evidence('2008-03-17', '2013-03-16', 'Dai Bingguo State Councilor 2008-03-17..2013-03-16'),
  evidence('2003-03-15', '2013-03-14', 'Hu Jintao President 2003-03-15..2013-03-14'),
  evidence('2009-01-20', '2017-01-20', 'Obama President 2009-01-20..2017-01-20'),
  evidence('2009-01-20', '2009-12-31', "Obama 'took office in January': his first year"),
];

const SEED_003_TENURES = [
  evidence('2017-01-20', '2021-01-20', 'Trump President 2017-01-20..2021-01-20'),
  evidence('2018-03-19', '2023-03-12', 'Liu He Vice Premier 2018-03-19..2023-03-12'),
];
const G20_BUENOS_AIRES = evidence('2019-01-01', '2019-12-31', "'met in Argentina last December': G20 Buenos Aires 2018-12");

describe('findStatedDate', () => {
  it('reads a wire dateline without a year and points at it', () => {
    const text = readSeed('003');
    const stated = findStatedDate(text);
    assert.ok(stated);
    assert.deepEqual(
      { year: stated.year, month: stated.month, day: stated.day, kind: stated.kind, text: stated.text },
      { year: null, month: 1, day: 31, kind: 'dateline', text: 'WASHINGTON, Jan. 31' },
    );
    assert.equal(text.slice(stated.span.start, stated.span.end), 'WASHINGTON, Jan. 31');
  });

  it('reads an "Updated:" stamp and ignores a dateline that has no date ("BEIJING - ")', () => {
    const text = readSeed('004');
    const stated = findStatedDate(text);
    assert.ok(stated);
    assert.deepEqual([stated.year, stated.month, stated.day, stated.kind], [2013, 5, 28, 'stamp']);
    assert.equal(text.slice(stated.span.start, stated.span.end), 'Updated: 2013-05-28');
    assert.equal(findStatedDate('BEIJING - Chinese President Xi Jinping met the mayor on Tuesday.'), null);
  });

  it('finds nothing in the seeds that state no date of their own', () => {
    for (const seed of ['000', '001', '002']) assert.equal(findStatedDate(readSeed(seed)), null, seed);
  });

  it('reads "Published:" and "Posted on" stamps', () => {
    const published = findStatedDate('Trade talks resume\nPublished: 1987-03-11\nText.');
    assert.deepEqual(published && [published.year, published.month, published.day, published.kind], [1987, 3, 11, 'stamp']);
    const posted = findStatedDate('Posted on March 3, 2005 by staff\nText.');
    assert.deepEqual(posted && [posted.year, posted.month, posted.day, posted.text], [2005, 3, 3, 'Posted on March 3, 2005']);
  });

  it('reads datelines with and without a place, with any dash', () => {
    const buenosAires = findStatedDate('BUENOS AIRES, March 16 - Argentina said on Friday...');
    assert.deepEqual(buenosAires && [buenosAires.month, buenosAires.day, buenosAires.text], [3, 16, 'BUENOS AIRES, March 16']);
    const reuters = findStatedDate('March 16 (Reuters) - Argentina said on Friday...');
    assert.deepEqual(reuters && [reuters.year, reuters.month, reuters.day, reuters.kind], [null, 3, 16, 'dateline']);
    const withYear = findStatedDate('UNITED NATIONS, Sept. 20, 2023 (AP) — Leaders gathered.');
    assert.deepEqual(withYear && [withYear.year, withYear.month, withYear.day], [2023, 9, 20]);
  });

  it('finds a dateline after a blank line and a leading space in CRLF text', () => {
    const text = '\r\n  WASHINGTON, Jan. 31 (Xinhua) -- U.S. President Donald Trump met...\r\nMore text.';
    const stated = findStatedDate(text);
    assert.ok(stated);
    assert.equal(text.slice(stated.span.start, stated.span.end), 'WASHINGTON, Jan. 31');
  });

  it('takes a full date alone on the first line', () => {
    const stated = findStatedDate('Tuesday, September 29, 2009\n\nChina attaches great importance...');
    assert.deepEqual(stated && [stated.year, stated.month, stated.day], [2009, 9, 29]);
  });

  it('prefers a stamp with a year over a dateline without one', () => {
    const stated = findStatedDate('Updated: 2019-02-01 09:00\nWASHINGTON, Jan. 31 (Xinhua) -- Talks ended.');
    assert.deepEqual(stated && [stated.year, stated.month, stated.day], [2019, 2, 1]);
  });

  it('rejects a day the month does not have', () => {
    assert.equal(findStatedDate('WASHINGTON, Feb. 30 (Xinhua) -- Talks ended.'), null);
  });

  it('gives UTF-16 offsets, counting an emoji as two code units', () => {
    const text = '🌏 World news\nUpdated: 2013-05-28 15:18\nText.';
    const stated = findStatedDate(text);
    assert.equal(stated?.span.start, text.indexOf('Updated'));
    assert.equal(stated?.span.start, 14);
  });
});

describe('inferArticleDate', () => {
  it('takes the stamp of seed 004 as the day', () => {
    const date = inferArticleDate(readSeed('004'), []);
    assert.deepEqual([date.value, date.precision], ['2013-05-28', 'day']);
    assert.match(date.basis, /Updated: 2013-05-28/);
  });

  it('dates seed 000 to 2009 from tenures and Obama taking office that January', () => {
    const date = inferArticleDate(readSeed('000'), SEED_000_EVIDENCE);
    assert.deepEqual(
      [date.value, date.precision, date.earliest, date.latest],
      ['2009', 'year', '2009-01-28', '2009-12-31'],
    );
    assert.match(date.basis, /Steinberg/);
    assert.match(date.basis, /first year/);
  });

  it('dates seed 003 to 2019-01-31 from its dateline once the G20 meeting fixes the year', () => {
    const date = inferArticleDate(readSeed('003'), [...SEED_003_TENURES, G20_BUENOS_AIRES]);
    assert.deepEqual([date.value, date.precision], ['2019-01-31', 'day']);
    assert.match(date.basis, /WASHINGTON, Jan\. 31.*2019/);
  });

  it('leaves the year of seed 003 open when tenures alone allow several', () => {
    const date = inferArticleDate(readSeed('003'), SEED_003_TENURES);
    // Jan 31 fits 2019 and 2020; 2018 is before Liu He took office and 2021 after Trump left.
    assert.deepEqual([date.value, date.earliest, date.latest], [null, '2019-01-31', '2020-01-31']);
    assert.match(date.basis, /2019, 2020/);
  });

  it('dates seeds 001 and 002 to 2023 from tenures and the planned San Francisco summit', () => {
    const apecSummit = evidence(null, '2023-11-17', 'Xi-Biden meeting expected at APEC San Francisco 2023-11-11..2023-11-17');
    const seed001 = inferArticleDate(readSeed('001'), [
      evidence('2023-03-10', null, 'Han Zheng Vice President 2023-03-10..'),
      evidence('2021-01-26', '2025-01-20', 'Blinken Secretary of State 2021-01-26..2025-01-20'),
      evidence('2021-01-20', '2025-01-20', 'Biden President 2021-01-20..2025-01-20'),
      apecSummit,
    ]);
    assert.deepEqual([seed001.value, seed001.precision], ['2023', 'year']);
    const seed002 = inferArticleDate(readSeed('002'), [
      evidence('2023-07-25', null, 'Wang Yi Foreign Minister 2023-07-25..'),
      evidence('2021-01-26', '2025-01-20', 'Blinken Secretary of State 2021-01-26..2025-01-20'),
      apecSummit,
    ]);
    assert.deepEqual([seed002.value, seed002.precision], ['2023', 'year']);
  });

  it('says so when neither the text nor the evidence dates the article', () => {
    const date = inferArticleDate('Officials met to discuss trade.', []);
    assert.deepEqual([date.value, date.precision, date.earliest, date.latest], [null, null, null, null]);
    assert.match(date.basis, /no dateline, stamp or dated evidence/);
  });

  it('drops the evidence that conflicts with the rest and names it', () => {
    const date = inferArticleDate('No dateline here.', [
      evidence('2009-01-01', '2009-12-31', 'first year in office'),
      evidence('2012-01-01', '2013-12-31', 'misidentified official'),
      evidence('2008-03-15', '2013-03-14', 'Vice President tenure'),
    ]);
    assert.equal(date.value, '2009');
    assert.match(date.basis, /dropped 'misidentified official'/);
  });

  it('keeps the first of two evidence intervals that contradict each other', () => {
    const date = inferArticleDate('No dateline here.', [
      evidence('2009', '2009', 'stronger'),
      evidence('2011-01', '2011-06', 'weaker'),
    ]);
    assert.deepEqual([date.value, date.earliest, date.latest], ['2009', '2009-01-01', '2009-12-31']);
    assert.match(date.basis, /dropped 'weaker'/);
  });

  it('lets a stated full date win over evidence, noting the disagreement', () => {
    const date = inferArticleDate('Published: 2014-06-01\nText.', [evidence('2009-01-01', '2009-12-31', 'first year')]);
    assert.equal(date.value, '2014-06-01');
    assert.match(date.basis, /disagrees with evidence 2009-01-01\.\.2009-12-31/);
  });

  it('falls back to the evidence when no year fits the dateline', () => {
    const date = inferArticleDate('WASHINGTON, Jan. 31 (Xinhua) -- Talks.', [evidence('2019-03-01', '2019-10-31', 'tenure')]);
    assert.deepEqual([date.value, date.earliest, date.latest], ['2019', '2019-03-01', '2019-10-31']);
    assert.match(date.basis, /fits no year/);
  });

  it('cannot date a dateline without a year when there is no evidence', () => {
    const date = inferArticleDate('BUENOS AIRES, March 16 - Talks.', []);
    assert.equal(date.value, null);
    assert.match(date.basis, /states no year/);
  });
});

describe('findDateMentions', () => {
  it('finds the date expressions of seed 000', () => {
    assert.deepEqual(
      findDateMentions(readSeed('000')).map((m) => m.text),
      ['November', 'Tuesday', 'Monday', 'last week', 'late Tuesday', 'January', 'last week'],
    );
  });

  it('finds the date expressions of seeds 003 and 004', () => {
    assert.deepEqual(
      findDateMentions(readSeed('003')).map((m) => m.text),
      ['Jan. 31', 'Thursday', 'Thursday', 'last December', 'mid-February'],
    );
    assert.deepEqual(
      findDateMentions(readSeed('004')).map((m) => m.text),
      ['2013-05-28', 'Tuesday', 'Tuesday', 'early June', 'March', 'last year'],
    );
  });

  it('keeps weekday pairs and relative phrases whole', () => {
    const sentence = 'Wang held talks on Thursday and Friday; Biden may meet Xi later this year, after talks last weekend.';
    assert.deepEqual(findDateMentions(sentence).map((m) => m.text), ['Thursday and Friday', 'later this year', 'last weekend']);
  });

  it('does not read verbs, durations or counts as dates', () => {
    assert.deepEqual(findDateMentions('China may march ahead on a week-long tour with 2000 people.'), []);
    assert.deepEqual(findDateMentions('They met in May and again in 2012.').map((m) => m.text), ['May', '2012']);
  });

  it('gives spans relative to the offset, in UTF-16 code units', () => {
    const sentence = '🤝 Talks ran on Thursday and Friday.';
    const [mention] = findDateMentions(sentence, 100);
    assert.equal(mention.span.start, 100 + sentence.indexOf('Thursday'));
    assert.equal(mention.span.start, 100 + 16);
    assert.equal(sentence.slice(mention.span.start - 100, mention.span.end - 100), 'Thursday and Friday');
  });
});

describe('resolveDateExpression', () => {
  const resolved = (expression: string, article: DateValue, tense: 'past' | 'future' | 'unknown'): [string | null, string | null] => {
    const date = resolveDateExpression(expression, article, tense);
    return [date.value, date.precision];
  };

  it('resolves the expressions of seed 004 against 2013-05-28, a Tuesday', () => {
    const article = onDay('2013-05-28');
    assert.deepEqual(resolved('on Tuesday', article, 'past'), ['2013-05-28', 'day']);
    assert.deepEqual(resolved('in early June', article, 'future'), ['2013-06', 'month']);
    assert.deepEqual(resolved('in March', article, 'past'), ['2013-03', 'month']);
    assert.deepEqual(resolved('last year', article, 'past'), ['2012', 'year']);
  });

  it('resolves the expressions of seed 003 against 2019-01-31', () => {
    const article = onDay('2019-01-31');
    assert.deepEqual(resolved('last December', article, 'past'), ['2018-12', 'month']);
    assert.deepEqual(resolved('in mid-February', article, 'future'), ['2019-02', 'month']);
    assert.deepEqual(resolved('Thursday', article, 'past'), ['2019-01-31', 'day']);
  });

  it('resolves the expressions of seed 000 against 2009-09-29, a Tuesday', () => {
    const article = onDay('2009-09-29');
    const lastWeek = resolveDateExpression('last week', article, 'past');
    assert.deepEqual(
      [lastWeek.value, lastWeek.precision, lastWeek.earliest, lastWeek.latest],
      ['2009-09', 'month', '2009-09-21', '2009-09-27'],
    );
    assert.deepEqual(resolved('Tuesday', article, 'unknown'), ['2009-09-29', 'day']);
    assert.deepEqual(resolved('Monday', article, 'past'), ['2009-09-28', 'day']);
    assert.deepEqual(resolved('in November', article, 'future'), ['2009-11', 'month']);
  });

  it('lets the tense move a month name or weekday to the year or week it must be in', () => {
    assert.deepEqual(resolved('in November', onDay('2009-09-29'), 'past'), ['2008-11', 'month']);
    assert.deepEqual(resolved('in March', onDay('2013-05-28'), 'future'), ['2014-03', 'month']);
    assert.deepEqual(resolved('Monday', onDay('2009-09-29'), 'future'), ['2009-10-05', 'day']);
  });

  it('keeps the article precision when the article date is only a year', () => {
    assert.deepEqual(resolved('on Monday', YEAR_2023, 'past'), ['2023', 'year']);
    assert.deepEqual(resolved('in November', YEAR_2023, 'future'), ['2023-11', 'month']);
    assert.deepEqual(resolved('in June', YEAR_2023, 'past'), ['2023-06', 'month']);
    assert.deepEqual(resolved('this month', YEAR_2023, 'unknown'), ['2023', 'year']);
    assert.match(resolveDateExpression('on Monday', YEAR_2023, 'past').basis, /known only to the year/);
  });

  it('resolves weekday pairs and weekends to the days they cover', () => {
    const talks = resolveDateExpression('on Thursday and Friday', onDay('2023-10-27'), 'past');
    assert.deepEqual([talks.value, talks.earliest, talks.latest], ['2023-10', '2023-10-26', '2023-10-27']);
    const weekend = resolveDateExpression('last weekend', onDay('2023-09-18'), 'past');
    assert.deepEqual([weekend.value, weekend.earliest, weekend.latest], ['2023-09', '2023-09-16', '2023-09-17']);
  });

  it('resolves day words across month and year boundaries', () => {
    assert.deepEqual(resolved('yesterday', onDay('2019-01-01'), 'past'), ['2018-12-31', 'day']);
    assert.deepEqual(resolved('today', onDay('2019-01-01'), 'unknown'), ['2019-01-01', 'day']);
    assert.deepEqual(resolved('next month', onDay('2019-12-15'), 'future'), ['2020-01', 'month']);
    assert.deepEqual(resolved('later this year', onDay('2023-09-18'), 'future'), ['2023', 'year']);
  });

  it('resolves calendar dates without needing the article date', () => {
    const unknown = inferArticleDate('No date.', []);
    assert.deepEqual(resolved('2013-05-28', unknown, 'unknown'), ['2013-05-28', 'day']);
    assert.deepEqual(resolved('March 16, 1987', unknown, 'unknown'), ['1987-03-16', 'day']);
    assert.deepEqual(resolved('Jan. 31', onDay('2019-02-02'), 'past'), ['2019-01-31', 'day']);
    assert.deepEqual(resolved('Tuesday', unknown, 'past'), [null, null]);
  });

  it('spans every reading when the article year is open', () => {
    const article = inferArticleDate(readSeed('003'), SEED_003_TENURES);
    const lastDecember = resolveDateExpression('last December', article, 'past');
    assert.deepEqual([lastDecember.value, lastDecember.earliest, lastDecember.latest], [null, '2018-12-01', '2019-12-31']);
  });

  it('says when it does not know an expression', () => {
    const date = resolveDateExpression('the other day', onDay('2019-01-31'), 'past');
    assert.equal(date.value, null);
    assert.match(date.basis, /not a date expression/);
  });
});
