import type { CreateArticleOp, CreateCollectionOp, MoveArticleOp, Operation, Plan } from '../plan/types.js';
import { isWrite } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import { createCollection, deleteCollection, updateCollection } from './collections.js';
import type { ApplyContext, ApplyEvent } from './context.js';
import { type CreateOptions, createArticle, relink } from './create.js';
import { toOperationError } from './errors.js';
import { yieldToEventLoop } from './event-loop.js';
import { orderCreates } from './link-order.js';
import { moveArticle } from './move.js';
import { DEFAULT_SETTLE_DELAYS_MS } from './recover.js';
import { addRedirects } from './redirects.js';
import { retireArticle } from './retire.js';
import type { ApplyResult } from './types.js';
import { updateArticle } from './update.js';
import { type AssetReader, LazyUploads, type UploadRecorder, uploadAsset } from './uploads.js';

export interface ApplyOptions {
  onEvent?: (event: ApplyEvent) => void;
  /** Reads the files the plan uploads (the docs tree's images and downloads). */
  readAsset?: AssetReader;
  /** Records each uploaded file's URL as soon as it is known, before the writes that use it. */
  onUploaded?: UploadRecorder;
  /** Pauses before re-reading after a create timed out. Default 0.5 s, 1.5 s, 3 s. */
  settleDelaysMs?: readonly number[];
}

/** Operations of a wave prepared between two turns of the event loop. */
const PREPARE_CHUNK = 100;

/** `turn(n)` resolves after n + 1 turns of the event loop, one after the other. */
function turnsOfTheLoop(): (n: number) => Promise<void> {
  const turns: Promise<void>[] = [];
  const turn = (n: number): Promise<void> => {
    let at = turns[n];
    if (!at) {
      at = n === 0 ? yieldToEventLoop() : turn(n - 1).then(yieldToEventLoop);
      turns[n] = at;
    }
    return at;
  };
  return turn;
}

type Creating = CreateArticleOp | MoveArticleOp;
const isCreating = (op: Operation): op is Creating =>
  op.kind === 'create-article' || op.kind === 'move-article';

async function execute(
  ctx: ApplyContext,
  op: Operation,
  options: ApplyOptions,
  create: CreateOptions,
): Promise<ApplyResult> {
  switch (op.kind) {
    case 'upload-asset':
      return uploadAsset(ctx, op, options.readAsset, options.onUploaded);
    case 'create-collection':
      return createCollection(ctx, op);
    case 'update-collection':
      return updateCollection(ctx, op);
    case 'delete-collection':
      return deleteCollection(ctx, op);
    case 'create-article':
      return createArticle(ctx, op, create);
    case 'move-article':
      return moveArticle(ctx, op, create);
    case 'update-article':
      return updateArticle(ctx, op);
    case 'create-redirects':
      return addRedirects(ctx, op);
    case 'retire-article':
      return retireArticle(ctx, op);
    case 'orphan':
    case 'drift':
      return { status: 'unchanged', op };
  }
}

/**
 * Writes in dependency order: collections level by level (parents first), then article creates and moves
 * (link targets before the articles that link to them), updates, redirects for articles that stay, and
 * retirements last. Files are not a wave: each is uploaded just before the first write that uses it
 * (`LazyUploads`). Within a wave everything goes to the client at once; its per-endpoint queues pace it.
 */
function waves(operations: readonly Operation[]): { run: Operation[]; cyclic?: boolean }[] {
  const writes = operations.filter(isWrite);
  const byKind = (...kinds: Operation['kind'][]) => writes.filter((op) => kinds.includes(op.kind));
  const collections = writes.filter((op): op is CreateCollectionOp => op.kind === 'create-collection');
  const depths = [...new Set(collections.map((c) => c.key.split('/').length))].sort((a, b) => a - b);
  const creates = orderCreates(writes.filter(isCreating));
  return [
    ...depths.map((d) => ({ run: collections.filter((c) => c.key.split('/').length === d) })),
    ...creates.layers.map((layer) => ({ run: layer })),
    { run: creates.cyclic, cyclic: true },
    { run: byKind('update-article', 'update-collection') },
    { run: byKind('create-redirects') },
    { run: byKind('retire-article') },
    // Last: a collection is deleted only once the articles of this run have left it.
    { run: byKind('delete-collection') },
  ].filter((wave) => wave.run.length > 0);
}

/** Applies a plan; keeps going past a failed operation and returns a result for every write. */
export async function applyPlan(
  plan: Plan,
  api: PylonApi,
  options: ApplyOptions = {},
): Promise<ApplyResult[]> {
  const ctx: ApplyContext = {
    api,
    kbId: plan.knowledgeBase.id,
    collectionIds: new Map(),
    articleUrls: new Map(),
    assetUrls: new Map(),
    recordedRedirects: new Map(),
    settleDelaysMs: options.settleDelaysMs ?? DEFAULT_SETTLE_DELAYS_MS,
  };
  const run = async (op: Operation, create: CreateOptions = {}): Promise<ApplyResult> => {
    options.onEvent?.({ type: 'start', op });
    const result = await execute(ctx, op, options, create);
    options.onEvent?.({ type: 'done', result });
    return result;
  };
  const uploads = new LazyUploads(plan.operations, (op) => run(op));
  const results: ApplyResult[] = [];
  for (const wave of waves(plan.operations)) {
    const relinks: { op: Creating; articleId: string }[] = [];
    const turn = turnsOfTheLoop();
    const done = await Promise.all(
      wave.run.map(async (op, index) => {
        // A large wave is handed to the client in chunks, so its preparation does not hold up the loop.
        await turn(Math.floor(index / PREPARE_CHUNK));
        await uploads.before(op);
        const create: CreateOptions = wave.cyclic
          ? {
              allowPendingLinks: true,
              onPendingLinks: (articleId) => relinks.push({ op: op as Creating, articleId }),
            }
          : {};
        return run(op, create);
      }),
    );
    results.push(...uploads.take());
    // Articles created in a cycle of links get their links once every article of the cycle exists.
    for (const { op, articleId } of relinks) {
      try {
        await relink(ctx, op, articleId);
      } catch (error) {
        const index = done.findIndex((r) => r.op === op);
        if (index >= 0) done[index] = { status: 'failed', op, error: toOperationError(error) };
      }
    }
    results.push(...done);
  }
  await uploads.rest();
  results.push(...uploads.take());
  return results;
}

export function failedResults(results: readonly ApplyResult[]): ApplyResult[] {
  return results.filter((r) => r.status === 'failed');
}
