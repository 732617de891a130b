import { readMarker } from '../identity/marker.js';
import type { PylonApi } from '../pylon/api.js';
import type { Article, KnowledgeBase } from '../pylon-api/index.js';
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

/** Attaches each language's translations (as listed with `?language=`) to their articles. */
function withTranslations(articles: RemoteArticle[], byLanguage: Map<string, Article[]>): RemoteArticle[] {
  const byId = new Map(articles.map((a) => [a.article.id, a]));
  for (const [language, translated] of byLanguage) {
    for (const t of translated) {
      const remote = byId.get(t.id);
      if (!remote) continue;
      remote.translations = {
        ...remote.translations,
        [language]: {
          title: t.title,
          html: t.current_draft_content_html,
          marker: readMarker(t.current_draft_content_html),
        },
      };
    }
  }
  return articles;
}

/**
 * Reads the KB, its collections and articles (every page), users and teams, in parallel; and, for each
 * language in `languages` the KB supports (other than its default), the translated articles.
 */
export async function loadCurrentState(
  api: PylonApi,
  kbReference: string | undefined,
  options: { languages?: readonly string[] } = {},
): Promise<CurrentState> {
  const knowledgeBase = await resolveKnowledgeBase(api, kbReference);
  const languages = (options.languages ?? []).filter(
    (l) => l !== knowledgeBase.default_language && (knowledgeBase.supported_languages ?? []).includes(l),
  );
  const [collections, articles, users, teams, ...translated] = await Promise.all([
    api.listCollections(knowledgeBase.id),
    api.listArticles(knowledgeBase.id),
    api.listUsers(),
    api.listTeams(),
    ...languages.map((language) => api.listArticles(knowledgeBase.id, { language })),
  ]);
  const byLanguage = new Map(languages.map((l, i) => [l, translated[i] ?? []]));
  return {
    knowledgeBase,
    collections,
    articles: withTranslations(articles.map(toRemoteArticle), byLanguage),
    users,
    teams,
  };
}
