import type { DriftNotice, PlanReferences, UpdateArticleOp } from '../plan/types.js';
import {
  escapeHtml,
  escapeMarkdown,
  markdownCode,
  markdownFence,
  markdownLink,
  oneLine,
  truncate,
} from './escape.js';
import { diffBodies, hunkHeader } from './line-diff.js';
import { readerTextHtml } from './reader-view.js';
import { ADOPTION_NOTE, DRIFT_RESOLUTION, driftDiffLabel, fieldChanges, plural } from './summary.js';

/** The Markdown report's entry for an article whose text changes: field changes and collapsible body diffs. */

const MAX_LINE = 1000;

export interface BodyDiffOptions {
  /** Unchanged lines around each body change (default 3). */
  context?: number;
  /** Diff lines shown per article before the rest is cut (default 300). */
  maxDiffLines?: number;
}

export function updateEntry(
  op: UpdateArticleOp,
  options: BodyDiffOptions,
  refs: PlanReferences | undefined,
): string {
  let text = `\n#### ${escapeMarkdown(op.title)}\n\n`;
  text += `${markdownCode(op.key)} · ${markdownLink('current article', op.url)} · changed: ${op.changes.join(', ')}${op.matchedBy === 'adopted' ? ` · ${ADOPTION_NOTE}` : ''}\n`;
  const fields = fieldChanges(op);
  if (fields.length > 0) text += '\n';
  for (const f of fields)
    text += `- ${f.field}: ~~${escapeMarkdown(f.before)}~~ → ${escapeMarkdown(f.after)}\n`;
  if (op.changes.includes('body'))
    text += bodyDetails(op.key, op.before.bodyHtml, op.bodyHtml, options, refs);
  for (const tr of op.translations) {
    const where = `${markdownCode(tr.language)} translation ${markdownCode(tr.path)}`;
    if (!tr.before) {
      text += `\n- new ${where}: ${escapeMarkdown(tr.title)}\n`;
      continue;
    }
    text += `\n- ${where}${tr.before.title !== tr.title ? `: ~~${escapeMarkdown(tr.before.title)}~~ → ${escapeMarkdown(tr.title)}` : ''}\n`;
    text += bodyDetails(`${op.key} (${tr.language})`, tr.before.bodyHtml, tr.bodyHtml, options, refs);
  }
  return text;
}

export function driftEntry(
  op: DriftNotice,
  options: BodyDiffOptions,
  refs: PlanReferences | undefined,
): string {
  let text = `\n#### ${escapeMarkdown(op.title)}\n\n`;
  text += `${markdownCode(op.key)} · ${markdownLink('current article', op.url, true)} · ${DRIFT_RESOLUTION[op.resolution]}\n`;
  if (op.localHtml === undefined || op.pylonHtml === undefined) return text;
  text += `\n${driftDiffLabel(op)} (\`pylon-kb pull --drifted\` writes Pylon's version into ${markdownCode(op.path)}):\n`;
  return text + bodyDetails(op.key, op.localHtml, op.pylonHtml, options, refs, true);
}

function bodyDetails(
  key: string,
  beforeHtml: string,
  afterHtml: string,
  options: BodyDiffOptions,
  refs: PlanReferences | undefined,
  open = false,
): string {
  const diff = diffBodies(
    readerTextHtml(beforeHtml, refs),
    readerTextHtml(afterHtml, refs),
    options.context ?? 3,
  );
  const label = `Body diff: ${escapeHtml(oneLine(key))} (+${diff.added} −${diff.removed} lines)`;
  if (diff.hunks.length === 0) return '\nBody markup changed; the readable text is the same.\n';
  const max = options.maxDiffLines ?? 300;
  const lines: string[] = [];
  let left = 0;
  for (const hunk of diff.hunks) {
    for (const line of [{ type: '@', text: hunkHeader(hunk) }, ...hunk.lines]) {
      if (lines.length >= max) left++;
      else
        lines.push(line.type === '@' ? line.text : `${line.type} ${truncate(oneLine(line.text), MAX_LINE)}`);
    }
  }
  if (left > 0) lines.push(`… ${plural(left, 'more diff line')} (see the HTML or text report)`);
  return `\n<details${open ? ' open' : ''}><summary>${label}</summary>\n\n${markdownFence(lines.join('\n'), 'diff')}\n\n</details>\n`;
}
