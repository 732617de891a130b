import { z } from 'zod';
import { VISIBILITIES } from '../pylon-api/index.js';
import type * as T from './types.js';
import { PLAN_VERSION } from './types.js';

/**
 * The saved-plan file (`plan --json --out plan.json`) as a schema: `apply plan.json` reads a file that may
 * have been edited, so every operation is checked field by field before anything trusts it. Objects are
 * strict (a field pylon-kb never writes is an error, not ignored), and the type checks at the bottom fail
 * the build when an operation type gains a field this schema does not know.
 */

const text = z.string();
const nonEmpty = z.string().min(1, 'must not be empty');
const id = nonEmpty;
const visibility = z.enum(VISIBILITIES);
const stringList = z.array(z.string());

const translation = z.strictObject({
  language: nonEmpty,
  path: nonEmpty,
  title: text,
  bodyHtml: text,
  before: z.strictObject({ title: text, bodyHtml: text }).optional(),
});

/** What bodies link to and embed (reports only: apply never reads it). */
const references = z.strictObject({
  articles: z.record(
    z.string(),
    z.strictObject({ title: text, path: text, url: text.optional(), previousUrl: text.optional() }),
  ),
  assets: z.record(z.string(), z.strictObject({ path: text, contentType: text, url: text.optional() })),
});

const articleDraft = {
  title: text,
  slug: nonEmpty,
  collectionKey: z.string().nullable(),
  collectionId: z.string().nullable(),
  authorUserId: id,
  isPublished: z.boolean(),
  isUnlisted: z.boolean(),
  visibility: visibility.optional(),
  bodyHtml: text,
  digest: nonEmpty,
  translations: z.array(translation),
};

const uploadAsset = z.strictObject({
  kind: z.literal('upload-asset'),
  key: nonEmpty,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
  size: z.number().int().nonnegative(),
  contentType: nonEmpty,
});

const createCollection = z.strictObject({
  kind: z.literal('create-collection'),
  key: nonEmpty,
  title: text,
  slug: nonEmpty,
  description: z.string().optional(),
  parentKey: z.string().nullable(),
  parentId: z.string().nullable(),
});

const createArticle = z.strictObject({
  kind: z.literal('create-article'),
  key: nonEmpty,
  path: nonEmpty,
  redirectPaths: z.array(nonEmpty).optional(),
  ...articleDraft,
});

const before = z.strictObject({
  title: text,
  bodyHtml: text,
  isUnlisted: z.boolean(),
  isPublished: z.boolean(),
  visibility: visibility.optional(),
});

const updateArticle = z.strictObject({
  kind: z.literal('update-article'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  url: text,
  changes: z.array(z.enum(['title', 'body', 'unlisted', 'visibility', 'published', 'translations'])).min(1),
  title: text,
  bodyHtml: text,
  digest: nonEmpty,
  isUnlisted: z.boolean(),
  isPublished: z.boolean(),
  visibility: visibility.optional(),
  publish: z.boolean(),
  translations: z.array(translation),
  matchedBy: z.enum(['adopted', 'pulled', 'renamed', 'redirect_from', 'marker-lost']).optional(),
  previousKey: z.string().optional(),
  before,
});

const moveArticle = z.strictObject({
  kind: z.literal('move-article'),
  key: nonEmpty,
  path: nonEmpty,
  ...articleDraft,
  from: z.strictObject({
    articleId: id,
    key: nonEmpty,
    url: text,
    slug: text,
    collectionKey: z.string().nullable(),
    redirects: stringList,
  }),
  redirectPaths: stringList,
  retire: z.enum(['delete', 'unlist']),
  reason: z.enum(['collection-changed', 'slug-changed', 'renamed']),
  similarity: z.number().optional(),
});

const createRedirects = z.strictObject({
  kind: z.literal('create-redirects'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  title: text,
  redirectPaths: z.array(nonEmpty).min(1),
  bodyHtml: text,
  publish: z.boolean(),
});

const retireArticle = z.strictObject({
  kind: z.literal('retire-article'),
  key: nonEmpty,
  articleId: id,
  title: text,
  url: text,
  action: z.enum(['delete', 'unlist']),
});

const updateCollection = z.strictObject({
  kind: z.literal('update-collection'),
  key: nonEmpty,
  collectionId: id,
  title: nonEmpty,
  description: text.optional(),
  before: z.strictObject({ title: text, description: text.optional() }),
});

const deleteCollection = z.strictObject({
  kind: z.literal('delete-collection'),
  key: nonEmpty,
  collectionId: id,
  title: text,
  reason: z.enum(['duplicate', 'emptied']),
  depth: z.number().int().min(1),
});

const orphan = z.strictObject({
  kind: z.literal('orphan'),
  key: nonEmpty,
  articleId: id,
  title: text,
  url: text,
});

const drift = z.strictObject({
  kind: z.literal('drift'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  title: text,
  url: text,
  resolution: z.enum(['fail', 'skip', 'overwrite']),
  localHtml: z.string().optional(),
  pylonHtml: z.string().optional(),
  baseIsLastPublish: z.boolean().optional(),
});

const OPERATION_SCHEMAS = {
  'upload-asset': uploadAsset,
  'create-collection': createCollection,
  'update-collection': updateCollection,
  'delete-collection': deleteCollection,
  'create-article': createArticle,
  'update-article': updateArticle,
  'move-article': moveArticle,
  'create-redirects': createRedirects,
  'retire-article': retireArticle,
  orphan,
  drift,
} as const;

export const OPERATION_KINDS = Object.keys(OPERATION_SCHEMAS) as T.OperationKind[];

export const operationSchema = z.discriminatedUnion('kind', Object.values(OPERATION_SCHEMAS) as never);

const diagnostic = z.looseObject({
  severity: z.enum(['error', 'warning']),
  code: nonEmpty,
  message: text,
});

export const planSchema = z.strictObject({
  version: z.literal(PLAN_VERSION),
  knowledgeBase: z.strictObject({ id, slug: text, title: text }),
  summary: z.record(z.string(), z.number()),
  operations: z.array(z.unknown()),
  diagnostics: z.array(diagnostic),
  remoteVersions: z.record(z.string(), nonEmpty),
  references: references.optional(),
});

export { OPERATION_SCHEMAS };

// Compile-time agreement with the types in types.ts: same keys per kind, and every valid op is accepted.
type Keys<S extends z.ZodType> = keyof z.infer<S>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Schemas = typeof OPERATION_SCHEMAS;
type OpOf<K extends T.OperationKind> = Extract<T.Operation, { kind: K }>;
type KeysAgree = { [K in T.OperationKind]: Same<Keys<Schemas[K]>, keyof OpOf<K>> };
type AllTrue<R> = R[keyof R] extends true ? true : false;
const keysAgree: AllTrue<KeysAgree> = true;
type Accepts = { [K in T.OperationKind]: OpOf<K> extends z.input<Schemas[K]> ? true : false };
const acceptsEveryOperation: AllTrue<Accepts> = true;
void keysAgree;
void acceptsEveryOperation;
