import type { Operation, Plan } from '../plan/types.js';

export interface Hold {
  /** Source files with errors: none of their operations run. */
  paths: ReadonlySet<string>;
  /** Keys of those files' documents: never retired, never reported as orphans because of the error. */
  keys: ReadonlySet<string>;
  /** An error that names no file: nothing is written at all. */
  all: boolean;
}

function opPath(op: Operation): string | undefined {
  return 'path' in op ? op.path : undefined;
}

function ancestors(key: string | null): string[] {
  if (key === null) return [];
  const parts = key.split('/');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * The plan without the operations of files that currently have errors, so one bad save blocks only its own
 * file. Collection creates stay only when an article that is still written goes into them. The result's
 * summary is not recomputed: it is only used to run the writes and report them one by one.
 */
export function holdBrokenFiles(plan: Plan, hold: Hold): Plan {
  const kept = plan.operations.filter((op) => {
    if (hold.all) return op.kind === 'orphan' || op.kind === 'drift';
    const path = opPath(op);
    if (path !== undefined && hold.paths.has(path)) return false;
    if ((op.kind === 'retire-article' || op.kind === 'orphan') && hold.keys.has(op.key)) return false;
    return true;
  });
  const needed = new Set(
    kept.flatMap((op) =>
      op.kind === 'create-article' || op.kind === 'move-article' ? ancestors(op.collectionKey) : [],
    ),
  );
  const operations = kept.filter((op) => op.kind !== 'create-collection' || needed.has(op.key));
  return { ...plan, operations };
}
