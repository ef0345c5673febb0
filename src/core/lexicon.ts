import nlp from 'compromise';
import titlesData from '../../data/lexicon/titles.json';
import organizationsData from '../../data/lexicon/organizations.json';
import familyNamesData from '../../data/lexicon/family-names-first.json';
import geographyData from '../../data/lexicon/geography.json';
import commonWordsData from '../../data/lexicon/common-words.json';
import { PlaceType } from './types';

/** compromise's tags that mark a word as a name rather than a common word. */
const NAME_TAGS = /(FirstName|LastName|MaleName|FemaleName|Person|Place|Country|City|Region|ProperNoun|Organization|SportsTeam|Honorific)/;

/**
 * The word knowledge the entity finder uses: compromise's lexicon for ordinary English words,
 * and Attaché's data files for titles of office and organization names.
 */
export class Lexicon {
  private static shared: Lexicon | undefined;

  readonly titleHeads: ReadonlySet<string>;
  readonly titleModifiers: ReadonlySet<string>;
  readonly notTitles: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
  readonly kinship: ReadonlySet<string>;
  /** Title words that say whether "she" or "he" refers to their holder. */
  readonly femaleTitles: ReadonlySet<string>;
  readonly maleTitles: ReadonlySet<string>;
  readonly organizationHeads: ReadonlySet<string>;
  /** Known organization names, keyed by their exact spelling. */
  readonly organizationNames: ReadonlySet<string>;
  readonly organizationCountry: ReadonlyMap<string, string>;
  /** The city an institution stands for ("White House" -> Washington), for "met at the White House". */
  readonly organizationPlace: ReadonlyMap<string, string>;
  readonly familyNamesFirst: ReadonlySet<string>;
  /** Words that begin ("Lake", "Mount") or end ("River", "Stadium") the name of a place, with its kind. */
  readonly placeWordsBefore: ReadonlyMap<string, PlaceType>;
  readonly placeWordsAfter: ReadonlyMap<string, PlaceType>;
  /** Lower-case words that make the capitalised name beside them a place: "the village of X", "X province". */
  readonly placeOfNouns: ReadonlyMap<string, PlaceType>;
  readonly placeNounsAfter: ReadonlyMap<string, PlaceType>;
  /** Words before a name that make it a place when nothing else says what it is: "near", "had reached", "advanced on". */
  readonly placeCues: ReadonlySet<string>;
  private readonly words: Record<string, string>;
  /** Everyday words compromise's small lexicon lacks ("division", "palace"). */
  private readonly everyday: ReadonlySet<string>;

  private constructor() {
    const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
    this.titleHeads = lower(titlesData.heads);
    this.titleModifiers = lower(titlesData.modifiers);
    this.notTitles = lower(titlesData.notTitles);
    this.honorifics = lower(titlesData.honorifics);
    this.kinship = lower(titlesData.kinship);
    this.femaleTitles = lower(titlesData.female);
    this.maleTitles = lower(titlesData.male);
    this.organizationHeads = lower(organizationsData.heads);
    this.organizationNames = new Set(organizationsData.names);
    this.organizationCountry = new Map(Object.entries(organizationsData.countryOf));
    this.organizationPlace = new Map(Object.entries(organizationsData.placeOf));
    this.familyNamesFirst = new Set(familyNamesData.names);
    this.placeWordsBefore = new Map(Object.entries(geographyData.before) as Array<[string, PlaceType]>);
    this.placeWordsAfter = new Map(Object.entries(geographyData.after) as Array<[string, PlaceType]>);
    this.placeOfNouns = new Map(Object.entries(geographyData.ofNouns) as Array<[string, PlaceType]>);
    this.placeNounsAfter = new Map(Object.entries(geographyData.nounsAfter) as Array<[string, PlaceType]>);
    this.placeCues = new Set(geographyData.placeCues);
    this.everyday = new Set(commonWordsData.words.split(' '));
    this.words = (nlp.world() as { model: { one: { lexicon: Record<string, string> } } }).model.one.lexicon;
  }

  static get(): Lexicon {
    Lexicon.shared ??= new Lexicon();
    return Lexicon.shared;
  }

  /** compromise's tag for a lowercase word, if it knows one. */
  tagOf(lower: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.words, lower) ? this.words[lower] : undefined;
  }

  /** An ordinary English word ("the", "after", "house"), not a name compromise knows. */
  isCommonWord(lower: string): boolean {
    const tag = this.tagOf(lower);
    if (tag === undefined) return this.everyday.has(lower);
    return !NAME_TAGS.test(tag);
  }

  /** Closed-class words and verbs, which never start a name even when capitalised at a sentence start. */
  isFunctionWord(lower: string): boolean {
    const tag = this.tagOf(lower);
    return tag !== undefined && /(Determiner|Preposition|Conjunction|Pronoun|Adverb|QuestionWord|Modal|Copula|Verb|Tense|Infinitive|Gerund|Participle|Expression|Negative|Auxiliary)/.test(tag);
  }

  /** compromise lists it as a given name or a surname. */
  isKnownNamePart(lower: string): boolean {
    const tag = this.tagOf(lower);
    return tag !== undefined && /(FirstName|LastName|MaleName|FemaleName|Person)/.test(tag);
  }

  /** Month and weekday names, which are capitalised but never part of a name. */
  isDateWord(lower: string): boolean {
    const tag = this.tagOf(lower);
    return tag !== undefined && /(Month|WeekDay|Date)/.test(tag);
  }

  isTitleWord(lower: string): boolean {
    return this.titleHeads.has(lower) || this.titleModifiers.has(lower);
  }
}
