import { Mention } from './entities';
import { Gazetteer } from './gazetteer';
import { Lexicon } from './lexicon';
import { gapAfter, Token } from './tokens';
import { Span } from './types';

/** A title of office the article gives a person, with the country it implies. */
export interface StatedTitle {
  title: string;
  country: string | null;
  span: Span;
  /** For a kinship title ("his wife Peng Liyuan"): the person it is relative to, completed once people are known. */
  relativeOf?: Mention;
}

/** Characters of markup or code, which never belong to a title ("X](command:", "<img"). */
const MARKUP = /[<>[\]{}()=\\|*_`#@$%^~]/;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'to', 'in']);
const APPOSITION_OPENERS = new Set(['also', 'a', 'an', 'the', 'who', 'is', 'was', 'as', 'now', 'then', 'currently', 'formerly']);

/**
 * Reads titles of office around person mentions: before the name ("U.S. Deputy Secretary of
 * State James Steinberg", "White House national security adviser Jake Sullivan") and in an
 * apposition after it ("Antonio Villaraigosa, mayor of Los Angeles of the United States").
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
    const before = this.titleBefore(mention);
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
    return /[^\s-]/.test(post.replace(/^\.(?=\s)/, /^(?:\p{Lu}\.)+$/u.test(this.word(i)) || this.tokens[i].text.endsWith('.') ? '' : '.')) || /['’]s$/.test(this.tokens[i].text);
  }

  private mentionAt(i: number): Mention | undefined {
    return this.mentionOfToken.get(i);
  }

  private isTitleWord(lower: string): boolean {
    return (this.lexicon.titleHeads.has(lower) || this.lexicon.titleModifiers.has(lower)) && !this.lexicon.notTitles.has(lower);
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

  private titleBefore(mention: Mention): StatedTitle | undefined {
    const kinship = this.kinshipBefore(mention);
    if (kinship) return kinship;
    let i = mention.firstToken - 1;
    let titleStart = -1;
    let titleEnd = -1;
    let country: string | null = null;
    let sawHead = false;
    while (i >= 0 && !this.breaksAfter(i) && this.tokens[i].sentence === this.tokens[mention.firstToken].sentence) {
      const lower = this.lower(i);
      const other = this.mentionAt(i);
      if (other && other.kind !== 'person') {
        if (titleStart < 0) break;
        const named = this.countryOfMention(other);
        if (named) country = named;
        break;
      }
      if (this.isTitleWord(lower)) {
        if (titleEnd < 0) titleEnd = i;
        titleStart = i;
        sawHead ||= this.lexicon.titleHeads.has(lower);
        i--;
        continue;
      }
      if (lower === 'of' && titleEnd >= 0 && i > 0 && this.isTitleWord(this.lower(i - 1))) {
        titleStart = i;
        i--;
        continue;
      }
      const demonym = this.gazetteer.countryOfDemonym(this.word(i));
      if (demonym && titleStart >= 0) country = demonym;
      break;
    }
    if (titleStart < 0 || !sawHead) return undefined;
    while (titleEnd >= titleStart && !this.lexicon.titleHeads.has(this.lower(titleEnd)) && !this.isTitleWord(this.lower(titleEnd))) titleEnd--;
    return this.stated(titleStart, titleEnd + 1, country);
  }

  /** ", also a member of the Political Bureau ... and chief of the Chinese side of ..., led" */
  private titlesAfter(mention: Mention): StatedTitle[] {
    const last = mention.lastToken - 1;
    if (!/^\s*,\s*$/.test(this.tokens[last].post)) return [];
    const sentence = this.tokens[last].sentence;
    let i = mention.lastToken;
    while (i < this.tokens.length && APPOSITION_OPENERS.has(this.lower(i)) && !this.breaksAfter(i)) i++;
    const titles: StatedTitle[] = [];
    while (i < this.tokens.length && this.tokens[i].sentence === sentence) {
      const parsed = this.titleFrom(i);
      if (!parsed) break;
      titles.push(parsed.title);
      i = parsed.end;
      if (i < this.tokens.length && this.lower(i) === 'and' && !this.breaksAfter(i - 1)) {
        i++;
        while (i < this.tokens.length && APPOSITION_OPENERS.has(this.lower(i))) i++;
        continue;
      }
      break;
    }
    return titles;
  }

  /** A title phrase starting at i: modifiers and a head, then an "of ..." tail up to punctuation or a verb. */
  private titleFrom(start: number): { title: StatedTitle; end: number } | undefined {
    let i = start;
    let country: string | null = null;
    const sentence = this.tokens[start].sentence;
    const demonym = this.gazetteer.countryOfDemonym(this.word(i));
    if (demonym) {
      country = demonym;
      i++;
    }
    const titleStart = i;
    let sawHead = false;
    while (i < this.tokens.length && this.tokens[i].sentence === sentence && this.isTitleWord(this.lower(i)) && !this.mentionAt(i)) {
      sawHead ||= this.lexicon.titleHeads.has(this.lower(i));
      i++;
      if (this.breaksAfter(i - 1)) return sawHead ? { title: this.stated(titleStart, i, country), end: i } : undefined;
    }
    if (!sawHead) return undefined;
    let end = i;
    while (i < this.tokens.length && this.tokens[i].sentence === sentence && this.lower(i) === 'of') {
      let j = i + 1;
      while (j < this.tokens.length && this.tokens[j].sentence === sentence && !this.isClauseWord(j) && !MARKUP.test(this.tokens[j].text)) {
        j++;
        if (this.breaksAfter(j - 1)) break;
      }
      if (j === i + 1) break;
      end = j;
      i = j;
      if (this.breaksAfter(j - 1)) break;
    }
    const ofCountry = this.trailingCountry(titleStart, end);
    if (ofCountry && end - ofCountry.length - 1 > titleStart && this.lower(end - ofCountry.length - 1) === 'of') {
      country ??= ofCountry.name;
      end -= ofCountry.length + 1;
    }
    return { title: this.stated(titleStart, end, country), end: i };
  }

  /** "of the United States" at the end of a title names the country rather than the office. */
  private trailingCountry(first: number, last: number): { name: string; length: number } | undefined {
    for (let n = Math.min(4, last - first); n >= 1; n--) {
      const form = this.tokens.slice(last - n, last).map((t, k) => (k < n - 1 ? t.text + t.post.replace(/\s+/g, ' ') : t.text)).join('');
      const country = this.gazetteer.canonicalCountry(form);
      if (country) {
        const withArticle = last - n - 1 >= first && this.lower(last - n - 1) === 'the' ? n + 1 : n;
        return { name: country, length: withArticle };
      }
    }
    return undefined;
  }

  /** A word that starts the clause after an apposition: a verb or a preposition like "during". */
  private isClauseWord(i: number): boolean {
    const lower = this.lower(i);
    if (/^(during|when|while|after|before|said|says|told|led|who|which|that|at|on|in|with|to|from|and)$/.test(lower)) return true;
    const tag = this.lexicon.tagOf(lower);
    return tag !== undefined && /(PastTense|PresentTense|Gerund|Modal|Copula)/.test(tag) && !/^\p{Lu}/u.test(this.tokens[i].text);
  }

  private countryOfMention(mention: Mention): string | null {
    if (mention.kind === 'place') return mention.place?.type === 'country' ? mention.place.name : mention.place?.country ?? null;
    return this.lexicon.organizationCountry.get(mention.text) ?? null;
  }

  private stated(first: number, last: number, country: string | null): StatedTitle {
    const words: string[] = [];
    for (let i = first; i < last; i++) {
      const word = this.word(i);
      words.push(SMALL_WORDS.has(word.toLowerCase()) && i > first ? word.toLowerCase() : /^\p{Ll}/u.test(word) ? word[0].toUpperCase() + word.slice(1) : word);
      const post = this.tokens[i].post;
      if (i < last - 1 && post.trim() === '-') words[words.length - 1] += '-';
    }
    const title = words.join(' ').replace(/- /g, '-');
    return { title, country, span: { start: this.tokens[first].start, end: this.tokens[last - 1].start + this.word(last - 1).length } };
  }
}
