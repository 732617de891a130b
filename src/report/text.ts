import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { type HeldDocument, heldBackDocuments } from '../plan/hold-back.js';
import type { Operation, Plan, PlanReferences, TranslationDraft } from '../plan/types.js';
import { type Style, style } from './ansi.js';
import { terminalLine, terminalSafe, truncate } from './escape.js';
import { diffBodies, hunkHeader } from './line-diff.js';
import { readerTextHtml } from './reader-view.js';
import {
  ADOPTION_NOTE,
  DRIFT_RESOLUTION,
  draftFlags,
  driftDiffLabel,
  fieldChanges,
  KIND_SYMBOL,
  MOVE_REASON,
  placement,
  plural,
  summaryLine,
} from './summary.js';

export interface TextOptions {
  /** ANSI colours; the CLI decides (NO_COLOR, FORCE_COLOR, TTY). */
  color: boolean;
  /** Terminal columns: longer lines are cut with `…`. Unlimited when absent. */
  width?: number;
  /** Unchanged lines shown around each body change (default 3). */
  context?: number;
}

type Painter = (text: string) => string;

interface Out {
  lines: string[];
  s: Style;
  width: number | undefined;
  refs: PlanReferences | undefined;
}

/** A line whose plain text is cut to the width first (when `cut`), then painted (so escapes are never cut). */
function push(out: Out, text: string, paint: Painter = (t) => t, cut = false): void {
  out.lines.push(paint(out.width === undefined || !cut ? text : truncate(text, out.width)));
}

const q = (text: string): string => `"${terminalSafe(text)}"`;
const t = terminalSafe;

/** The plan for a terminal: one line per operation, readable body diffs, diagnostics, a summary line. */
export function renderPlanText(plan: Plan, options: TextOptions): string {
  const out: Out = { lines: [], s: style(options.color), width: options.width, refs: plan.references };
  const kb = plan.knowledgeBase;
  push(out, `pylon-kb plan for knowledge base ${q(kb.title)} (${t(kb.slug)}, ${t(kb.id)})`, out.s.bold);
  push(out, '');
  for (const op of plan.operations) renderOperation(out, op, options.context ?? 3);
  if (plan.operations.length > 0) push(out, '');
  renderDiagnostics(out, plan.diagnostics);
  renderHeldBackList(out, heldBackDocuments(plan.diagnostics));
  push(out, summaryLine(plan), out.s.bold);
  return `${out.lines.join('\n')}\n`;
}

function head(out: Out, op: Operation, noun: string, rest: string): void {
  const paint = symbolPaint(out.s, op);
  const text = `${KIND_SYMBOL[op.kind]} ${noun.padEnd(10)} ${t(op.key)}${rest}`;
  const cut = out.width === undefined ? text : truncate(text, out.width - 2);
  out.lines.push(`  ${paint(cut.slice(0, 1))}${cut.slice(1)}`);
}

function symbolPaint(s: Style, op: Operation): Painter {
  if (op.kind === 'update-article' || op.kind === 'orphan') return s.yellow;
  if (op.kind === 'move-article') return s.cyan;
  if (op.kind === 'retire-article' || op.kind === 'delete-collection') return s.red;
  if (op.kind === 'update-collection') return s.yellow;
  if (op.kind === 'drift') return s.magenta;
  return s.green;
}

function detail(out: Out, text: string, paint?: Painter): void {
  push(out, `      ${text}`, paint, true);
}

