import type { Article } from '../pylon-api/index.js';
import type { ArticleRecord, KbRecord } from './model.js';
import { slugify } from './slug.js';

/**
 * The article state machine (reference §8.4): a draft (title + HTML, per language) that publishing copies
 * into the published version. Publishing sets `is_published`, `url` and `last_published_at`;
 * unpublishing clears the published version and the URL.
 */

export type UrlSuffix = 'title' | 'slug';

export function articleUrl(kb: KbRecord, article: ArticleRecord, suffix: UrlSuffix): string {
  const tail = suffix === 'slug' ? article.slug : slugify(article.published_title ?? article.title);
  return `https://${kb.host}/articles/${article.identifier}-${tail}`;
}

/** Publish the default language and every translation. */
export function publishAll(article: ArticleRecord, kb: KbRecord, now: string, suffix: UrlSuffix): void {
  article.published_title = article.title;
  article.published_html = article.draft_html;
  for (const t of Object.values(article.translations)) {
    t.published_title = t.title;
    t.published_html = t.draft_html;
  }
  article.is_published = true;
  article.last_published_at = now;
  article.url = articleUrl(kb, article, suffix);
}

/** Publish one language's draft. An article that is not published yet is published whole. */
export function publishLanguage(
  article: ArticleRecord,
  kb: KbRecord,
  language: string,
  now: string,
  suffix: UrlSuffix,
): void {
  if (!article.is_published) {
    publishAll(article, kb, now, suffix);
    return;
  }
  const t = language === kb.default_language ? undefined : article.translations[language];
  if (t) {
    t.published_title = t.title;
    t.published_html = t.draft_html;
  } else {
    article.published_title = article.title;
    article.published_html = article.draft_html;
    article.url = articleUrl(kb, article, suffix);
  }
  article.last_published_at = now;
}

export function unpublish(article: ArticleRecord): void {
  article.is_published = false;
  article.url = '';
  article.published_title = null;
  article.published_html = null;
  for (const t of Object.values(article.translations)) {
    t.published_title = null;
    t.published_html = null;
  }
}

/**
 * The article as Pylon's API returns it, in `language` (default: the KB's default language).
 * Fields Pylon's schema types as plain strings are omitted rather than null: `collection_id` when the
 * article is in no collection, `last_published_at` before the first publish, and
 * `current_published_content_html` while the article is not published.
 */
export function articleView(article: ArticleRecord, kb: KbRecord, language?: string): Article {
  const t = language && language !== kb.default_language ? article.translations[language] : undefined;
  const published = t ? t.published_html : article.published_html;
  const view: Article = {
    id: article.id,
    identifier: article.identifier,
    title: t ? t.title : article.title,
    slug: article.slug,
    url: article.url,
    is_published: article.is_published,
    is_unlisted: article.is_unlisted,
    current_draft_content_html: t ? t.draft_html : article.draft_html,
    visibility_config: structuredClone(article.visibility_config),
  };
  if (article.collection_id) view.collection_id = article.collection_id;
  if (article.last_published_at) view.last_published_at = article.last_published_at;
  if (article.is_published && published !== null) view.current_published_content_html = published;
  return view;
}

/** Whether the article exists in `language` (the default language always does). */
export function hasLanguage(article: ArticleRecord, kb: KbRecord, language: string): boolean {
  return language === kb.default_language || article.translations[language] !== undefined;
}
