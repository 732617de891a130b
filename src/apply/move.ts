import type { MoveArticleOp } from '../plan/types.js';
import type { Article } from '../pylon-api/index.js';
import { resolveBody } from './bodies.js';
import type { ApplyContext } from './context.js';
import { type CreateOptions, createArticleOnce } from './create.js';
import { existingIdOf } from './errors.js';
import { createRedirects, recordRedirects } from './redirects.js';
import { asResult } from './result.js';
import { forwardingStub, retire } from './retire.js';
import type { ApplyResult } from './types.js';

/** A move: create the new article, redirect the old paths to it, record them, then retire the old article. */
export function moveArticle(
  ctx: ApplyContext,
  op: MoveArticleOp,
  options: CreateOptions = {},
): Promise<ApplyResult> {
  return asResult(op, async () => {
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
    ctx.recordedRedirects.set(article.id, redirects);
    const recorded =
      redirects.length > 0
        ? await ctx.api.updateArticle(ctx.kbId, article.id, () => ({
            body_html: recordRedirects(
              resolveBody(ctx, op.bodyHtml, op.title, { allowPendingLinks }).html,
              redirects,
            ),
            publish_updated_body_html: op.isPublished,
          }))
        : article;
    // A server that refuses to re-point an existing redirect leaves paths pointing at the old article: it
    // stays, unlisted, as a page that links to the new one, rather than leaving those paths dead.
    const stranded = outcome.existing.some((p) => op.from.redirects.includes(p));
    if (stranded && !retired) await forwardingStub(ctx, op.from.articleId, recorded);
    else if (!retired) await retire(ctx, op.from.articleId, op.retire);
    return { status: 'moved', op, id: recorded.id, url: recorded.url, redirects, article: recorded };
  });
}