function renderOperation(out: Out, op: Operation, context: number): void {
  switch (op.kind) {
    case 'upload-asset':
      head(out, op, 'file', `  ${t(op.contentType)}, ${Math.ceil(op.size / 1024)} KB`);
      return;
    case 'update-collection':
      head(out, op, 'collection', `  ${q(op.before.title)} → ${q(op.title)}`);
      if (op.description !== undefined && op.description !== (op.before.description ?? '')) {
        detail(out, `description: ${q(op.description)}`);
      }
      return;
    case 'delete-collection':
      head(out, op, 'collection', `  ${q(op.title)}  delete`);
      detail(
        out,
        op.reason === 'duplicate'
          ? "a duplicate of the folder's collection (two runs at once); its articles move to the folder's first"
          : 'no folder maps to it, and this run moves or retires every article in it',
      );
      return;
    case 'create-collection':
      head(
        out,
        op,
        'collection',
        `  ${q(op.title)}  (slug ${t(op.slug)}, in ${t(op.parentKey ?? '<root>')})`,
      );
      return;
    case 'create-article': {
      const flags = draftFlags(op);
      const extra = flags.length > 0 ? `, ${flags.join(', ')}` : '';
      head(out, op, 'article', `  ${q(op.title)}  → ${t(placement(op.collectionKey, op.slug))}${extra}`);
      for (const tr of op.translations)
        detail(out, `+ translation ${t(tr.language)} ${q(tr.title)} (${t(tr.path)})`);
      return;
    }
    case 'update-article': {
      head(out, op, 'article', `  ${q(op.title)}  changed: ${op.changes.join(', ')}`);
      if (op.matchedBy === 'adopted') detail(out, ADOPTION_NOTE);
      for (const change of fieldChanges(op)) {
        const fmt = change.field === 'title' ? q : t;
        detail(out, `${change.field}: ${fmt(change.before)} → ${fmt(change.after)}`);
      }
      if (op.changes.includes('body')) renderBodyDiff(out, op.before.bodyHtml, op.bodyHtml, context);
      for (const tr of op.translations) renderTranslation(out, tr, context);
      return;
    }
    case 'move-article':
      head(out, op, 'article', `  ${q(op.title)}  (${MOVE_REASON[op.reason]})`);
      detail(
        out,
        `${t(placement(op.from.collectionKey, op.from.slug))} → ${t(placement(op.collectionKey, op.slug))}` +
          (op.from.url ? `  (was ${t(op.from.url)})` : ''),
      );
      for (const path of op.redirectPaths) detail(out, `redirect ${t(path)} → new article`, out.s.cyan);
      detail(
        out,
        `old article ${t(op.from.articleId)} will be ${op.retire === 'delete' ? 'deleted' : 'unlisted'}`,
      );
      return;
    case 'create-redirects':
      head(out, op, 'redirects', `  ${plural(op.redirectPaths.length, 'path')} → article ${t(op.articleId)}`);
      for (const path of op.redirectPaths) detail(out, `redirect ${t(path)} → ${t(op.key)}`, out.s.cyan);
      return;
    case 'retire-article':
      head(
        out,
        op,
        'article',
        `  ${q(op.title)}  ${op.action === 'delete' ? 'delete' : 'unlist'}  ${t(op.url)}`,
      );
      return;
    case 'orphan':
      head(out, op, 'orphan', `  ${q(op.title)}  ${t(op.url)}  (source gone; reported only)`);
      return;
    case 'drift':
      head(out, op, 'drift', `  ${q(op.title)}  ${t(op.url)}`);
      detail(out, `edited in Pylon since last publish: ${DRIFT_RESOLUTION[op.resolution]}`, out.s.magenta);
      if (op.localHtml !== undefined && op.pylonHtml !== undefined) {
        detail(
          out,
          `${driftDiffLabel(op)}; \`pylon-kb pull --drifted\` takes it into ${t(op.path)}`,
          out.s.dim,
        );
        renderBodyDiff(out, op.localHtml, op.pylonHtml, context);
      }
      return;
  }
  // Every kind is handled above: a kind added to plan/operations without a case here does not compile.
  const unhandled: never = op;
  void unhandled;
}

/** A changed translation, like any other body change: its title change and its body diff. */
function renderTranslation(out: Out, tr: TranslationDraft, context: number): void {
  if (!tr.before) {
    detail(out, `+ translation ${t(tr.language)} ${q(tr.title)} (${t(tr.path)}), new`);
    return;
  }
  detail(out, `translation ${t(tr.language)} ${q(tr.title)} (${t(tr.path)})`);
  if (tr.before.title !== tr.title) detail(out, `  title: ${q(tr.before.title)} → ${q(tr.title)}`);
  renderBodyDiff(out, tr.before.bodyHtml, tr.bodyHtml, context);
}

function renderBodyDiff(out: Out, before: string, after: string, context: number): void {
  const diff = diffBodies(readerTextHtml(before, out.refs), readerTextHtml(after, out.refs), context);
  if (diff.hunks.length === 0) {
    detail(out, 'body: markup changed, readable text unchanged', out.s.dim);
    return;
  }
  detail(out, `body: +${diff.added} -${diff.removed} lines`);
  for (const hunk of diff.hunks) {
    detail(out, hunkHeader(hunk), out.s.cyan);
    for (const line of hunk.lines) {
      const paint = line.type === '+' ? out.s.green : line.type === '-' ? out.s.red : undefined;
      // Never cut a diff line to the terminal width: a cut table row would lose its last columns.
      push(out, `      ${line.type} ${terminalLine(line.text)}`, paint);
    }
  }
}

function renderDiagnostics(out: Out, diagnostics: readonly Diagnostic[]): void {
  if (diagnostics.length === 0) return;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  push(out, `Diagnostics (${plural(errors, 'error')}, ${plural(warnings, 'warning')}):`, out.s.bold);
  for (const d of sortDiagnostics(diagnostics)) {
    const [first = '', ...rest] = formatDiagnostic(safeDiagnostic(d, t)).split('\n');
    push(out, `  ${t(first)}`, d.severity === 'error' ? out.s.red : out.s.yellow);
    for (const line of rest) push(out, `  ${t(line)}`, out.s.dim);
  }
  push(out, '');
}

/** The documents apply will not write because of their errors (or a link to a held-back new document). */
function renderHeldBackList(out: Out, held: readonly HeldDocument[]): void {
  if (held.length === 0) return;
  push(out, `Held back (not written): ${plural(held.length, 'document')}`, out.s.bold);
  for (const h of held) {
    push(out, `    ${t(h.file)}${h.line !== undefined ? `:${h.line}` : ''} [${t(h.code)}]`, out.s.red);
  }
  push(out, '');
}

/** A copy of `d` with every text field passed through `clean` (keeps `formatDiagnostic`'s own line break). */
export function safeDiagnostic(d: Diagnostic, clean: (text: string) => string): Diagnostic {
  const copy: Diagnostic = { ...d, code: clean(d.code), message: clean(d.message) };
  if (d.file !== undefined) copy.file = clean(d.file);
  if (d.field !== undefined) copy.field = clean(d.field);
  if (d.hint !== undefined) copy.hint = clean(d.hint);
  return copy;
}
