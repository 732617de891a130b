import type { PlaceholderLookup } from '../identity/placeholders.js';
import type { Operation } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import type { Article } from '../pylon-api/index.js';
import type { ApplyResult } from './types.js';

export type ApplyEvent = { type: 'start'; op: Operation } | { type: 'done'; result: ApplyResult };

export interface ApplyContext {
  api: PylonApi;
  kbId: string;
  /** Local collection key → remote id, filled as collections are created. */
  collectionIds: Map<string, string>;
  /** Document key → public URL of the articles created or moved in this run. */
  articleUrls: Map<string, string>;
  /** File digest → URL of the files uploaded in this run. */
  assetUrls: Map<string, string>;
  /** Article id → the redirect paths its marker records since this run created them (relinks keep them). */
  recordedRedirects: Map<string, string[]>;
  /** Pauses before re-reading after a create timed out (recover.ts). */
  settleDelaysMs: readonly number[];
  /**
   * Articles that stay but whose URL the run may change (the plan's `urlsBefore`): document key → the URL
   * they had when planned, which a body links to until their update has returned the new one.
   */
  urlsBefore: ReadonlyMap<string, string>;
  /** While one operation runs: the keys its bodies were sent with a `urlsBefore` URL for (relinked later). */
  sentWithUrlBefore?: Set<string>;
}

/**
 * What the run knows: the URLs of articles created, moved or re-published so far and of files uploaded,
 * else the URL an article had when planned. `sending`: the lookup builds a body being sent, so the keys
 * filled in from `urlsBefore` are noted for a relink once their new URL is known.
 */
export function runLookup(ctx: ApplyContext, sending = false): PlaceholderLookup {
  return {
    articleUrl: (key) => {
      const known = ctx.articleUrls.get(key);
      if (known !== undefined) return known;
      const before = ctx.urlsBefore.get(key);
      if (before === undefined) return null;
      if (sending) ctx.sentWithUrlBefore?.add(key);
      return before;
    },
    assetUrl: (sha) => ctx.assetUrls.get(sha) ?? null,
  };
}

/** Links to an article that is not published yet use the path Pylon routes by identifier. */
export function rememberArticle(ctx: ApplyContext, key: string, article: Article): void {
  ctx.articleUrls.set(key, article.url || `/articles/${article.identifier}`);
}
