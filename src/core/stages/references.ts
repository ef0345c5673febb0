import clauseWords from '../../../data/lexicon/clauses.json';
import { ArticleContext, ArticlePerson, PersonId, Reference, Stage } from '../article';
import { sameCountry } from '../knowledgeBase';
import { Lexicon } from '../lexicon';
import { Token } from '../tokens';
import { Mention } from '../entities';
import { countryOf } from './people';

/**
 * Everything meeting rows may refer to, in reading order: people by name, by a title only the one
 * of them holds ("the vice premier", "the Saudi leader"), by pronoun, and by "a senior Chinese
 * official" whom the next sentences name; places; organizations, which stand for their city.
 */
export const referencesStage: Stage = {
  name: 'references',
  run(context) {
    const references: Reference[] = [];
    addNames(context, references);
    addTitleReferences(context, references);
    addIndefiniteOfficials(context, references);
    addPairReferences(context, references);
    addTitleAcronyms(context, references);
    references.sort((a, b) => a.firstToken - b.firstToken || b.lastToken - a.lastToken);
    const covered = new Uint8Array(context.tokenized.tokens.length);
    for (const r of references) covered.fill(1, r.firstToken, r.lastToken);
    addPronouns(context, references, covered);
    context.references = references.sort((a, b) => a.firstToken - b.firstToken || b.lastToken - a.lastToken);
  },
};

const LEADER_WORDS: ReadonlySet<string> = new Set(clauseWords.leaderWords);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const OBJECT_OR_POSSESSIVE = new Set(['him', 'her', 'his']);
const REPORTING: ReadonlySet<string> = new Set(clauseWords.reportingVerbs);
/** How many sentences back a pronoun's person may last have been named. */
const PRONOUN_REACH = 3;

function addNames(context: ArticleContext, references: Reference[]): void {
  const { lexicon } = context.resources;
  for (const m of context.mentions) {
    const person = context.personOf.get(m);
    if (person !== undefined) {
      references.push({ kind: 'person', person, firstToken: m.firstToken, lastToken: m.lastToken });
    } else if (m.kind === 'place' && !m.nested) {
      // A landmark stands for its city as a meeting place: "at the White House" is in Washington.
      const city = lexicon.organizationPlace.get(m.key);
      references.push({ kind: 'place', place: city ?? m.key, placeType: city ? 'city' : m.place?.type, firstToken: m.firstToken, lastToken: m.lastToken });
    } else if (m.kind === 'organization') {
      const city = lexicon.organizationPlace.get(m.text);
      references.push({ kind: 'organization', ...(city ? { place: city, placeType: 'city' as const } : {}), firstToken: m.firstToken, lastToken: m.lastToken });
    }
  }
}

/**
 * "the vice premier", "The President", "the Russian leader": "the", an optional nationality, then
 * title words, not followed by a name (that would be a title before the name). The one person
 * who holds that title (or, for "leader", the one person of that country) is meant.
 */
