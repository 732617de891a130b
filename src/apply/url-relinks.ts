import type { Operation } from '../plan/types.js';
import type { ApplyContext } from './context.js';
import { relink } from './create.js';
import { toOperationError } from './errors.js';
import type { ApplyResult } from './types.js';
import { updateArticle } from './update.js';

/**
 * Bodies sent before an article they link to had its URL changed by this run (published, unpublished or
 * retitled, plan `urlsBefore`) went out with its URL as planned. Once its update has returned the new URL,
 * each is sent again, so the run leaves every link current and the next plan has nothing to do.
 */
export class UrlRelinks {
  private readonly sent = new Map<Operation, Set<string>>();

  constructor(private readonly ctx: ApplyContext) {}

  /** The context one operation runs in: what its bodies took from `urlsBefore` is noted for it. */
  scope(op: Operation): ApplyContext {
    if (this.ctx.urlsBefore.size === 0) return this.ctx;
    let keys = this.sent.get(op);
    if (!keys) {
      keys = new Set();
      this.sent.set(op, keys);
    }
    return { ...this.ctx, sentWithUrlBefore: keys };
  }

  /** Sends again each body written with a URL that has changed since; a failure replaces its result. */
  async run(results: ApplyResult[]): Promise<void> {
    for (const [op, keys] of this.sent) {
      const changed = [...keys].some((key) => {
        const now = this.ctx.articleUrls.get(key);
        return now !== undefined && now !== this.ctx.urlsBefore.get(key);
      });
      if (!changed) continue;
      const index = results.findIndex((r) => r.op === op);
      const result = results[index];
      if (
        !result ||
        (result.status !== 'created' && result.status !== 'moved' && result.status !== 'updated')
      )
        continue;
      // The result then holds the article as it is now (watch folds it into what it knows of the remote).
      results[index] = await this.relink(op, result).catch(
        (error: unknown): ApplyResult => ({ status: 'failed', op, error: toOperationError(error) }),
      );
    }
  }

  private async relink(
    op: Operation,
    result: Extract<ApplyResult, { status: 'created' | 'moved' | 'updated' }>,
  ): Promise<ApplyResult> {
    if (op.kind === 'create-article' || op.kind === 'move-article') {
      const article = await relink(this.ctx, op, result.id);
      return { ...result, url: article.url, article };
    }
    // An update is sent again whole: the same fields, its links now current.
    if (op.kind === 'update-article') return updateArticle(this.ctx, op);
    return result;
  }
}
