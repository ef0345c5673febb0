import { ArticleContext, Stage } from '../article';
import { articleStart, datelineStart } from '../dates';
import { normalizeNameForm } from '../knowledgeBase';
import { CONNECTORS, Mention, NAME_LIMITS } from '../entities';
import { TaggedName } from '../tagger/model';
import { keepSentences } from '../tokens';
import { NameType } from '../tagger/scheme';
import { EntityKind, PlaceType } from '../types';

/** Person, place and organization mentions, and the place of the article's dateline. */
export const namesStage: Stage = {
  name: 'names',
  run(context) {
    const { budget } = context;
    const byRules = withinBudget(context, mentionsByRules(context));
    const tagger = context.resources.nameTagger();
    const names = saneNames(context, tagger ? combine(context, byRules, tagger.tag(context.tokenized, byRules, context.resources)) : byRules);
    // The stages after this one take about as long again: keep what the rest of the budget can read.
    budget.stopInProportion(context.tokenized.sentences.length, NAMES_SHARE, 'names');
    context.mentions = withoutCorrectedNames(context, withinBudget(context, names));
    context.datelinePlace = datelinePlaceOf(context);
  },
};

/**
 * The names left when those the reader's knowledge file says are not people, or not places, are
 * taken out; with a full name that is not a person go its shorter forms ("Han" after "Han Zheng")
 * unless another person's name has them.
 */
function withoutCorrectedNames({ resources }: ArticleContext, mentions: Mention[]): Mention[] {
  const { notPeople, notPlaces } = resources;
  if (notPeople.size === 0 && notPlaces.size === 0) return mentions;
  const corrected = (m: Mention) => {
    const names = m.kind === 'person' ? notPeople : m.kind === 'place' ? notPlaces : undefined;
    return names !== undefined && (names.has(normalizeNameForm(m.text)) || (m.place !== undefined && names.has(normalizeNameForm(m.place.name))));
  };
  const wordsOf = (m: Mention) => normalizeNameForm(m.text).split(' ');
  const removedWords = new Set(mentions.filter((m) => m.kind === 'person' && corrected(m)).flatMap(wordsOf));
  const kept = mentions.filter((m) => !corrected(m));
  if (removedWords.size === 0) return kept;
  const keptWords = new Set(kept.filter((m) => m.kind === 'person' && wordsOf(m).length > 1).flatMap(wordsOf));
  return kept.filter((m) => m.kind !== 'person' || !wordsOf(m).every((word) => removedWords.has(word) && !keptWords.has(word)));
}

/** The share of an article's time budget that may be spent when the names are found: on ordinary news text, half the analysis. */
const NAMES_SHARE = 0.5;

/** Once time ran out, the article is read up to the sentence the budget stops at: its tokens end there, and so do its names. */
function withinBudget(context: ArticleContext, mentions: Mention[]): Mention[] {
  const { stopSentence } = context.budget;
  if (stopSentence === null || stopSentence >= context.tokenized.sentences.length) return mentions;
  keepSentences(context.tokenized, stopSentence);
  const read = context.tokenized.tokens.length;
  return mentions.filter((m) => m.lastToken <= read);
}

/** The names the rules, gazetteers and knowledge base find, with the article-level filters applied. */
export function mentionsByRules(context: ArticleContext): Mention[] {
  const { budget } = context;
  const found = context.resources.finder.find(context.tokenized, (index) => budget.stopsBefore(index, RULES_SHARE, 'names'));
  const strongWords = wordsOfStrongNames(context, found);
  const placeEndsAt = new Set(found.filter((m) => m.kind !== 'person').map((m) => m.lastToken));
  const personStartsAt = new Set(found.filter((m) => m.kind === 'person').map((m) => m.firstToken));
  const filtered = found
    .map((m) => (m.kind === 'person' ? withoutLeadingPlace(context, m) : m))
    .filter((m) => m.kind !== 'person' || (!namesAnInstitution(context, m.firstToken, m.lastToken) && !onlyEverydayWords(context, m, strongWords, placeEndsAt, personStartsAt)));
  return withPlacesByContext(context, joinSurnamesTakenForPlaces(context, filtered));
}

/** The share of an article's time budget that tokens and the rules' names may use: on ordinary news text they take a third of the analysis, the tagger a sixth more. */
const RULES_SHARE = 0.35;

/** The longest name a place noun may stand beside ("the town of Ras al-Ain" is four words). */
const CONTEXT_NAME_WORDS = 4;

/**
 * "the village of Daret Azza", "in the Jableh district", "Tafea province", "the Rafah crossing":
 * a lower-case place noun (data/lexicon/geography.json) makes the capitalised name beside it a
 * place, whatever any list or the rules made of it.
 */
