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
}

export function runLookup(ctx: ApplyContext): PlaceholderLookup {
  return {
    articleUrl: (key) => ctx.articleUrls.get(key) ?? null,
    assetUrl: (sha) => ctx.assetUrls.get(sha) ?? null,
  };
}

/** Links to an article that is not published yet use the path Pylon routes by identifier. */
export function rememberArticle(ctx: ApplyContext, key: string, article: Article): void {
  ctx.articleUrls.set(key, article.url || `/articles/${article.identifier}`);
}
