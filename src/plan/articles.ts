import type { DesiredArticle } from '../content/types.js';
import { type Marker, stripMarker, withMarker } from '../identity/marker.js';
import { textDigest } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';
import type { ArticleDraft, ArticleField, UpdateArticleOp } from './types.js';

export interface ArticleIntent {
  desired: DesiredArticle;
  authorUserId: string;
  collectionId: string | null;
  /** Frontmatter (or config default) says the article is public. */
  published: boolean;
  unlisted: boolean;
  visibility?: DesiredArticle['visibility'];
}

/** The HTML pylon-kb sends: the rendering plus the marker. */
export function markedBody(
  desired: DesiredArticle,
  redirects: readonly string[] = [],
  replaces: readonly string[] = [],
): string {
  const marker: Marker = {
    key: desired.key,
    digest: desired.digest,
    textDigest: textDigest(desired.html),
    redirects: [...redirects],
    ...(replaces.length > 0 ? { replaces: [...replaces] } : {}),
  };
  return withMarker(desired.html, marker);
}

export function articleDraft(
  intent: ArticleIntent,
  publish: boolean,
  redirects: readonly string[] = [],
  replaces: readonly string[] = [],
): ArticleDraft {
  const { desired } = intent;
  return {
    title: desired.title,
    slug: desired.slug,
    collectionKey: desired.collectionKey,
    collectionId: intent.collectionId,
    authorUserId: intent.authorUserId,
    isPublished: intent.published && publish,
    isUnlisted: intent.unlisted,
    ...(intent.visibility !== undefined ? { visibility: intent.visibility } : {}),
    bodyHtml: markedBody(desired, redirects, replaces),
    digest: desired.digest,
  };
}

/** The public path of a published article (`/articles/1234567890-title`), or null when it has no URL. */
export function publicPath(url: string): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith('/') ? url : null;
  }
}

/** True when the remote body's visible text differs from what pylon-kb last wrote (someone edited it in Pylon). */
export function hasDrifted(remote: RemoteArticle): boolean {
  if (!remote.marker?.textDigest) return false;
  return textDigest(stripMarker(remote.article.current_draft_content_html)) !== remote.marker.textDigest;
}

/** Which fields of a managed article differ from the docs tree; null when nothing does. */
export function planUpdate(
  intent: ArticleIntent,
  remote: RemoteArticle,
  publish: boolean,
  /** Rewrite the body even when the marker says it is current (overwriting drift). */
  forceBody = false,
): UpdateArticleOp | null {
  const { desired } = intent;
  const { article, marker, publishedMarker } = remote;
  const changes: ArticleField[] = [];
  // A missing marker (adoption) or another key (a renamed file) must be rewritten too.
  const draftStale = forceBody || marker?.digest !== desired.digest || marker?.key !== desired.key;
  const publishedStale = article.is_published && publishedMarker?.digest !== desired.digest;
  if (article.title !== desired.title) changes.push('title');
  if (draftStale || (publish && intent.published && publishedStale)) changes.push('body');
  if (article.is_unlisted !== intent.unlisted) changes.push('unlisted');
  if (intent.visibility !== undefined && article.visibility_config?.visibility !== intent.visibility) {
    changes.push('visibility');
  }
  const wantsPublished = intent.published && publish;
  if ((wantsPublished && !article.is_published) || (!intent.published && article.is_published)) {
    changes.push('published');
  }
  if (changes.length === 0) return null;
  const beforeHtml = article.is_published
    ? (article.current_published_content_html ?? article.current_draft_content_html)
    : article.current_draft_content_html;
  return {
    kind: 'update-article',
    key: desired.key,
    path: desired.path,
    articleId: article.id,
    url: article.url,
    changes,
    title: desired.title,
    bodyHtml: markedBody(desired, marker?.redirects ?? []),
    digest: desired.digest,
    isUnlisted: intent.unlisted,
    isPublished: intent.published ? article.is_published || wantsPublished : false,
    ...(intent.visibility !== undefined ? { visibility: intent.visibility } : {}),
    publish: wantsPublished,
    before: {
      title: article.title,
      bodyHtml: stripMarker(beforeHtml),
      isUnlisted: article.is_unlisted,
      isPublished: article.is_published,
      ...(article.visibility_config?.visibility !== undefined
        ? { visibility: article.visibility_config.visibility }
        : {}),
    },
  };
}
