import { readMarker } from '../identity/marker.js';
import type { CreateCollectionOp, DeleteCollectionOp, UpdateCollectionOp } from '../plan/types.js';
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

/** Sends a folder's changed title or description (only when config `collectionUpdates` is on). */
export function updateCollection(ctx: ApplyContext, op: UpdateCollectionOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    const updated = await ctx.api.updateCollection(ctx.kbId, op.collectionId, {
      title: op.title,
      ...(op.description !== undefined ? { description: op.description } : {}),
    });
    return { status: 'updated', op, id: updated.id, url: '' };
  });
}

/**
 * Deletes a collection pylon-kb's runs left behind. Deleting cascades to what is inside, so the remote is
 * read again first: an article without pylon-kb's marker found in it (or below it) keeps it.
 */
export function deleteCollection(ctx: ApplyContext, op: DeleteCollectionOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    const [collections, articles] = await Promise.all([
      ctx.api.listCollections(ctx.kbId),
      ctx.api.listArticles(ctx.kbId),
    ]);
    if (!collections.some((c) => c.id === op.collectionId))
      return { status: 'retired', op, id: op.collectionId };
    const inside = new Set([op.collectionId]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of collections) {
        if (!inside.has(c.id) && c.parent_collection_id && inside.has(c.parent_collection_id)) {
          inside.add(c.id);
          grew = true;
        }
      }
    }
    const kept = articles
      .filter((a) => a.collection_id && inside.has(a.collection_id))
      .filter((a) => {
        const marker = readMarker(a.current_draft_content_html);
        return !marker?.retired;
      });
    if (kept.length > 0) {
      throw new SkipOperation(
        `it still holds ${kept.length} article(s) that are not pylon-kb's retired copies (e.g. "${kept[0]?.title}")`,
      );
    }
    await ctx.api.deleteCollection(ctx.kbId, op.collectionId);
    return { status: 'retired', op, id: op.collectionId };
  });
}
