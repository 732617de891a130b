import type { ApplyResult } from '../apply/types.js';
import type { Plan } from '../plan/types.js';
import {
  renderPlanHtml,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  renderResultsText,
} from '../report/index.js';
import type { OutputFormat } from './args.js';

export function renderPlan(plan: Plan, format: OutputFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan);
    case 'html':
      return renderPlanHtml(plan);
    case 'text':
      return renderPlanText(plan, { color });
  }
}

export function renderResults(results: ApplyResult[], format: OutputFormat, color: boolean): string {
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
  return renderResultsText(results, { color });
}
