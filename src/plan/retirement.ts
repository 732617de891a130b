import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlanOptions } from './options.js';

/**
 * Refuses to retire a large share of the managed articles in one run: that is more often a content
 * directory that failed to resolve, or a wrong `include`, than a real deletion.
 */
export function retirementGuard(retiring: number, managed: number, options: PlanOptions): Diagnostic | null {
  const ratio = options.maxRetireRatio ?? 0.2;
  if (options.force || retiring === 0 || managed === 0 || retiring / managed <= ratio) return null;
  return {
    severity: 'error',
    code: 'orphans/too-many',
    message: `This run would retire ${retiring} of ${managed} managed articles (${Math.round(
      (retiring / managed) * 100,
    )}%), more than maxRetireRatio (${Math.round(ratio * 100)}%).`,
    hint: 'Check contentDir and include/exclude. If the deletions are real, run again with --force or raise maxRetireRatio.',
  };
}
