import { Stage } from '../article';
import { RoleReader } from '../roles';

/** Titles of office around each person mention, read on demand by the people stage. */
export const rolesStage: Stage = {
  name: 'roles',
  run(context) {
    const { gazetteer, lexicon } = context.resources;
    context.roles = new RoleReader(context.tokenized.tokens, context.mentions, gazetteer, lexicon);
  },
};
