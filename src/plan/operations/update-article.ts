import { z } from 'zod';
import {
  articleBodies,
  id,
  nonEmpty,
  type OperationDefinition,
  text,
  translationSchema,
  visibility,
} from './shared.js';

export const ARTICLE_FIELDS = [
  'title',
  'body',
  'unlisted',
  'visibility',
  'published',
  'translations',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

const schema = z.strictObject({
  kind: z.literal('update-article'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  url: text,
  /** Which fields differ; only these are sent. */
  changes: z.array(z.enum(ARTICLE_FIELDS)).min(1),
  title: text,
  /** Rendered HTML with the marker. */
  bodyHtml: text,
  digest: nonEmpty,
  isUnlisted: z.boolean(),
  isPublished: z.boolean(),
  visibility: visibility.optional(),
  /** Send `publish_updated_body_html: true` (config `publish`). */
  publish: z.boolean(),
  /** Translations to create or update (only the ones that changed). */
  translations: z.array(translationSchema),
  /** How this document found its article when not by its key: a hand-written article adopted by slug, or a rename. */
  matchedBy: z.enum(['adopted', 'pulled', 'renamed', 'redirect_from', 'marker-lost']).optional(),
  /** For a rename: the document key the article had. */
  previousKey: z.string().optional(),
  /** The remote article as it was when planned, for diffs in reports (its HTML without the marker). */
  before: z.strictObject({
    title: text,
    bodyHtml: text,
    isUnlisted: z.boolean(),
    isPublished: z.boolean(),
    visibility: visibility.optional(),
  }),
});
export type UpdateArticleOp = z.infer<typeof schema>;

export const updateArticle = {
  schema,
  label: 'Articles to update',
  symbol: '~',
  verb: 'update',
  notice: false,
  bodies: articleBodies,
  shownBodies: (op) => [
    op.bodyHtml,
    op.before.bodyHtml,
    ...op.translations.flatMap((t) => [t.bodyHtml, t.before?.bodyHtml ?? '']),
  ],
  articleIds: (op) => [{ id: op.articleId, key: op.key, role: 'update' }],
} satisfies OperationDefinition<typeof schema>;
