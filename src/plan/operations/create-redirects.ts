import { z } from 'zod';
import { id, nonEmpty, type OperationDefinition, text } from './shared.js';

/** Route redirects to add for an article that stays where it is (frontmatter `redirect_from`). */
const schema = z.strictObject({
  kind: z.literal('create-redirects'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  title: text,
  redirectPaths: z.array(nonEmpty).min(1),
  /** The article body (with its marker) to record the redirects in once they exist. */
  bodyHtml: text,
  /** Publish the recording PATCH (the article is published and config `publish` is on). */
  publish: z.boolean(),
});
export type CreateRedirectsOp = z.infer<typeof schema>;

export const createRedirects = {
  schema,
  label: 'Articles getting redirects (redirect_from)',
  symbol: '+',
  verb: 'add redirects to',
  notice: false,
  bodies: (op) => [{ field: 'bodyHtml', html: op.bodyHtml }],
  shownBodies: () => [],
  articleIds: (op) => [{ id: op.articleId, key: op.key, role: 'add redirects to' }],
} satisfies OperationDefinition<typeof schema>;
