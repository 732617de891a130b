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

/** Pauses before re-reading after a create whose outcome is unknown: the server may still be working on it. */
export const DEFAULT_SETTLE_DELAYS_MS: readonly number[] = [500, 1500, 3000];

/** A create whose outcome is unknown and that is not (yet) in the knowledge base: not sent again, so never made twice. */
export class UnsettledCreateError extends Error {
  override name = 'UnsettledCreateError';
  readonly code = 'outcome_unknown';
}

/**
 * Sends a create once; when its outcome is unknown (a timeout, a 5xx, a connection lost after sending), it is
 * never sent again in this run: the remote is re-read at once and after each pause of `ctx.settleDelaysMs`,
 * and when the object still is not there the create fails. A server that committed it later than that (the
 * remaining window, which is the server's own) leaves exactly one copy, which the next run finds by its
 * marker or its place; a server that never committed it leaves none, and the next run creates it.
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
    for (const delay of ctx.settleDelaysMs) {
      await sleep(delay);
      found = await find();
      if (found) return found;
    }
    const reason =
      (error as { reason?: string }).reason === 'timeout' ? 'timed out' : 'got no certain answer';
    throw new UnsettledCreateError(
      `Creating ${what} ${reason}, and it is not in the knowledge base ${ctx.settleDelaysMs.reduce((a, b) => a + b, 0)} ms later: ` +
        'it was not sent again, so it cannot exist twice. The next run finds it if the server completed it, or creates it.',
    );
  }
}