function addTitleReferences(context: ArticleContext, references: Reference[]): void {
  const { tokens } = context.tokenized;
  const { lexicon, gazetteer } = context.resources;
  const named = new Uint8Array(tokens.length);
  for (const m of context.mentions) named.fill(1, m.firstToken, m.lastToken);
  const lower = (i: number) => tokens[i].text.replace(/['’]s$/, '').toLowerCase();
  const holders = indexHolders(context.people);
  for (let i = 0; i < tokens.length; i++) {
    if (lower(i) !== 'the' || named[i]) continue;
    let j = i + 1;
    const country = j < tokens.length && !named[j] ? gazetteer.countryOfDemonym(tokens[j].text.replace(/['’]s$/, '')) : undefined;
    if (country) j++;
    const titleStart = j;
    const isTitle = (k: number) => lexicon.isTitleWord(lower(k)) || (k + 1 < tokens.length && lexicon.titleHeads.has(`${lower(k)} ${lower(k + 1)}`));
    while (j < tokens.length && !named[j] && tokens[j].sentence === tokens[i].sentence && (isTitle(j) || (country && LEADER_WORDS.has(lower(j))))) {
      j++;
      if (/[^\s-]/.test(tokens[j - 1].post)) break;
    }
    if (j === titleStart) continue;
    let last = j - 1;
    if (!LEADER_WORDS.has(lower(last))) ({ last, j } = withOfTail(tokens, named, last, j));
    const head = lower(titleHeadIndex(tokens, titleStart, last));
    if (!lexicon.titleHeads.has(head) && !LEADER_WORDS.has(head)) continue;
    // Followed by a name, the title is that name's own ("the Foreign Minister Wang Yi").
    if (j < tokens.length && named[j] && !/[^\s]/.test(tokens[last].post.replace(/['’]s/, ''))) continue;
    const title = tokens.slice(titleStart, j).map((t) => t.text.replace(/['’]s$/, '')).join(' ').toLowerCase();
    const holder = holderOf(holders, title, country ?? null, LEADER_WORDS.has(head), tokens[i].start);
    if (!holder) continue;
    if (!LEADER_WORDS.has(head)) holder.titleOnly.push({ start: tokens[titleStart].start, end: tokens[last].start + tokens[last].text.replace(/['’]s$/, '').length });
    references.push({ kind: 'person', person: holder.id, firstToken: i, lastToken: j });
    i = last;
  }
}

/** "the mayor of Los Angeles": an "of" and capitalised words after the title words belong to it. */
function withOfTail(tokens: Token[], named: Uint8Array, last: number, end: number): { last: number; j: number } {
  if (end + 1 >= tokens.length || tokens[end].text !== 'of' || /[^\s]/.test(tokens[last].post)) return { last, j: end };
  let k = end + 1;
  if (tokens[k].text === 'the') k++;
  const first = k;
  while (k < tokens.length && tokens[k].sentence === tokens[last].sentence && /^\p{Lu}/u.test(tokens[k].text)) {
    k++;
    if (/[^\s]/.test(tokens[k - 1].post)) break;
  }
  return k > first && !named[first - 1] ? { last: k - 1, j: k } : { last, j: end };
}

/** The last title word before an "of" tail: "mayor" in "mayor of Los Angeles". */
function titleHeadIndex(tokens: Token[], first: number, last: number): number {
  for (let k = first; k <= last; k++) if (tokens[k].text === 'of') return k - 1;
  return last;
}

/** The people of an article by each title they hold, lower-case, and by country, built once so each title reference is a lookup. */
interface Holders {
  byTitle: Map<string, Array<{ person: ArticlePerson; country: string | null }>>;
  byCountry: Map<string, ArticlePerson[]>;
}

function indexHolders(people: ArticlePerson[]): Holders {
  const byTitle: Holders['byTitle'] = new Map();
  const byCountry: Holders['byCountry'] = new Map();
  const add = <V>(map: Map<string, V[]>, key: string, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const person of people) {
    for (const t of titlesOf(person)) {
      const title = t.title.toLowerCase();
      add(byTitle, title, { person, country: t.country });
      // "the chancellor" names the Chancellor of the Exchequer as well as a Chancellor.
      const head = title.split(' of ')[0];
      if (head !== title) add(byTitle, head, { person, country: t.country });
    }
    const country = countryOf(person);
    if (country) add(byCountry, country, person);
  }
  return { byTitle, byCountry };
}

/**
 * The person a title stands for: among those named before it who hold that title (or, for
 * "leader", are of that country), the only one, or the one the article names clearly most often.
 */
function holderOf(holders: Holders, title: string, country: string | null, leaderWord: boolean, at: number): ArticlePerson | undefined {
  const candidates = leaderWord
    ? [...holders.byCountry.entries()].filter(([c]) => country !== null && sameCountry(c, country)).flatMap(([, people]) => people)
    : (holders.byTitle.get(title) ?? []).filter((h) => !country || !h.country || sameCountry(h.country, country)).map((h) => h.person);
  const named = [...new Set(candidates)].filter((p) => !p.mentions[0] || p.mentions[0].start <= at);
  if (named.length <= 1) return named[0];
  const [first, second] = named.sort((a, b) => b.mentions.length - a.mentions.length);
  return first.mentions.length > second.mentions.length ? first : undefined;
}

function titlesOf(person: ArticlePerson): Array<{ title: string; country: string | null }> {
  return [...person.titles, ...(person.official?.roles ?? []).map((r) => ({ title: r.title, country: r.country }))];
}

/** "EAM is scheduled to meet", "the PM said": capitals that spell the initials of the title only one person holds. */
function addTitleAcronyms(context: ArticleContext, references: Reference[]): void {
  const { tokens } = context.tokenized;
  // A lone acronym read as an organization that no list knows ("EAM", not "NSA") may still be a title's initials.
  const { lexicon } = context.resources;
  const named = new Uint8Array(tokens.length);
  const acronymAt = new Map<number, Mention>();
  for (const m of context.mentions) {
    if (m.kind === 'organization' && m.lastToken - m.firstToken === 1 && !lexicon.organizationNames.has(m.text)) acronymAt.set(m.firstToken, m);
    else named.fill(1, m.firstToken, m.lastToken);
  }
  const retitled = new Set<Mention>();
  const initials = (title: string) => title.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const byInitials = new Map<string, ArticlePerson | null>();
  for (const person of context.people) {
    for (const title of person.titles) {
      const key = initials(title.title);
      if (key.length < 2) continue;
      const holder = byInitials.get(key);
      byInitials.set(key, holder === undefined || holder === person ? person : null);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text;
    if (named[i] || !/^\p{Lu}{2,5}$/u.test(word)) continue;
    const holder = byInitials.get(word);
    if (holder && holder.mentions[0] && holder.mentions[0].start < tokens[i].start) {
      references.push({ kind: 'person', person: holder.id, firstToken: i, lastToken: i + 1 });
      const organization = acronymAt.get(i);
      if (organization) retitled.add(organization);
    }
  }
  if (retitled.size > 0) {
    context.mentions = context.mentions.filter((m) => !retitled.has(m));
    const kept = references.filter((r) => !(r.kind === 'organization' && retitled.has(acronymAt.get(r.firstToken)!)));
    references.splice(0, references.length, ...kept);
  }
}

const PAIR_NOUNS: ReadonlySet<string> = new Set(clauseWords.pairNouns);

/** "The two men last met in Argentina", "the pair": the two people the sentence before (or this one, before it) names. */
function addPairReferences(context: ArticleContext, references: Reference[]): void {
  const { tokens } = context.tokenized;
  const people = references.filter((r) => r.kind === 'person' && r.person !== undefined).sort((a, b) => a.firstToken - b.firstToken);
  let p = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const word = tokens[i].text.toLowerCase();
    const afterThe = i > 0 && tokens[i - 1].text.toLowerCase() === 'the';
    let first: number;
    let last: number;
    if (word === 'pair' && afterThe) [first, last] = [i - 1, i + 1];
    else if (((word === 'two' && afterThe) || word === 'both') && PAIR_NOUNS.has(tokens[i + 1].text.toLowerCase())) [first, last] = [word === 'both' ? i : i - 1, i + 2];
    else continue;
    const sentence = tokens[i].sentence;
    while (p < people.length && people[p].firstToken < i) p++;
    const recent: PersonId[] = [];
    for (let k = p - 1; k >= 0 && tokens[people[k].firstToken].sentence >= sentence - 1; k--) {
      if (!recent.includes(people[k].person!)) recent.push(people[k].person!);
    }
    if (recent.length !== 2) continue;
    references.push({ kind: 'person', person: recent[1], group: [recent[1], recent[0]], firstToken: first, lastToken: last });
  }
}

/** "a senior Chinese official told ...": the official of that country whom the next two sentences name. */
function addIndefiniteOfficials(context: ArticleContext, references: Reference[]): void {
  const { tokens } = context.tokenized;
  const { gazetteer } = context.resources;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!/^a$/i.test(tokens[i].text)) continue;
    let j = i + 1;
    if (/^(senior|top|high-ranking)$/i.test(tokens[j].text)) j++;
    if (j + 1 >= tokens.length || !/^(official|diplomat|leader)$/.test(tokens[j + 1].text)) continue;
    const country = gazetteer.countryOfDemonym(tokens[j].text);
    if (!country) continue;
    const sentence = tokens[i].sentence;
    const later = context.people
      .map((p) => ({ p, at: p.mentions.find((m) => m.start > tokens[i].start) }))
      .filter((x) => x.at && tokens[x.at.firstToken].sentence <= sentence + 2 && countryOf(x.p) === country)
      .sort((a, b) => a.at!.start - b.at!.start);
    if (later[0]) references.push({ kind: 'person', person: later[0].p.id, firstToken: i, lastToken: j + 2 });
  }
}

/**
 * he, she, his: after "X said" in the same sentence, X; else the subject of its own sentence
 * before it; else the subject after a fronted phrase it opens ("After her talks with Ryzhkov,
 * Thatcher"); else, in the sentences before, the person who spoke ("Bush said ... But he said")
 * or the subject, the first person not governed by a verb or preposition. him and her as objects:
 * the person most often named lately, other than the nearest one before (the clause's subject).
 * A person whose given name or title says he or she is never taken for the other pronoun.
 */
function addPronouns(context: ArticleContext, references: Reference[], covered: Uint8Array): void {
  const { tokens } = context.tokenized;
  const { lexicon } = context.resources;
  const genders = context.people.map((p) => genderOf(p, lexicon));
  const personEndingAt = new Map<number, PersonId>();
  const personStartingAt = new Map<number, PersonId>();
  for (const ref of references) {
    if (ref.kind !== 'person' || ref.person === undefined) continue;
    personEndingAt.set(ref.lastToken, ref.person);
    personStartingAt.set(ref.firstToken, ref.person);
  }
  const count = new Map<PersonId, number>();
  const firstAt = new Map<PersonId, number>();
  const subjectsOf = new Map<number, PersonId[]>();
  const speakersOf = new Map<number, PersonId[]>();
  let nearest: PersonId | undefined;
  let nearestSentence = -1;
  const namedIn = new Map<number, Set<PersonId>>();
  const seen = (person: PersonId, first: number, last: number) => {
    const sentence = tokens[first].sentence;
    count.set(person, (count.get(person) ?? 0) + 1);
    const inSentence = namedIn.get(sentence);
    if (inSentence) inSentence.add(person);
    else namedIn.set(sentence, new Set([person]));
    if (!firstAt.has(person)) firstAt.set(person, first);
    if (isSubjectPosition(tokens, lexicon, first)) push(subjectsOf, sentence, person);
    if (last < tokens.length && REPORTING.has(tokens[last].text.toLowerCase()) && tokens[last].sentence === sentence) push(speakersOf, sentence, person);
    nearest = person;
    nearestSentence = sentence;
  };
  const pronouns: Reference[] = [];
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (r < references.length && references[r].firstToken <= i) {
      const ref = references[r++];
      if (ref.kind === 'person' && ref.person !== undefined) seen(ref.person, ref.firstToken, ref.lastToken);
    }
    if (covered[i]) continue;
    const word = tokens[i].text.toLowerCase();
    if (!SUBJECT_PRONOUNS.has(word) && !OBJECT_OR_POSSESSIVE.has(word)) continue;
    const sentence = tokens[i].sentence;
    const gender = word === 'she' || word === 'her' ? 'f' : 'm';
    const fits = (p: PersonId | undefined) => p !== undefined && genders[p] !== (gender === 'f' ? 'm' : 'f');
    const first = (list: PersonId[] | undefined) => list?.find(fits);
    const last = (list: PersonId[] | undefined) => list?.filter(fits).pop();
    let person: PersonId | undefined;
    if (SUBJECT_PRONOUNS.has(word) || word === 'his' || (word === 'her' && !subjectsOf.has(sentence))) {
      const reporter = reportingSubject(tokens, lexicon, personEndingAt, i);
      person = fits(reporter) ? reporter : first(subjectsOf.get(sentence));
      if (person === undefined && !subjectsOf.has(sentence)) {
        const after = subjectAfterFrontedPhrase(tokens, lexicon, personStartingAt, i);
        if (fits(after)) person = after;
      }
      for (let back = sentence - 1; person === undefined && back >= 0 && back >= sentence - PRONOUN_REACH; back--) person = last(speakersOf.get(back)) ?? first(subjectsOf.get(back));
    } else {
      const excluded = nearestSentence === sentence ? nearest : undefined;
      for (let back = sentence; back >= 0 && back >= sentence - PRONOUN_REACH; back--) {
        for (const candidate of namedIn.get(back) ?? []) {
          if (candidate === excluded || !fits(candidate)) continue;
          const n = count.get(candidate)!;
          if (person === undefined || n > count.get(person)! || (n === count.get(person)! && firstAt.get(candidate)! < firstAt.get(person)!)) person = candidate;
        }
      }
    }
    if (person === undefined) continue;
    pronouns.push({ kind: 'person', person, firstToken: i, lastToken: i + 1 });
    personEndingAt.set(i + 1, person);
    seen(person, i, i + 1);
  }
  references.push(...pronouns);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** 'f' or 'm' when the given name (compromise's lexicon) or a title ("Queen", "Baroness", "King") says so. */
function genderOf(person: ArticlePerson, lexicon: Lexicon): 'f' | 'm' | undefined {
  const words = person.titles.flatMap((t) => t.title.toLowerCase().split(/[\s-]+/));
  if (words.some((w) => lexicon.femaleTitles.has(w))) return 'f';
  if (words.some((w) => lexicon.maleTitles.has(w))) return 'm';
  const tag = lexicon.tagOf(person.fullName.split(/\s+/)[0].toLowerCase()) ?? '';
  return tag.includes('FemaleName') ? 'f' : tag.includes('MaleName') ? 'm' : undefined;
}

/** "After her talks with Ryzhkov, Thatcher ...": a pronoun in a fronted phrase refers to the subject after its comma. */
function subjectAfterFrontedPhrase(tokens: Token[], lexicon: Lexicon, personStartingAt: Map<number, PersonId>, at: number): PersonId | undefined {
  let k = at;
  while (k < tokens.length && tokens[k].sentence === tokens[at].sentence && !/,/.test(tokens[k].post)) k++;
  for (k++; k < tokens.length && tokens[k].sentence === tokens[at].sentence; k++) {
    const person = personStartingAt.get(k);
    if (person !== undefined) return person;
    const lower = tokens[k].text.toLowerCase();
    if (!/^\p{Lu}/u.test(tokens[k].text) && !lexicon.isTitleWord(lower) && !/^(the|a|an)$/.test(lower)) return undefined;
  }
  return undefined;
}

/** Not the object of a verb or a preposition: the word before the name and its title is neither ("Before meeting with Bush, the Crown Prince"). */
function isSubjectPosition(tokens: Token[], lexicon: Lexicon, first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 6 && tokens[k].sentence === tokens[first].sentence; k--) {
    if (/[,;:]/.test(tokens[k].post)) return true;
    const lower = tokens[k].text.toLowerCase();
    if (/^\p{Lu}/u.test(tokens[k].text) || lexicon.isTitleWord(lower) || /^(the|a|an)$/.test(lower)) continue;
    const tag = lexicon.tagOf(lower) ?? '';
    return !/(Preposition|Verb|Tense|Infinitive|Gerund)/.test(tag);
  }
  return true;
}

/**
 * "Kohl said he ...", "Thatcher told reporters she ...": the person who reports is the pronoun's
 * person, unless the reported clause has a subject of its own first ("He said Obama considered
 * his meeting": Obama).
 */
function reportingSubject(tokens: Token[], lexicon: Lexicon, personEndingAt: Map<number, PersonId>, at: number): PersonId | undefined {
  for (let k = at - 1; k >= 0 && k >= at - 4 && tokens[k].sentence === tokens[at].sentence; k--) {
    const word = tokens[k].text.toLowerCase();
    // compromise's lexicon lists few inflected forms; a lower-case word in -ed is a past verb here.
    const verb = REPORTING.has(word) || /(PastTense|PresentTense)/.test(lexicon.tagOf(word) ?? '') || /^[a-z]{3,}ed$/.test(tokens[k].text);
    if (verb && personEndingAt.has(k)) return personEndingAt.get(k);
  }
  return undefined;
}
