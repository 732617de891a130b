import type { UpdateArticleOp } from '../plan/types.js';
import type { UpdateArticleBody } from '../pylon-api/index.js';
import { checkBodies, resolveBody, translationUpdate } from './bodies.js';
import { type ApplyContext, rememberArticle } from './context.js';
import { asResult } from './result.js';
import type { ApplyResult } from './types.js';

/**
 * The PATCH body for the fields that changed, or null when only translations did. The body HTML is built
 * when the request gets its slot.
 */
function updateBody(ctx: ApplyContext, op: UpdateArticleOp): (() => UpdateArticleBody) | null {
  const fields: UpdateArticleBody = {};
  if (op.changes.includes('title')) fields.title = op.title;
  const sendsBody = op.changes.includes('body') || op.changes.includes('title');
  if (op.changes.includes('unlisted')) fields.is_unlisted = op.isUnlisted;
  if (op.changes.includes('visibility') && op.visibility !== undefined) {
    fields.visibility_config = { visibility: op.visibility };
  }
  if (op.changes.includes('published')) fields.is_published = op.isPublished;
  if (!sendsBody) return Object.keys(fields).length > 0 ? () => fields : null;
  return () => ({
    ...fields,
    body_html: resolveBody(ctx, op.bodyHtml, op.title).html,
    ...(op.publish ? { publish_updated_body_html: true } : {}),
  });
}

/** Updates the fields that changed, then each changed translation (PATCH with `language`). */
export function updateArticle(ctx: ApplyContext, op: UpdateArticleOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    checkBodies(ctx, [op.bodyHtml, ...op.translations.map((t) => t.bodyHtml)]);
    const body = updateBody(ctx, op);
    let article = body ? await ctx.api.updateArticle(ctx.kbId, op.articleId, body) : undefined;
    // Its URL may have changed (published, unpublished, retitled): links to it are filled in with this one.
    if (article && ctx.urlsBefore.has(op.key)) rememberArticle(ctx, op.key, article);
    for (const t of op.translations) {
      const updated = await ctx.api.updateArticle(
        ctx.kbId,
        op.articleId,
        translationUpdate(ctx, t, op.publish === true),
      );
      article ??= updated;
    }
    return {
      status: 'updated',
      op,
      id: op.articleId,
      url: article?.url ?? op.url,
      ...(article ? { article } : {}),
    };
  });
}
