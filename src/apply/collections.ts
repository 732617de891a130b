import type { CreateCollectionOp } from '../plan/types.js';
import type { Collection } from '../pylon-api/index.js';
import type { ApplyContext } from './context.js';
import { isOutcomeUnknown } from './errors.js';
import { findCreatedCollection } from './recover.js';
import { asResult, SkipOperation } from './result.js';
import type { ApplyResult } from './types.js';

/** Creates a collection under its parent; a create whose outcome is unknown is resolved by re-reading. */
export function createCollection(ctx: ApplyContext, op: CreateCollectionOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    const parentId =
      op.parentId ?? (op.parentKey === null ? null : (ctx.collectionIds.get(op.parentKey) ?? null));
    if (op.parentKey !== null && parentId === null) {
      throw new SkipOperation(`its parent collection "${op.parentKey}" was not created`);
    }
    const body = {
      title: op.title,
      slug: op.slug,
      ...(op.description !== undefined ? { description: op.description } : {}),
      ...(parentId !== null ? { parent_collection_id: parentId } : {}),
    };
    let created: Collection;
    try {
      created = await ctx.api.createCollection(ctx.kbId, body);
    } catch (error) {
      if (!isOutcomeUnknown(error)) throw error;
      created =
        (await findCreatedCollection(ctx.api, ctx.kbId, { slug: op.slug, parentId })) ??
        (await ctx.api.createCollection(ctx.kbId, body));
    }
    ctx.collectionIds.set(op.key, created.id);
    return { status: 'created', op, id: created.id, url: '' };
  });
}
