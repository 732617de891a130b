import { readMarker, stripMarker, withMarker } from '../identity/marker.js';
import type {
  ArticleDraft,
  CreateArticleOp,
  CreateRedirectsOp,
  MoveArticleOp,
  RetireArticleOp,
  UpdateArticleOp,
} from '../plan/types.js';
import type { Article, CreateArticleBody, UpdateArticleBody } from '../pylon-api/index.js';
import { escapeHtml } from '../pylon-api/index.js';
import { resolveBody, resolveTranslations, SkipOperation } from './bodies.js';
import { type ApplyContext, rememberArticle } from './context.js';
import { existingIdOf, isOutcomeUnknown, toOperationError } from './errors.js';
import { findCreatedArticle } from './recover.js';
import type { ApplyResult } from './types.js';

function collectionIdFor(ctx: ApplyContext, draft: ArticleDraft): string | null {
  if (draft.collectionKey === null) return null;
  const id = draft.collectionId ?? ctx.collectionIds.get(draft.collectionKey) ?? null;
  if (id === null) throw new SkipOperation(`its collection "${draft.collectionKey}" was not created`);
  return id;
}

/** Creates the article; a create whose outcome is unknown is resolved by re-reading, never re-sent blindly. */
async function createArticleOnce(
  ctx: ApplyContext,
  key: string,
  draft: ArticleDraft,
  allowPendingLinks: boolean,
): Promise<{ article: Article; pendingLinks: boolean }> {
  const collectionId = collectionIdFor(ctx, draft);
  const main = resolveBody(ctx, draft.bodyHtml, draft.title, { allowPendingLinks });
  const translations = resolveTranslations(ctx, draft.translations, allowPendingLinks);
  const pendingLinks = main.pendingLinks || translations.pendingLinks;
  const body: CreateArticleBody = {
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
  let article: Article;
  try {
    article = await ctx.api.createArticle(ctx.kbId, body);
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    const found = await findCreatedArticle(ctx.api, ctx.kbId, { key, slug: draft.slug, collectionId });
    article = found ?? (await ctx.api.createArticle(ctx.kbId, body));
  }
  rememberArticle(ctx, key, article);
  return { article, pendingLinks };
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
  let article = await ctx.api.updateArticle(ctx.kbId, articleId, {
    body_html: resolveBody(ctx, op.bodyHtml, op.title).html,
    ...(op.isPublished ? { publish_updated_body_html: true } : {}),
  });
  for (const t of resolveTranslations(ctx, op.translations).inputs) {
    await ctx.api.updateArticle(ctx.kbId, articleId, {
      language: t.language,
      title: t.title,
      body_html: t.body_html,
      ...(op.isPublished ? { publish_updated_body_html: true } : {}),
    });
  }
  article = { ...article };
  return article;
}

interface RedirectOutcome {
  /** Paths that now redirect (created, or found to exist already). */
  paths: string[];
  /** Paths the server said exist already: they may still point where they pointed before. */
  existing: string[];
}

/** Creates each route redirect; one that already exists counts as done. */
async function createRedirects(
  ctx: ApplyContext,
  articleId: string,
  paths: readonly string[],
): Promise<RedirectOutcome> {
  const outcome: RedirectOutcome = { paths: [], existing: [] };
  for (const fromPath of paths) {
    const body = { from_path: fromPath, object_id: articleId, object_type: 'article' as const };
    let failure: unknown;
    try {
      await ctx.api.createRouteRedirect(ctx.kbId, body);
    } catch (error) {
      failure = error;
      if (isOutcomeUnknown(error)) {
        // The redirect may exist: sending it again either creates it or is answered "already exists".
        try {
          await ctx.api.createRouteRedirect(ctx.kbId, body);
          failure = undefined;
        } catch (retryError) {
          failure = retryError;
        }
      }
    }
    if (failure !== undefined) {
      if (!existingIdOf(failure)) throw failure;
      outcome.existing.push(fromPath);
    }
    outcome.paths.push(fromPath);
  }
  return outcome;
}

/** Rewrites the marker of a body to list the redirects that now exist. */
function recordRedirects(bodyHtml: string, redirects: readonly string[]): string {
  const marker = readMarker(bodyHtml);
  if (!marker) return bodyHtml;
  const all = [...new Set([...marker.redirects, ...redirects])];
  return withMarker(stripMarker(bodyHtml), { ...marker, redirects: all });
}

async function withSkip(
  op: CreateArticleOp | MoveArticleOp,
  run: () => Promise<ApplyResult>,
): Promise<ApplyResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SkipOperation) return { status: 'skipped', op, reason: error.message };
    return { status: 'failed', op, error: toOperationError(error) };
  }
}

