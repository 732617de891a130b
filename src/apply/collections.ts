import type { CreateCollectionOp } from '../plan/types.js';
import type { ApplyContext } from './context.js';
import { createOrReconcile, findCreatedCollection } from './recover.js';
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
    const created = await createOrReconcile(
      ctx,
      `the collection ${op.key}`,
      () => ctx.api.createCollection(ctx.kbId, body),
      () => findCreatedCollection(ctx.api, ctx.kbId, { slug: op.slug, parentId }),
    );
    ctx.collectionIds.set(op.key, created.id);
    return { status: 'created', op, id: created.id, url: '' };
  });
}
