import type { DesiredArticle } from '../content/types.js';
import { EMPTY_LOOKUP, type FinalBody, finalizeBody, previewBody } from '../identity/body.js';
import { type Marker, stripMarker, withMarker } from '../identity/marker.js';
import type { PlaceholderLookup } from '../identity/placeholders.js';
import { textDigest } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';
import type { ArticleDraft, ArticleField, TranslationDraft, UpdateArticleOp } from './types.js';

export interface ArticleIntent {
  desired: DesiredArticle;
  authorUserId: string;
  collectionId: string | null;
  /** Frontmatter (or config default) says the article is public. */
  published: boolean;
  unlisted: boolean;
  visibility?: DesiredArticle['visibility'];
}

/** The rendering plus the marker, placeholders not yet substituted (see identity/body.ts). */
export function markedBody(
  desired: DesiredArticle,
  redirects: readonly string[] = [],
  replaces: readonly string[] = [],
  formerKeys: readonly string[] = [],
  articleId?: string,
): string {
  const marker: Marker = {
    key: desired.key,
    digest: desired.digest,
    textDigest: desired.textDigest ?? textDigest(desired.html),
    redirects: [...redirects],
    ...(formerKeys.length > 0 ? { formerKeys: [...formerKeys] } : {}),
    ...(replaces.length > 0 ? { replaces: [...replaces] } : {}),
    ...(articleId !== undefined ? { articleId } : {}),
  };
  return withMarker(desired.html, marker);
}

/** Where the body of an article goes: which URLs are known, which redirects and predecessors it records. */
export interface BodyContext {
  lookup?: PlaceholderLookup;
  redirects?: readonly string[];
  replaces?: readonly string[];
  /** Keys the document had before a move, recorded so links to its old path keep resolving. */
  formerKeys?: readonly string[];
  translations?: TranslationDraft[];
  /** The article the body is written into, when it exists: recorded in the marker (see identity/marker.ts). */
  articleId?: string;
}

export function finalBody(desired: DesiredArticle, context: BodyContext): FinalBody {
  return finalizeBody(
    markedBody(desired, context.redirects, context.replaces, context.formerKeys, context.articleId),
    desired.title,
    context.lookup ?? EMPTY_LOOKUP,
  );
}

export function articleDraft(
  intent: ArticleIntent,
  publish: boolean,
  context: BodyContext = {},
): ArticleDraft {
  const { desired } = intent;
  const body = finalBody(desired, context);
  return {
    title: desired.title,
    slug: desired.slug,
    collectionKey: desired.collectionKey,
    collectionId: intent.collectionId,
    authorUserId: intent.authorUserId,
    isPublished: intent.published && publish,
    isUnlisted: intent.unlisted,
    ...(intent.visibility !== undefined ? { visibility: intent.visibility } : {}),
    bodyHtml: body.html,
    digest: body.digest,
    translations: context.translations ?? [],
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
export function hasDrifted(remote: RemoteArticle, expectedContent?: string): boolean {
  if (!remote.marker?.textDigest) return false;
  const content = stripMarker(remote.article.current_draft_content_html);
  // The body exactly as pylon-kb would send it now has not drifted; only a re-formatted or edited one
  // needs the (slower) comparison of visible text.
  if (expectedContent !== undefined && content === expectedContent) return false;
  return textDigest(content) !== remote.marker.textDigest;
}

/** Which fields of a managed article differ from the docs tree; null when nothing does. */
export function planUpdate(
  intent: ArticleIntent,
  remote: RemoteArticle,
  publish: boolean,
  context: BodyContext & {
    /** Rewrite the body even when the marker says it is current (overwriting drift). */
    forceBody?: boolean;
    /** The remote body already says what the file says (a drift taken into the file): do not rewrite it. */
    bodyCurrent?: boolean;
  } = {},
): UpdateArticleOp | null {
  const { desired } = intent;
  const { article, marker, publishedMarker } = remote;
  const changes: ArticleField[] = [];
  const preview = previewBody(desired.html, desired.title, context.lookup ?? EMPTY_LOOKUP);
  // A missing marker (adoption), another key (a renamed file) or a link whose target is created or moved
  // in this run means the body must be written too.
  const current = context.bodyCurrent === true && marker?.key === desired.key && !preview.pending;
  const draftStale =
    context.forceBody === true ||
    preview.pending ||
    (marker?.digest !== preview.digest && !current) ||
    marker?.key !== desired.key;
  const publishedStale = article.is_published && publishedMarker?.digest !== preview.digest && !current;
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
  const translations = context.translations ?? [];
  if (translations.length > 0) changes.push('translations');
  if (changes.length === 0) return null;
  const body = finalBody(desired, {
    ...context,
    redirects: marker?.redirects ?? [],
    articleId: article.id,
  });
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
    bodyHtml: body.html,
    digest: body.digest,
    translations,
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
