import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DriftNotice, Operation, OrphanNotice } from '../plan/types.js';

function fingerprint(d: Diagnostic): string {
  return [d.file ?? '', d.line ?? '', d.code, d.message].join('\0');
}

/**
 * Which problems to print: all of them on a full pass; else those of the saved files, those that name no
 * file, and those that are new (a save can break another file: a duplicate slug, a link to a deleted page).
 * `seen` holds the problems of the previous pass and is updated.
 */
export function diagnosticsToShow(
  diagnostics: readonly Diagnostic[],
  full: boolean,
  touched: ReadonlySet<string>,
  seen: Set<string>,
): Diagnostic[] {
  const before = new Set(seen);
  seen.clear();
  for (const d of diagnostics) seen.add(fingerprint(d));
  if (full) return [...diagnostics];
  return diagnostics.filter(
    (d) => d.file === undefined || touched.has(d.file) || !before.has(fingerprint(d)),
  );
}

/** Files with an error, and whether an error names no file (then nothing may be written). */
export function blockedFiles(diagnostics: readonly Diagnostic[]): { paths: Set<string>; all: boolean } {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    paths: new Set(errors.flatMap((d) => (d.file === undefined ? [] : [d.file]))),
    all: errors.some((d) => d.file === undefined),
  };
}

export interface NoticeToShow {
  notice: OrphanNotice | DriftNotice;
  path?: string;
}

/**
 * Orphan and drift notices are printed once (a full pass shows them again), plus whenever the save that
 * caused them is in the batch: the deleted file's orphan, the saved file's drift.
 */
export function noticesToShow(
  operations: readonly Operation[],
  announced: Set<string>,
  context: { full: boolean; touched: ReadonlySet<string>; deletedKeys: ReadonlyMap<string, string> },
): NoticeToShow[] {
  const pathOfKey = new Map([...context.deletedKeys].map(([path, key]) => [key, path]));
  const current = new Set<string>();
  const shown: NoticeToShow[] = [];
  for (const op of operations) {
    if (op.kind !== 'orphan' && op.kind !== 'drift') continue;
    const id = `${op.kind}:${op.key}:${op.articleId}`;
    current.add(id);
    const path = op.kind === 'orphan' ? pathOfKey.get(op.key) : op.path;
    const caused = path !== undefined && (op.kind === 'orphan' || context.touched.has(path));
    if (context.full || caused || !announced.has(id)) {
      shown.push({ notice: op, ...(path !== undefined ? { path } : {}) });
    }
  }
  announced.clear();
  for (const id of current) announced.add(id);
  return shown;
}
