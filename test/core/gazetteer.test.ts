import * as assert from 'assert';
import { CityRow, CountryRecord, Gazetteer, RegionRecord } from '../../src/core/gazetteer';
import countriesData from '../../data/gazetteer/countries.json';
import citiesData from '../../data/gazetteer/cities.json';
import regionsData from '../../data/gazetteer/regions.json';
import firstNamesData from '../../data/gazetteer/first-names.json';
import nameParticlesData from '../../data/gazetteer/name-particles.json';

const gazetteer = Gazetteer.bundled();

function placeName(form: string): string | undefined {
  return gazetteer.lookupPlace(form)?.name;
}

describe('Gazetteer', () => {
  describe('places in the seed articles', () => {
    // Every required place of /work/shared/gold/seeds.gold.json with the forms the articles use.
    const seedPlaces: Record<string, string[]> = {
      China: ['China'],
      'United States': ['United States', 'U.S.', 'US', 'U.S', 'America'],
      Beijing: ['Beijing', 'BEIJING'],
      Hanoi: ['Hanoi'],
      'Kuala Lumpur': ['Kuala Lumpur'],
      Seoul: ['Seoul'],
      Tokyo: ['Tokyo'],
      'New York': ['New York'],
      Taiwan: ['Taiwan'],
      Tibet: ['Tibet'],
      Xinjiang: ['Xinjiang'],
      Russia: ['Russia'],
      Ukraine: ['Ukraine'],
      'North Korea': ['North Korea'],
      'Taiwan Strait': ['Taiwan Strait'],
      Malta: ['Malta'],
      India: ['India'],
      'San Francisco': ['San Francisco'],
      Washington: ['Washington', 'WASHINGTON', 'Washington D.C.'],
      Argentina: ['Argentina'],
      'Los Angeles': ['Los Angeles'],
      Asia: ['Asia'],
      'Asia-Pacific': ['Asia-Pacific'],
    };
    for (const [name, forms] of Object.entries(seedPlaces)) {
      for (const form of forms) {
        it(`finds "${form}" as ${name}`, () => assert.strictEqual(placeName(form), name));
      }
    }

    it('treats "Washington D.C." as one form of the city, not the state', () => {
      const entry = gazetteer.lookupPlace('Washington D.C.');
      assert.deepStrictEqual([entry?.type, entry?.country], ['city', 'United States']);
      assert.strictEqual(gazetteer.lookupPlace('Washington')?.type, 'city');
      assert.ok(gazetteer.maxPlaceTokens >= 2);
    });

    it('types places and gives the country they lie in', () => {
      assert.deepStrictEqual(gazetteer.lookupPlace('Xinjiang'), { name: 'Xinjiang', type: 'region', country: 'China' });
      assert.strictEqual(gazetteer.lookupPlace('Taiwan Strait')?.type, 'water');
      assert.strictEqual(gazetteer.lookupPlace('Asia')?.type, 'continent');
      assert.strictEqual(gazetteer.lookupPlace('Taiwan')?.type, 'country');
      const beijing = gazetteer.lookupPlace('Beijing');
      assert.strictEqual(beijing?.country, 'China');
      assert.ok((beijing?.population ?? 0) > 1_000_000);
    });
  });

  describe('cities', () => {
    for (const city of ['Washington', 'Beijing', 'Hanoi', 'Kuala Lumpur', 'Seoul', 'Tokyo', 'New York', 'Los Angeles',
      'San Francisco', 'Buenos Aires', 'Moscow', 'Kyiv', 'Geneva', 'Jerusalem', 'Pyongyang', 'Davos']) {
      it(`knows ${city}`, () => assert.strictEqual(gazetteer.lookupPlace(city)?.type, 'city'));
    }

    it('understands ALL-CAPS datelines', () => {
      assert.strictEqual(placeName('BUENOS AIRES'), 'Buenos Aires');
      assert.strictEqual(placeName('KUALA LUMPUR'), 'Kuala Lumpur');
      assert.strictEqual(placeName('THE HAGUE'), 'The Hague');
    });

    it('maps older and foreign names to the current one', () => {
      assert.strictEqual(placeName('Peking'), 'Beijing');
      assert.strictEqual(placeName('Kiev'), 'Kyiv');
      assert.strictEqual(placeName('Bombay'), 'Mumbai');
      assert.strictEqual(placeName('Saigon'), 'Ho Chi Minh City');
      assert.strictEqual(placeName('Bogota'), 'Bogotá');
    });
  });

  describe('words that are not places', () => {
    const notPlaces = ['Obama', 'Kerry', 'Bush', 'Han', 'Xi', 'Wang', 'Dai', 'Liu', 'Mobile', 'Reading', 'Bath',
      'Nice', 'Of', 'Steinberg', 'Blinken', 'Trump', 'Biden', 'Melania', 'Male', 'President', 'Minister'];
    for (const word of notPlaces) {
      it(`does not call "${word}" a place`, () => assert.strictEqual(gazetteer.lookupPlace(word), undefined));
    }

    it('ignores lowercase common words even when a place is spelt the same', () => {
      for (const word of ['china', 'turkey', 'chad', 'us', 'nice', 'reading', 'the', 'of']) {
        assert.strictEqual(gazetteer.lookupPlace(word), undefined, word);
      }
    });

    it('does not treat nationality adjectives as places', () => {
      for (const word of ['Chinese', 'American', 'British', 'Russian', 'Soviet', 'Israeli', 'Palestinian', 'Thai', 'Saudi']) {
        assert.strictEqual(gazetteer.lookupPlace(word), undefined, word);
      }
    });

    it('does not fold short all-caps acronyms into places', () => {
      assert.strictEqual(gazetteer.lookupPlace('UN'), undefined);
      assert.strictEqual(gazetteer.lookupPlace('OF'), undefined);
    });
  });

  describe('countries', () => {
    it('tolerates a leading "the"', () => {
      assert.strictEqual(placeName('the United States'), 'United States');
      assert.strictEqual(placeName('the Netherlands'), 'Netherlands');
      assert.strictEqual(placeName('the Hague'), 'The Hague');
    });

    it('gives the canonical name for any form', () => {
      const forms: Record<string, string> = {
        'U.S.': 'United States', 'U.S': 'United States', US: 'United States', USA: 'United States',
        America: 'United States', 'the United States': 'United States', PRC: 'China',
        "People's Republic of China": 'China', UK: 'United Kingdom', Britain: 'United Kingdom',
        'Great Britain': 'United Kingdom', DPRK: 'North Korea', ROK: 'South Korea', 'Russian Federation': 'Russia',
        Czechia: 'Czech Republic', Burma: 'Myanmar', USSR: 'Soviet Union', Persia: 'Iran', 'Viet Nam': 'Vietnam',
        'Syrian Arab Republic': 'Syria', Bosnia: 'Bosnia and Herzegovina', Holland: 'Netherlands', Türkiye: 'Turkey',
      };
      for (const [form, name] of Object.entries(forms)) assert.strictEqual(gazetteer.canonicalCountry(form), name, form);
    });

    it('does not give a country for cities or demonyms', () => {
      assert.strictEqual(gazetteer.canonicalCountry('Beijing'), undefined);
      assert.strictEqual(gazetteer.canonicalCountry('Chinese'), undefined);
    });
  });

  describe('demonyms', () => {
    it('maps nationality words to their country', () => {
      const demonyms: Record<string, string> = {
        Chinese: 'China', American: 'United States', Americans: 'United States', British: 'United Kingdom',
        Russian: 'Russia', Soviet: 'Soviet Union', 'North Korean': 'North Korea', Israeli: 'Israel',
        Palestinian: 'Palestine', Indian: 'India', Swiss: 'Switzerland', Filipino: 'Philippines', CHINESE: 'China',
      };
      for (const [word, country] of Object.entries(demonyms)) assert.strictEqual(gazetteer.countryOfDemonym(word), country, word);
    });

    it('does not treat country names or lowercase words as demonyms', () => {
      for (const word of ['U.S.', 'US', 'China', 'chinese', 'Obama']) {
        assert.strictEqual(gazetteer.countryOfDemonym(word), undefined, word);
      }
    });
  });

  describe('names of people', () => {
    it('recognises given names from several cultures', () => {
      for (const name of ['Barack', 'James', 'Antony', 'Janet', 'Gina', 'Vladimir', 'Mohammed', 'Narendra', 'Shinzo', 'Jinping']) {
        assert.ok(gazetteer.isGivenName(name), name);
      }
      assert.ok(gazetteer.isGivenName('JAMES'));
      assert.ok(!gazetteer.isGivenName('Beijing'));
      assert.ok(!gazetteer.isGivenName('james'));
    });

    it('recognises particles inside names', () => {
      for (const word of ['von', 'van', 'de', 'bin', 'al', 'al-', 'ibn', 'abu', 'Van', 'dos']) {
        assert.ok(gazetteer.isNameParticle(word), word);
      }
      assert.ok(!gazetteer.isNameParticle('Smith'));
    });

    it('recognises honorifics with or without a full stop', () => {
      for (const word of ['Mr', 'Mr.', 'Mrs.', 'Dr', 'Sir', 'Sheikh', 'Gen.', 'Adm.', 'Rep.', 'Sen.', 'Gov.', 'MR']) {
        assert.ok(gazetteer.isHonorific(word), word);
      }
      assert.ok(!gazetteer.isHonorific('mr'));
      assert.ok(!gazetteer.isHonorific('Obama'));
    });
  });

  describe('data files', () => {
    // England, Scotland, Wales and Northern Ireland are kept here as countries of the United Kingdom.
    const placeTypes = new Set(['region', 'continent', 'water', 'landmark', 'country']);
    const countries = countriesData as CountryRecord[];
    const countryNames = new Set(countries.map((c) => c.name));

    it('countries.json has a name, forms, demonyms and capital for each country', () => {
      assert.ok(countries.length > 200);
      for (const c of countries) {
        assert.ok(typeof c.name === 'string' && c.name.length > 0, JSON.stringify(c));
        assert.ok(Array.isArray(c.forms) && c.forms.every((f) => typeof f === 'string' && f.length > 0), c.name);
        assert.ok(Array.isArray(c.demonyms) && c.demonyms.every((d) => typeof d === 'string' && d.length > 0), c.name);
        assert.ok(c.capital === null || typeof c.capital === 'string', c.name);
      }
    });

    it('cities.json rows are [name, known country, population, ...forms]', () => {
      const cities = citiesData as unknown as CityRow[];
      assert.ok(cities.length > 2000);
      for (const row of cities) {
        const [name, country, population, ...forms] = row;
        assert.ok(typeof name === 'string' && name.length > 0, JSON.stringify(row));
        assert.ok(countryNames.has(country), `${name}: unknown country ${country}`);
        assert.ok(Number.isInteger(population) && population >= 0, name);
        assert.ok(forms.every((f) => typeof f === 'string' && f.length > 0), name);
      }
    });

    it('regions.json entries have a known type and a known country or null', () => {
      const regions = regionsData as RegionRecord[];
      for (const r of regions) {
        assert.ok(typeof r.name === 'string' && r.name.length > 0, JSON.stringify(r));
        assert.ok(placeTypes.has(r.type), `${r.name}: type ${r.type}`);
        assert.ok(r.country === null || countryNames.has(r.country), `${r.name}: unknown country ${r.country}`);
        assert.ok(r.forms === undefined || r.forms.every((f) => typeof f === 'string' && f.length > 0), r.name);
      }
      const names = regions.map((r) => r.name);
      assert.strictEqual(new Set(names).size, names.length, 'duplicate region');
    });

    it('first-names.json and name-particles.json are lists of words', () => {
      assert.ok(firstNamesData.length > 3000);
      assert.ok(firstNamesData.every((n) => /^\p{Lu}[\p{L}'-]+$/u.test(n)));
      assert.ok(nameParticlesData.particles.every((p) => p === p.toLowerCase() && !/\s/.test(p)));
      assert.ok(nameParticlesData.honorifics.every((h) => /^\p{Lu}\p{L}+$/u.test(h)));
    });
  });
});
