import { z } from 'zod';
import { id, nonEmpty, type OperationDefinition, text } from './shared.js';

/** A managed article whose source is gone: retired per the `orphans` policy. */
const schema = z.strictObject({
  kind: z.literal('retire-article'),
  key: nonEmpty,
  articleId: id,
  title: text,
  url: text,
  action: z.enum(['delete', 'unlist']),
});
export type RetireArticleOp = z.infer<typeof schema>;

export const retireArticle = {
  schema,
  label: 'Articles to retire',
  symbol: '-',
  verb: 'retire',
  notice: false,
  bodies: () => [],
  shownBodies: () => [],
  articleIds: (op) => [{ id: op.articleId, key: op.key, role: op.action === 'delete' ? 'delete' : 'unlist' }],
} satisfies OperationDefinition<typeof schema>;
