import { z } from 'zod';
import { articleBodies, articleDraftFields, nonEmpty, type OperationDefinition } from './shared.js';

const schema = z.strictObject({
  kind: z.literal('create-article'),
  key: nonEmpty,
  path: nonEmpty,
  /** Frontmatter `redirect_from`: redirected to the new article as soon as it exists, in the same run. */
  redirectPaths: z.array(nonEmpty).optional(),
  ...articleDraftFields,
});
export type CreateArticleOp = z.infer<typeof schema>;

export const createArticle = {
  schema,
  label: 'Articles to create',
  symbol: '+',
  verb: 'create',
  notice: false,
  bodies: articleBodies,
  shownBodies: (op) => articleBodies(op).map((body) => body.html),
  articleIds: () => [],
} satisfies OperationDefinition<typeof schema>;
