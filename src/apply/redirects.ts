import { readMarker, stripMarker, withMarker } from '../identity/marker.js';
import type { CreateRedirectsOp } from '../plan/types.js';
import { checkBodies, resolveBody } from './bodies.js';
import type { ApplyContext } from './context.js';
import { existingIdOf, isOutcomeUnknown } from './errors.js';
import { asResult } from './result.js';
import type { ApplyResult } from './types.js';

export interface RedirectOutcome {
  /** Paths that now redirect (created, or found to exist already). */
  paths: string[];
  /** Paths the server said exist already: they may still point where they pointed before. */
  existing: string[];
}

/** Creates each route redirect; one that already exists counts as done. */
export async function createRedirects(
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

/** Rewrites the marker of a body to list the redirects that now exist (they cannot be listed from Pylon). */
export function recordRedirects(bodyHtml: string, redirects: readonly string[]): string {
  const marker = readMarker(bodyHtml);
  if (!marker) return bodyHtml;
  const all = [...new Set([...marker.redirects, ...redirects])];
  return withMarker(stripMarker(bodyHtml), { ...marker, redirects: all });
}

/** New redirects to an article that stays where it is (`redirect_from`, leftovers of an interrupted run). */
export function addRedirects(ctx: ApplyContext, op: CreateRedirectsOp): Promise<ApplyResult> {
  return asResult(op, async () => {
    const { paths: redirects } = await createRedirects(ctx, op.articleId, op.redirectPaths);
    checkBodies(ctx, [op.bodyHtml]);
    const article = await ctx.api.updateArticle(ctx.kbId, op.articleId, () => ({
      body_html: recordRedirects(resolveBody(ctx, op.bodyHtml, op.title).html, redirects),
      ...(op.publish ? { publish_updated_body_html: true } : {}),
    }));
    return { status: 'updated', op, id: article.id, url: article.url, article };
  });
}
