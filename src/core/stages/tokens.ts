import { Stage } from '../article';
import { tokenize } from '../tokens';

/** Sentences and words with exact offsets. */
export const tokensStage: Stage = {
  name: 'tokens',
  run(context) {
    context.tokenized = tokenize(context.document.text);
  },
};
