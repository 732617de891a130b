import type { CreateCollectionOp, Operation, Plan } from '../plan/types.js';
import { isWrite } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import { addRedirects, createArticle, moveArticle, retireArticle, updateArticle } from './articles.js';
import { createCollection } from './collections.js';
import type { ApplyContext, ApplyEvent } from './context.js';
import type { ApplyResult } from './types.js';

export interface ApplyOptions {
  onEvent?: (event: ApplyEvent) => void;
}

function execute(ctx: ApplyContext, op: Operation): Promise<ApplyResult> {
  switch (op.kind) {
    case 'create-collection':
      return createCollection(ctx, op);
    case 'create-article':
      return createArticle(ctx, op);
    case 'move-article':
      return moveArticle(ctx, op);
    case 'update-article':
      return updateArticle(ctx, op);
    case 'create-redirects':
      return addRedirects(ctx, op);
    case 'retire-article':
      return retireArticle(ctx, op);
    case 'orphan':
    case 'drift':
      return Promise.resolve({ status: 'unchanged', op });
  }
}

/**
 * Writes in dependency order: collections level by level (parents first), then article creates and moves
 * (their collections exist), updates, redirects for articles that stay, and retirements last. Within a wave
 * everything is handed to the client at once; its per-endpoint queues pace the requests.
 */
function waves(operations: readonly Operation[]): Operation[][] {
  const writes = operations.filter(isWrite);
  const collections = writes.filter((op): op is CreateCollectionOp => op.kind === 'create-collection');
  const depths = [...new Set(collections.map((c) => c.key.split('/').length))].sort((a, b) => a - b);
  const byKind = (...kinds: Operation['kind'][]) => writes.filter((op) => kinds.includes(op.kind));
  return [
    ...depths.map((d) => collections.filter((c) => c.key.split('/').length === d)),
    byKind('create-article', 'move-article'),
    byKind('update-article'),
    byKind('create-redirects'),
    byKind('retire-article'),
  ].filter((wave) => wave.length > 0);
}

/** Applies a plan; keeps going past a failed operation and returns a result for every write. */
export async function applyPlan(
  plan: Plan,
  api: PylonApi,
  options: ApplyOptions & { collectionIds?: ReadonlyMap<string, string> } = {},
): Promise<ApplyResult[]> {
  const ctx: ApplyContext = {
    api,
    kbId: plan.knowledgeBase.id,
    collectionIds: new Map(options.collectionIds ?? []),
  };
  const results: ApplyResult[] = [];
  for (const wave of waves(plan.operations)) {
    const done = await Promise.all(
      wave.map(async (op) => {
        options.onEvent?.({ type: 'start', op });
        const result = await execute(ctx, op);
        options.onEvent?.({ type: 'done', result });
        return result;
      }),
    );
    results.push(...done);
  }
  return results;
}

export function failedResults(results: readonly ApplyResult[]): ApplyResult[] {
  return results.filter((r) => r.status === 'failed');
}
