import { readMarker, stripMarker, withMarker } from '../identity/marker.js';
import type { RetireArticleOp } from '../plan/types.js';
import { type Article, escapeHtml } from '../pylon-api/index.js';
import type { ApplyContext } from './context.js';
import { asResult } from './result.js';
import type { ApplyResult } from './types.js';

/**
 * Deletes the article, or unlists it and marks it retired so later plans leave it alone (it keeps its URL
 * for direct links).
 */
export async function retire(
  ctx: ApplyContext,
  articleId: string,
  action: 'delete' | 'unlist',
): Promise<void> {
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

/**
 * Turns the old article of a move into an unlisted, retired page that links to the new one: for paths a
 * server would not re-point, which still lead to the old article.
 */
export async function forwardingStub(ctx: ApplyContext, oldId: string, target: Article): Promise<void> {
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

export function retireArticle(ctx: ApplyContext, op: RetireArticleOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    await retire(ctx, op.articleId, op.action);
    return { status: 'retired', op, id: op.articleId };
  });
}