function withPlacesByContext(context: ArticleContext, mentions: Mention[]): Mention[] {
  const { tokens, text } = context.tokenized;
  const { lexicon, gazetteer, knowledgeBase } = context.resources;
  const joined = (k: number) => /^[ \t]+$/.test(tokens[k].post) || (tokens[k].post === '-' && /^\p{L}/u.test(tokens[k + 1]?.text ?? ''));
  const isNameWord = (k: number) =>
    /^\p{Lu}/u.test(tokens[k].text) && !lexicon.isDateWord(tokens[k].text.toLowerCase()) && !lexicon.isTitleWord(tokens[k].text.toLowerCase()) && !gazetteer.countryOfDemonym(tokens[k].text);
  const isParticle = (k: number) => gazetteer.isNameParticle(tokens[k].text) && /^\p{Ll}/u.test(tokens[k].text);
  const found: Mention[] = [];
  const placed = new Uint8Array(tokens.length);
  const add = (first: number, last: number, type: PlaceType) => {
    if (last <= first || placed[first]) return;
    const name = text.slice(tokens[first].start, tokens[last - 1].end).replace(/['’]s$/, '');
    if (knowledgeBase.findByName(name).length > 0) return;
    placed.fill(1, first, last);
    const entry = gazetteer.lookupPlace(name) ?? { name, type, country: null };
    found.push({ kind: 'place', start: tokens[first].start, end: tokens[first].start + name.length, text: name, key: entry.name, firstToken: first, lastToken: last, place: entry, byContext: true });
  };
  for (let i = 0; i + 1 < tokens.length; i++) {
    const lower = tokens[i].text.toLowerCase();
    const ofType = lexicon.placeOfNouns.get(lower);
    if (ofType && /^\p{Ll}/u.test(tokens[i].text) && tokens[i + 1].text === 'of' && joined(i) && joined(i + 1) && i + 2 < tokens.length && isNameWord(i + 2)) {
      let last = i + 3;
      while (last < tokens.length && last - (i + 2) < CONTEXT_NAME_WORDS && joined(last - 1) && (isNameWord(last) || (isParticle(last) && joined(last)))) last++;
      add(i + 2, last, ofType);
    }
    const afterType = lexicon.placeNounsAfter.get(lower);
    if (afterType && /^\p{Ll}/u.test(tokens[i].text) && i > 0 && joined(i - 1) && isNameWord(i - 1) && tokens[i - 1].sentence === tokens[i].sentence) {
      let first = i - 1;
      while (first > 0 && i - first < CONTEXT_NAME_WORDS && joined(first - 1) && isNameWord(first - 1) && tokens[first - 1].sentence === tokens[i].sentence) first--;
      // "The Jableh district" at a sentence start: the article is no part of the name.
      while (first < i && lexicon.isFunctionWord(tokens[first].text.toLowerCase())) first++;
      add(first, i, afterType);
    }
  }
  if (found.length === 0) return mentions;
  const clear = (m: Mention) => {
    for (let k = m.firstToken; k < m.lastToken; k++) if (placed[k]) return false;
    return true;
  };
  return [...mentions.filter(clear), ...found].sort((a, b) => a.start - b.start);
}

/**
 * Whatever the rules and the tagger made of unusual text, a name is never longer than any real
 * one, and never ends in a lower-case particle ("Lula da" of "Lula da."): such a particle only
 * joins the parts of a name.
 */
function saneNames(context: ArticleContext, mentions: Mention[]): Mention[] {
  const { tokens } = context.tokenized;
  const sane: Mention[] = [];
  for (const m of mentions) {
    let last = m.lastToken;
    while (last - 1 > m.firstToken && CONNECTORS.has(tokens[last - 1].text) && !m.place) last--;
    const text = context.tokenized.text.slice(m.start, tokens[last - 1].end).replace(/\s+/g, ' ');
    const mention = last === m.lastToken ? m : { ...m, end: tokens[last - 1].end, text, lastToken: last, ...(m.kind === 'organization' ? { key: text } : {}) };
    if (mention.lastToken - mention.firstToken > NAME_LIMITS.words || mention.end - mention.start > NAME_LIMITS.characters) continue;
    // A tab, a line separator or a no-break space between the words of a name is one space in it.
    const spaced = mention.text.replace(/\s+/g, ' ');
    sane.push(spaced === mention.text ? mention : { ...mention, text: spaced, key: mention.key === mention.text ? spaced : mention.key });
  }
  return sane;
}

const KIND_OF: Record<string, EntityKind | undefined> = { PER: 'person', LOC: 'place', ORG: 'organization' };

/**
 * One reading from the tagger's names and the rules' mentions. The tagger decides where names
 * are and of what kind; the rules confirm them (a name read alike keeps the rules' mention, with
 * its gazetteer entry and key), extend them (a person the tagger cut short inside a longer
 * person name of the rules: "Joseph R." of "Joseph R. Biden Jr."), or veto them: where the rules
 * read a person after a title ("Cabinet Office Minister Lord Tellam") or an official the
 * knowledge base knows ("Tony Blair" in "Tony Blair George"), and the tagger reads that stretch
 * otherwise, the rules' mentions there stand. Where the tagger sees no name at all, a place the
 * gazetteer knows, an official the knowledge base knows or a known organization is kept.
 */
function combine(context: ArticleContext, byRules: Mention[], tagged: TaggedName[]): Mention[] {
  const { tokens } = context.tokenized;
  const rules = byRules.filter((m) => !m.nested);
  const ruleAt = new Map(rules.map((m) => [`${m.firstToken}:${m.lastToken}`, m]));
  // The rules' mentions by the tokens they cover, so each name finds its neighbours in time linear in its length.
  const rulesAt = mentionsByToken(tokens.length, rules);
  const nestedAt = mentionsByToken(tokens.length, byRules.filter((m) => m.nested));
  const within = (index: Array<Mention[] | undefined>, first: number, last: number) => {
    const found = new Set<Mention>();
    for (let k = first; k < last; k++) for (const m of index[k] ?? []) found.add(m);
    return [...found];
  };
  const out = new Set<Mention>();
  const covered = new Uint8Array(tokens.length);
  const taggedAt = new Uint8Array(tokens.length);
  for (const name of tagged) taggedAt.fill(1, name.first, name.last);
  const placeEndsAt = new Uint8Array(tokens.length + 1);
  const take = (m: Mention) => {
    out.add(m);
    covered.fill(1, m.firstToken, m.lastToken);
    if (m.kind === 'place') placeEndsAt[m.lastToken] = 1;
    if (m.kind === 'organization') for (const n of within(nestedAt, m.firstToken, m.lastToken)) if (n.firstToken >= m.firstToken && n.lastToken <= m.lastToken) out.add(n);
  };
  // A place the words around it name beats the tagger's reading of the same words.
  for (const m of rules) if (m.byContext) take(m);
  // The words of a title the rules read before a person are no name of their own ("Fisheries" in "Fisheries and mines minister X").
  const inTitle = new Uint8Array(tokens.length);
  const titled = new Set<Mention>();
  for (const m of rules) {
    const start = m.kind === 'person' ? titleStart(context, m, rulesAt) : -1;
    if (start < 0) continue;
    titled.add(m);
    inTitle.fill(1, start, m.firstToken);
  }
  // Words of the longer person names the tagger read: "King" alone may be the "Billie Jean King" named before.
  // Each word's first place in such a name, for a surname that follows its full name.
  const nameWords = new Map<string, number>();
  for (const n of tagged) {
    if (n.type !== 'PER' || n.last - n.first < 2) continue;
    for (const w of wordsOf(mentionOf(context, 'person', n.first, n.last))) nameWords.set(w, Math.min(nameWords.get(w) ?? n.first, n.first));
  }
  const namedBefore = (m: Mention) => m.kind === 'person' && wordsOf(m).every((w) => (nameWords.get(w) ?? Infinity) < m.firstToken);
  for (const m of placesByCueOutsideNames(context, taggedAt)) if (!covered[m.firstToken]) take(m);
  for (const tagging of tagged) {
    const read = withoutTrailingConnectors(context, tagging);
    if (covered.subarray(read.first, read.last).some((c) => c === 1) || !hasCapital(context, read)) continue;
    if (!ruleAt.has(`${read.first}:${read.last}`) && inTitle.subarray(read.first, read.last).every((t) => t === 1)) continue;
    if (read.type === 'PER' && everydayWordAlone(context, read, nameWords)) continue;
    // "WASHINGTON, Jan. 31": a month or a weekday alone is a date, never a name (as the rules read it too).
    if (read.last - read.first === 1 && context.resources.lexicon.isDateWord(tokens[read.first].text.toLowerCase())) continue;
    const raw = placeByCue(context, read.first, read.last, read.type) || listedWithPlace(context, read, placeEndsAt) ? { ...read, type: 'LOC' as const } : read;
    const kind = KIND_OF[raw.type];
    const name = kind === 'person' ? withHyphenatedParts(context, withoutLeadingTitles(context, raw, rulesAt[raw.last - 1] ?? []), taggedAt) : kind ? withHyphenatedParts(context, raw, taggedAt) : raw;
    const same = ruleAt.get(`${name.first}:${name.last}`);
    // Read alike; or an official the knowledge base knows, or a person's name the article gave in full before ("Aart de Zeeuw" ... "De Zeeuw will meet");
    // or a place the gazetteer knows that the tagger took for some other kind of name ("BEIJING -").
    if (same && ((kind && same.kind === kind) || (same.kind === 'person' && (isKnownOfficial(context, same) || namedBefore(same))) || (!kind && same.kind === 'place' && isStrong(context, same)))) {
      take(same);
      continue;
    }
    const overlapping = within(rulesAt, name.first, name.last);
    if (overlapping.some((m) => m.kind === 'person' && (isKnownOfficial(context, m) || titled.has(m)))) {
      for (const m of overlapping) take(m);
      covered.fill(1, name.first, name.last);
      continue;
    }
    // "China-US relations": a hyphenated name whose parts the rules read as names of their own is those names.
    const parts = overlapping.filter((m) => m.firstToken >= name.first && m.lastToken <= name.last);
    if (parts.length > 1 && isHyphenCompound(context, name)) {
      for (const m of parts) take(m);
      covered.fill(1, name.first, name.last);
      continue;
    }
    // A longer name of the rules that holds this one: the rest of a person's name, or a name the lists know whole ("South China Sea").
    const longer = overlapping.find(
      (m) => m.firstToken <= name.first && m.lastToken >= name.last && m.lastToken - m.firstToken > name.last - name.first && ((kind === 'person' && m.kind === 'person' && onlyNameWordsAround(context, m, name)) || isStrong(context, m)),
    );
    if (longer) {
      take(longer);
      continue;
    }
    // Other names ("Wimbledon", "Greater Milwaukee Open") and organizations that hold a title of
    // office ("Special Envoy of the Secretary-General") hold no place or person of their own;
    // the parts of a hyphenated compound may still be places ("U.S.-China relations").
    if (!kind || (kind === 'organization' && holdsTitleWord(context, name))) {
      if (kind) for (const m of overlapping) if (m.firstToken >= name.first && m.lastToken <= name.last) take(m);
      if (!isHyphenCompound(context, name)) covered.fill(1, name.first, name.last);
      continue;
    }
    if (kind !== 'place' || !isModifier(context, name.first, name.last)) take(mentionOf(context, kind, name.first, name.last));
  }
  // Where no name was taken, what the lists know stays: gazetteer places, known officials and
  // organizations, and countries inside an organization only the rules found ("the China-U.S. Coordination Meeting").
  for (const m of byRules.filter((n) => !n.nested || n.place?.type === 'country')) {
    let free = true;
    for (let k = m.firstToken; k < m.lastToken && free; k++) if (covered[k]) free = false;
    if (free && isStrong(context, m) && !isModifier(context, m.firstToken, m.lastToken)) take(m);
  }
  return [...out].sort((a, b) => a.start - b.start);
}

/**
 * "fighting near Tovuz", "had reached Tawila", "officials in Batken said", "advanced on Hpakant":
 * one unknown word (hyphenated parts and all: "Kok-Tash") is a place after a word that leads to
 * places (data/lexicon/geography.json), when the tagger saw no name there, or read it as an
 * organization, another kind of name or a person no list knows; unless the lists know the word
 * otherwise (an everyday word, a date, a nationality, a given name, a known organization).
 */
function placeByCue(context: ArticleContext, first: number, last: number, type: NameType | 'O'): boolean {
  if (first === 0 || type === 'LOC') return false;
  const { tokens } = context.tokenized;
  const { lexicon, gazetteer, knowledgeBase } = context.resources;
  for (let k = first; k < last - 1; k++) if (tokens[k].post !== '-') return false;
  const word = tokens[first].text.replace(/['’]s$/, '');
  const lower = word.toLowerCase();
  if (!/^\p{Lu}\p{Ll}/u.test(word) || gazetteer.countryOfDemonym(word) || lexicon.organizationNames.has(word) || lexicon.organizationHeads.has(lower)) return false;
  if (type !== 'ORG' && type !== 'MISC' && (gazetteer.isGivenName(word) || lexicon.isKnownNamePart(lower) || knowledgeBase.findByName(word).length > 0)) return false;
  if (type === 'O' && (lexicon.isCommonWord(lower) || lexicon.isFunctionWord(lower) || lexicon.isDateWord(lower) || lexicon.isTitleWord(lower))) return false;
  const before = (k: number) => (k >= 0 && /^[ \t]+$/.test(tokens[k].post) ? tokens[k].text.toLowerCase() : '');
  // A hyphenated description may stand between: "visited flood-hit Kalesija", "entered rebel-held Tawila".
  let at = first - 1;
  if (at > 1 && tokens[at - 1].post === '-' && /^\p{Ll}/u.test(tokens[at].text)) at -= 2;
  const one = before(at);
  return lexicon.placeCues.has(one) || (one !== '' && lexicon.placeCues.has(`${before(at - 1)} ${one}`));
}

/**
 * "in Zvornik and Trebinje": one unknown word the tagger took for an organization or another kind
 * of name, listed right after a place with "and" or "or", is a place too.
 */
function listedWithPlace(context: ArticleContext, name: TaggedName, placeEndsAt: Uint8Array): boolean {
  if ((name.type !== 'ORG' && name.type !== 'MISC') || name.last - name.first !== 1 || name.first < 2) return false;
  const { tokens } = context.tokenized;
  const { lexicon, gazetteer } = context.resources;
  const word = tokens[name.first].text.replace(/['’]s$/, '');
  if (!/^\p{Lu}\p{Ll}/u.test(word) || gazetteer.countryOfDemonym(word) || lexicon.organizationNames.has(word) || lexicon.organizationHeads.has(word.toLowerCase())) return false;
  const and = tokens[name.first - 1];
  return /^(and|or)$/.test(and.text) && /^[ \t]+$/.test(and.post) && /^[ \t]+$/.test(tokens[name.first - 2].post) && placeEndsAt[name.first - 1] === 1;
}

/** Unknown single words after a place cue that the tagger left out of every name. */
function placesByCueOutsideNames(context: ArticleContext, taggedAt: Uint8Array): Mention[] {
  const { tokens } = context.tokenized;
  const found: Mention[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (taggedAt[i] || !/^\p{Lu}/u.test(tokens[i].text)) continue;
    let last = i + 1;
    while (last < tokens.length && tokens[last - 1].post === '-' && /^\p{Lu}/u.test(tokens[last].text) && !taggedAt[last]) last++;
    if (placeByCue(context, i, last, 'O')) found.push(mentionOf(context, 'place', i, last));
    i = last - 1;
  }
  return found;
}

function mentionsByToken(tokenCount: number, mentions: readonly Mention[]): Array<Mention[] | undefined> {
  const index = new Array<Mention[] | undefined>(tokenCount);
  for (const m of mentions) for (let k = m.firstToken; k < m.lastToken; k++) (index[k] ??= []).push(m);
  return index;
}

/** How far back a title of office may begin before the name it belongs to ("Deputy National Security Advisor for International Economics"). */
const TITLE_REACH = 8;

/**
 * Where the title the rules read before this person begins, or -1 when none: an honorific right
 * before ("Lord Tellam"), or a run of capitalised words, title words and connectors joined to the
 * name that holds a title word ("Fisheries and mines minister Rosa Quispe").
 */
function titleStart(context: ArticleContext, m: Mention, rulesAt: Array<Mention[] | undefined>): number {
  const { tokens } = context.tokenized;
  const { lexicon } = context.resources;
  const lower = (k: number) => tokens[k].text.toLowerCase();
  const before = m.firstToken - 1;
  const honorific = (k: number) => lexicon.honorifics.has(lower(k).replace(/\.$/, ''));
  let start = -1;
  for (let k = before; k >= 0 && k > before - TITLE_REACH; k--) {
    const joined = /^[\s-]+$/.test(tokens[k].post) || (/^\.\s+$/.test(tokens[k].post) && honorific(k));
    // Capitalised words, connectors, and lower-case words that are no function word or stand before a title word ("energy and mines minister").
    const wordOfTitle = /^\p{Lu}/u.test(tokens[k].text) || /^(of|for|and|the)$/.test(tokens[k].text) || !lexicon.isFunctionWord(lower(k)) || lexicon.isTitleWord(lower(k + 1));
    // Another name the rules read ends the title ("... al-Nahayan received German President Richard von Weizsaecker").
    if (!joined || !wordOfTitle || rulesAt[k]?.some((n) => n.kind !== 'organization')) break;
    if (lexicon.titleHeads.has(lower(k)) || honorific(k) || start >= 0) start = k;
  }
  return start;
}

/** "the BBC the": a name ends with a capitalised word or the rest of a hyphenated one, never with "the" or "of". */
function withoutTrailingConnectors(context: ArticleContext, name: TaggedName): TaggedName {
  const { tokens } = context.tokenized;
  let last = name.last;
  while (last - 1 > name.first && /^\p{Ll}/u.test(tokens[last - 1].text) && tokens[last - 2].post !== '-') last--;
  return last === name.last ? name : { ...name, last };
}

/**
 * "Peace" in "Political Affairs, Peace and Security": one everyday word joined by "and" to another
 * capitalised everyday word is part of a name of some other thing, not a person, unless the
 * article names someone with it ("Billie Jean King" ... "King and Navratilova").
 */
function everydayWordAlone(context: ArticleContext, name: TaggedName, nameWords: ReadonlyMap<string, number>): boolean {
  if (name.last - name.first !== 1) return false;
  const { tokens } = context.tokenized;
  const { lexicon } = context.resources;
  const everyday = (k: number) => {
    const lower = tokens[k]?.text.replace(/['’]s$/, '').toLowerCase() ?? '';
    return /^\p{Lu}/u.test(tokens[k]?.text ?? '') && lexicon.isCommonWord(lower) && !lexicon.isKnownNamePart(lower) && !nameWords.has(lower);
  };
  const and = (k: number) => /^(and|&)$/.test(tokens[k]?.text ?? '') && /^[ \t]+$/.test(tokens[k].post);
  const k = name.first;
  return everyday(k) && ((and(k + 1) && everyday(k + 2)) || (and(k - 1) && everyday(k - 2)));
}

const holdsTitleWord = (context: ArticleContext, name: TaggedName) => {
  const { titleHeads } = context.resources.lexicon;
  for (let k = name.first; k < name.last; k++) if (context.tokenized.tokens[k].text.toLowerCase().split('-').some((part) => titleHeads.has(part))) return true;
  return false;
};

/** A mention of a name only the tagger found. */
function mentionOf(context: ArticleContext, kind: EntityKind, first: number, last: number): Mention {
  const { tokens, text } = context.tokenized;
  const start = tokens[first].start;
  const end = /\p{L}['’]s$/u.test(tokens[last - 1].text) ? tokens[last - 1].end - 2 : tokens[last - 1].end;
  const mentionText = text.slice(start, end);
  const place = kind === 'place' ? context.resources.gazetteer.lookupPlace(mentionText) : undefined;
  return { kind, start, end, text: mentionText, key: kind === 'person' ? '' : (place?.name ?? mentionText), firstToken: first, lastToken: last, ...(place ? { place } : {}) };
}

/** The words a longer name of the rules adds are capitalised, name particles, or the rest of a hyphenated word ("Jr.", "R.", "al-", "-sung"), and no possessive ends a word inside it. */
function onlyNameWordsAround(context: ArticleContext, longer: Mention, name: TaggedName): boolean {
  const { tokens } = context.tokenized;
  for (let k = longer.firstToken; k < longer.lastToken; k++) {
    if (k < longer.lastToken - 1 && /['’]s$/.test(tokens[k].text)) return false;
    if (k >= name.first && k < name.last) continue;
    if (!/^\p{Lu}/u.test(tokens[k].text) && !(k > 0 && tokens[k - 1].post === '-') && !context.resources.gazetteer.isNameParticle(tokens[k].text)) return false;
  }
  return true;
}

const isHyphenCompound = (context: ArticleContext, name: TaggedName) => {
  for (let k = name.first; k < name.last - 1; k++) if (context.tokenized.tokens[k].post === '-') return true;
  return false;
};

/** "Tripoli-based", "an Amman-bound plane", "pro-Moscow": a place joined to a lower-case word or a prefix describes something else. */
function isModifier(context: ArticleContext, first: number, last: number): boolean {
  const { tokens } = context.tokenized;
  const joinedAfter = tokens[last - 1].post === '-' && /^\p{Ll}/u.test(tokens[last]?.text ?? '');
  const joinedBefore = first > 0 && tokens[first - 1].post === '-' && /^(pro|anti|ex|non|post|pre)$/i.test(tokens[first - 1].text);
  return joinedAfter || joinedBefore;
}

/** A name has a capitalised word: the tagger's "of" or "and" alone is none. */
const hasCapital = (context: ArticleContext, name: TaggedName) => {
  for (let k = name.first; k < name.last; k++) if (/^[\p{Lu}\p{N}]/u.test(context.tokenized.tokens[k].text)) return true;
  return false;
};

const isKnownOfficial = (context: ArticleContext, m: Mention) => context.resources.knowledgeBase.findByName(m.text).length > 0;

/** What the rules know from their lists: a place in the gazetteer, an official in the knowledge base, a known organization. */
function isStrong(context: ArticleContext, m: Mention): boolean {
  if (m.kind === 'place') return m.place !== undefined;
  if (m.kind === 'organization') return context.resources.lexicon.organizationNames.has(m.text);
  return isKnownOfficial(context, m);
}

/**
 * "State Councilor Dai Bingguo", "Speaker of the National Assembly Dennis Oduya": capitalised
 * title words before a person's name are the title, not the name; so are the words before where
 * the rules start the same name, when each is a title, an institution, a place or an everyday
 * word and none a given name.
 */
function withoutLeadingTitles(context: ArticleContext, name: TaggedName, rulesAtEnd: readonly Mention[]): TaggedName {
  const { tokens } = context.tokenized;
  const { lexicon, gazetteer } = context.resources;
  const lower = (k: number) => tokens[k].text.toLowerCase().replace(/['’]s$/, '');
  let first = name.first;
  while (first < name.last - 1 && (lexicon.isTitleWord(lower(first)) || lexicon.honorifics.has(lower(first).replace(/\.$/, '')))) first++;
  const byRules = rulesAtEnd.find((m) => m.kind === 'person' && m.lastToken === name.last && m.firstToken > first);
  const notAName = (k: number) =>
    !gazetteer.isGivenName(tokens[k].text) &&
    (lexicon.isTitleWord(lower(k)) || lexicon.organizationHeads.has(lower(k)) || lexicon.isCommonWord(lower(k)) || gazetteer.lookupPlace(tokens[k].text) !== undefined);
  if (byRules) {
    let k = first;
    while (k < byRules.firstToken && notAName(k)) k++;
    if (k === byRules.firstToken) first = k;
  }
  return first === name.first ? name : { ...name, first };
}

/**
 * "Kim Il-sung", "Kok-Tash": the parts of a hyphenated word belong to the name its first part
 * ends, unless a part is a name of its own ("U.S.-China"); only a person's name goes on in lower
 * case ("New York-based" is no longer name).
 */
function withHyphenatedParts(context: ArticleContext, name: TaggedName, taggedAt: Uint8Array): TaggedName {
  const { tokens } = context.tokenized;
  let last = name.last;
  const part = name.type === 'PER' ? /^\p{L}/u : /^\p{Lu}/u;
  while (last < tokens.length && tokens[last - 1].post === '-' && tokens[last].sentence === tokens[last - 1].sentence && part.test(tokens[last].text) && !taggedAt[last]) last++;
  return last === name.last ? name : { ...name, last };
}

/**
 * "Governor of the Tula Region Alexei Dyumin": a word that ends a place's name ("Region",
 * "Province", "Oblast") ends the title's place, and the name starts after it; likewise the words
 * of a title's "for" or "of" ("Advisor for International Economics Daleep Singh").
 */
function withoutLeadingPlace(context: ArticleContext, m: Mention): Mention {
  const { tokens, text } = context.tokenized;
  const { lexicon, gazetteer } = context.resources;
  const from = (first: number): Mention => ({ ...m, firstToken: first, start: tokens[first].start, text: text.slice(tokens[first].start, m.end) });
  for (let k = m.lastToken - 3; k >= m.firstToken; k--) if (lexicon.placeWordsAfter.get(tokens[k].text) === 'region') return from(k + 1);
  // "Advisor for International Economics Daleep Singh": after a title's "for" or "of", the name starts at its given name.
  const before = tokens[m.firstToken - 1];
  if (m.lastToken - m.firstToken >= 3 && before && /^(for|of)$/.test(before.text)) {
    for (let k = m.firstToken + 1; k <= m.lastToken - 2; k++) if (gazetteer.isGivenName(tokens[k].text)) return from(k);
    return from(m.lastToken - 2);
  }
  return m;
}

/**
 * "Prime Minister Avner Golan": a given name after a title, then one word that is also a place,
 * is one person's name; a place does not follow a given name with nothing between.
 */
function joinSurnamesTakenForPlaces(context: ArticleContext, mentions: Mention[]): Mention[] {
  const { tokens, text } = context.tokenized;
  const { gazetteer, lexicon } = context.resources;
  const joined: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const [given, next] = [mentions[i], mentions[i + 1]];
    const titled = given.firstToken > 0 && lexicon.isTitleWord(tokens[given.firstToken - 1].text.toLowerCase());
    if (
      given.kind === 'person' && next?.kind === 'place' && titled &&
      given.lastToken - given.firstToken === 1 && next.lastToken - next.firstToken === 1 && next.firstToken === given.lastToken &&
      (gazetteer.isGivenName(given.text) || !lexicon.isCommonWord(given.text.toLowerCase())) && /^[ \t]+$/.test(tokens[given.lastToken - 1].post) && !/['’]s$/.test(tokens[given.lastToken - 1].text)
    ) {
      joined.push({ ...given, end: next.end, text: text.slice(given.start, next.end), lastToken: next.lastToken });
      i++;
    } else joined.push(mentions[i]);
  }
  return joined;
}

/**
 * "the Exchequer", "the General Agreement", "the House": one word that no list knows as a name,
 * after "the" and perhaps title words, names an institution or an office, never a person.
 */
function namesAnInstitution(context: ArticleContext, first: number, last: number): boolean {
  if (last - first !== 1) return false;
  const { tokens } = context.tokenized;
  const { lexicon, knowledgeBase } = context.resources;
  const word = tokens[first].text.replace(/['’]s$/, '');
  if (lexicon.isKnownNamePart(word.toLowerCase()) || knowledgeBase.findByName(word).length > 0) return false;
  let k = first - 1;
  while (k >= 0 && k >= first - 3 && /^\p{Lu}/u.test(tokens[k].text) && lexicon.isTitleWord(tokens[k].text.toLowerCase()) && !/[^\s]/.test(tokens[k].post)) k--;
  return k >= 0 && tokens[k].text.toLowerCase() === 'the' && !/[^\s]/.test(tokens[k].post);
}

const wordsOf = (m: Mention) => m.text.replace(/['’]s$/, '').split(/[\s-]+/).map((w) => w.toLowerCase());

/** Words of person names that hold at least one word no dictionary has: "Rice" in "Condoleezza Rice". */
function wordsOfStrongNames(context: ArticleContext, mentions: Mention[]): Set<string> {
  const { lexicon } = context.resources;
  const words = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'person') continue;
    const parts = wordsOf(m);
    if (parts.some((w) => !lexicon.isCommonWord(w) || lexicon.isKnownNamePart(w))) for (const w of parts) words.add(w);
  }
  return words;
}

/**
 * "Political Affairs", "Krasnodar Territory": everyday words that no name in the article, no
 * title right before them and no official in the knowledge base make a person's name are not one.
 */
function onlyEverydayWords(context: ArticleContext, m: Mention, strongWords: Set<string>, placeEndsAt: Set<number>, personStartsAt: Set<number>): boolean {
  const { lexicon, knowledgeBase } = context.resources;
  const parts = wordsOf(m);
  if (parts.some((w) => !lexicon.isCommonWord(w) || lexicon.isKnownNamePart(w) || strongWords.has(w))) return false;
  const before = context.tokenized.tokens[m.firstToken - 1];
  const titled = before && /^\p{Lu}/u.test(before.text) && (lexicon.isTitleWord(before.text.toLowerCase()) || lexicon.honorifics.has(before.text.toLowerCase().replace(/\.$/, '')));
  if (titled || knowledgeBase.findByName(m.text).length > 0) return false;
  // One everyday word alone may be a surname ("Young scored"); after "of", "for" or a place's name,
  // or right before another name ("Krasnodar Territory Igor Lazarenko"), it ends a title instead.
  const last = context.tokenized.tokens[m.lastToken - 1];
  const nameFollows = personStartsAt.has(m.lastToken) && !/[^\s]/.test(last.post);
  return parts.length > 1 || nameFollows || (before !== undefined && !/[^\s]/.test(before.post) && (/^(of|for)$/.test(before.text) || placeEndsAt.has(m.firstToken)));
}

/**
 * The place a dateline opens with: the line of the date the article states about itself
 * ("WASHINGTON, April 7 -", "New Delhi, February 14, 2024"), an all-capitals place before a dash
 * or bracket ("BEIJING -"), or a city alone on one of the first lines ("Paris" under a stamp).
 */
function datelinePlaceOf(context: ArticleContext): string | null {
  const text = context.readable.text;
  const placeAt = (start: number) => context.mentions.find((m) => m.kind === 'place' && m.start === start)?.key ?? null;
  const dated = datelineStart(text);
  if (dated !== null) {
    const lineStart = text.lastIndexOf('\n', dated) + 1;
    const place = placeAt(lineStart + (text.slice(lineStart).match(/^[ \t]*/)?.[0].length ?? 0));
    if (place) return place;
  }
  // An all-capitals headline may open with a name ("BAKER, VOLCKER MEET ..."): only a place before a dash or bracket counts.
  const start = articleStart(text);
  const head = text.slice(start, start + DATELINE_REACH);
  for (const line of head.matchAll(/^[ \t]*(\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu})[ \t]*(?:-|–|—|\()/gmu)) {
    const place = placeAt(start + line.index! + line[0].indexOf(line[1]));
    if (place) return place;
  }
  for (const line of head.split(/\r?\n/).slice(0, 4)) {
    const name = line.trim();
    const city = name && context.mentions.find((m) => m.kind === 'place' && m.text === name && m.place?.type === 'city');
    if (city) return city.key;
  }
  return null;
}

/** Datelines sit in the first lines of an article. */
const DATELINE_REACH = 400;
