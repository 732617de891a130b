import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticLocation, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Operation, Plan, PlanReferences } from '../plan/types.js';
import { escapeMarkdown, formatBytes, markdownCode, markdownLink, utf8Length } from './escape.js';
import { type BodyDiffOptions, driftEntry, updateEntry } from './markdown-article-changes.js';
import {
  changesLine,
  draftFlags,
  groupByKind,
  KIND_LABEL,
  MOVE_REASON,
  OPERATION_KINDS,
  placement,
  plural,
  summaryRows,
} from './summary.js';

export interface MarkdownOptions extends BodyDiffOptions {
  /** Upper bound of the output in UTF-8 bytes (default 1 000 000, under GitHub's 1 MiB job-summary limit). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;

/** A piece of the report and how many operations / diagnostics it shows. */
interface Block {
  text: string;
  ops?: number;
  diags?: number;
}

/**
 * The plan as GitHub-flavoured Markdown for a job summary or PR comment: heading, summary table, diagnostics,
 * then one entry per operation (body changes as collapsible diffs). Never longer than `maxBytes`: when cut, the
 * last line says how many operations (and diagnostics) were left out.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const totalOps = plan.operations.length;
  const totalDiags = plan.diagnostics.length;
  const reserve = utf8Length(cutNotice(totalOps, totalDiags, maxBytes));
  let out = '';
  let used = 0;
  let shownOps = 0;
  let shownDiags = 0;
  for (const block of blocks(plan, options)) {
    const size = utf8Length(block.text);
    if (used + size + reserve > maxBytes) {
      return out + cutNotice(totalOps - shownOps, totalDiags - shownDiags, maxBytes);
    }
    out += block.text;
    used += size;
    shownOps += block.ops ?? 0;
    shownDiags += block.diags ?? 0;
  }
  return out;
}

/** The job-summary form of the plan (`$GITHUB_STEP_SUMMARY`): the Markdown report. */
export function githubSummary(plan: Plan, options: MarkdownOptions = {}): string {
  return renderPlanMarkdown(plan, options);
}

function cutNotice(ops: number, diags: number, maxBytes: number): string {
  const what = [ops > 0 ? plural(ops, 'more operation') : '', diags > 0 ? plural(diags, 'diagnostic') : '']
    .filter(Boolean)
    .join(' and ');
  return `\n… ${what || 'the rest'} not shown (report capped at ${formatBytes(maxBytes)}); see the JSON plan artifact.\n`;
}

function* blocks(plan: Plan, options: MarkdownOptions): Generator<Block> {
  const kb = plan.knowledgeBase;
  yield { text: `## pylon-kb plan: ${escapeMarkdown(kb.title)}\n\n` };
  // What changed comes first; which knowledge base after it.
  yield {
    text: `**${changesLine(plan)}**\n\nKnowledge base ${markdownCode(kb.slug)} (${markdownCode(kb.id)})\n`,
  };
  if (plan.operations.length > 0) yield { text: summaryTable(plan) };
  yield* diagnosticBlocks(plan.diagnostics);
  const groups = groupByKind(plan.operations);
  for (const kind of OPERATION_KINDS) {
    const ops = groups[kind];
    if (ops.length === 0) continue;
    const head = tableHead(kind);
    yield { text: `\n### ${KIND_LABEL[kind]} (${ops.length})\n${head ? `\n${head}` : ''}` };
    for (const op of ops) yield { text: entry(op, options, plan.references), ops: 1 };
  }
}

function summaryTable(plan: Plan): string {
  const rows = summaryRows(plan).map((r) => `| ${r.label} | ${r.count} |`);
  return `\n| What changes | Count |\n| --- | ---: |\n${rows.join('\n')}\n`;
}

function* diagnosticBlocks(diagnostics: readonly Diagnostic[]): Generator<Block> {
  if (diagnostics.length === 0) return;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const title = `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
  yield { text: `\n### Diagnostics: ${title}\n\n` };
  for (const d of sortDiagnostics(diagnostics)) {
    const location = diagnosticLocation(d);
    const parts = [
      d.severity === 'error' ? '❌ **error**' : '⚠️ **warning**',
      location ? markdownCode(location) : '',
      markdownCode(d.code),
      escapeMarkdown(d.message),
      d.field ? `(field ${markdownCode(d.field)})` : '',
      d.hint ? `— ${escapeMarkdown(d.hint)}` : '',
    ];
    yield { text: `- ${parts.filter(Boolean).join(' ')}\n`, diags: 1 };
  }
}

const TABLE_HEADS: Partial<Record<Operation['kind'], string[]>> = {
  'upload-asset': ['File', 'Size', 'Type'],
  'create-collection': ['Collection', 'Title', 'Slug', 'Parent'],
  'update-collection': ['Collection', 'Title', 'Description'],
  'delete-collection': ['Collection', 'Title', 'Why'],
  'create-article': ['Document', 'Title', 'Lands in', 'Flags'],
  'create-redirects': ['Document', 'Article', 'Redirect from'],
  'retire-article': ['Document', 'Title', 'Action', 'Article'],
  orphan: ['Document', 'Title', 'Article'],
};

const COLLECTION_DELETE_REASON = {
  duplicate: "a duplicate of the folder's collection (two runs at once); its articles move to the folder's",
  emptied: 'no folder maps to it and this run empties it',
} as const;

function tableHead(kind: Operation['kind']): string {
  const head = TABLE_HEADS[kind];
  return head ? `| ${head.join(' | ')} |\n|${' --- |'.repeat(head.length)}\n` : '';
}

const cell = (text: string): string => (text === '' ? '—' : escapeMarkdown(text));
const code = (text: string | null): string => (text ? markdownCode(text, true) : '—');
const row = (cells: string[]): string => `| ${cells.join(' | ')} |\n`;

function entry(op: Operation, options: MarkdownOptions, refs: PlanReferences | undefined): string {
  switch (op.kind) {
    case 'upload-asset':
      return row([code(op.key), `${Math.ceil(op.size / 1024)} KB`, code(op.contentType)]);
    case 'create-collection':
      return row([code(op.key), cell(op.title), code(op.slug), code(op.parentKey)]);
    case 'update-collection':
      return row([
        code(op.key),
        op.title === op.before.title ? cell(op.title) : `~~${cell(op.before.title)}~~ → ${cell(op.title)}`,
        op.description === undefined || op.description === (op.before.description ?? '')
          ? '—'
          : cell(op.description),
      ]);
    case 'delete-collection':
      return row([code(op.key), cell(op.title), cell(COLLECTION_DELETE_REASON[op.reason])]);
    case 'create-article':
      return row([
        code(op.key),
        cell(op.title),
        code(placement(op.collectionKey, op.slug)),
        cell(draftFlags(op).join(', ')),
      ]);
    case 'create-redirects':
      return row([code(op.key), code(op.articleId), op.redirectPaths.map((p) => code(p)).join('<br>')]);
    case 'retire-article':
      return row([code(op.key), cell(op.title), op.action, markdownLink('open', op.url, true)]);
    case 'orphan':
      return row([code(op.key), cell(op.title), markdownLink('open', op.url, true)]);
    case 'drift':
      return driftEntry(op, options, refs);
    case 'update-article':
      return updateEntry(op, options, refs);
    case 'move-article': {
      const redirects = op.redirectPaths.map((p) => row([code(p), code(op.key)])).join('');
      return [
        `\n#### ${escapeMarkdown(op.title)}\n\n`,
        `${markdownCode(op.key)} moves from ${markdownCode(placement(op.from.collectionKey, op.from.slug))}`,
        op.from.url ? ` (${markdownLink('old article', op.from.url)})` : '',
        ' to ',
        `${markdownCode(placement(op.collectionKey, op.slug))} (${MOVE_REASON[op.reason]}); `,
        `the old article is ${op.retire === 'delete' ? 'deleted' : 'unlisted'}.\n\n`,
        op.redirectPaths.length > 0
          ? `| Redirect from | To |\n| --- | --- |\n${redirects}`
          : 'No redirects.\n',
      ].join('');
    }
  }
}
