import type { PylonApi } from '../pylon/api.js';
import type { Article, Collection, KnowledgeBase, User } from '../pylon-api/index.js';
import { resolveKnowledgeBase, toRemoteArticle } from '../remote/snapshot.js';
import type { RemoteArticle } from '../remote/types.js';

export interface PullSource {
  knowledgeBase: KnowledgeBase;
  collections: Collection[];
  articles: RemoteArticle[];
  users: User[];
  /** Translated articles by language (languages the KB supports other than its default). */
  translations: Map<string, Map<string, Article>>;
}

export class PullInputError extends Error {
  override name = 'PullInputError';
  readonly code = 'pull/input';
}

/** Reads what pull writes: the KB, its collections, every article, users (for authors) and translations. */
export async function readPullSource(api: PylonApi, kbReference: string | undefined): Promise<PullSource> {
  const knowledgeBase = await resolveKnowledgeBase(api, kbReference);
  const languages = (knowledgeBase.supported_languages ?? []).filter(
    (l) => l !== knowledgeBase.default_language,
  );
  const [collections, articles, users, ...translated] = await Promise.all([
    api.listCollections(knowledgeBase.id),
    api.listArticles(knowledgeBase.id),
    api.listUsers(),
    ...languages.map((language) => api.listArticles(knowledgeBase.id, { language })),
  ]);
  const translations = new Map(
    languages.map((language, i) => [language, new Map((translated[i] ?? []).map((a) => [a.id, a]))]),
  );
  return { knowledgeBase, collections, articles: articles.map(toRemoteArticle), users, translations };
}

/** Collection ids for `--collection` values (slug or id); an unknown one is an error listing the choices. */
export function chosenCollections(
  collections: readonly Collection[],
  references: readonly string[],
): Set<string> | undefined {
  if (references.length === 0) return undefined;
  const ids = new Set<string>();
  for (const reference of references) {
    const found = collections.filter((c) => c.id === reference || c.slug === reference);
    if (found.length === 0) {
      const known =
        collections
          .map((c) => c.slug)
          .sort()
          .join(', ') || 'none';
      throw new PullInputError(
        `The knowledge base has no collection "${reference}". Collections (by slug): ${known}. Pass --collection with one of these slugs or a collection id.`,
      );
    }
    for (const c of found) ids.add(c.id);
  }
  return ids;
}

/** The author's email, when the article record names its author (Pylon's read API does not always). */
export function authorEmail(article: Article, users: readonly User[]): string | undefined {
  const id = (article as Article & { author_user_id?: unknown }).author_user_id;
  if (typeof id !== 'string') return undefined;
  return users.find((u) => u.id === id)?.email;
}
