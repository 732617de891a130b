import { z } from 'zod';
import { createArticle } from './create-article.js';
import { createCollection } from './create-collection.js';
import { createRedirects } from './create-redirects.js';
import { deleteCollection } from './delete-collection.js';
import { drift } from './drift.js';
import { moveArticle } from './move-article.js';
import { orphan } from './orphan.js';
import { retireArticle } from './retire-article.js';
import type { OperationDefinition } from './shared.js';
import { updateArticle } from './update-article.js';
import { updateCollection } from './update-collection.js';
import { uploadAsset } from './upload-asset.js';

export type { CreateArticleOp } from './create-article.js';
export type { CreateCollectionOp } from './create-collection.js';
export type { CreateRedirectsOp } from './create-redirects.js';
export type { DeleteCollectionOp } from './delete-collection.js';
export type { DriftNotice } from './drift.js';
export type { MoveArticleOp } from './move-article.js';
export type { OrphanNotice } from './orphan.js';
export type { RetireArticleOp } from './retire-article.js';
export type { ArticleDraft, OperationDefinition, TranslationDraft } from './shared.js';
export { ARTICLE_FIELDS, type ArticleField, type UpdateArticleOp } from './update-article.js';
export type { UpdateCollectionOp } from './update-collection.js';
export type { UploadAssetOp } from './upload-asset.js';

/**
 * Every operation kind, once, in the order reports list them. Adding a kind: one file in this folder
 * (its schema, labels, bodies, article ids), one line here, and its executor in apply/operations/: the
 * records keyed by `OperationKind` in apply, reports and watch then fail to compile until it is handled.
 */
export const OPERATIONS = registry({
  'upload-asset': uploadAsset,
  'create-collection': createCollection,
  'update-collection': updateCollection,
  'create-article': createArticle,
  'update-article': updateArticle,
  'move-article': moveArticle,
  'create-redirects': createRedirects,
  'retire-article': retireArticle,
  'delete-collection': deleteCollection,
  orphan,
  drift,
});

/**
 * Checks that every entry's schema is for its own kind (each file checks its whole definition with
 * `satisfies OperationDefinition<typeof schema>`).
 */
function registry<
  T extends {
    [K in keyof T]: { schema: z.ZodType<{ kind: K }> } & Omit<OperationDefinition<z.ZodType>, 'schema'>;
  },
>(kinds: T): T {
  return kinds;
}

type Registry = typeof OPERATIONS;
export type OperationKind = keyof Registry;

export type Operation = { [K in OperationKind]: z.infer<Registry[K]['schema']> }[OperationKind];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

/** Every operation kind, in the order reports list them. */
export const OPERATION_KINDS = Object.keys(OPERATIONS) as OperationKind[];

/** Kinds that make no remote write. */
export const NOTICE_KINDS: readonly OperationKind[] = OPERATION_KINDS.filter((k) => OPERATIONS[k].notice);

/** The definition of an operation's kind, for calls with the operation. */
export function definitionOf(op: Operation): OperationDefinition<z.ZodType<Operation>> {
  return OPERATIONS[op.kind] as unknown as OperationDefinition<z.ZodType<Operation>>;
}

export const operationSchema = z.discriminatedUnion(
  'kind',
  OPERATION_KINDS.map((k) => OPERATIONS[k].schema) as never,
);