export interface CreateOptions {
  /** The article is in a cycle of links: create it with those links pending, relink after the wave. */
  allowPendingLinks?: boolean;
  /** Called when the article was created with pending links. */
  onPendingLinks?: (articleId: string) => void;
}

export function createArticle(
  ctx: ApplyContext,
  op: CreateArticleOp,
  options: CreateOptions = {},
): Promise<ApplyResult> {
  return withSkip(op, async () => {
    const { article, pendingLinks } = await createArticleOnce(
      ctx,
      op.key,
      op,
      options.allowPendingLinks === true,
    );
    if (pendingLinks) options.onPendingLinks?.(article.id);
    return { status: 'created', op, id: article.id, url: article.url, article };
  });
}

/** A move: create the new article, redirect the old paths to it, record them, then retire the old article. */
export function moveArticle(
  ctx: ApplyContext,
  op: MoveArticleOp,
  options: CreateOptions = {},
): Promise<ApplyResult> {
  return withSkip(op, async () => {
    const allowPendingLinks = options.allowPendingLinks === true;
    let created: { article: Article; pendingLinks: boolean };
    let retired = false;
    try {
      created = await createArticleOnce(ctx, op.key, op, allowPendingLinks);
    } catch (error) {
      // A server that keeps slugs unique refuses the new article while the old one holds the slug: the old
      // article goes first (deleted, since an unlisted one would still hold the slug).
      if (existingIdOf(error) !== op.from.articleId) throw error;
      await retire(ctx, op.from.articleId, 'delete');
      retired = true;
      created = await createArticleOnce(ctx, op.key, op, allowPendingLinks);
    }
    const { article } = created;
    if (created.pendingLinks) options.onPendingLinks?.(article.id);
    const outcome = await createRedirects(ctx, article.id, op.redirectPaths);
    const redirects = outcome.paths;
    const recorded =
      redirects.length > 0
        ? await ctx.api.updateArticle(ctx.kbId, article.id, {
            body_html: recordRedirects(
              resolveBody(ctx, op.bodyHtml, op.title, { allowPendingLinks }).html,
              redirects,
            ),
            publish_updated_body_html: op.isPublished,
          })
        : article;
    // A server that refuses to re-point an existing redirect leaves paths pointing at the old article: it
    // stays, unlisted, as a page that links to the new one, rather than leaving those paths dead.
    const stranded = outcome.existing.some((p) => op.from.redirects.includes(p));
    if (stranded && !retired) await forwardingStub(ctx, op.from.articleId, recorded);
    else if (!retired) await retire(ctx, op.from.articleId, op.retire);
    return { status: 'moved', op, id: recorded.id, url: recorded.url, redirects, article: recorded };
  });
}

/**
 * Deletes the article, or unlists it and marks it retired so later plans leave it alone (it keeps its URL
 * for direct links).
 */
