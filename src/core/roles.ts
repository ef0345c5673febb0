import rolePatterns from '../../data/patterns/roles.json';
import { Mention } from './entities';
import { Gazetteer } from './gazetteer';
import { Lexicon } from './lexicon';
import { gapAfter, isCapitalized, Token } from './tokens';
import { Span } from './types';

/** A title of office the article gives a person, with the country it implies. */
export interface StatedTitle {
  title: string;
  country: string | null;
  span: Span;
  /** For a kinship title ("his wife Peng Liyuan"): the person it is relative to, completed once people are known. */
  relativeOf?: Mention;
}

/** A title phrase in the tokens: its words [first, last), and end, one past everything it took in. */
interface TitlePhrase {
  first: number;
  last: number;
  end: number;
  country: string | null;
  /** It took in another person's office, which is no part of it ("Aide to the President"). */
  otherOffice: boolean;
}

/** Characters of markup or code, which never belong to a title ("X](command:", "<img"). */
const MARKUP = /[<>[\]{}()=\\|*_`#@$%^~]/;
const SMALL_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'on', 'to', 'in']);
const APPOSITION_OPENERS = new Set(['also', 'a', 'an', 'the', 'who', 'is', 'was', 'as', 'now', 'then', 'currently', 'formerly']);
const CLAUSE_WORDS = new Set(['during', 'when', 'while', 'after', 'before', 'since', 'until', 'as', 'but', 'by', 'than', 'because', 'if', 'said', 'says', 'told', 'led', 'who', 'whose', 'whom', 'which', 'where', 'that', 'at', 'on', 'in', 'with', 'to', 'from', 'and']);
// Word lists from the rows of data/patterns/roles.json, whose "about" says what each use means.
const wordsFor = (use: string): Set<string> => new Set(rolePatterns.rows.filter((row) => row.use === use).flatMap((row) => row.words));
const ADDRESS_FORMS = wordsFor('addressForm');
const DESCRIPTIONS = wordsFor('description');
const DESCRIPTION_QUALIFIERS = wordsFor('descriptionQualifier');
const PRINCIPALS = wordsFor('principal');
const QUALIFIERS = wordsFor('qualifier');
const PREFIXES = wordsFor('prefix');
const DEPARTMENTS = wordsFor('department');
/** compromise tags of words that never qualify a title's head: function words, adjectives, past forms, numbers. */
const NOT_QUALIFYING = /(Determiner|Preposition|Conjunction|Pronoun|Possessive|Adverb|QuestionWord|Modal|Copula|Negative|Auxiliary|Expression|PastTense|Gerund|Participle|Adjective|Demonym|Actor|Value|Date)/;
/** Endings of adjectives and participles compromise does not list ("irresistible", "democratic", "sweeping"). */
const ADJECTIVE_ENDINGS = /(ible|able|ous|ive|ful|less|ic|ish|ian|ean|ese|ed|ing)$/;
/** Tags of words that are nouns inside a title ("mines minister") but verbs when they open one ("says minister"). */
const VERB_OR_NOUN = /(PresentTense|Infinitive|Verb)/;
/** The most tokens a title before a name spans ("Kenya's newly appointed ambassador to Canada"). */
const TITLE_REACH = 12;
/** The most words of an "of" or "for" tail, a name counting as one ("of fisheries, forests and rural development"). */
const TAIL_REACH = 10;
/** Parties before a title in an apposition ("the Social Democrat deputy chairman"), skipped to find it. */
const PARTY_REACH = 3;

/**
 * Reads titles of office around person mentions: before the name ("U.S. Deputy Secretary of
 * State James Steinberg", "President of Ukraine Volodymyr Zelenskyy", "the head of the central
 * bank, Ana Ruiz") and in an apposition after it ("Antonio Villaraigosa, mayor of Los Angeles").
 * A title is a run of title words with a head, after an optional country ("British", "South
 * Africa's"), and before optional tails ("of the Exchequer", "for Europe", "to Canada").
 */
export class RoleReader {
  /** The mention each token belongs to, so lookups stay constant-time in long articles. */
  private readonly mentionOfToken = new Map<number, Mention>();

  constructor(
    private readonly tokens: Token[],
    mentions: Mention[],
    private readonly gazetteer: Gazetteer,
    private readonly lexicon: Lexicon = Lexicon.get(),
  ) {
    for (const mention of mentions) {
      for (let i = mention.firstToken; i < mention.lastToken; i++) if (!this.mentionOfToken.has(i)) this.mentionOfToken.set(i, mention);
    }
  }

  /** Titles stated for one person mention, in reading order. */
  titlesOf(mention: Mention): StatedTitle[] {
    const titles: StatedTitle[] = [];
    const before = this.kinshipBefore(mention) ?? this.titleBefore(mention);
    if (before) titles.push(before);
    titles.push(...this.titlesAfter(mention));
    return titles;
  }

  private word(i: number): string {
    return this.tokens[i].text.replace(/['’]s$/, '');
  }

  private lower(i: number): string {
    return this.word(i).toLowerCase();
  }

  /** Punctuation other than a space or a hyphen sits between token i and the next. */
  private breaksAfter(i: number): boolean {
    const post = gapAfter(this.tokens, i);
    return /[^\s-]/.test(post.replace(/^\.(?=\s)/, /^(?:\p{Lu}\.)+$/u.test(this.word(i)) || this.tokens[i].text.endsWith('.') ? '' : '.')) || this.isPossessive(i);
  }

  /** "Sir", "Dr.", "H.E.": a form of address, with or without its stop. */
  private isAddressForm(i: number): boolean {
    return ADDRESS_FORMS.has(this.lower(i).replace(/\.$/, ''));
  }

  private isPossessive(i: number): boolean {
    return /['’]s$/.test(this.tokens[i].text);
  }

  private isComma(i: number): boolean {
    return gapAfter(this.tokens, i).trim() === ',';
  }

  private sameSentence(i: number, j: number): boolean {
    return j < this.tokens.length && this.tokens[i].sentence === this.tokens[j].sentence;
  }

  private mentionAt(i: number): Mention | undefined {
    return this.mentionOfToken.get(i);
  }

  /** "his wife Peng Liyuan": a kinship word after his/her names a relation to the person just before. */
  private kinshipBefore(mention: Mention): StatedTitle | undefined {
    const i = mention.firstToken - 1;
    if (i < 1 || !this.lexicon.kinship.has(this.lower(i)) || !/^(his|her)$/.test(this.lower(i - 1)) || this.breaksAfter(i)) return undefined;
    const sentence = this.tokens[i].sentence;
    // "his" refers to the sentence's subject, its first person, not to the nearest name.
    let relative: Mention | undefined;
    for (let t = i - 2; t >= 0 && this.tokens[t].sentence === sentence; t--) {
      const candidate = this.mentionAt(t);
      if (candidate?.kind === 'person' && candidate !== mention) relative = candidate;
    }
    if (!relative) return undefined;
    return { ...this.stated(i, i + 1, null), relativeOf: relative };
  }

  /**
   * A title right before the name ("Lord Chancellor Lord Brantwood"), or before it and a comma
   * when the name closes an apposition ("Portugal's director general for Africa, Ana Ruiz.").
   */
  private titleBefore(mention: Mention): StatedTitle | undefined {
    const nameStart = this.nameStart(mention);
    let addressed = nameStart;
    while (addressed > 0 && this.isAddressForm(addressed - 1) && this.sameSentence(addressed - 1, nameStart) && /^\.?\s+$/.test(gapAfter(this.tokens, addressed - 1))) addressed--;
    const phrase =
      (addressed < nameStart ? this.titleEndingAt(addressed, false) : undefined) ??
      this.titleEndingAt(nameStart, false) ??
      (this.closesApposition(mention) ? this.titleEndingAt(addressed, true) : undefined);
    if (!phrase) return undefined;
    return this.stated(phrase.first, phrase.last, phrase.country);
  }

  /**
   * Where the name proper starts: after capitalised common words the entity finder took into it
   * from a title's tail ("for International Economics Daleep Singh").
   */
  private nameStart(mention: Mention): number {
    const before = mention.firstToken - 1;
    let start = mention.firstToken;
    if (before < 0 || !/^(of|for)$/.test(this.lower(before)) || this.breaksAfter(before)) return start;
    while (start < mention.lastToken - 1 && this.isTailPartOfName(start) && !this.breaksAfter(start)) start++;
    return this.isTailPartOfName(mention.lastToken - 1) ? mention.firstToken : start;
  }

  /** The earliest title phrase that ends exactly at end, before a comma there when beforeComma. */
  private titleEndingAt(end: number, beforeComma: boolean): TitlePhrase | undefined {
    if (end === 0 || !this.sameSentence(end - 1, end)) return undefined;
    if (beforeComma ? !this.isComma(end - 1) : this.breaksAfter(end - 1)) return undefined;
    let start = end - 1;
    while (start > 0 && end - start < TITLE_REACH && this.sameSentence(start - 1, end)) start--;
    for (; start < end; start++) {
      const phrase = this.phraseAt(start, end);
      // Before a comma, "an aide to the President, Joe Biden" names the President.
      if (phrase && phrase.end === end && !(beforeComma && phrase.otherOffice)) return phrase;
    }
    return undefined;
  }

  /** The name ends a sentence or a clause set off by commas, as an apposition's name does. */
  private closesApposition(mention: Mention): boolean {
    const last = mention.lastToken - 1;
    return !this.sameSentence(last, last + 1) || /^\s*[,.;:!?)]/.test(gapAfter(this.tokens, last));
  }

  /** ", also a member of the Political Bureau ... and chief of the Chinese side of ..., led" */
  private titlesAfter(mention: Mention): StatedTitle[] {
    const last = mention.lastToken - 1;
    if (!/^\s*,\s*$/.test(this.tokens[last].post)) return [];
    let i = mention.lastToken;
    while (i < this.tokens.length && APPOSITION_OPENERS.has(this.lower(i)) && !this.breaksAfter(i)) i++;
    const titles: StatedTitle[] = [];
    while (i < this.tokens.length && this.sameSentence(last, i)) {
      const phrase = this.appositionAt(i);
      if (!phrase) break;
      titles.push(this.stated(phrase.first, phrase.last, phrase.country));
      i = phrase.end;
      if (i < this.tokens.length && this.lower(i) === 'and' && !this.breaksAfter(i - 1)) {
        i++;
        while (i < this.tokens.length && APPOSITION_OPENERS.has(this.lower(i))) i++;
        continue;
      }
      break;
    }
    return titles;
  }

  /**
   * An apposition's title from i, past a party name before it ("the Liberal co-chairman").
   * Not a title of the person before: one that runs into the next name ("Ellen Marsh, Energy
   * Secretary Carl Weber"), or one with an article that a verb follows, the subject of a
   * new clause ("Kofi Mensah, a ministry spokeswoman said"); "X, chairman of Y said" lacks a comma.
   */
  private appositionAt(i: number): TitlePhrase | undefined {
    const article = i > 0 && /^(a|an|the)$/.test(this.lower(i - 1));
    for (let start = i; start < i + PARTY_REACH && start < this.tokens.length; start++) {
      const phrase = this.phraseAt(start, this.tokens.length);
      if (phrase) {
        const next = phrase.end;
        const joined = next < this.tokens.length && this.sameSentence(start, next) && !this.breaksAfter(next - 1);
        if (joined && !phrase.otherOffice && this.mentionAt(next)?.kind === 'person') return undefined;
        if (joined && article && this.isFiniteVerb(next)) return undefined;
        return phrase;
      }
      if (!isCapitalized(this.tokens[start]) || this.mentionAt(start)?.kind === 'person' || this.breaksAfter(start)) return undefined;
    }
    return undefined;
  }

  /** A title phrase from start, all of it before limit: country, qualifiers, core, tails. */
  private phraseAt(start: number, limit: number): TitlePhrase | undefined {
    let i = start;
    let country: string | null = null;
    const marker = this.countryMarkerAt(i, limit);
    if (marker) {
      country = marker.country;
      i = marker.end;
      while (i < limit && this.sameSentence(start, i) && QUALIFIERS.has(this.lower(i)) && !this.breaksAfter(i)) i++;
    }
    if (i >= limit || !this.sameSentence(start, i)) return undefined;
    const core = this.coreAt(i, limit, start);
    if (!core) return undefined;
    let last = core.last;
    let end = core.last;
    let otherOffice = false;
    let tailStart = -1;
    while (end < limit && this.sameSentence(start, end) && !this.breaksAfter(end - 1)) {
      const preposition = this.lower(end);
      if (preposition !== 'of' && preposition !== 'for' && preposition !== 'to') break;
      // "Aide to the President John Smith" is the aide; in "spokesman for President Biden", Biden is the President.
      // A tail after the President's office ("Special Envoy of the Secretary-General for Yemen") keeps it in the title.
      const principal = this.principalAt(end + 1, limit);
      if (principal && !principal.afterArticle) break;
      if (principal) {
        end = principal.end;
        otherOffice = true;
        continue;
      }
      const tailEnd = preposition === 'to' ? this.postingEnd(end + 1, limit) : this.tailEnd(end + 1, limit);
      if (tailEnd === end + 1) break;
      tailStart = preposition === 'to' ? -1 : end;
      end = last = tailEnd;
      otherOffice = false;
    }
    // "President of Ukraine", "Minister of Foreign Affairs of India": the last tail may end with the country.
    const named = tailStart >= 0 ? this.countryEnding(tailStart, last) : undefined;
    if (named) {
      country ??= named.country;
      last = named.of;
    }
    return { first: core.first, last, end, country, otherOffice };
  }

  /** A country or a country's institution whose office follows: "British", "Kenya's", "U.S.", "White House". */
  private countryMarkerAt(i: number, limit: number): { country: string | null; end: number } | undefined {
    const mention = this.mentionAt(i);
    let marker: { country: string | null; end: number } | undefined;
    if (mention) {
      if (mention.kind === 'person' || mention.firstToken !== i || mention.lastToken > limit || this.isTitleWords(mention)) return undefined;
      if (mention.kind === 'place') marker = { country: this.countryOfMention(mention), end: mention.lastToken };
      else if (mention.kind === 'organization' && this.lexicon.organizationCountry.has(mention.text)) marker = { country: this.countryOfMention(mention), end: mention.lastToken };
    } else {
      const pair = i + 1 < limit && !this.breaksAfter(i) ? this.gazetteer.countryOfDemonym(`${this.word(i)} ${this.word(i + 1)}`) : undefined;
      const single = this.gazetteer.countryOfDemonym(this.word(i)) ?? (this.isPossessive(i) ? this.gazetteer.canonicalCountry(this.word(i)) : undefined);
      if (pair) marker = { country: pair, end: i + 2 };
      else if (single) marker = { country: single, end: i + 1 };
    }
    if (!marker) return undefined;
    const gap = gapAfter(this.tokens, marker.end - 1);
    if (marker.end < limit && this.isDetachedPossessive(marker.end)) marker.end++;
    // "WASHINGTON - Aide to ...": a dateline's place is not the office's country.
    else if (/\s-/.test(gap) || (this.breaksAfter(marker.end - 1) && !this.isPossessive(marker.end - 1))) return undefined;
    return marker.end < limit ? marker : undefined;
  }

  /**
   * Title words with a head, after words that qualify it: "Deputy National Security Advisor",
   * "fisheries and mines minister", "Cabinet Office Minister". Common words that qualify the head are
   * one, or one more for each "and"; they share the head's case ("Liberal co-chairman" gives
   * "Co-Chairman") and open a noun phrase, so a run of nouns before the head is not a title.
   */
  private coreAt(start: number, limit: number, phraseStart = start): { first: number; last: number } | undefined {
    let i = start;
    let head = -1;
    let describes = true;
    let qualifiesDescription = false;
    let conjunctions = 0;
    const common: number[] = [];
    while (i < limit && i - start < TITLE_REACH && this.sameSentence(start, i)) {
      const kind = this.titleWordKind(i);
      if (kind) {
        if (kind === 'head') {
          head = i;
          describes &&= DESCRIPTIONS.has(this.lower(i));
        } else qualifiesDescription ||= DESCRIPTION_QUALIFIERS.has(this.lower(i));
        i++;
        if (this.breaksAfter(i - 1)) break;
        continue;
      }
      if (head >= 0) break;
      if (this.lower(i) === 'and' && i > start) {
        conjunctions++;
        i++;
        continue;
      }
      const department = this.departmentEnd(i, limit);
      if (department > 0) {
        i = department;
        continue;
      }
      if (!this.isQualifyingWord(i, i === start) || this.breaksAfter(i)) return undefined;
      common.push(i);
      i++;
    }
    if (head < 0 || (describes && !qualifiesDescription) || common.length > 1 + conjunctions) return undefined;
    if (common.length > 0 && !this.opensNounPhrase(phraseStart)) return undefined;
    const headCapitalized = isCapitalized(this.tokens[head]);
    if (common.some((q) => !this.opensSentence(q) && isCapitalized(this.tokens[q]) !== headCapitalized)) return undefined;
    return { first: start, last: i };
  }

  /** A title head or modifier, or a hyphened one ("co-chairman", "ex-foreign"); not inside another name. */
  private titleWordKind(i: number): 'head' | 'modifier' | undefined {
    const mention = this.mentionAt(i);
    if (mention && (mention.kind === 'person' || !this.isTitleWords(mention))) return undefined;
    const lower = this.lower(i);
    if (this.lexicon.notTitles.has(lower)) return undefined;
    if (this.lexicon.titleHeads.has(lower)) return 'head';
    if (this.lexicon.titleModifiers.has(lower)) return 'modifier';
    const parts = lower.split('-');
    const base = parts.pop()!;
    if (parts.length === 0 || !parts.every((p) => PREFIXES.has(p) || this.lexicon.titleModifiers.has(p))) return undefined;
    if (this.lexicon.titleHeads.has(base)) return 'head';
    return this.lexicon.titleModifiers.has(base) ? 'modifier' : undefined;
  }

  /** A name made only of title words ("Treasury") is read as title words. */
  private isTitleWords(mention: Mention): boolean {
    for (let i = mention.firstToken; i < mention.lastToken; i++) if (!this.lexicon.isTitleWord(this.lower(i))) return false;
    return true;
  }

  /** "Cabinet Office", "Foreign Ministry" from i: a government department, which names the post after it. */
  private departmentEnd(i: number, limit: number): number {
    const mention = this.mentionAt(i);
    const department =
      mention?.kind === 'organization' &&
      mention.firstToken === i &&
      mention.lastToken < limit &&
      !this.lexicon.organizationCountry.has(mention.text) &&
      DEPARTMENTS.has(this.lower(mention.lastToken - 1));
    return department ? mention.lastToken : -1;
  }

  /** A common noun that may qualify a title's head ("public works minister"); not a name, country, function word or adjective. */
  private isQualifyingWord(i: number, opensTitle: boolean): boolean {
    const word = this.word(i);
    const lower = word.toLowerCase();
    if (this.mentionAt(i) || word.length < 3 || !/^\p{L}+$/u.test(word) || QUALIFIERS.has(lower) || this.isAddressForm(i) || this.lexicon.notTitles.has(lower)) return false;
    // "right-wing Prime Minister", "Soviet-era President": the word ends a compound adjective.
    if (i > 0 && gapAfter(this.tokens, i - 1) === '-') return false;
    if (!this.lexicon.isCommonWord(lower) || this.lexicon.isDateWord(lower) || this.gazetteer.countryOfDemonym(word) || this.gazetteer.canonicalCountry(word)) return false;
    const tag = this.lexicon.tagOf(lower);
    if (tag === undefined) return !ADJECTIVE_ENDINGS.test(lower);
    return !NOT_QUALIFYING.test(tag) && !(opensTitle && VERB_OR_NOUN.test(tag));
  }

  /** The word before i ends what came before: a sentence start, punctuation, a function word or a possessive. */
  private opensNounPhrase(i: number): boolean {
    if (this.opensSentence(i) || this.breaksAfter(i - 1) || this.isDetachedPossessive(i - 1)) return true;
    return this.lexicon.isFunctionWord(this.lower(i - 1)) && !this.mentionAt(i - 1);
  }

  /** "Iran 's": a possessive ending written apart, as tokenized corpora do. */
  private isDetachedPossessive(i: number): boolean {
    return this.tokens[i].text === 's' && /['’]$/.test(this.tokens[i].pre + (this.tokens[i - 1]?.post ?? ''));
  }

  /** The first word of a sentence, a quotation or a dateline's text, which is capitalised whatever it is. */
  private opensSentence(i: number): boolean {
    return i === 0 || !this.sameSentence(i - 1, i) || /["“(:—–-]\s*$/.test(gapAfter(this.tokens, i - 1));
  }

  /** One past the last word of an "of" or "for" tail from i ("the Exchequer", "fisheries, forests and rural development"); i if none. */
  private tailEnd(i: number, limit: number): number {
    let k = i;
    let words = 0;
    let lowercase = false;
    let inList = false;
    while (k < limit && this.sameSentence(i - 1, k) && words < TAIL_REACH) {
      const lower = this.lower(k);
      const name = this.mentionAt(k);
      words++;
      if (name && name.kind !== 'person' && name.firstToken === k && name.lastToken <= limit) {
        // A name is one word of the tail, however long ("the Political Bureau of the ... Central Committee").
        k = name.lastToken;
        lowercase = false;
      } else if (lower === 'and') {
        // "head of the bank and chairman of ...": what follows "and" is another title.
        if (k === i || !this.isTailWord(k + 1, true) || this.coreAt(k + 1, limit)) break;
        inList = true;
        k++;
      } else if (!this.isTailWord(k, inList)) break;
      else {
        // "the head of the delegation Foreign Minister ...": a capitalised title after lowercase words is another's.
        const capitalized = isCapitalized(this.tokens[k]);
        if (capitalized && lowercase && this.titleWordKind(k)) break;
        if (!SMALL_WORDS.has(lower)) lowercase = !capitalized;
        k++;
      }
      // "head of the party's youth wing": a possessive goes on to what it owns.
      if (!this.breaksAfter(k - 1) || (this.isPossessive(k - 1) && /^\s+$/.test(gapAfter(this.tokens, k - 1)))) continue;
      if (!this.isComma(k - 1) || !this.listGoesOn(k, limit)) break;
      inList = true;
    }
    // A tail ends before a name it would cut in two ("chairman of Keep Our Coast Open, said").
    const cut = k < limit ? this.mentionAt(k - 1) : undefined;
    if (cut && cut.firstToken >= i && cut.lastToken > k) k = cut.firstToken;
    while (k > i && SMALL_WORDS.has(this.lower(k - 1))) k--;
    return k;
  }

  /** After a comma in a tail, a list that ends in "and" goes on ("of fisheries, forests and rural development"). */
  private listGoesOn(i: number, limit: number): boolean {
    for (let k = i; k < limit && k < i + TAIL_REACH && this.sameSentence(i - 1, k); k++) {
      if (this.lower(k) === 'and') return k > i;
      if (!this.isTailWord(k, true) || (this.breaksAfter(k) && !this.isComma(k))) return false;
    }
    return false;
  }

  /** A word a tail may hold: not a clause word, markup or a person's name. In a list, "mines" is a noun. */
  private isTailWord(k: number, inList = false): boolean {
    if (k >= this.tokens.length || MARKUP.test(this.tokens[k].text) || this.isClauseWord(k, inList) || this.lexicon.isDateWord(this.lower(k)) || this.isAddressForm(k)) return false;
    const mention = this.mentionAt(k);
    if (mention?.kind !== 'person') return true;
    // "of the Exchequer": no person's name follows "the".
    return this.isTailPartOfName(k) || (mention.lastToken - mention.firstToken === 1 && k > 0 && this.lower(k - 1) === 'the');
  }

  /**
   * Token k opens a person mention with capitalised common words, countries or forms of address
   * only: the finder took a title's tail for a name ("for Climate", "of India Shri Narendra Modi").
   */
  private isTailPartOfName(k: number): boolean {
    const mention = this.mentionAt(k);
    if (mention?.kind !== 'person') return false;
    for (let t = mention.firstToken; t <= k; t++) {
      const lower = this.lower(t);
      const common = isCapitalized(this.tokens[t]) && this.lexicon.isCommonWord(lower);
      if (!common && !this.gazetteer.canonicalCountry(this.word(t)) && !this.isAddressForm(t)) return false;
    }
    return true;
  }

  /** "to Canada", "to the United Nations": the place an envoy is posted to, which is part of the title; i if none. */
  private postingEnd(i: number, limit: number): number {
    const at = i < limit && this.lower(i) === 'the' ? i + 1 : i;
    const mention = at < limit ? this.mentionAt(at) : undefined;
    if (!mention || mention.kind === 'person' || mention.firstToken !== at || mention.lastToken > limit) return i;
    return mention.lastToken;
  }

  /** "the President", "Prime Minister" from i: the office of someone a title serves, which is no part of that title. */
  private principalAt(i: number, limit: number): { end: number; afterArticle: boolean } | undefined {
    const afterArticle = i < limit && this.lower(i) === 'the';
    const core = this.coreAt(afterArticle ? i + 1 : i, limit);
    if (!core) return undefined;
    for (let k = core.first; k < core.last; k++) if (PRINCIPALS.has(this.lower(k))) return { end: core.last, afterArticle };
    return undefined;
  }

  /** "of India", "of the Russian Federation" ending the tail that starts at from, unless inside a name ("Bank of Ghana"). */
  private countryEnding(from: number, last: number): { country: string; of: number } | undefined {
    for (let n = Math.min(4, last - from - 1); n >= 1; n--) {
      const first = last - n;
      const inside = this.mentionAt(first);
      if (inside?.kind === 'organization' && inside.firstToken < first && inside.lastToken >= last) continue;
      const form = this.tokens
        .slice(first, last)
        .map((t, k) => (k < n - 1 ? t.text + t.post.replace(/\s+/g, ' ') : this.word(first + k)))
        .join('');
      const country = this.gazetteer.canonicalCountry(form);
      if (!country) continue;
      const of = this.lower(first - 1) === 'the' ? first - 2 : first - 1;
      // "governor of Bank of Ghana": the country names the bank.
      const ofOrganization = of > from && this.lexicon.organizationHeads.has(this.lower(of - 1));
      return of >= from && this.lower(of) === 'of' && !ofOrganization ? { country, of } : undefined;
    }
    return undefined;
  }

  /** A word that starts the clause after an apposition: a verb or a preposition like "during"; in a list, present forms are plural nouns. */
  private isClauseWord(i: number, inList = false): boolean {
    const lower = this.lower(i);
    if (CLAUSE_WORDS.has(lower)) return true;
    // "state-owned", "self-declared": the end of a compound is no verb.
    if (isCapitalized(this.tokens[i]) || (i > 0 && gapAfter(this.tokens, i - 1) === '-')) return false;
    const tag = this.lexicon.tagOf(lower);
    // A past form compromise does not list ("recognised").
    if (tag === undefined) return /^\p{L}+ed$/u.test(lower);
    return (inList ? /(PastTense|Gerund|Modal|Copula)/ : /(PastTense|PresentTense|Gerund|Modal|Copula)/).test(tag);
  }

  /** "said", "says": a verb whose subject a title before it is. */
  private isFiniteVerb(i: number): boolean {
    const tag = this.lexicon.tagOf(this.lower(i));
    return tag !== undefined && /(PastTense|PresentTense)/.test(tag) && !isCapitalized(this.tokens[i]);
  }

  private countryOfMention(mention: Mention): string | null {
    if (mention.kind === 'place') return mention.place?.type === 'country' ? mention.place.name : mention.place?.country ?? null;
    return this.lexicon.organizationCountry.get(mention.text) ?? null;
  }

  private stated(first: number, last: number, country: string | null): StatedTitle {
    const words: string[] = [];
    for (let i = first; i < last; i++) {
      // A possessive inside a title stays ("Head of the Party's Youth Wing").
      const word = i < last - 1 ? this.tokens[i].text : this.word(i);
      const small = SMALL_WORDS.has(word.toLowerCase()) && i > first;
      words.push(small ? word.toLowerCase() : word.replace(/(^|-)(\p{Ll})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase()));
      const gap = gapAfter(this.tokens, i).trim();
      if (i < last - 1 && gap === '-') words[words.length - 1] += '-';
      else if (i < last - 1 && gap === ',') words[words.length - 1] += ',';
    }
    const title = words.join(' ').replace(/- /g, '-');
    return { title, country, span: { start: this.tokens[first].start, end: this.tokens[last - 1].start + this.word(last - 1).length } };
  }
}
