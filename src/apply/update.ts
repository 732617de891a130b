import type { UpdateArticleOp } from '../plan/types.js';
import type { UpdateArticleBody } from '../pylon-api/index.js';
import { resolveBody, resolveTranslations } from './bodies.js';
import type { ApplyContext } from './context.js';
import { asResult } from './result.js';
import type { ApplyResult } from './types.js';

/** The PATCH body for the fields that changed, or null when only translations did. */
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
export function updateArticle(ctx: ApplyContext, op: UpdateArticleOp): Promise<ApplyResult> {
  return asResult(op, async () => {
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
  });
}
