import { Stage } from '../article';
import { Lexicon } from '../lexicon';
import { MAX_SENTENCE_TOKENS, tokenize, Tokenized } from '../tokens';

/** The share of an article's time budget that splitting it into words may use: a fifth of the analysis of ordinary news text. */
const TOKENS_SHARE = 0.22;

/** Sentences and words with exact offsets. */
export const tokensStage: Stage = {
  name: 'tokens',
  run(context) {
    const { budget } = context;
    context.tokenized = tokenize(context.readable.text, (sentencesSoFar) => budget.stopsBefore(sentencesSoFar, TOKENS_SHARE, 'tokens'));
    joinAfterHonorifics(context.tokenized, context.resources.lexicon);
    if (budget.stoppedIn === 'tokens') budget.stopSentence = context.tokenized.sentences.length;
  },
};

/**
 * compromise ends a sentence at an honorific it does not know as an abbreviation ("President
 * Smt. Droupadi Murmu", "H.E. Mr. Ramon Villanueva"); the name that follows on the same line
 * belongs to the same sentence.
 */
/** "Smt", "Mr", "H.E": an honorific that is an abbreviation, not a word that may end a sentence ("the King."). */
function isAbbreviatedHonorific(word: string, lexicon: Lexicon): boolean {
  const lower = word.toLowerCase();
  return lexicon.honorifics.has(lower) && !lexicon.titleHeads.has(lower) && !lexicon.isCommonWord(lower);
}

function joinAfterHonorifics(tokenized: Tokenized, lexicon: Lexicon): void {
  const { tokens, sentences } = tokenized;
  const joined: typeof sentences = [];
  for (const sentence of sentences) {
    const previous = joined[joined.length - 1];
    const last = previous ? tokens[previous.last - 1] : undefined;
    const honorific = last !== undefined && /^\.[ \t]+$/.test(last.post) && isAbbreviatedHonorific(last.text, lexicon);
    if (previous && honorific && /^\p{Lu}/u.test(tokens[sentence.first].text) && sentence.last - previous.first <= MAX_SENTENCE_TOKENS) {
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
