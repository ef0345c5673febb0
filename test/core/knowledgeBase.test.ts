import * as assert from 'assert';
import { BUNDLED_SOURCES, KnowledgeBase, Official, dateBounds, loadBundledKnowledgeBase, titlesMatch } from '../../src/core/knowledgeBase';

const kb = loadBundledKnowledgeBase();

function official(id: string): Official {
  const found = kb.byId(id);
  assert.ok(found, `no official with id ${id}`);
  return found;
}

function titlesOn(id: string, date: string): string[] {
  return kb.rolesOn(official(id), date).map((role) => `${role.title} (${role.country})`);
}

describe('knowledge base of officials', () => {
  describe('tenures a reader of diplomatic news relies on', () => {
    const facts: Array<[id: string, date: string, title: string, country: string]> = [
      ['xi-jinping', '2009-09-29', 'Vice President', 'China'],
      ['xi-jinping', '2013-05-28', 'President', 'China'],
      ['hu-jintao', '2009-09-29', 'President', 'China'],
      ['barack-obama', '2009-09-29', 'President', 'United States'],
      ['antony-blinken', '2023-09-18', 'Secretary of State', 'United States'],
      ['james-steinberg', '2009', 'Deputy Secretary of State', 'United States'],
      ['liu-he', '2019-01', 'Vice Premier', 'China'],
      ['wang-yi', '2023-10-27', 'Foreign Minister', 'China'],
      ['han-zheng', '2023-09-18', 'Vice President', 'China'],
      ['dai-bingguo', '2009', 'State Councilor', 'China'],
      ['robert-lighthizer', '2019', 'Trade Representative', 'United States'],
      ['steven-mnuchin', '2019', 'Treasury Secretary', 'United States'],
      ['gina-raimondo', '2023', 'Commerce Secretary', 'United States'],
      ['janet-yellen', '2023', 'Treasury Secretary', 'United States'],
      ['jake-sullivan', '2023', 'National Security Adviser', 'United States'],
      ['john-kerry', '2023', 'Climate Envoy', 'United States'],
      ['john-kerry', '2014', 'Secretary of State', 'United States'],
      ['joe-biden', '2023-09-18', 'President', 'United States'],
      ['joe-biden', '2010', 'Vice President', 'United States'],
      ['donald-trump', '2019-01-31', 'President', 'United States'],
      ['melania-trump', '2019-01-31', 'First Lady', 'United States'],
      ['peng-liyuan', '2019-01-31', 'First Lady', 'China'],
      ['hillary-clinton', '2000', 'First Lady', 'United States'],
      ['hillary-clinton', '2011', 'Secretary of State', 'United States'],
      ['yang-jiechi', '2010', 'Foreign Minister', 'China'],
      ['jiang-zemin', '2002', 'President', 'China'],
      ['cui-tiankai', '2015', 'Ambassador to the United States', 'China'],
      ['gary-locke', '2012', 'Ambassador to China', 'United States'],
    ];
    for (const [id, date, title, country] of facts) {
      it(`${id} was ${title} (${country}) in ${date}`, () => {
        assert.ok(titlesOn(id, date).includes(`${title} (${country})`), `got ${titlesOn(id, date).join(', ') || 'nothing'}`);
      });
    }

    it('does not give a role outside its tenure', () => {
      assert.deepStrictEqual(titlesOn('xi-jinping', '2013-05-28'), ['President (China)']);
      assert.deepStrictEqual(titlesOn('james-steinberg', '2012'), []);
      assert.ok(!titlesOn('donald-trump', '2023').includes('President (United States)'));
      assert.ok(titlesOn('donald-trump', '2025-06-01').includes('President (United States)'));
    });

    it('reads a partial tenure date as any day of that month', () => {
      assert.ok(titlesOn('peng-liyuan', '2013-03-01').includes('First Lady (China)'));
      assert.deepStrictEqual(titlesOn('peng-liyuan', '2013-02-28'), []);
    });

    it('answers nothing for a date that is not a calendar date', () => {
      assert.deepStrictEqual(titlesOn('xi-jinping', '2013-02-30'), []);
      assert.deepStrictEqual(titlesOn('xi-jinping', 'last spring'), []);
    });
  });

  describe('looking officials up by the name an article uses', () => {
    const idsFor = (form: string) => kb.findByName(form).map((o) => o.id).sort();

    it('finds a surname, a nickname and a middle initial', () => {
      assert.deepStrictEqual(idsFor('Blinken'), ['antony-blinken']);
      assert.deepStrictEqual(idsFor('Tony Blinken'), ['antony-blinken']);
      assert.deepStrictEqual(idsFor('Antony J. Blinken'), ['antony-blinken']);
      assert.deepStrictEqual(idsFor('Xi'), ['xi-jinping']);
      assert.deepStrictEqual(idsFor('Melania'), ['melania-trump']);
    });

    it('ignores case, dots, spacing and accents', () => {
      assert.deepStrictEqual(idsFor('  xi   JINPING '), ['xi-jinping']);
      assert.deepStrictEqual(idsFor('HR McMaster'), ['h-r-mcmaster']);
      assert.deepStrictEqual(idsFor('H.R. McMaster'), ['h-r-mcmaster']);
      assert.deepStrictEqual(idsFor('J. D. Vance'), ['jd-vance']);
      assert.deepStrictEqual(idsFor('Lu Fuyuan'), ['lu-fuyuan']);
    });

    it('returns every official a bare surname may mean', () => {
      assert.deepStrictEqual(idsFor('Bush'), ['george-h-w-bush', 'george-w-bush']);
      assert.deepStrictEqual(idsFor('Clinton'), ['bill-clinton', 'hillary-clinton']);
      assert.ok(idsFor('Wang').includes('wang-yi'));
      assert.ok(idsFor('Wang').includes('wang-qishan'));
    });

    it('finds nobody for an unknown name', () => {
      assert.deepStrictEqual(idsFor('Jane Nobody'), []);
    });
  });

  describe('resolving an ambiguous name with what the article says', () => {
    it('uses the article date', () => {
      assert.strictEqual(kb.resolve('Clinton', { earliest: '2011-05-01', latest: '2011-05-31' })?.id, 'hillary-clinton');
      assert.strictEqual(kb.resolve('Rice', { earliest: '2014', latest: '2014' })?.id, 'susan-rice');
      assert.strictEqual(kb.resolve('Rice', { earliest: '2006', latest: '2006' })?.id, 'condoleezza-rice');
    });

    it('uses the stated title, in the words news writes it', () => {
      assert.strictEqual(kb.resolve('Clinton', { title: 'President' })?.id, 'bill-clinton');
      assert.strictEqual(kb.resolve('Wang', { title: 'Foreign Minister', earliest: '2023-10-27', latest: '2023-10-27' })?.id, 'wang-yi');
      assert.strictEqual(kb.resolve('Wang', { title: 'Vice President', country: 'China', earliest: '2019' })?.id, 'wang-qishan');
      assert.strictEqual(kb.resolve('Liu', { title: 'Chinese Vice Premier', earliest: '2019-01-31', latest: '2019-01-31' })?.id, 'liu-he');
      assert.strictEqual(kb.resolve('Sullivan', { title: 'national security advisor', earliest: '2023' })?.id, 'jake-sullivan');
      assert.strictEqual(kb.resolve('Burns', { title: 'U.S. Ambassador to China' })?.id, 'nicholas-burns');
    });

    it('returns the only official with a name even without hints', () => {
      assert.strictEqual(kb.resolve('Steinberg')?.id, 'james-steinberg');
    });

    it('declines to guess when nothing separates the candidates', () => {
      assert.strictEqual(kb.resolve('Clinton'), undefined);
      assert.strictEqual(kb.resolve('Nobody'), undefined);
    });
  });

  describe('linking only an official the article can mean', () => {
    const year = (y: string) => ({ earliest: y, latest: y });

    it('refuses a stated post the official never held', () => {
      assert.strictEqual(kb.resolve('George Bush', { title: 'Vice President' })?.id, 'george-h-w-bush');
      assert.strictEqual(kb.resolve('Philippe', { title: 'King' }), undefined);
      assert.strictEqual(kb.resolve('Clinton', { title: 'First Lady' })?.id, 'hillary-clinton');
    });

    it('lets a post the data does not record pass ("Senator")', () => {
      assert.strictEqual(kb.resolve('Hillary Clinton', { title: 'Senator', ...year('2005') })?.id, 'hillary-clinton');
    });

    it('refuses a stated country the official never served', () => {
      assert.strictEqual(kb.resolve('Philippe', { country: 'Belgium' }), undefined);
      assert.strictEqual(kb.resolve('Philippe', { country: 'France' })?.id, 'edouard-philippe');
    });

    it('refuses a date long before their first post, unless the stated post is theirs', () => {
      assert.strictEqual(kb.resolve('George W. Bush', year('1987')), undefined);
      assert.strictEqual(kb.resolve('George Bush', year('1987'))?.id, 'george-h-w-bush');
      assert.strictEqual(kb.resolve('George Bush', year('2004'))?.id, 'george-w-bush');
      assert.strictEqual(kb.resolve('Bush', { title: 'President', ...year('1990') })?.id, 'george-h-w-bush');
      assert.strictEqual(kb.resolve('Hague', year('1987')), undefined);
      assert.strictEqual(kb.resolve('Hague', year('2012'))?.id, 'william-hague');
    });

    it('names someone within the years around their posts', () => {
      const { kb: small } = KnowledgeBase.fromSources([
        {
          name: 'small.json',
          data: {
            schema: 'attache-officials/1',
            officials: [{ id: 'ann-example', name: 'Ann Example', aliases: ['Example'], familyNameFirst: false, roles: [{ title: 'Foreign Minister', country: 'Ruritania', from: '2001', to: '2004-06' }] }],
          },
        },
      ]);
      assert.strictEqual(small.resolve('Example', year('1993'))?.id, 'ann-example');
      assert.strictEqual(small.resolve('Example', year('1987')), undefined);
      assert.strictEqual(small.resolve('Example', { title: 'Foreign Minister', ...year('1987') })?.id, 'ann-example');
      assert.strictEqual(small.resolve('Example', year('2040'))?.id, 'ann-example');
      assert.strictEqual(small.resolve('Example', year('2050')), undefined);
    });

    it('declines when nothing tells two namesakes apart', () => {
      assert.strictEqual(kb.resolve('George Bush'), undefined);
    });

    it('takes a given name alone ("Melania") only with a post of theirs', () => {
      assert.strictEqual(kb.resolve('Melania'), undefined);
      assert.strictEqual(kb.resolve('Melania', { title: 'First Lady' })?.id, 'melania-trump');
      assert.strictEqual(kb.resolve('Xi')?.id, 'xi-jinping');
    });
  });

  describe('one given name in several spellings', () => {
    it('finds the official under a short form, a transliteration or a fuller middle name', () => {
      assert.strictEqual(kb.resolve('Joseph R. Biden')?.id, 'joe-biden');
      assert.strictEqual(kb.resolve('Joseph Robinette Biden')?.id, 'joe-biden');
      assert.strictEqual(kb.resolve('Yury Ushakov')?.id, 'yuri-ushakov');
      assert.strictEqual(kb.resolve('Yuri Ushakov')?.id, 'yuri-ushakov');
      assert.strictEqual(kb.resolve('Dmitriy Medvedev')?.id, 'dmitry-medvedev');
      assert.strictEqual(kb.resolve('Mohammad bin Salman')?.id, 'mohammed-bin-salman');
      assert.strictEqual(kb.resolve('Larry Summers')?.id, 'lawrence-summers');
      assert.strictEqual(kb.resolve('Kim Dae Jung')?.id, 'kim-dae-jung');
    });

    it('keeps apart people who share only a surname or differ in middle initials', () => {
      assert.strictEqual(kb.resolve('George H. W. Bush')?.id, 'george-h-w-bush');
      assert.strictEqual(kb.resolve('George W. Bush')?.id, 'george-w-bush');
      assert.strictEqual(kb.resolve('Michael Howard'), undefined);
      assert.strictEqual(kb.resolve('Nancy Reagan')?.id, 'nancy-reagan');
      assert.strictEqual(kb.resolve('Kim Dae-sung'), undefined);
      assert.strictEqual(kb.resolve('Lee Myung-hwan'), undefined);
    });
  });

  describe('matching a stated title with a post', () => {
    const pairs: Array<[stated: string, held: string, same: boolean]> = [
      ['Chancellor', 'Chancellor of the Exchequer', true],
      ['Ambassador', 'Ambassador to the United States', true],
      ['Prime Minister', 'Premier', true],
      ['Deputy Prime Minister', 'Vice Premier', true],
      ['Former President', 'President', true],
      ['then-Vice President', 'Vice President', true],
      ['External Affairs Minister', 'Foreign Minister', true],
      ['Vice-President', 'Vice President', true],
      ['President', 'Vice President', false],
      ['Vice President', 'President', false],
      ['King', 'Prime Minister', false],
    ];
    for (const [stated, held, same] of pairs) {
      it(`"${stated}" ${same ? 'names' : 'does not name'} "${held}"`, () => {
        assert.strictEqual(titlesMatch(stated, held), same);
      });
    }
  });

  describe('loading data files', () => {
    const good = {
      schema: 'attache-officials/1',
      officials: [
        { id: 'ann-example', name: 'Ann Example', aliases: ['Example'], familyNameFirst: false, roles: [{ title: 'Foreign Minister', country: 'Ruritania', from: '2001', to: '2004-06' }] },
        { id: 'no-name', aliases: [], familyNameFirst: false, roles: [] },
        {
          id: 'bo-example',
          name: 'Bo Example',
          aliases: [],
          familyNameFirst: true,
          roles: [
            { title: 'Premier', country: 'Ruritania', from: '2004-13-01', to: null },
            { title: 'Vice Premier', country: 'Ruritania', from: '2001-03-05', to: '2004-03-04' },
            { title: 'Envoy', country: 'Ruritania', from: '2009', to: '2008' },
          ],
        },
        { id: 'ann-example', name: 'Ann Again', aliases: [], familyNameFirst: false, roles: [] },
      ],
    };
    const { kb: small, problems } = KnowledgeBase.fromSources([
      { name: 'broken.json', data: ['not', 'an', 'object'] },
      { name: 'old.json', data: { schema: 'something-else', officials: [] } },
      { name: 'good.json', data: good },
    ]);

    it('reports each malformed file, entry and role by name', () => {
      const expected: Array<[string, RegExp]> = [
        ['file that is not an object', /^broken\.json: not a JSON object/],
        ['unknown schema', /^old\.json: "schema"/],
        ['entry without a name', /^good\.json entry 1 \("no-name"\): missing "name"/],
        ['impossible month', /^good\.json entry 2 \("bo-example"\) role 0 \("Premier"\): "from" is "2004-13-01"/],
        ['tenure ending before it starts', /^good\.json entry 2 \("bo-example"\) role 2 \("Envoy"\): "from" 2009 is after "to" 2008/],
        ['duplicate id', /^good\.json entry 3 \("ann-example"\): id "ann-example" already used in good\.json/],
      ];
      for (const [what, pattern] of expected) {
        assert.ok(problems.some((p) => pattern.test(p)), `no problem reported for ${what}: ${problems.join(' | ')}`);
      }
      assert.strictEqual(problems.length, expected.length, problems.join(' | '));
    });

    it('keeps everything that is well formed', () => {
      assert.deepStrictEqual(small.officials.map((o) => o.id), ['ann-example', 'bo-example']);
      assert.strictEqual(small.byId('ann-example')?.name, 'Ann Example');
      assert.deepStrictEqual(small.byId('bo-example')?.roles.map((r) => r.title), ['Vice Premier']);
      assert.deepStrictEqual(small.findByName('example').map((o) => o.id), ['ann-example']);
    });

    it('never throws on data of the wrong shape', () => {
      for (const data of [null, 42, 'text', { schema: 'attache-officials/1' }, { schema: 'attache-officials/1', officials: [null, 7, { name: 3 }] }]) {
        assert.doesNotThrow(() => KnowledgeBase.fromSources([{ name: 'odd.json', data }]));
      }
    });
  });

  describe('bundled data files', () => {
    const { kb: bundled, problems } = KnowledgeBase.fromSources([...BUNDLED_SOURCES]);

    it('load without problems', () => {
      assert.deepStrictEqual(problems, []);
    });

    it('give every official a unique id', () => {
      const ids = new Set<string>();
      for (const source of BUNDLED_SOURCES) {
        for (const entry of (source.data as { officials: Array<{ id: string }> }).officials) {
          assert.ok(!ids.has(entry.id), `id ${entry.id} appears twice (again in ${source.name})`);
          ids.add(entry.id);
        }
      }
    });

    it('never end a tenure before it starts', () => {
      for (const o of bundled.officials) {
        for (const role of o.roles) {
          if (role.from === null || role.to === null) continue;
          assert.ok(dateBounds(role.from)!.first <= dateBounds(role.to)!.last, `${o.id}: ${role.title} ${role.from}..${role.to}`);
        }
      }
    });

    it('give each official at least one role', () => {
      assert.deepStrictEqual(bundled.officials.filter((o) => o.roles.length === 0).map((o) => o.id), []);
    });
  });
});
