import type { ApplyResult } from '../apply/types.js';
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

/** Apply results as a report (pure): terminal text, or JSON (`{version: 1, results}` with each op's kind and key). */
export function resultsReport(
  results: readonly ApplyResult[],
  format: ResultFormat,
  options: { color?: boolean } = {},
): string {
  if (format === 'json') {
    return JSON.stringify(
      {
        version: 1,
        results: results.map((r) => ({ ...r, op: { kind: r.op.kind, key: r.op.key } })),
      },
      null,
      2,
    );
  }
  return renderResultsText(results, { color: options.color === true });
}
