import { ArticleContext, Stage } from '../article';
import { datelineStart } from '../dates';
import { Mention } from '../entities';

/** Person, place and organization mentions, and the place of the article's dateline. */
export const namesStage: Stage = {
  name: 'names',
  run(context) {
    const found = context.resources.finder.find(context.tokenized);
    const strongWords = wordsOfStrongNames(context, found);
    const placeEndsAt = new Set(found.filter((m) => m.kind !== 'person').map((m) => m.lastToken));
    const personStartsAt = new Set(found.filter((m) => m.kind === 'person').map((m) => m.firstToken));
    context.mentions = joinSurnamesTakenForPlaces(
      context,
      found
        .map((m) => (m.kind === 'person' ? withoutLeadingPlace(context, m) : m))
        .filter((m) => m.kind !== 'person' || (!namesAnInstitution(context, m.firstToken, m.lastToken) && !onlyEverydayWords(context, m, strongWords, placeEndsAt, personStartsAt))),
    );
    context.datelinePlace = datelinePlaceOf(context);
  },
};

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
      (gazetteer.isGivenName(given.text) || !lexicon.isCommonWord(given.text.toLowerCase())) && /^[ \t]+$/.test(tokens[given.lastToken - 1].post)
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
  const text = context.document.text;
  const placeAt = (start: number) => context.mentions.find((m) => m.kind === 'place' && m.start === start)?.key ?? null;
  const dated = datelineStart(text);
  if (dated !== null) {
    const lineStart = text.lastIndexOf('\n', dated) + 1;
    const place = placeAt(lineStart + (text.slice(lineStart).match(/^[ \t]*/)?.[0].length ?? 0));
    if (place) return place;
  }
  // An all-capitals headline may open with a name ("BAKER, VOLCKER MEET ..."): only a place before a dash or bracket counts.
  for (const line of text.slice(0, DATELINE_REACH).matchAll(/^[ \t]*(\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu})[ \t]*(?:-|–|—|\()/gmu)) {
    const place = placeAt(line.index! + line[0].indexOf(line[1]));
    if (place) return place;
  }
  for (const line of text.slice(0, DATELINE_REACH).split(/\r?\n/).slice(0, 4)) {
    const name = line.trim();
    const city = name && context.mentions.find((m) => m.kind === 'place' && m.text === name && m.place?.type === 'city');
    if (city) return city.key;
  }
  return null;
}

/** Datelines sit in the first lines of an article. */
const DATELINE_REACH = 400;
