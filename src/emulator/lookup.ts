import { notFound } from './errors.js';
import type { HandlerContext } from './handler-types.js';
import type { ArticleRecord, CollectionRecord, KbRecord } from './model.js';

/** Path-id lookups: an unknown id, or one from another knowledge base, is a 404. */

export function kbOr404(ctx: HandlerContext, id: string | undefined): KbRecord {
  const kb = id === undefined ? undefined : ctx.store.knowledgeBases.get(id);
  if (!kb) throw notFound('Knowledge base');
  return kb;
}

export function collectionOr404(ctx: HandlerContext, kb: KbRecord, id: string | undefined): CollectionRecord {
  const c = id === undefined ? undefined : ctx.store.collections.get(id);
  if (!c || c.kb_id !== kb.id) throw notFound('Collection');
  return c;
}

export function articleOr404(ctx: HandlerContext, kb: KbRecord, id: string | undefined): ArticleRecord {
  const a = id === undefined ? undefined : ctx.store.articles.get(id);
  if (!a || a.kb_id !== kb.id) throw notFound('Article');
  return a;
}
