import { setTimeout as sleep } from 'node:timers/promises';
import { readMarker } from '../identity/marker.js';
import type { PylonApi } from '../pylon/api.js';
import type { Article, Collection } from '../pylon-api/index.js';
import type { ApplyContext } from './context.js';
import { isOutcomeUnknown } from './errors.js';

/**
 * After a create whose outcome is unknown, the remote is re-read: the article pylon-kb may have created
 * is recognised by its marker key and its place (a move's old article has the same key elsewhere).
 */
export async function findCreatedArticle(
  api: PylonApi,
  kbId: string,
  where: { key: string; slug: string; collectionId: string | null },
): Promise<Article | undefined> {
  const articles = await api.listArticles(kbId);
  return articles.find(
    (a) =>
      readMarker(a.current_draft_content_html)?.key === where.key &&
      a.slug === where.slug &&
      (a.collection_id ?? null) === where.collectionId,
  );
}

export async function findCreatedCollection(
  api: PylonApi,
  kbId: string,
  where: { slug: string; parentId: string | null },
): Promise<Collection | undefined> {
  const collections = await api.listCollections(kbId);
  return collections.find(
    (c) => c.slug === where.slug && (c.parent_collection_id ?? null) === where.parentId,
  );
}

/** Pauses before re-reading after a timed-out create: the server may still be working on the request. */
export const DEFAULT_SETTLE_DELAYS_MS: readonly number[] = [500, 1500, 3000];

/** A create that timed out and is not (yet) in the knowledge base: not sent again, so never made twice. */
export class UnsettledCreateError extends Error {
  override name = 'UnsettledCreateError';
  readonly code = 'outcome_unknown';
}

/**
 * Sends a create once; when its outcome is unknown, reconciles by re-reading before anything is re-sent.
 * A response lost after the server answered (a 5xx, a dropped connection) is re-read at once, and sent
 * again only when the object is not there. A request that timed out may still be running on the server:
 * it is re-read after each pause of `ctx.settleDelaysMs`, and when it still is not there it is not sent
 * again in this run (the next run finds it by its marker or its place, or creates it).
 */
export async function createOrReconcile<T>(
  ctx: ApplyContext,
  what: string,
  send: () => Promise<T>,
  find: () => Promise<T | undefined>,
): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    let found = await find();
    if (found) return found;
    if ((error as { reason?: string }).reason !== 'timeout') return send();
    for (const delay of ctx.settleDelaysMs) {
      await sleep(delay);
      found = await find();
      if (found) return found;
    }
    throw new UnsettledCreateError(
      `Creating ${what} timed out, and it is not in the knowledge base ${ctx.settleDelaysMs.reduce((a, b) => a + b, 0)} ms later: ` +
        'it was not sent again, so it cannot exist twice. The next run finds it if the server completed it, or creates it.',
    );
  }
}
