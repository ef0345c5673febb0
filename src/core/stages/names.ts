import { ArticleContext, Stage } from '../article';

/** Person, place and organization mentions. */
export const namesStage: Stage = {
  name: 'names',
  run(context) {
    context.mentions = context.resources.finder.find(context.tokenized).filter((m) => m.kind !== 'person' || !namesAnInstitution(context, m.firstToken, m.lastToken));
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
