import { digestOf } from '../identity/digest.js';
import type { Article } from '../pylon-api/index.js';

/** What must not change between planning and applying a saved plan. */
export function articleFingerprint(article: Article): string {
  return digestOf(
    article.title,
    article.current_draft_content_html,
    article.current_published_content_html ?? '',
    String(article.is_published),
    String(article.is_unlisted),
    article.visibility_config?.visibility ?? '',
  );
}

export const ABSENT = 'absent';
export const articleVersionKey = (id: string) => `article:${id}`;
export const documentVersionKey = (key: string) => `document:${key}`;
export const collectionVersionKey = (parentId: string | null, slug: string) =>
  `collection:${parentId ?? ''}/${slug}`;
