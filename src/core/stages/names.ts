import { ArticleContext, Stage } from '../article';
import { Mention } from '../entities';

/** Person, place and organization mentions. */
export const namesStage: Stage = {
  name: 'names',
  run(context) {
    const found = context.resources.finder.find(context.tokenized);
    const strongWords = wordsOfStrongNames(context, found);
    const placeEndsAt = new Set(found.filter((m) => m.kind !== 'person').map((m) => m.lastToken));
    context.mentions = found.filter((m) => m.kind !== 'person' || (!namesAnInstitution(context, m.firstToken, m.lastToken) && !onlyEverydayWords(context, m, strongWords, placeEndsAt)));
  },
};

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
function onlyEverydayWords(context: ArticleContext, m: Mention, strongWords: Set<string>, placeEndsAt: Set<number>): boolean {
  const { lexicon, knowledgeBase } = context.resources;
  const parts = wordsOf(m);
  if (parts.some((w) => !lexicon.isCommonWord(w) || lexicon.isKnownNamePart(w) || strongWords.has(w))) return false;
  const before = context.tokenized.tokens[m.firstToken - 1];
  const titled = before && /^\p{Lu}/u.test(before.text) && (lexicon.isTitleWord(before.text.toLowerCase()) || lexicon.honorifics.has(before.text.toLowerCase().replace(/\.$/, '')));
  if (titled || knowledgeBase.findByName(m.text).length > 0) return false;
  // One everyday word alone may be a surname ("Young scored"); after "of", "for" or a place's name it ends that name instead.
  return parts.length > 1 || (before !== undefined && !/[^\s]/.test(before.post) && (/^(of|for)$/.test(before.text) || placeEndsAt.has(m.firstToken)));
}
