import type { ArticleDraft, CreateArticleOp, MoveArticleOp } from '../plan/types.js';
import type { Article, CreateArticleBody } from '../pylon-api/index.js';
import { checkBodies, resolveBody, resolveTranslations, translationUpdate } from './bodies.js';
import { type ApplyContext, rememberArticle } from './context.js';
import { createOrReconcile, findCreatedArticle } from './recover.js';
import { createRedirects, recordRedirects } from './redirects.js';
import { asResult, SkipOperation } from './result.js';
import type { ApplyResult } from './types.js';

export interface CreateOptions {
  /** The article is in a cycle of links: create it with those links pending, relink after the wave. */
  allowPendingLinks?: boolean;
  /** Called when the article was created with pending links. */
  onPendingLinks?: (articleId: string) => void;
}

function collectionIdFor(ctx: ApplyContext, draft: ArticleDraft): string | null {
  if (draft.collectionKey === null) return null;
  const id = draft.collectionId ?? ctx.collectionIds.get(draft.collectionKey) ?? null;
  if (id === null) throw new SkipOperation(`its collection "${draft.collectionKey}" was not created`);
  return id;
}

/** Creates the article; a create whose outcome is unknown is resolved by re-reading, never re-sent blindly. */
export async function createArticleOnce(
  ctx: ApplyContext,
  key: string,
  draft: ArticleDraft,
  allowPendingLinks: boolean,
): Promise<{ article: Article; pendingLinks: boolean }> {
  const collectionId = collectionIdFor(ctx, draft);
  checkBodies(ctx, [draft.bodyHtml, ...draft.translations.map((t) => t.bodyHtml)], allowPendingLinks);
  let pendingLinks = false;
  // Built when the request gets its slot: links to articles created meanwhile are filled in too.
  const body = (): CreateArticleBody => {
    const main = resolveBody(ctx, draft.bodyHtml, draft.title, { allowPendingLinks });
    const translations = resolveTranslations(ctx, draft.translations, allowPendingLinks);
    pendingLinks = main.pendingLinks || translations.pendingLinks;
    return {
      title: draft.title,
      body_html: main.html,
      author_user_id: draft.authorUserId,
      slug: draft.slug,
      is_published: draft.isPublished,
      is_unlisted: draft.isUnlisted,
      ...(collectionId !== null ? { collection_id: collectionId } : {}),
      ...(draft.visibility !== undefined ? { visibility_config: { visibility: draft.visibility } } : {}),
      ...(translations.inputs.length > 0 ? { translations: translations.inputs } : {}),
    };
  };
  const article = await createOrReconcile(
    ctx,
    `the article for ${key}`,
    () => ctx.api.createArticle(ctx.kbId, body),
    () => findCreatedArticle(ctx.api, ctx.kbId, { key, slug: draft.slug, collectionId }),
  );
  rememberArticle(ctx, key, article);
  return { article, pendingLinks };
}

export function createArticle(
  ctx: ApplyContext,
  op: CreateArticleOp,
  options: CreateOptions = {},
): Promise<ApplyResult> {
  return asResult(op, async () => {
    const allowPendingLinks = options.allowPendingLinks === true;
    const { article, pendingLinks } = await createArticleOnce(ctx, op.key, op, allowPendingLinks);
    if (pendingLinks) options.onPendingLinks?.(article.id);
    const paths = op.redirectPaths ?? [];
    if (paths.length === 0) return { status: 'created', op, id: article.id, url: article.url, article };
    // `redirect_from` of a new document: redirected now, and recorded in the marker (redirects cannot be listed).
    const { paths: redirects } = await createRedirects(ctx, article.id, paths);
    ctx.recordedRedirects.set(article.id, redirects);
    const recorded = await ctx.api.updateArticle(ctx.kbId, article.id, () => ({
      body_html: recordRedirects(
        resolveBody(ctx, op.bodyHtml, op.title, { allowPendingLinks }).html,
        redirects,
      ),
      ...(op.isPublished ? { publish_updated_body_html: true } : {}),
    }));
    return { status: 'created', op, id: recorded.id, url: recorded.url, article: recorded };
  });
}

/**
 * Sends a body again once every article it links to exists: for articles created in a cycle of links, and
 * for the translations of such articles.
 */
export async function relink(
  ctx: ApplyContext,
  op: CreateArticleOp | MoveArticleOp,
  articleId: string,
): Promise<Article> {
  const redirects = ctx.recordedRedirects.get(articleId) ?? [];
  checkBodies(ctx, [op.bodyHtml, ...op.translations.map((t) => t.bodyHtml)]);
  const article = await ctx.api.updateArticle(ctx.kbId, articleId, () => {
    const body = resolveBody(ctx, op.bodyHtml, op.title).html;
    return {
      body_html: redirects.length > 0 ? recordRedirects(body, redirects) : body,
      ...(op.isPublished ? { publish_updated_body_html: true } : {}),
    };
  });
  for (const t of op.translations) {
    await ctx.api.updateArticle(ctx.kbId, articleId, translationUpdate(ctx, t, op.isPublished));
  }
  return article;
}
