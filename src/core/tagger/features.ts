import { CONNECTORS, Mention } from '../entities';
import { Gazetteer } from '../gazetteer';
import { KnowledgeBase } from '../knowledgeBase';
import { Lexicon } from '../lexicon';
import { Tokenized } from '../tokens';
import { TaggerSequence } from './perceptron';

/** What the features read besides the text: the engine's own lists. */
export interface FeatureSources {
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  knowledgeBase: KnowledgeBase;
}

/**
 * The features of every token of one article before any tag is chosen, with what the tags
 * chosen so far are read against: where sentences start, and where the same capitalised word
 * was last seen (a surname after a full name is tagged as the full name was).
 */
export interface ArticleFeatures extends TaggerSequence {
  lowers: string[];
  shapes: string[];
  /** No name runs into the token from the one before: a sentence or a line starts, punctuation stands between (a comma, a bracket, a spaced dash), or the word before ends in a possessive ("Obama's China trip"). */
  nameBreaks: boolean[];
  /** The position of the last earlier capitalised token with the same word, or -1. */
  earlier: Int32Array;
}

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

const punctuationOf = (s: string) => s.replace(/\s+/g, '').slice(0, 2);

/**
 * Each token's features: the word and its shape, prefixes and suffixes, neighbours and their
 * shapes, membership in the engine's lists, sentence position, how the same word is written
 * elsewhere in the article, and the rules' own proposal around it.
 */
export function articleFeatures(tokenized: Tokenized, ruleMentions: readonly Mention[], sources: FeatureSources): ArticleFeatures {
  const { gazetteer, lexicon, knowledgeBase } = sources;
  const tokens = tokenized.tokens;
  const forms = normalCaseForms(tokenized, lexicon);
  const lowers = forms.map((f) => f.toLowerCase());
  const shapes = forms.map(wordShape);
  const rules = ruleTags(tokens.length, ruleMentions);

  // How each word is written elsewhere: capitalised where no sentence starts, and in lower case.
  const capitalisedInside = new Set<string>();
  const lowerSomewhere = new Set<string>();
  const ruleKindsOf = new Map<string, Set<string>>();
  for (const sentence of tokenized.sentences) {
    for (let i = sentence.first; i < sentence.last; i++) {
      const form = forms[i];
      if (/^\p{Ll}/u.test(form)) lowerSomewhere.add(lowers[i]);
      else if (i > sentence.first && /^\p{Lu}/u.test(form)) capitalisedInside.add(lowers[i]);
      if (rules[i] !== 'O') {
        const kinds = ruleKindsOf.get(lowers[i]) ?? new Set<string>();
        kinds.add(rules[i].slice(2));
        ruleKindsOf.set(lowers[i], kinds);
      }
    }
  }

  const listsOf = (i: number): string[] => {
    const form = forms[i];
    const lower = lowers[i];
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
  };
  const lists = forms.map((_, i) => listsOf(i));

  const features: string[][] = [];
  const nameBreaks = new Array<boolean>(tokens.length).fill(false);
  const earlier = new Int32Array(tokens.length).fill(-1);
  const lastSeen = new Map<string, number>();
  for (let i = 1; i < tokens.length; i++) {
    if (POSSESSIVE.test(tokens[i - 1].text) || NAME_BREAK.test(tokens[i - 1].post)) nameBreaks[i] = true;
    // A lower-case word goes on a name only as a connector ("Bank of England") or the rest of a hyphenated word ("Il-sung").
    else if (/^\p{Ll}/u.test(tokens[i].text) && !CONNECTORS.has(tokens[i].text) && !NAME_JOINERS.has(tokens[i].text) && tokens[i - 1].post !== '-') nameBreaks[i] = true;
  }
  for (const sentence of tokenized.sentences) {
    nameBreaks[sentence.first] = true;
    const { first, last } = sentence;
    const at = <T>(values: T[], i: number, edge: T): T => (i >= first && i < last ? values[i] : edge);
    for (let i = first; i < last; i++) {
      const lower = lowers[i];
      if (/^\p{Lu}/u.test(forms[i])) {
        earlier[i] = lastSeen.get(lower) ?? -1;
        lastSeen.set(lower, i);
      }
      const shape = shapes[i];
      const f: string[] = [
        'bias',
        `w=${lower}`,
        `s=${shape}`,
        `p2=${lower.slice(0, 2)}`,
        `p3=${lower.slice(0, 3)}`,
        `x2=${lower.slice(-2)}`,
        `x3=${lower.slice(-3)}`,
        `x4=${lower.slice(-4)}`,
        `w-1=${at(lowers, i - 1, '<s>')}`,
        `w+1=${at(lowers, i + 1, '</s>')}`,
        `w-2=${at(lowers, i - 2, '<s>')}`,
        `w+2=${at(lowers, i + 2, '</s>')}`,
        `s-1=${at(shapes, i - 1, '<s>')}`,
        `s+1=${at(shapes, i + 1, '</s>')}`,
        `s-1s+1=${at(shapes, i - 1, '<s>')}|${shape}|${at(shapes, i + 1, '</s>')}`,
        `w-1w=${at(lowers, i - 1, '<s>')}|${lower}`,
        `ww+1=${lower}|${at(lowers, i + 1, '</s>')}`,
        `pre=${punctuationOf(tokens[i].pre)}`,
        `post=${punctuationOf(tokens[i].post)}`,
        `r=${rules[i]}`,
        `r-1=${at(rules, i - 1, '<s>')}|${rules[i]}`,
        `r+1=${rules[i]}|${at(rules, i + 1, '</s>')}`,
      ];
      if (i === first) f.push(`first|s=${shape}`);
      if (POSSESSIVE.test(tokens[i].text)) f.push('possessive');
      if (forms[i] !== tokens[i].text) f.push('headline');
      if (/^\p{Lu}/u.test(forms[i])) {
        f.push(`doc=${capitalisedInside.has(lower) ? 'C' : ''}${lowerSomewhere.has(lower) ? 'L' : ''}`);
        const kinds = ruleKindsOf.get(lower);
        if (kinds) for (const kind of kinds) f.push(`rdoc=${kind}`);
      }
      for (const l of lists[i]) f.push(l);
      for (const l of i > first ? lists[i - 1] : []) f.push(`-1${l}`);
      for (const l of i + 1 < last ? lists[i + 1] : []) f.push(`+1${l}`);
      if (i + 1 < last) {
        const pair = gazetteer.lookupPlace(`${forms[i]} ${forms[i + 1]}`);
        if (pair) f.push(`g2=${pair.type}|B`);
      }
      if (i > first) {
        const pair = gazetteer.lookupPlace(`${forms[i - 1]} ${forms[i]}`);
        if (pair) f.push(`g2=${pair.type}|L`);
      }
      features.push(f);
    }
  }
  return { features, lowers, shapes, nameBreaks, earlier };
}
