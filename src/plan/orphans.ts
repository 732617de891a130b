import type { RemoteArticle } from '../remote/types.js';
import { articleFingerprint, articleVersionKey } from './fingerprint.js';
import type { PlanOptions } from './options.js';
import { type PlanParts, retirement } from './plan-article.js';
import { retirementGuard } from './retirement.js';

/**
 * Managed articles whose source is gone (and that no move paired): reported, or retired under `orphans`,
 * with the guard against retiring a large share of the managed articles in one run.
 */
export function planOrphans(
  orphans: readonly RemoteArticle[],
  managedCount: number,
  options: PlanOptions,
  parts: PlanParts,
): void {
  const policy = options.orphans ?? 'report';
  const sorted = [...orphans].sort((a, b) => (a.marker?.key ?? '').localeCompare(b.marker?.key ?? ''));
  for (const orphan of sorted) {
    const key = orphan.marker?.key ?? orphan.article.id;
    if (policy === 'report') {
      const { article } = orphan;
      parts.notices.push({
        kind: 'orphan',
        key,
        articleId: article.id,
        title: article.title,
        url: article.url,
      });
    } else {
      parts.versions[articleVersionKey(orphan.article.id)] = articleFingerprint(orphan.article);
      parts.retirements.push(retirement(orphan, key, policy));
    }
  }
  const guard = retirementGuard(policy === 'report' ? 0 : orphans.length, managedCount, options);
  if (guard) parts.diagnostics.push(guard);
}
