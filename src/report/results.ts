import type { ApplyResult, ApplyStatus, OperationError } from '../apply/types.js';
import type { Operation } from '../plan/types.js';
import { type Style, style } from './ansi.js';
import { escapeMarkdown, markdownCode, markdownLink, terminalSafe, truncate } from './escape.js';
import { plural } from './summary.js';

export const APPLY_STATUSES: readonly ApplyStatus[] = [
  'created',
  'updated',
  'moved',
  'retired',
  'unchanged',
  'skipped',
  'failed',
];

export interface ResultsTextOptions extends ResultsCountOptions {
  color: boolean;
  /** Terminal columns: per-result lines longer than this are cut with `…`. */
  width?: number;
}

export interface ResultsCountOptions {
  /**
   * The articles the plan found unchanged (`plan.summary.unchanged`): apply has no operation, so no result,
   * for them. Given, the counts say "N unchanged" as the plan did; the notices the plan reported (orphans,
   * drift), which apply leaves as they are, are not counted again.
   */
  unchanged?: number;
}

export function countStatuses(results: readonly ApplyResult[]): Record<ApplyStatus, number> {
  const counts = Object.fromEntries(APPLY_STATUSES.map((s) => [s, 0])) as Record<ApplyStatus, number>;
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The counts an apply reports: per status, with the plan's unchanged articles when known. */
export function resultCounts(
  results: readonly ApplyResult[],
  options: ResultsCountOptions = {},
): Record<ApplyStatus, number> {
  const counts = countStatuses(results);
  return options.unchanged === undefined ? counts : { ...counts, unchanged: options.unchanged };
}

/** What the operation is about: its title when it has one, else its key. */
export function operationTitle(op: Operation): string {
  return 'title' in op ? op.title : op.key;
}

/** `message (HTTP 429, code rate_limited, request req_123)`. */
export function formatOperationError(error: OperationError): string {
  const facts = [
    error.status !== undefined ? `HTTP ${error.status}` : '',
    error.code ? `code ${error.code}` : '',
    error.requestId ? `request ${error.requestId}` : '',
  ].filter(Boolean);
  return facts.length > 0 ? `${error.message} (${facts.join(', ')})` : error.message;
}

const SYMBOL: Record<ApplyStatus, string> = {
  created: '+',
  updated: '~',
  moved: '→',
  retired: '-',
  unchanged: '=',
  skipped: '·',
  failed: '✗',
};

function paint(s: Style, status: ApplyStatus): (text: string) => string {
  if (status === 'failed') return s.red;
  if (status === 'updated' || status === 'skipped') return s.yellow;
  if (status === 'moved') return s.cyan;
  if (status === 'unchanged') return s.dim;
  if (status === 'retired') return s.magenta;
  return s.green;
}

function resultDetail(r: ApplyResult): string {
  switch (r.status) {
    case 'created':
    case 'updated':
      return r.url;
    case 'moved':
      return r.redirects.length > 0 ? `${r.url}  (redirects: ${r.redirects.join(', ')})` : r.url;
    case 'retired':
      return r.id;
    case 'skipped':
      return r.reason;
    case 'failed':
      return formatOperationError(r.error);
    case 'unchanged':
      return '';
  }
}

/**
 * One line per write (status symbol, key, title, URL or error), then the failures again in full and the
 * counts. The notices apply leaves alone (orphans, drift: `unchanged`) were listed by the plan; they are
 * counted, not listed again.
 */
export function renderResultsText(results: readonly ApplyResult[], options: ResultsTextOptions): string {
  const s = style(options.color);
  const lines = results
    .filter((r) => r.status !== 'unchanged')
    .map((r) => {
      const detail = resultDetail(r);
      const plain = `${SYMBOL[r.status]} ${r.status.padEnd(9)} ${terminalSafe(r.op.key)}  "${terminalSafe(
        operationTitle(r.op),
      )}"${detail ? `  ${terminalSafe(detail)}` : ''}`;
      const cut = options.width === undefined ? plain : truncate(plain, options.width - 2);
      return `  ${paint(s, r.status)(cut.slice(0, 1))}${cut.slice(1)}`;
    });
  const summary = renderResultsSummary(results, options);
  return lines.length > 0 ? `${lines.join('\n')}\n\n${summary}` : summary;
}

/**
 * The end of an apply: every failure with its message, HTTP status, code and request id, then the counts
 * per status. (The URLs are on the result lines above it: each published article is listed once.)
 */
export function renderResultsSummary(
  results: readonly ApplyResult[],
  options: { color?: boolean } & ResultsCountOptions = {},
): string {
  const s = style(options.color ?? false);
  const counts = resultCounts(results, options);
  const lines: string[] = [];
  const failures = results.filter((r) => r.status === 'failed');
  if (failures.length > 0) {
    lines.push(s.bold(s.red(`${plural(failures.length, 'operation')} failed:`)));
    for (const r of failures) {
      lines.push(
        `  ${s.red('✗')} ${r.op.kind} ${terminalSafe(r.op.key)}: ${terminalSafe(formatOperationError(r.error))}`,
      );
    }
    lines.push('');
  }
  lines.push(s.bold(countsLine(counts)));
  return `${lines.join('\n')}\n`;
}

/** `Apply: 3 created, 1 updated, 0 moved, 0 retired, 1 failed. 12 unchanged, 0 skipped.` */
export function countsLine(counts: Record<ApplyStatus, number>): string {
  const changed = (['created', 'updated', 'moved', 'retired', 'failed'] as const).map(
    (k) => `${counts[k]} ${k}`,
  );
  return `Apply: ${changed.join(', ')}. ${counts.unchanged} unchanged, ${counts.skipped} skipped.`;
}

/** Public URLs of what this apply published, in result order. */
export function publishedUrls(results: readonly ApplyResult[]): { key: string; url: string }[] {
  const out: { key: string; url: string }[] = [];
  for (const r of results) {
    if ((r.status === 'created' || r.status === 'updated' || r.status === 'moved') && r.url !== '') {
      out.push({ key: r.op.key, url: r.url });
    }
  }
  return out;
}

/** Apply results as Markdown for the job summary of the publish step. */
export function renderResultsMarkdown(
  results: readonly ApplyResult[],
  options: ResultsCountOptions = {},
): string {
  const counts = resultCounts(results, options);
  let text = `## pylon-kb apply\n\n**${countsLine(counts)}**\n\n| Status | Count |\n| --- | ---: |\n`;
  for (const status of APPLY_STATUSES) text += `| ${status} | ${counts[status]} |\n`;
  const failures = results.filter((r) => r.status === 'failed');
  if (failures.length > 0) {
    text += '\n### Failures\n\n| Operation | Document | Error |\n| --- | --- | --- |\n';
    for (const r of failures) {
      text += `| ${r.op.kind} | ${markdownCode(r.op.key, true)} | ${escapeMarkdown(formatOperationError(r.error))} |\n`;
    }
  }
  const urls = publishedUrls(results);
  if (urls.length > 0) {
    text += '\n### Published\n\n';
    for (const { key, url } of urls) text += `- ${markdownCode(key)}: ${markdownLink(url, url)}\n`;
  }
  return text;
}
