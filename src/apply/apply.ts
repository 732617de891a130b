import type { CreateArticleOp, MoveArticleOp, Operation, Plan } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import type { ApplyContext, ApplyEvent } from './context.js';
import { type CreateOptions, relink } from './create.js';
import { toOperationError } from './errors.js';
import { yieldToEventLoop } from './event-loop.js';
import { orderCreates } from './link-order.js';
import { executionOf, STAGES } from './operations/index.js';
import { DEFAULT_SETTLE_DELAYS_MS } from './recover.js';
import type { ApplyResult } from './types.js';
import { type AssetReader, LazyUploads, type UploadRecorder } from './uploads.js';
import { UrlRelinks } from './url-relinks.js';

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

function execute(
  ctx: ApplyContext,
  op: Operation,
  options: ApplyOptions,
  create: CreateOptions,
): Promise<ApplyResult> {
  return executionOf(op).execute(ctx, op, { ...options, create });
}

type Wave = { run: Operation[]; cyclic?: boolean };

/** How a stage's operations split into waves (operations/index.ts `STAGES` gives the stages' order). */
const STAGE_WAVES: Record<
  (typeof STAGES)[number],
  (ops: Operation[], urlsBefore: ReadonlyMap<string, string>) => Wave[]
> = {
  // Parents first: one wave per nesting level.
  collections: (ops) => {
    const depths = [...new Set(ops.map((c) => c.key.split('/').length))].sort((a, b) => a - b);
    return depths.map((d) => ({ run: ops.filter((c) => c.key.split('/').length === d) }));
  },
  // Link targets before the articles that link to them; a cycle of links last, relinked after.
  creates: (ops) => {
    const creates = orderCreates(ops.filter(isCreating));
    return [...creates.layers.map((layer) => ({ run: layer })), { run: creates.cyclic, cyclic: true }];
  },
  // Articles whose URL changes first (published, unpublished, retitled), so the bodies that link to them
  // are sent with the new URL.
  updates: (ops, urlsBefore) => {
    const first = new Set(ops.filter((op) => op.kind === 'update-article' && urlsBefore.has(op.key)));
    return [{ run: [...first] }, { run: ops.filter((op) => !first.has(op)) }];
  },
  redirects: (ops) => [{ run: ops }],
  retirements: (ops) => [{ run: ops }],
  deletions: (ops) => [{ run: ops }],
};

/**
 * Writes in dependency order, stage by stage (each kind's stage is in operations/index.ts). Files are not
 * a wave: each is uploaded just before the first write that uses it (`LazyUploads`). Within a wave
 * everything goes to the client at once; its per-endpoint queues pace it.
 */
function waves(operations: readonly Operation[], urlsBefore: ReadonlyMap<string, string>): Wave[] {
  return STAGES.flatMap((stage) =>
    STAGE_WAVES[stage](
      operations.filter((op) => executionOf(op).stage === stage),
      urlsBefore,
    ),
  ).filter((wave) => wave.run.length > 0);
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
    urlsBefore: new Map(Object.entries(plan.urlsBefore ?? {})),
  };
  const urlRelinks = new UrlRelinks(ctx);
  const run = async (op: Operation, create: CreateOptions = {}): Promise<ApplyResult> => {
    options.onEvent?.({ type: 'start', op });
    const result = await execute(urlRelinks.scope(op), op, options, create);
    options.onEvent?.({ type: 'done', result });
    return result;
  };
  const uploads = new LazyUploads(plan.operations, (op) => run(op));
  const results: ApplyResult[] = [];
  for (const wave of waves(plan.operations, ctx.urlsBefore)) {
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
        await relink(urlRelinks.scope(op), op, articleId);
      } catch (error) {
        const index = done.findIndex((r) => r.op === op);
        if (index >= 0) done[index] = { status: 'failed', op, error: toOperationError(error) };
      }
    }
    results.push(...done);
  }
  await uploads.rest();
  results.push(...uploads.take());
  await urlRelinks.run(results);
  return results;
}

export function failedResults(results: readonly ApplyResult[]): ApplyResult[] {
  return results.filter((r) => r.status === 'failed');
}
