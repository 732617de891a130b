import { z } from 'zod';
import {
  articleBodies,
  articleDraftFields,
  id,
  nonEmpty,
  type OperationDefinition,
  stringList,
  text,
} from './shared.js';

/**
 * A document whose collection or slug changed (or that was renamed): create the new article, redirect the
 * old public paths to it, retire the old article. Pylon cannot change an article's slug or collection.
 */
const schema = z.strictObject({
  kind: z.literal('move-article'),
  key: nonEmpty,
  path: nonEmpty,
  ...articleDraftFields,
  from: z.strictObject({
    articleId: id,
    key: nonEmpty,
    url: text,
    slug: text,
    collectionKey: z.string().nullable(),
    /** Paths that already redirect to the old article (recorded in its marker). */
    redirects: stringList,
  }),
  /**
   * Public paths (e.g. `/articles/1234567890-old-slug`) that will redirect to the new article: the old
   * article's path and every path that already redirected to it (no chains).
   */
  redirectPaths: stringList,
  retire: z.enum(['delete', 'unlist']),
  /** Why this is a move: a changed collection or slug, or a rename paired by similarity / git / redirect_from. */
  reason: z.enum(['collection-changed', 'slug-changed', 'renamed']),
  similarity: z.number().optional(),
});
export type MoveArticleOp = z.infer<typeof schema>;

export const moveArticle = {
  schema,
  label: 'Articles to move',
  symbol: '→',
  verb: 'move',
  notice: false,
  bodies: articleBodies,
  shownBodies: (op) => articleBodies(op).map((body) => body.html),
  articleIds: (op) => [{ id: op.from.articleId, key: op.from.key, role: `retire (${op.retire})` }],
} satisfies OperationDefinition<typeof schema>;
