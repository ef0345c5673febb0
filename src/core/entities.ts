import { Gazetteer, PlaceEntry } from './gazetteer';
import { KnowledgeBase } from './knowledgeBase';
import { Lexicon } from './lexicon';
import { gapAfter, isAllCaps, isCapitalized, Token, Tokenized } from './tokens';
import { EntityKind } from './types';

/** One stretch of text that names a person, a place or an organization. */
export interface Mention {
  kind: EntityKind;
  start: number;
  end: number;
  text: string;
  /** Groups mentions of one entity: the canonical place name, the organization's text, or a person key. */
  key: string;
  /** First and one-past-last token of the name. */
  firstToken: number;
  lastToken: number;
  place?: PlaceEntry;
  /** A place named inside an organization's name ("Communist Party of China"). */
  nested?: boolean;
  /** A place the words around it name as one, whatever the name: "the village of Daret Azza", "Tafea province". */
  byContext?: boolean;
}

interface Word {
  token: Token;
  /** The word without a possessive ending. */
  word: string;
  end: number;
  lower: string;
  capitalized: boolean;
  /** A single capital letter used as an initial ("M. Atherton"). */
  initial: boolean;
  /** Punctuation after the word ends a run of names (comma, stop, bracket, quote, dash). */
  breakAfter: boolean;
  /** Joined to the next word by a hyphen with no space ("China-U.S.", "Jae-in"). */
  hyphenAfter: boolean;
  possessive: boolean;
}

/** Lower-case words that may stand inside a name: "Strait of Hormuz", "Zaid bin Sultan". */
export const CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'y', 'ben', 'abu', 'bint']);
/** One syllable of a romanised Korean or Chinese given name: "Il", "sung", "Gun", "mo", "hwan", "yeol", "kuo". */
/**
 * The longest names an article can hold: "Standing Committee of the Political Bureau of the
 * Communist Party of China Central Committee" is 14 words and 91 characters, and Welsh place names
 * reach 58 letters. Longer stretches are not names, and bounding runs keeps the finder linear.
 */
export const NAME_LIMITS = { words: 16, characters: 160, wordCharacters: 64 } as const;
const MAX_RUN_WORDS = NAME_LIMITS.words;

const NAME_SYLLABLE = /^[b-df-hj-np-tv-z]{0,3}[aeiou][aeiouwy]{0,2}(?:ng|[nmlkpth])?$/i;
/** Words after which a capitalised word is not a name on its own ("the Moon", "a Green MP"). */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
/** Month names that are also words or names ("in May", "since March"), which the lexicon does not tag as dates. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'ben', 'abu', 'bint', 'y']);

export interface EntityFinderOptions {
  gazetteer: Gazetteer;
  knowledgeBase: KnowledgeBase;
  lexicon?: Lexicon;
}

/** Finds person, place and organization mentions in tokenized text. */
export class EntityFinder {
  private readonly gazetteer: Gazetteer;
  private readonly kb: KnowledgeBase;
  private readonly lexicon: Lexicon;

  constructor(options: EntityFinderOptions) {
    this.gazetteer = options.gazetteer;
    this.kb = options.knowledgeBase;
    this.lexicon = options.lexicon ?? Lexicon.get();
  }

  /** The mentions in the article's sentences, or in those before the one `stopBefore` first says to stop at. */
  find(tokenized: Tokenized, stopBefore?: (sentenceIndex: number) => boolean): Mention[] {
    const words = tokenized.tokens.map((token, i) => this.describe(token, gapAfter(tokenized.tokens, i)));
    const mentions: Mention[] = [];
    const unresolved: Array<{ first: number; last: number }> = [];
    for (const [index, sentence] of tokenized.sentences.entries()) {
      if (stopBefore?.(index)) break;
      const headline = this.isHeadline(words, sentence.first, sentence.last);
      for (const run of this.runs(words, sentence.first, sentence.last, headline)) {
        this.segment(words, run.first, run.last, sentence.first, headline, mentions, unresolved);
      }
    }
    this.resolveByDocument(words, mentions, unresolved);
    return mentions.sort((a, b) => a.start - b.start);
  }

