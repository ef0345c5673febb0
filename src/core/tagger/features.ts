import { CONNECTORS, Mention } from '../entities';
import { Gazetteer } from '../gazetteer';
import { KnowledgeBase } from '../knowledgeBase';
import { Lexicon } from '../lexicon';
import { Tokenized } from '../tokens';
import { WordSequence } from './scheme';

/** What the features read besides the text: the engine's own lists. */
export interface FeatureSources {
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  knowledgeBase: KnowledgeBase;
}

/**
 * The features of every token of one article before any tag is chosen, with what the tags
 * chosen so far are read against (see WordSequence).
 */
export type ArticleFeatures = WordSequence;

/**
 * The word as the tagger reads it. In an all-capitals line ("PERES MEETS ARAFAT IN GAZA") a word
 * is judged by its normal-case form: lower case when it is an everyday word, capitalised when not.
 */
export function normalCaseForms(tokenized: Tokenized, lexicon: Lexicon): string[] {
  // "Obama's" is read as "Obama", as in text that writes the possessive apart ("Obama 's").
  const tokens = tokenized.tokens;
  const forms = tokens.map((t) => (POSSESSIVE.test(t.text) ? t.text.slice(0, -2) : t.text));
  let first = 0;
  for (let i = 0; i < tokens.length; i++) {
    const lineEnds = i + 1 === tokens.length || tokens[i].post.includes('\n') || tokens[i + 1].sentence !== tokens[i].sentence;
    if (!lineEnds) continue;
    if (isShouted(forms, first, i + 1)) for (let k = first; k <= i; k++) forms[k] = normalCase(forms[k], lexicon);
    else normaliseDateline(tokens, forms, first, i + 1, lexicon);
    first = i + 1;
  }
  return forms;
}

