import { readMarker } from '../identity/marker.js';
import type { PylonApi } from '../pylon/api.js';
import type { Article, Collection } from '../pylon-api/index.js';

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
