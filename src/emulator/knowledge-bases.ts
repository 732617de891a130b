import type { KnowledgeBase } from '../pylon-api/index.js';
import { type HandlerDef, object } from './handler-types.js';
import { kbOr404 } from './lookup.js';
import type { KbRecord } from './model.js';

export function kbView(kb: KbRecord): KnowledgeBase {
  return {
    id: kb.id,
    title: kb.title,
    slug: kb.slug,
    default_language: kb.default_language,
    supported_languages: [...kb.supported_languages],
  };
}

export const knowledgeBaseHandlers: HandlerDef[] = [
  {
    endpoint: 'listKnowledgeBases',
    handler: (_req, ctx) => ({
      kind: 'list',
      data: [...ctx.store.knowledgeBases.values()].map(kbView),
      pagination: { cursor: '', has_next_page: false },
    }),
  },
  {
    endpoint: 'getKnowledgeBase',
    handler: (req, ctx) => object(kbView(kbOr404(ctx, req.params.id))),
  },
];
