import type { ApplyResult } from '../apply/types.js';
import type { Operation } from '../plan/types.js';
import type { CycleContext } from './cycle-context.js';
import type { ReadBatch } from './read-changes.js';

const ARTICLE_WRITES = new Set<Operation['kind']>([
  'create-article',
  'update-article',
  'move-article',
  'create-redirects',
]);

function opPath(op: Operation): string | undefined {
  return 'path' in op ? op.path : undefined;
}

/** One line's worth per finished operation, with the time from the save to the server's answer. */
export function reportResult(ctx: CycleContext, read: ReadBatch, full: boolean, result: ApplyResult): void {
  const at = ctx.now();
  if (result.status === 'failed' && ctx.isClosed()) {
    ctx.memory.unsent++;
    return;
  }
  const path = opPath(result.op);
  const saves = [...read.savedAt.values()];
  const savedAt =
    (path !== undefined ? read.savedAt.get(path) : undefined) ??
    (saves.length > 0 ? Math.min(...saves) : undefined);
  const latencyMs = full || savedAt === undefined ? null : Math.max(0, at - savedAt);
  // Where to see an article is said at the author's first save of it, not for every start-up write.
  let firstWrite = false;
  if (
    !full &&
    ARTICLE_WRITES.has(result.op.kind) &&
    ['created', 'updated', 'moved'].includes(result.status)
  ) {
    firstWrite = !ctx.memory.written.has(result.op.key);
    ctx.memory.written.add(result.op.key);
  }
  ctx.emit({ type: 'result', at, result, ...(path !== undefined ? { path } : {}), latencyMs, firstWrite });
}