  private describe(token: Token, post: string): Word {
    const possessive = /['’]s$/.test(token.text) && token.text.length > 2;
    const word = possessive ? token.text.slice(0, -2) : token.text;
    const initial = /^\p{Lu}$/u.test(word) && post.startsWith('.');
    const hyphenAfter = /^[-‐‑]$/.test(post);
    const breakAfter = (!hyphenAfter && !initial && /[^\s]/.test(post.replace(/^\.(?=\s|$)/, isAbbreviation(word) ? '' : '.'))) || post.includes('\n');
    return {
      token,
      word,
      end: token.start + word.length,
      lower: word.toLowerCase(),
      // Markup or code inside a word ("Ab<img", "X](command:") never makes it part of a name, nor does
      //  a "word" longer than any name's, such as a pasted hash or a run of letters.
      capitalized: isCapitalized(word) && !/[<>[\]{}()=\\|*_`#@$%^~]/.test(word) && word.length <= NAME_LIMITS.wordCharacters,
      initial,
      breakAfter: breakAfter || possessive,
      hyphenAfter,
      possessive,
    };
  }

  /** Most letters of the sentence are capitals: a headline or a shouted dateline line. */
  private isHeadline(words: Word[], first: number, last: number): boolean {
    let letters = 0;
    let caps = 0;
    for (let i = first; i < last; i++) {
      if (!/\p{L}/u.test(words[i].word)) continue;
      letters++;
      if (isAllCaps(words[i].word) || words[i].word.length === 1) caps++;
    }
    return letters >= 3 && caps / letters > 0.6;
  }

  /** Maximal runs of capitalised words, joined by connectors ("Strait of Hormuz", "Zaid bin Sultan"). */
  private *runs(words: Word[], first: number, last: number, headline: boolean): Generator<{ first: number; last: number }> {
    let i = first;
    while (i < last) {
      if (!this.canStartRun(words, i, first, headline)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < last && j - i < MAX_RUN_WORDS && !words[j - 1].breakAfter) {
        if (words[j].capitalized && /\p{L}/u.test(words[j].word)) {
          j++;
          continue;
        }
        if (CONNECTORS.has(words[j].lower) && !words[j].breakAfter) {
          let k = j + 1;
          while (k < last && (CONNECTORS.has(words[k].lower) || words[k].lower === 'the') && !words[k].breakAfter && k - j < 3) k++;
          if (k < last && words[k].capitalized) {
            j = k + 1;
            continue;
          }
        }
        if (words[j - 1].hyphenAfter && /^\p{Ll}{1,3}$/u.test(words[j].word) && (!words[j].hyphenAfter || words[j + 1]?.capitalized)) {
          j++;
          continue;
        }
        // "Kim Il-sung", "Chung In-yong": a hyphenated given name after the family name.
        if (j - 1 > i && isGivenNameCompound(words, j - 1)) {
          j++;
          continue;
        }
        break;
      }
      yield { first: i, last: j };
      i = j;
    }
  }

  private canStartRun(words: Word[], i: number, sentenceFirst: number, headline: boolean): boolean {
    const w = words[i];
    if (!w.capitalized || !/\p{L}/u.test(w.word)) return false;
    if (headline) return true;
    if (this.isSentenceStart(words, i, sentenceFirst)) {
      return !this.lexicon.isFunctionWord(w.lower) || this.startsKnownName(words, i);
    }
    return true;
  }

  private isSentenceStart(words: Word[], i: number, sentenceFirst: number): boolean {
    return i === sentenceFirst || /["“(]\s*$/.test(words[i - 1]?.token.post ?? '') || /["“(]/.test(words[i].token.pre);
  }

  /** A sentence-initial capital that is also a common word can still begin a name ("Mark Rutte", "White House"). */
  private startsKnownName(words: Word[], i: number): boolean {
    const w = words[i];
    if (this.lexicon.isTitleWord(w.lower)) return true;
    if (this.gazetteer.lookupPlace(w.word)) return true;
    const next = words[i + 1];
    if (!next || w.breakAfter || !next.capitalized) return false;
    const pair = `${w.word} ${next.word}`;
    return this.gazetteer.lookupPlace(pair) !== undefined || this.kb.findByName(pair).length > 0 || this.lexicon.organizationNames.has(pair) || this.gazetteer.isGivenName(w.word);
  }

  /** Splits one run into organizations, titles, places and names, left to right. */
  private segment(words: Word[], first: number, last: number, sentenceFirst: number, headline: boolean, out: Mention[], unresolved: Array<{ first: number; last: number }>): void {
    let i = first;
    let titled = first > sentenceFirst && this.titleBefore(words, first);
    while (i < last) {
      const place = this.placeAt(words, i, last, headline);
      const organizationEnd = this.organizationAt(words, i, last);
      if (organizationEnd > i && (!place || organizationEnd > place.end)) {
        this.pushOrganization(words, i, organizationEnd, out);
        i = organizationEnd;
        titled = false;
        continue;
      }
      const titleEnd = this.titleAt(words, i, last);
      if (titleEnd === last && titleEnd - i === 1 && !titled) {
        // A lone title word may be a surname of someone named earlier ("Billie Jean King" ... "King said").
        unresolved.push({ first: i, last: titleEnd });
        i = titleEnd;
        continue;
      }
      if (titleEnd > i) {
        i = titleEnd;
        titled = true;
        continue;
      }
      if (place && !(titled && this.isNameStart(words, i))) {
        // After a title the place is what the post is of or to, and a name follows ("Ambassador to Athens Nazmi Akiman").
        const nameEnd = headline || titled ? place.end : this.compoundNameEnd(words, place.end, last);
        if (nameEnd > place.end) {
          this.pushOrganization(words, i, nameEnd, out);
          i = nameEnd;
          continue;
        }
        if (!this.isTeamInResults(words, place.entry, place.end)) {
          out.push({ ...this.mention('place', words, i, place.end, place.entry.name), place: place.entry });
        }
        i = place.end;
        continue;
      }
      const particleStartsName = NAME_PARTICLES.has(words[i].lower) && words[i].capitalized && i + 1 < last && !words[i].breakAfter;
      if (this.gazetteer.countryOfDemonym(words[i].word) || (CONNECTORS.has(words[i].lower) && !particleStartsName) || words[i].lower === 'the' || this.lexicon.isDateWord(words[i].lower)) {
        i++;
        continue;
      }
      if (!titled && this.isSentenceStart(words, i, sentenceFirst) && this.lexicon.isCommonWord(words[i].lower) && !this.startsKnownName(words, i)) {
        // "Officials said", "Wang said": only the rest of the article can tell a name from a word here.
        unresolved.push({ first: i, last: i + 1 });
        i++;
        continue;
      }
      const nameEnd = this.nameEnd(words, i, last, headline);
      const placeAfter = !headline && nameEnd < last && !words[nameEnd - 1].breakAfter && !words[nameEnd - 1].hyphenAfter ? this.placeAt(words, nameEnd, last, false) : undefined;
      if (placeAfter && !this.isPerson(words, i, nameEnd, titled)) {
        // "Tour de France", "Spartak Moscow": an unknown name run into a place names one thing.
        const end = this.compoundNameEnd(words, placeAfter.end, last);
        this.pushOrganization(words, i, end, out);
        i = end;
        titled = false;
        continue;
      }
      const feature = this.placeByFeatureWord(words, i, nameEnd);
      if (feature) {
        out.push({ ...this.mention('place', words, i, nameEnd, feature.name), place: feature });
        i = nameEnd;
        continue;
      }
      if (headline) {
        unresolved.push({ first: i, last: nameEnd });
      } else if (this.isPerson(words, i, nameEnd, titled)) {
        out.push(this.mention('person', words, i, nameEnd, ''));
      } else if (nameEnd - i === 1 || !this.looksLikeName(words, i, nameEnd)) {
        unresolved.push({ first: i, last: nameEnd });
      } else {
        out.push(this.mention('organization', words, i, nameEnd, this.text(words, i, nameEnd)));
      }
      titled = false;
      i = nameEnd;
    }
  }

  /**
   * A place followed by other capitalised words that are neither a title, a place nor a date
   * names something else: "U.S. Open", "Chicago Cubs", "Hong Kong Stock Exchange".
   */
  private compoundNameEnd(words: Word[], placeEnd: number, last: number): number {
    let j = placeEnd;
    while (j < last && !words[j - 1].breakAfter && !words[j - 1].hyphenAfter && words[j].capitalized && !CONNECTORS.has(words[j].lower)) {
      if (this.titleAt(words, j, last) > j || this.placeAt(words, j, last, false) || this.gazetteer.countryOfDemonym(words[j].word)) break;
      if (this.lexicon.isDateWord(words[j].lower) || this.gazetteer.isGivenName(words[j].word)) break;
      j++;
    }
    return j;
  }

  /** "Yangtze River", "Lake Victoria", "Ellis Park": a name the gazetteer lacks that a geographic word makes a place. */
  private placeByFeatureWord(words: Word[], first: number, last: number): PlaceEntry | undefined {
    if (last - first < 2) return undefined;
    const type = this.lexicon.placeWordsAfter.get(words[last - 1].word) ?? this.lexicon.placeWordsBefore.get(words[first].word);
    if (!type) return undefined;
    const name = this.text(words, first, last);
    return { name, type, country: null };
  }

  /** "Chicago 5 Montreal 3", "Surrey 342 for 6": a city or county in a results line is a team, not a place. */
  private isTeamInResults(words: Word[], entry: PlaceEntry, end: number): boolean {
    if (entry.type === 'country') return false;
    const next = words[end];
    return next !== undefined && /^\d{1,3}$/.test(next.word) && !words[end - 1].breakAfter;
  }

  private mention(kind: EntityKind, words: Word[], first: number, last: number, key: string): Mention {
    const start = words[first].token.start;
    const end = words[last - 1].end;
    return { kind, start, end, text: this.text(words, first, last), key, firstToken: first, lastToken: last };
  }

  private text(words: Word[], first: number, last: number): string {
    let text = '';
    for (let i = first; i < last; i++) {
      text += words[i].word;
      if (i < last - 1) text += this.separatorAfter(words[i]);
    }
    return text;
  }

  /** What joins a word to the next in a name: its trailing punctuation, any run of spaces as one. */
  private separatorAfter(word: Word): string {
    const post = word.token.post;
    return post === ' ' || post === '' ? post : post.replace(/\s+/g, ' ');
  }

  /** Known organizations, or a run whose last capitalised word is an organization word, with its "of ..." tail. */
  private organizationAt(words: Word[], i: number, last: number): number {
    for (let n = Math.min(8, last - i); n >= 1; n--) {
      if (this.lexicon.organizationNames.has(this.text(words, i, i + n))) return this.organizationTail(words, i + n, last);
    }
    let head = -1;
    for (let j = i; j < last; j++) {
      if (j > i && CONNECTORS.has(words[j].lower)) break;
      if (words[j].capitalized && this.lexicon.organizationHeads.has(words[j].lower) && !words[j].initial) head = j;
      if (words[j].breakAfter) break;
    }
    if (head < 0 || head === i) return i;
    return this.organizationTail(words, head + 1, last);
  }

  /** "Bank of England", "Political Bureau of the Communist Party of China Central Committee". */
  private organizationTail(words: Word[], j: number, last: number): number {
    let end = j;
    while (end < last && (words[end].lower === 'of' || words[end].lower === 'for' || words[end].lower === 'on') && !words[end - 1].breakAfter) {
      let k = end + 1;
      if (k < last && words[k].lower === 'the') k++;
      let m = k;
      while (m < last && words[m].capitalized && !words[m - 1].breakAfter) {
        m++;
        if (words[m - 1].breakAfter) break;
      }
      if (m === k) break;
      end = m;
    }
    while (end < last && words[end].capitalized && this.lexicon.organizationHeads.has(words[end].lower) && !words[end - 1].breakAfter) end++;
    return end;
  }

  /** An organization, and the places its name names ("Communist Party of China"), which still name those places. */
  private pushOrganization(words: Word[], first: number, last: number, out: Mention[]): void {
    out.push(this.mention('organization', words, first, last, this.text(words, first, last)));
    for (let i = first; i < last; i++) {
      const place = this.placeAt(words, i, last, false);
      if (!place) continue;
      out.push({ ...this.mention('place', words, i, place.end, place.entry.name), place: place.entry, nested: true });
      i = place.end - 1;
    }
  }

  /** Capitalised title words inside a run ("Deputy Secretary of State"), ending before a name. */
  private titleAt(words: Word[], i: number, last: number): number {
    let j = i;
    let sawHead = false;
    while (j < last) {
      const lower = words[j].lower;
      if (this.lexicon.titleHeads.has(lower) || this.lexicon.titleModifiers.has(lower) || this.lexicon.honorifics.has(lower.replace(/\.$/, ''))) {
        sawHead ||= this.lexicon.titleHeads.has(lower) || this.lexicon.honorifics.has(lower);
        j++;
        if (words[j - 1].breakAfter) break;
        continue;
      }
      if (sawHead && lower === 'of' && j + 1 < last) {
        const place = this.placeAt(words, j + 1, last, false);
        const k = place ? place.end : j + 2;
        if (place || this.lexicon.titleModifiers.has(words[j + 1].lower) || this.lexicon.titleHeads.has(words[j + 1].lower)) {
          j = k;
          continue;
        }
        // "Minister of Islamic Affairs": a portfolio whose last word is a title word.
        const portfolioEnd = j + 3;
        if (portfolioEnd <= last && !words[j + 1].breakAfter && words[j + 1].capitalized && this.lexicon.titleModifiers.has(words[j + 2].lower)) {
          j = portfolioEnd;
          continue;
        }
      }
      break;
    }
    if (!sawHead || j === i) return i;
    if (j === last && j - i === 1 && !this.lexicon.honorifics.has(words[i].lower)) return i;
    return j;
  }

  /** A title, an honorific or a kinship word right before the run; or "Ambassador to", whose place the name follows. */
  private titleBefore(words: Word[], first: number): boolean {
    const prev = words[first - 1];
    if (!prev || prev.breakAfter) return false;
    if (prev.lower === 'to') return first > 1 && !words[first - 2].breakAfter && this.lexicon.titleHeads.has(words[first - 2].lower);
    return this.lexicon.titleHeads.has(prev.lower) || this.lexicon.honorifics.has(prev.lower) || this.lexicon.kinship.has(prev.lower);
  }

  private placeAt(words: Word[], i: number, last: number, headline: boolean): { entry: PlaceEntry; end: number } | undefined {
    // No place runs across a break: the forms to try are the stretches up to the first one, built once.
    let max = 1;
    while (max < Math.min(this.gazetteer.maxPlaceTokens, last - i) && !words[i + max - 1].breakAfter) max++;
    const forms = [words[i].word];
    for (let n = 2; n <= max; n++) forms.push(forms[n - 2] + this.separatorAfter(words[i + n - 2]) + words[i + n - 1].word);
    for (let n = max; n >= 1; n--) {
      const form = forms[n - 1];
      if (!headline && !/\p{Lu}/u.test(form)) continue;
      // "The Hague", "The Gambia": the article is part of the name only where the rest names no place.
      if (words[i].lower === 'the' && (n === 1 || !words[i].capitalized || this.gazetteer.lookupPlace(this.text(words, i + 1, i + n)))) return undefined;
      const entry = this.gazetteer.lookupPlace(form);
      if (entry) {
        if (n === 1 && this.isPartOfPersonName(words, i, last)) return undefined;
        return { entry, end: i + n };
      }
    }
    return undefined;
  }

  /** "George Washington", "Jack London": a place word right after a given name is a surname. */
  private isPartOfPersonName(words: Word[], i: number, last: number): boolean {
    const prev = words[i - 1];
    if (prev && !prev.breakAfter && prev.capitalized && (this.gazetteer.isGivenName(prev.word) || prev.initial)) return true;
    const next = words[i + 1];
    if (i + 1 < last && !words[i].breakAfter && !words[i].hyphenAfter && next.capitalized && !this.gazetteer.lookupPlace(next.word)) {
      return this.gazetteer.isGivenName(words[i].word) || this.kb.findByName(`${words[i].word} ${next.word}`).length > 0;
    }
    return false;
  }

  private isNameStart(words: Word[], i: number): boolean {
    return this.gazetteer.isGivenName(words[i].word) && i + 1 < words.length && words[i + 1].capitalized && !words[i].breakAfter;
  }

  /** Where a personal or unknown name that starts at i ends: before a title, organization or place. */
  private nameEnd(words: Word[], i: number, last: number, headline: boolean): number {
    let j = i + 1;
    while (j < last && !words[j - 1].breakAfter) {
      if (this.organizationAt(words, j, last) > j) break;
      if (NAME_PARTICLES.has(words[j].lower) || words[j - 1].hyphenAfter) {
        j++;
        continue;
      }
      if (!words[j].capitalized) break;
      if (j - i >= 4) break;
      if (!NAME_PARTICLES.has(words[j - 1].lower) && this.titleAt(words, j, last) > j) break;
      // "Cofinec CEO Stephen Frater": a given name and surname after other words start a new name.
      if (this.gazetteer.isGivenName(words[j].word) && !this.gazetteer.isGivenName(words[i].word) && !words[i].initial && j + 1 < last && words[j + 1].capitalized && !words[j].breakAfter) break;
      // "Tony Blair George Bush", "Joe Biden Xi Jinping": a known full name is complete, and the next name is someone else.
      if (j - i >= 2 && this.startsAnotherName(words, j, last) && this.kb.findByName(this.text(words, i, j)).length > 0) break;
      if (this.gazetteer.countryOfDemonym(words[j].word) && !words[j - 1].hyphenAfter) break;
      const personal = this.gazetteer.isGivenName(words[i].word) || words[i].initial || (j === i + 1 && this.lexicon.familyNamesFirst.has(words[i].word));
      if (this.placeAt(words, j, last, headline) && !personal && !this.kb.findByName(this.text(words, i, j + 1)).length) break;
      j++;
    }
    return j;
  }

  private startsAnotherName(words: Word[], j: number, last: number): boolean {
    return this.isNameStart(words, j) || (j + 2 <= last && !words[j].breakAfter && this.kb.findByName(this.text(words, j, j + 2)).length > 0);
  }

  private isPerson(words: Word[], first: number, last: number, titled: boolean): boolean {
    const text = this.text(words, first, last);
    const length = last - first;
    if (this.isKnownOfficial(words, first, last, text)) return true;
    if (length === 1 && words[first].word.length === 1) return false;
    if (titled) return true;
    const head = words[first];
    if (length >= 2 && (this.gazetteer.isGivenName(head.word) || head.initial)) return true;
    if (length >= 2 && this.lexicon.familyNamesFirst.has(head.word) && (!this.lexicon.isCommonWord(words[first + 1].lower) || isGivenNameCompound(words, first + 1))) return true;
    if (length >= 2 && this.looksLikeName(words, first, last) && !this.anyOrganizationWord(words, first, last)) return true;
    // "Duran, 45, takes on ...": an age in apposition follows only people.
    if (length === 1 && /^\s*,\s*$/.test(words[first].token.post) && /^\d{1,3}$/.test(words[last]?.word ?? '') && /^\s*,/.test(words[last]?.token.post ?? '')) return !this.lexicon.isCommonWord(head.lower);
    return false;
  }

  /** An official's name or alias; a one-word alias that is also an English word ("May", "Brown") must stand alone mid-sentence. */
  private isKnownOfficial(words: Word[], first: number, last: number, text: string): boolean {
    if (last - first === 1 && this.lexicon.isCommonWord(words[first].lower) && !standsAlone(words, first)) return false;
    return this.kb.findByName(text).length > 0;
  }

  /** No part is an ordinary English word: names are mostly words a dictionary does not have. */
  private looksLikeName(words: Word[], first: number, last: number): boolean {
    for (let i = first; i < last; i++) {
      const w = words[i];
      if (NAME_PARTICLES.has(w.lower) || w.initial || inGivenNameCompound(words, i)) continue;
      if (this.lexicon.isCommonWord(w.lower) && !this.lexicon.isKnownNamePart(w.lower) && !this.gazetteer.isGivenName(w.word)) return false;
    }
    return true;
  }

  private anyOrganizationWord(words: Word[], first: number, last: number): boolean {
    for (let i = first; i < last; i++) if (this.lexicon.organizationHeads.has(words[i].lower)) return true;
    return false;
  }

  /** Only a surname of someone named in full turns a place-like word into a person ("Michael Jordan" ... "Jordan"). */
  private isFullPersonName(mentions: Mention[], place: Mention): boolean {
    return !mentions.some((m) => m.kind === 'person' && m.lastToken - m.firstToken > 1 && m.text.toUpperCase().split(/\s+/).includes(place.text.toUpperCase()));
  }

  /**
   * A later "Blinken" or "Xi" refers to the person named in full earlier; a name seen as a
   * person or place anywhere in the article is that everywhere (headlines included).
   */
  private resolveByDocument(words: Word[], mentions: Mention[], unresolved: Array<{ first: number; last: number }>): void {
    const personParts = new Map<string, number>();
    const known = new Map<string, EntityKind>();
    for (const m of mentions) {
      if (m.kind === 'person') {
        for (let i = m.firstToken; i < m.lastToken; i++) {
          const w = words[i];
          if (!NAME_PARTICLES.has(w.lower) && !w.initial) personParts.set(w.word.toUpperCase(), (personParts.get(w.word.toUpperCase()) ?? 0) + 1);
        }
      }
      if (!m.nested) known.set(m.text.toUpperCase(), m.kind);
    }
    for (const [part] of personParts) if (known.get(part) === 'place') known.set(part, 'person');
    const placeAt = new Map(mentions.filter((m) => m.kind === 'place').map((m) => [m.firstToken, m]));
    const located = new Map<string, PlaceEntry>();
    for (const { first, last } of unresolved) {
      // "TAVILDARA, Tajikistan", "Bistrita, Romania": a name followed by its country is a place there.
      const country = placeAt.get(last);
      if (!country?.place || !['country', 'region'].includes(country.place.type) || !/^\s*,\s*$/.test(words[last - 1].token.post)) continue;
      const text = this.text(words, first, last);
      if (this.lexicon.isCommonWord(words[first].lower) && last - first === 1) continue;
      const name = isAllCaps(text) ? titleCase(text) : text;
      located.set(text.toUpperCase(), { name, type: 'city', country: country.place.type === 'country' ? country.place.name : country.place.country });
      known.set(text.toUpperCase(), 'place');
    }
    for (const m of mentions) {
      if (m.kind === 'place' && m.lastToken - m.firstToken === 1 && personParts.has(m.text.toUpperCase()) && !this.isFullPersonName(mentions, m)) {
        m.kind = 'person';
        m.key = '';
        delete m.place;
      }
    }
    for (const { first, last } of unresolved) {
      const text = this.text(words, first, last).toUpperCase();
      const shouted = isAllCaps(this.text(words, first, last));
      if (shouted && last - first === 1 && this.lexicon.isCommonWord(words[first].lower)) continue;
      const kind = known.get(text) ?? (last - first === 1 && personParts.has(text) ? 'person' : undefined);
      if (kind === 'person') {
        mentions.push(this.mention('person', words, first, last, ''));
      } else if (kind === 'place') {
        const entry = this.gazetteer.lookupPlace(this.text(words, first, last)) ?? located.get(text);
        if (entry) mentions.push({ ...this.mention('place', words, first, last, entry.name), place: entry });
      } else if (kind === 'organization') {
        mentions.push(this.mention('organization', words, first, last, this.text(words, first, last)));
      } else if (this.isKnownOfficial(words, first, last, this.text(words, first, last)) && !isAllCaps(words[first].word)) {
        mentions.push(this.mention('person', words, first, last, ''));
      }
    }
  }
}

/**
 * A capitalised word between lowercase words of one clause ("Blair told Bush that"): neither a
 * sentence start, a heading nor part of a longer name explains the capital, so it is a proper noun.
 */
function standsAlone(words: Word[], k: number): boolean {
  const prev = words[k - 1];
  const next = words[k + 1];
  if (MONTHS.has(words[k].lower) || isAllCaps(words[k].word)) return false;
  // Not after a possessive's split-off "s" ("Britain 's Sun"), nor before a score or a day ("Park 3", "May 13").
  const prevIsLowercaseWord = prev !== undefined && !prev.breakAfter && /^\p{Ll}{2,}/u.test(prev.word) && !DETERMINERS.has(prev.lower);
  return prevIsLowercaseWord && (words[k].breakAfter || next === undefined || (!next.capitalized && !/^\d/.test(next.word)));
}

/** Word k and the next, joined by a hyphen, are the syllables of one given name ("Il-sung", "Gun-mo"), not two names. */
function isGivenNameCompound(words: Word[], k: number): boolean {
  const next = words[k + 1];
  return words[k].capitalized && words[k].hyphenAfter && next !== undefined && /^\p{Ll}/u.test(next.word) && NAME_SYLLABLE.test(words[k].word) && NAME_SYLLABLE.test(next.word);
}

function inGivenNameCompound(words: Word[], k: number): boolean {
  return isGivenNameCompound(words, k) || (k > 0 && isGivenNameCompound(words, k - 1));
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function isAbbreviation(word: string): boolean {
  return /^(?:\p{Lu}\.)+\p{Lu}?$/u.test(word) || /^(Mr|Mrs|Ms|Dr|St|Gen|Adm|Col|Lt|Capt|Sgt|Maj|Rep|Sen|Gov|Prof|Rev|Jr|Sr|Mt|Ft|No|Co|Corp|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec)$/.test(word);
}
