import type { ApplyResult } from '../apply/types.js';
import type { HeldDocument } from '../plan/hold-back.js';
import type { Plan } from '../plan/types.js';
import { type PlanFormat, renderPlan, renderResultsText } from '../report/index.js';

export { PLAN_FORMATS, type PlanFormat } from '../report/index.js';
/** The forms apply results can be reported in. */
export const RESULT_FORMATS = ['text', 'json'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

/** A plan as a report (pure): terminal text (coloured when asked), JSON, Markdown or a self-contained HTML page. */
export function planReport(
  plan: Plan,
  format: PlanFormat,
  options: { color?: boolean; images?: Readonly<Record<string, string>> } = {},
): string {
  return renderPlan(plan, format, {
    color: options.color === true,
    ...(options.images ? { images: options.images } : {}),
  });
}

/**
 * Apply results as a report (pure): terminal text, or JSON (`{version: 1, results, heldBack?}` with each
 * op's kind and key, and the documents held back by errors with their file, line and fix).
 */
export function resultsReport(
  results: readonly ApplyResult[],
  format: ResultFormat,
  options: { color?: boolean; heldBack?: readonly HeldDocument[]; unchanged?: number } = {},
): string {
  if (format === 'json') {
    const held = options.heldBack ?? [];
    return JSON.stringify(
      {
        version: 1,
        results: results.map((r) => ({ ...r, op: { kind: r.op.kind, key: r.op.key } })),
        ...(held.length > 0 && { heldBack: held }),
      },
      null,
      2,
    );
  }
  return renderResultsText(results, {
    color: options.color === true,
    ...(options.unchanged !== undefined && { unchanged: options.unchanged }),
  });
}
