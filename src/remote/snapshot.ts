import { readMarker } from '../identity/marker.js';
import type { PylonApi } from '../pylon/api.js';
import type { Article, KnowledgeBase } from '../pylon/types.js';
import type { CurrentState, RemoteArticle } from './types.js';

export class KnowledgeBaseNotFoundError extends Error {
  readonly code = 'kb/not-found';
  constructor(reference: string, available: KnowledgeBase[]) {
    const list = available.map((kb) => `${kb.slug} (${kb.id})`).join(', ') || 'none';
    super(
      `Knowledge base "${reference}" was not found. Available: ${list}. Set \`knowledgeBase\` in the config or pass --kb with one of these slugs or ids.`,
    );
    this.name = 'KnowledgeBaseNotFoundError';
  }
}

/** Finds the knowledge base by id or slug; with no reference, the only one there is. */
export async function resolveKnowledgeBase(
  api: PylonApi,
  reference: string | undefined,
): Promise<KnowledgeBase> {
  const all = await api.listKnowledgeBases();
  if (!reference) {
    if (all.length === 1 && all[0]) return all[0];
    throw new KnowledgeBaseNotFoundError('(none given)', all);
  }
  const found = all.find((kb) => kb.id === reference || kb.slug === reference);
  if (!found) throw new KnowledgeBaseNotFoundError(reference, all);
  return found;
}

export function toRemoteArticle(article: Article): RemoteArticle {
  return {
    article,
    marker: readMarker(article.current_draft_content_html),
    publishedMarker: article.is_published ? readMarker(article.current_published_content_html) : null,
  };
}

/** Reads the KB, its collections and articles (every page), users and teams, in parallel. */
export async function loadCurrentState(
  api: PylonApi,
  kbReference: string | undefined,
): Promise<CurrentState> {
  const knowledgeBase = await resolveKnowledgeBase(api, kbReference);
  const [collections, articles, users, teams] = await Promise.all([
    api.listCollections(knowledgeBase.id),
    api.listArticles(knowledgeBase.id),
    api.listUsers(),
    api.listTeams(),
  ]);
  return { knowledgeBase, collections, articles: articles.map(toRemoteArticle), users, teams };
}
