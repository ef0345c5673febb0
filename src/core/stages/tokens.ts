import { Stage } from '../article';
import { Lexicon } from '../lexicon';
import { tokenize, Tokenized } from '../tokens';

/** Sentences and words with exact offsets. */
export const tokensStage: Stage = {
  name: 'tokens',
  run(context) {
    context.tokenized = tokenize(context.document.text);
    joinAfterHonorifics(context.tokenized, context.resources.lexicon);
  },
};

/**
 * compromise ends a sentence at an honorific it does not know as an abbreviation ("President
 * Smt. Droupadi Murmu", "H.E. Mr. Ramon Villanueva"); the name that follows on the same line
 * belongs to the same sentence.
 */
function joinAfterHonorifics(tokenized: Tokenized, lexicon: Lexicon): void {
  const { tokens, sentences } = tokenized;
  const joined: typeof sentences = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    const last = previous ? tokens[previous.last - 1] : undefined;
    const honorific = last && lexicon.honorifics.has(last.text.toLowerCase().replace(/\.$/, '')) && /^\.?[ \t]+$/.test(last.post);
    if (previous && honorific && /^\p{Lu}/u.test(tokens[sentence.first].text)) {
      previous.end = sentence.end;
      previous.last = sentence.last;
    } else joined.push({ ...sentence });
  }
  if (joined.length === sentences.length) return;
  joined.forEach((sentence, index) => {
    for (let i = sentence.first; i < sentence.last; i++) tokens[i].sentence = index;
  });
  sentences.splice(0, sentences.length, ...joined);
}