async function retire(ctx: ApplyContext, articleId: string, action: 'delete' | 'unlist'): Promise<void> {
  if (action === 'delete') {
    try {
      await ctx.api.deleteArticle(ctx.kbId, articleId);
    } catch (error) {
      // Already gone (an earlier, interrupted run deleted it): the goal is reached.
      if ((error as { status?: number }).status !== 404) throw error;
    }
    return;
  }
  const article = await ctx.api.getArticle(ctx.kbId, articleId);
  const marker = readMarker(article.current_draft_content_html);
  await ctx.api.updateArticle(ctx.kbId, articleId, {
    is_unlisted: true,
    ...(marker
      ? {
          body_html: withMarker(stripMarker(article.current_draft_content_html), {
            ...marker,
            retired: true,
          }),
          publish_updated_body_html: article.is_published,
        }
      : {}),
  });
}

async function forwardingStub(ctx: ApplyContext, oldId: string, target: Article): Promise<void> {
  const old = await ctx.api.getArticle(ctx.kbId, oldId);
  const marker = readMarker(old.current_draft_content_html);
  const link = target.url
    ? `<a href="${escapeHtml(target.url)}">${escapeHtml(target.title)}</a>`
    : `“${escapeHtml(target.title)}”`;
  const body = `<p>This article has moved: ${link}.</p>`;
  await ctx.api.updateArticle(ctx.kbId, oldId, {
    is_unlisted: true,
    body_html: marker ? withMarker(body, { ...marker, retired: true }) : body,
    publish_updated_body_html: old.is_published,
  });
}

function updateBody(ctx: ApplyContext, op: UpdateArticleOp): UpdateArticleBody | null {
  const body: UpdateArticleBody = {};
  if (op.changes.includes('title')) body.title = op.title;
  if (op.changes.includes('body') || op.changes.includes('title')) {
    body.body_html = resolveBody(ctx, op.bodyHtml, op.title).html;
  }
  if (op.changes.includes('unlisted')) body.is_unlisted = op.isUnlisted;
  if (op.changes.includes('visibility') && op.visibility !== undefined) {
    body.visibility_config = { visibility: op.visibility };
  }
  if (op.changes.includes('published')) body.is_published = op.isPublished;
  if (op.publish && body.body_html !== undefined) body.publish_updated_body_html = true;
  return Object.keys(body).length > 0 ? body : null;
}

/** Updates the fields that changed, then each changed translation (PATCH with `language`). */
export async function updateArticle(ctx: ApplyContext, op: UpdateArticleOp): Promise<ApplyResult> {
  try {
    const body = updateBody(ctx, op);
    const translations = resolveTranslations(ctx, op.translations).inputs;
    let article = body ? await ctx.api.updateArticle(ctx.kbId, op.articleId, body) : undefined;
    for (const t of translations) {
      const updated = await ctx.api.updateArticle(ctx.kbId, op.articleId, {
        language: t.language,
        title: t.title,
        body_html: t.body_html,
        ...(op.publish ? { publish_updated_body_html: true } : {}),
      });
      article ??= updated;
    }
    return {
      status: 'updated',
      op,
      id: op.articleId,
      url: article?.url ?? op.url,
      ...(article ? { article } : {}),
    };
  } catch (error) {
    if (error instanceof SkipOperation) return { status: 'skipped', op, reason: error.message };
    return { status: 'failed', op, error: toOperationError(error) };
  }
}

export async function addRedirects(ctx: ApplyContext, op: CreateRedirectsOp): Promise<ApplyResult> {
  try {
    const { paths: redirects } = await createRedirects(ctx, op.articleId, op.redirectPaths);
    const article = await ctx.api.updateArticle(ctx.kbId, op.articleId, {
      body_html: recordRedirects(resolveBody(ctx, op.bodyHtml, op.title).html, redirects),
      ...(op.publish ? { publish_updated_body_html: true } : {}),
    });
    return { status: 'updated', op, id: article.id, url: article.url, article };
  } catch (error) {
    return { status: 'failed', op, error: toOperationError(error) };
  }
}

export async function retireArticle(ctx: ApplyContext, op: RetireArticleOp): Promise<ApplyResult> {
  try {
    await retire(ctx, op.articleId, op.action);
    return { status: 'retired', op, id: op.articleId };
  } catch (error) {
    return { status: 'failed', op, error: toOperationError(error) };
  }
}
