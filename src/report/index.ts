/** Pure renderers of a Plan and of apply results: text, json, markdown (job summary), GitHub annotations, html. */
import type { Plan } from '../plan/types.js';
import { type HtmlOptions, renderPlanHtml } from './html.js';
import { renderPlanJson } from './json.js';
import { type MarkdownOptions, renderPlanMarkdown } from './markdown.js';
import { renderPlanText, type TextOptions } from './text.js';

export { type Style, style } from './ansi.js';
export {
  escapeAnnotationData,
  escapeAnnotationProperty,
  escapeHtml,
  escapeMarkdown,
  formatBytes,
  markdownCode,
  markdownFence,
  terminalSafe,
  utf8Length,
} from './escape.js';
export { type AnnotationOptions, type Annotations, joinPath, renderGithubAnnotations } from './github.js';
export { type HtmlOptions, renderPlanHtml } from './html.js';
export { htmlToLines, htmlToText } from './html-to-lines.js';
export { renderPlanJson } from './json.js';
export { type DiffLine, diffBodies, diffLines, type Hunk, hunkHeader, type LineDiff } from './line-diff.js';
export { DEFAULT_MAX_BYTES, githubSummary, type MarkdownOptions, renderPlanMarkdown } from './markdown.js';
export {
  APPLY_STATUSES,
  countStatuses,
  countsLine,
  formatOperationError,
  publishedUrls,
  type ResultsCountOptions,
  type ResultsTextOptions,
  renderResultsMarkdown,
  renderResultsSummary,
  renderResultsText,
  resultCounts,
} from './results.js';
export { isSafeHref, sanitizeBodyHtml } from './sanitize.js';
export {
  countKinds,
  KIND_LABEL,
  KIND_SYMBOL,
  NO_CHANGES,
  OPERATION_KINDS,
  plural,
  summaryLine,
} from './summary.js';
export { renderPlanText, type TextOptions } from './text.js';
export { type WordDiff, wordDiffHtml } from './word-diff.js';

/** The formats `--format` chooses between. */
export const PLAN_FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function isPlanFormat(value: string): value is PlanFormat {
  return (PLAN_FORMATS as readonly string[]).includes(value);
}

export type RenderPlanOptions = Partial<TextOptions> & MarkdownOptions & HtmlOptions;

/** One entry point for the CLI: the plan in `format`. `color` defaults to false. */
export function renderPlan(plan: Plan, format: PlanFormat, options: RenderPlanOptions = {}): string {
  switch (format) {
    case 'text': {
      const text: TextOptions = { color: options.color ?? false };
      if (options.width !== undefined) text.width = options.width;
      if (options.context !== undefined) text.context = options.context;
      return renderPlanText(plan, text);
    }
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, options);
    case 'html':
      return renderPlanHtml(plan, options);
  }
}
