import {
  type ArticleDraft,
  type DriftNotice,
  type MoveArticleOp,
  OPERATION_KINDS,
  OPERATIONS,
  type Operation,
  type OperationKind,
  type Plan,
  type UpdateArticleOp,
} from '../plan/types.js';

/** Every operation kind, in the order reports list them (the registry's order, plan/operations). */
export { OPERATION_KINDS };

/** Terminal symbol per kind: `+` create, `~` update, `→` move, `-` retire, `!` drift, `?` orphan. */
export const KIND_SYMBOL = Object.fromEntries(
  OPERATION_KINDS.map((k) => [k, OPERATIONS[k].symbol]),
) as Record<OperationKind, string>;

/** Heading / table label per kind. */
export const KIND_LABEL = Object.fromEntries(OPERATION_KINDS.map((k) => [k, OPERATIONS[k].label])) as Record<
  OperationKind,
  string
>;

export type KindCounts = Record<OperationKind, number>;

/** Operations per kind, counted from the operations themselves (every kind present, zero when absent). */
export function countKinds(operations: readonly Operation[]): KindCounts {
  const counts = Object.fromEntries(OPERATION_KINDS.map((k) => [k, 0])) as KindCounts;
  for (const op of operations) counts[op.kind]++;
  return counts;
}

/** Operations grouped by kind, each group in plan order. */
export function groupByKind(operations: readonly Operation[]): {
  [K in OperationKind]: Extract<Operation, { kind: K }>[];
} {
  const groups = Object.fromEntries(OPERATION_KINDS.map((k) => [k, [] as Operation[]]));
  for (const op of operations) groups[op.kind]?.push(op);
  return groups as { [K in OperationKind]: Extract<Operation, { kind: K }>[] };
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

export const NO_CHANGES = 'No changes. The knowledge base matches the docs tree.';

/**
 * `Plan: 2 collections to create, 5 articles to create, 1 to update, 1 to move, 1 redirect to add. 12
 * unchanged.` — the first four always; redirects (of moves and `redirect_from`), retirements and notices
 * only when present.
 */
export function summaryLine(plan: Plan, options: { omitZeros?: boolean } = {}): string {
  if (plan.operations.length === 0) return NO_CHANGES;
  const c = countKinds(plan.operations);
  const first: [number, string][] = [
    [c['create-collection'], `${plural(c['create-collection'], 'collection')} to create`],
    [c['create-article'], `${plural(c['create-article'], 'article')} to create`],
    [c['update-article'], `${c['update-article']} to update`],
    [c['move-article'], `${c['move-article']} to move`],
  ];
  const parts = first.filter(([n]) => n > 0 || !options.omitZeros).map(([, text]) => text);
  const redirects = redirectCount(plan.operations);
  if (redirects > 0) parts.push(`${plural(redirects, 'redirect')} to add`);
  if (c['retire-article'] > 0) parts.push(`${c['retire-article']} to retire`);
  if (c['update-collection'] > 0) parts.push(`${plural(c['update-collection'], 'collection')} to update`);
  if (c['delete-collection'] > 0) parts.push(`${plural(c['delete-collection'], 'collection')} to delete`);
  const notices: string[] = [];
  if (c.orphan > 0) notices.push(plural(c.orphan, 'orphaned article'));
  if (c.drift > 0) notices.push(`${plural(c.drift, 'article')} edited in Pylon`);
  const tail = notices.length > 0 ? ` Reported: ${notices.join(', ')}.` : '';
  // Only notices (orphans, drift) and zeros left out: say so rather than print an empty list.
  const writes = parts.length > 0 ? parts.join(', ') : 'nothing to write';
  return `Plan: ${writes}. ${plan.summary.unchanged} unchanged.${tail}`;
}

/** Count of redirect paths the plan creates (moves plus `redirect_from`). */
export function redirectCount(operations: readonly Operation[]): number {
  let n = 0;
  for (const op of operations) {
    if (op.kind === 'move-article' || op.kind === 'create-redirects') n += op.redirectPaths.length;
  }
  return n;
}

/** The job summary's lead line: the summary line without the kinds that do not occur. */
export function changesLine(plan: Plan): string {
  return summaryLine(plan, { omitZeros: true });
}

export interface SummaryRow {
  label: string;
  count: number;
}

/**
 * What the plan changes, as rows: only the kinds present (no table of zeros), the redirects counted by path
 * (a move adds its own), then the unchanged articles.
 */
export function summaryRows(plan: Plan): SummaryRow[] {
  const counts = countKinds(plan.operations);
  const rows: SummaryRow[] = OPERATION_KINDS.filter((k) => k !== 'create-redirects' && counts[k] > 0).map(
    (k) => ({ label: KIND_LABEL[k], count: counts[k] }),
  );
  const redirects = redirectCount(plan.operations);
  if (redirects > 0) {
    const at = rows.findIndex((r) => r.label === KIND_LABEL['move-article']);
    rows.splice(at >= 0 ? at + 1 : rows.length, 0, { label: 'Redirects to add', count: redirects });
  }
  rows.push({ label: 'Unchanged', count: plan.summary.unchanged });
  return rows;
}

/** Where an article lands, for humans: `guides/install-agent` (collection key / slug), `<root>` without one. */
export function placement(collectionKey: string | null, slug: string): string {
  return `${collectionKey ?? '<root>'}/${slug}`;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The non-body fields an update changes, as before/after strings (titles raw: escape per output). */
export function fieldChanges(op: UpdateArticleOp): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of op.changes) {
    if (field === 'title') out.push({ field, before: op.before.title, after: op.title });
    if (field === 'unlisted')
      out.push({ field, before: listed(op.before.isUnlisted), after: listed(op.isUnlisted) });
    if (field === 'published') {
      out.push({ field, before: published(op.before.isPublished), after: published(op.isPublished) });
    }
    if (field === 'visibility') {
      out.push({ field, before: op.before.visibility ?? 'default', after: op.visibility ?? 'default' });
    }
  }
  return out;
}

const listed = (unlisted: boolean): string => (unlisted ? 'unlisted' : 'listed');
const published = (isPublished: boolean): string => (isPublished ? 'published' : 'draft');

/** Short human flags of a new article: `draft`, `unlisted`, `visibility internal_only`. */
export function draftFlags(draft: ArticleDraft): string[] {
  const flags: string[] = [];
  if (!draft.isPublished) flags.push('draft');
  if (draft.isUnlisted) flags.push('unlisted');
  if (draft.visibility) flags.push(`visibility ${draft.visibility}`);
  return flags;
}

/** Said of an update that takes over an article pylon-kb did not write (config `adopt`). */
export const ADOPTION_NOTE = 'takes over an article without a pylon-kb marker (adopt: true)';

export const MOVE_REASON: Record<MoveArticleOp['reason'], string> = {
  'collection-changed': 'collection changed',
  'slug-changed': 'slug changed',
  renamed: 'renamed',
};

export const DRIFT_RESOLUTION: Record<DriftNotice['resolution'], string> = {
  fail: 'apply will stop: resolve the edit in Pylon or choose skip/overwrite',
  skip: 'left as edited in Pylon; the docs change is skipped',
  overwrite: 'the Pylon edit will be overwritten by the docs',
};

/** What a drift diff compares: Pylon's text against what pylon-kb last published (or the file, if it changed since). */
export function driftDiffLabel(op: Pick<DriftNotice, 'baseIsLastPublish'>): string {
  return op.baseIsLastPublish
    ? "Pylon's text (+) against the text pylon-kb last published (−)"
    : "Pylon's text (+) against this file's text (−); the file changed since the last publish";
}