/** "BEIJING - Chinese President ...", "WASHINGTON (Reuters) -": the capitals that open a line before a dash, bracket or comma are a dateline. */
function normaliseDateline(tokens: Tokenized['tokens'], forms: string[], first: number, last: number, lexicon: Lexicon): void {
  let k = first;
  while (k < last && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(forms[k]) && /^[ \t]+$/.test(tokens[k].post)) k++;
  if (k < last && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(forms[k]) && /^\s*[-–—(,]/.test(tokens[k].post)) for (let d = first; d <= k; d++) forms[d] = normalCase(forms[d], lexicon);
}

/** Most words with letters are written in capitals. */
function isShouted(forms: string[], first: number, last: number): boolean {
  let letters = 0;
  let capitals = 0;
  for (let k = first; k < last; k++) {
    if (!/\p{L}/u.test(forms[k])) continue;
    letters++;
    if (forms[k] === forms[k].toUpperCase()) capitals++;
  }
  return letters >= 2 && capitals / letters > 0.6;
}

/** An everyday word in lower case, a name capitalised; an acronym of up to three letters, or one the lexicon knows ("NATO"), stays. */
function normalCase(word: string, lexicon: Lexicon): string {
  if (!/\p{Lu}\p{Lu}/u.test(word)) return word;
  const lower = word.toLowerCase();
  if (lexicon.isCommonWord(lower) || lexicon.isFunctionWord(lower)) return lower;
  if (word.replace(/[^\p{L}]/gu, '').length <= 3 || lexicon.organizationNames.has(word)) return word;
  return word.charAt(0) + lower.slice(1);
}

const POSSESSIVE = /\p{L}['’]s$/u;
/** Characters of markup or code, which never stand in a name as the rules read names either. */
const MARKUP = /[<>[\]{}()=\\|*_`#@$%^~]/;
/** Besides the connectors, the words that join the parts of one name: "Trinidad and Tobago", "Test and County Cricket Board". */
const NAME_JOINERS: ReadonlySet<string> = new Set(['and', 'the', 'on', 'upon']);
/** Punctuation no name runs across: a line end, a comma, a bracket, a quote, a spaced dash ("BEIJING - Chinese ..."). */
const NAME_BREAK = /[\n,;:()[\]"“”!?/|–—]|\s-|-\s/u;

/** "Xxxx", "XX", "X.X.", "Xx-xx", "dd": letters by case, digits and other characters kept, runs collapsed. */
export function wordShape(word: string): string {
  let shape = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'x' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** The rules' reading of each token: "B-person", "I-place", ... or "O". */
function ruleTags(tokenCount: number, mentions: readonly Mention[]): string[] {
  const tags = new Array<string>(tokenCount).fill('O');
  for (const m of mentions) {
    if (m.nested) continue;
    for (let k = m.firstToken; k < m.lastToken; k++) tags[k] = `${k === m.firstToken ? 'B' : 'I'}-${m.kind}`;
  }
  return tags;
}

/** "post=,": the first two punctuation marks after a word, the string made once per spelling of what follows it. */
const punctuationByPrefix = new Map<string, Map<string, string>>();
function punctuation(prefix: string, around: string): string {
  let bySpelling = punctuationByPrefix.get(prefix);
  if (!bySpelling) punctuationByPrefix.set(prefix, (bySpelling = new Map()));
  let feature = bySpelling.get(around);
  if (feature === undefined) {
    if (bySpelling.size > FEATURE_STRING_LIMIT) bySpelling.clear();
    feature = prefix + around.replace(/\s+/g, '').slice(0, 2);
    bySpelling.set(around, feature);
  }
  return feature;
}

/** What a word contributes wherever it stands: its own features and those it gives its neighbours. */
interface WordFeatures {
  lower: string;
  shape: string;
  capitalised: boolean;
  /** Starts with a lower-case letter. */
  lowerInitial: boolean;
  /** Outside every name wherever it stands: a number or symbol, markup or code ("Ab<img"), or a lower-case word that is no connector. */
  neverInName: boolean;
  /** The word itself: identity, shape, prefixes, suffixes and what the lists know of it. */
  own: string[];
  /** As the word before another ("w-1=near", "s-1=x", "-1l=title"), and as the word after one. */
  asPrevious: string[];
  asNext: string[];
  asSecondPrevious: string;
  asSecondNext: string;
  asFirst: string;
}

/**
 * Feature strings are built once per word form and engine, and reused: no string is made again
 * for a word seen before, and the model finds each by a hash it has already computed.
 */
const wordCaches = new WeakMap<FeatureSources, Map<string, WordFeatures>>();
/** Forms kept per engine before the cache starts afresh, so memory stays bounded on any corpus. */
const WORD_CACHE_LIMIT = 30_000;

function wordFeatures(form: string, sources: FeatureSources): WordFeatures {
  let cache = wordCaches.get(sources);
  if (!cache) wordCaches.set(sources, (cache = new Map()));
  let word = cache.get(form);
  if (word) return word;
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  const lower = form.toLowerCase();
  const shape = wordShape(form);
  const lists = listsOf(form, lower, sources);
  word = {
    lower,
    shape,
    capitalised: /^\p{Lu}/u.test(form),
    lowerInitial: /^\p{Ll}/u.test(form),
    neverInName: !/\p{L}/u.test(form) || MARKUP.test(form) || (/^\p{Ll}/u.test(form) && !CONNECTORS.has(form) && !NAME_JOINERS.has(form)),
    own: [`w=${lower}`, `s=${shape}`, `p2=${lower.slice(0, 2)}`, `p3=${lower.slice(0, 3)}`, `x2=${lower.slice(-2)}`, `x3=${lower.slice(-3)}`, `x4=${lower.slice(-4)}`, ...lists],
    asPrevious: [`w-1=${lower}`, `s-1=${shape}`, ...lists.map((l) => `-1${l}`)],
    asNext: [`w+1=${lower}`, `s+1=${shape}`, ...lists.map((l) => `+1${l}`)],
    asSecondPrevious: `w-2=${lower}`,
    asSecondNext: `w+2=${lower}`,
    asFirst: `first|s=${shape}`,
  };
  cache.set(form, word);
  return word;
}

/** What the engine's lists know of a word: gazetteer type, given name, demonym, official, title, organization or place word, word class. */
function listsOf(form: string, lower: string, sources: FeatureSources): string[] {
  const { gazetteer, lexicon, knowledgeBase } = sources;
  const out: string[] = [];
  if (/^\p{Lu}/u.test(form)) {
    const place = gazetteer.lookupPlace(form);
    if (place) out.push(`g=${place.type}`);
    if (gazetteer.isGivenName(form)) out.push('g=given');
    if (gazetteer.countryOfDemonym(form)) out.push('g=demonym');
    if (knowledgeBase.findByName(form).length > 0) out.push('kb');
  }
  if (lexicon.isTitleWord(lower)) out.push('l=title');
  if (lexicon.honorifics.has(lower.replace(/\.$/, ''))) out.push('l=honorific');
  if (lexicon.organizationHeads.has(lower)) out.push('l=orghead');
  // "Lake", "Province", and "province" alike: a word that begins or ends the name of a place.
  const capitalised = lower.charAt(0).toUpperCase() + lower.slice(1);
  if (lexicon.placeWordsBefore.has(capitalised)) out.push('l=placebefore');
  if (lexicon.placeWordsAfter.has(capitalised)) out.push('l=placeafter');
  if (lexicon.isDateWord(lower)) out.push('l=date');
  else if (lexicon.isFunctionWord(lower)) out.push('l=function');
  else if (lexicon.isKnownNamePart(lower)) out.push('l=namepart');
  else if (lexicon.isCommonWord(lower)) out.push('l=common');
  return out;
}

/**
 * Feature strings of a prefix and up to three parts (the rules' tags around a word) made once and
 * found again by their parts, so no key string is built to look them up. The cache starts afresh
 * past a bound.
 */
class FeatureStrings {
  private readonly byPrefix = new Map<string, Map<string, Map<string, Map<string, string>>>>();
  private count = 0;

  get(prefix: string, a: string, b = '', c = ''): string {
    let level1 = this.byPrefix.get(prefix);
    if (!level1) this.byPrefix.set(prefix, (level1 = new Map()));
    let level2 = level1.get(a);
    if (!level2) level1.set(a, (level2 = new Map()));
    let level3 = level2.get(b);
    if (!level3) level2.set(b, (level3 = new Map()));
    let feature = level3.get(c);
    if (feature === undefined) {
      if (++this.count > FEATURE_STRING_LIMIT) {
        this.byPrefix.clear();
        this.count = 0;
      }
      feature = prefix + [a, b, c].filter((part, k) => k === 0 || part !== '').join('|');
      level3.set(c, feature);
    }
    return feature;
  }
}
const FEATURE_STRING_LIMIT = 30_000;
const featureStrings = new FeatureStrings();

const EDGE_BEFORE = { asPrevious: ['w-1=<s>', 's-1=<s>'], asSecondPrevious: 'w-2=<s>', lower: '<s>', shape: '<s>' };
const EDGE_AFTER = { asNext: ['w+1=</s>', 's+1=</s>'], asSecondNext: 'w+2=</s>', lower: '</s>', shape: '</s>' };

/**
 * Each token's features: the word and its shape, prefixes and suffixes, neighbours and their
 * shapes, membership in the engine's lists, sentence position, how the same word is written
 * elsewhere in the article, and the rules' own proposal around it.
 */
export function articleFeatures(tokenized: Tokenized, ruleMentions: readonly Mention[], sources: FeatureSources): ArticleFeatures {
  const { gazetteer } = sources;
  const tokens = tokenized.tokens;
  const forms = normalCaseForms(tokenized, sources.lexicon);
  const words = forms.map((form) => wordFeatures(form, sources));
  const lowers = words.map((w) => w.lower);
  const shapes = words.map((w) => w.shape);
  const rules = ruleTags(tokens.length, ruleMentions);

  // How each word is written elsewhere: capitalised where no sentence starts, and in lower case.
  const capitalisedInside = new Set<string>();
  const lowerSomewhere = new Set<string>();
  const ruleKindsOf = new Map<string, Set<string>>();
  for (const sentence of tokenized.sentences) {
    for (let i = sentence.first; i < sentence.last; i++) {
      if (words[i].lowerInitial) lowerSomewhere.add(lowers[i]);
      else if (i > sentence.first && words[i].capitalised) capitalisedInside.add(lowers[i]);
      if (rules[i] !== 'O') {
        const kinds = ruleKindsOf.get(lowers[i]) ?? new Set<string>();
        kinds.add(rules[i].slice(2));
        ruleKindsOf.set(lowers[i], kinds);
      }
    }
  }

  const features: string[][] = [];
  const groups: Array<Array<readonly string[]>> = [];
  const nameBreaks = new Array<boolean>(tokens.length).fill(false);
  const earlier = new Int32Array(tokens.length).fill(-1);
  const lastSeen = new Map<string, number>();
  // A lower-case word is part of a name only as a connector ("Bank of England") or the rest of a
  // hyphenated word ("Il-sung"), and a number or a symbol never is; any other is outside every
  // name and is not scored at all.
  const possessive = forms.map((form, i) => form.length !== tokens[i].text.length);
  const outside = words.map((word, i) => word.neverInName && !(word.lowerInitial && i > 0 && tokens[i - 1].post === '-'));
  for (let i = 1; i < tokens.length; i++) {
    const post = tokens[i - 1].post;
    if (outside[i] || possessive[i - 1] || (post !== ' ' && NAME_BREAK.test(post))) nameBreaks[i] = true;
  }
  for (const sentence of tokenized.sentences) {
    nameBreaks[sentence.first] = true;
    const { first, last } = sentence;
    for (let i = first; i < last; i++) {
      const word = words[i];
      const { lower } = word;
      if (word.capitalised) {
        earlier[i] = lastSeen.get(lower) ?? -1;
        lastSeen.set(lower, i);
      }
      if (outside[i]) {
        groups.push(NO_GROUPS);
        features.push(NO_FEATURES);
        continue;
      }
      const previous = i > first ? words[i - 1] : EDGE_BEFORE;
      const next = i + 1 < last ? words[i + 1] : EDGE_AFTER;
      const rulePrevious = i > first ? rules[i - 1] : '<s>';
      const ruleNext = i + 1 < last ? rules[i + 1] : '</s>';
      groups.push([word.own, previous.asPrevious, next.asNext]);
      const f: string[] = ['bias'];
      f.push(
        i - 2 >= first ? words[i - 2].asSecondPrevious : EDGE_BEFORE.asSecondPrevious,
        i + 2 < last ? words[i + 2].asSecondNext : EDGE_AFTER.asSecondNext,
        punctuation('post=', tokens[i].post),
        featureStrings.get('r=', rules[i]),
        featureStrings.get('r-1=', rulePrevious, rules[i]),
        featureStrings.get('r+1=', rules[i], ruleNext),
      );
      if (i === first) f.push(word.asFirst);
      if (possessive[i]) f.push('possessive');
      if (forms[i] !== tokens[i].text) f.push('headline');
      if (word.capitalised) {
        f.push(DOC_FEATURES[(capitalisedInside.has(lower) ? 1 : 0) + (lowerSomewhere.has(lower) ? 2 : 0)]);
        const kinds = ruleKindsOf.get(lower);
        if (kinds) for (const kind of kinds) f.push(featureStrings.get('rdoc=', kind));
        // Two-word places ("New York", "Hong Kong") the gazetteer knows, seen from either word.
        if (i + 1 < last && next === words[i + 1] && words[i + 1].capitalised) {
          const pair = gazetteer.lookupPlace(`${forms[i]} ${forms[i + 1]}`);
          if (pair) f.push(`g2=${pair.type}|B`);
        }
        if (i > first && previous === words[i - 1] && words[i - 1].capitalised) {
          const pair = gazetteer.lookupPlace(`${forms[i - 1]} ${forms[i]}`);
          if (pair) f.push(`g2=${pair.type}|L`);
        }
      }
      features.push(f);
    }
  }
  return { features, groups, lowers, shapes, nameBreaks, earlier, outside };
}

const DOC_FEATURES = ['doc=', 'doc=C', 'doc=L', 'doc=CL'];
const NO_GROUPS: Array<readonly string[]> = [];
const NO_FEATURES: string[] = [];
