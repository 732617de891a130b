import type { CreateCollectionOp } from '../plan/types.js';
import type { Collection } from '../pylon-api/index.js';
import type { ApplyContext } from './context.js';
import { isOutcomeUnknown, toOperationError } from './errors.js';
import { findCreatedCollection } from './recover.js';
import type { ApplyResult } from './types.js';

export async function createCollection(ctx: ApplyContext, op: CreateCollectionOp): Promise<ApplyResult> {
  const parentId =
    op.parentId ?? (op.parentKey === null ? null : (ctx.collectionIds.get(op.parentKey) ?? null));
  if (op.parentKey !== null && parentId === null) {
    return { status: 'skipped', op, reason: `its parent collection "${op.parentKey}" was not created` };
  }
  const body = {
    title: op.title,
    slug: op.slug,
    ...(op.description !== undefined ? { description: op.description } : {}),
    ...(parentId !== null ? { parent_collection_id: parentId } : {}),
  };
  let created: Collection | undefined;
  try {
    created = await ctx.api.createCollection(ctx.kbId, body);
  } catch (error) {
    if (!isOutcomeUnknown(error)) return { status: 'failed', op, error: toOperationError(error) };
    try {
      created =
        (await findCreatedCollection(ctx.api, ctx.kbId, { slug: op.slug, parentId })) ??
        (await ctx.api.createCollection(ctx.kbId, body));
    } catch (retryError) {
      return { status: 'failed', op, error: toOperationError(retryError) };
    }
  }
  ctx.collectionIds.set(op.key, created.id);
  return { status: 'created', op, id: created.id, url: '' };
}
