import type { OperationKind, OperationOf } from '../../plan/types.js';
import { createCollection, deleteCollection, updateCollection } from '../collections.js';
import type { ApplyContext } from '../context.js';
import { type CreateOptions, createArticle } from '../create.js';
import { moveArticle } from '../move.js';
import { addRedirects } from '../redirects.js';
import { retireArticle } from '../retire.js';
import type { ApplyResult } from '../types.js';
import { updateArticle } from '../update.js';
import { type AssetReader, type UploadRecorder, uploadAsset } from '../uploads.js';

/**
 * When apply runs a kind, in this order: collections level by level (parents first), then article creates
 * and moves (link targets before the articles that link to them), updates, redirects for articles that
 * stay, retirements, and deletions of collections last (once the articles of this run have left them).
 * `on-demand`: uploaded just before the first write that uses it; `never`: a notice, no write.
 */
export const STAGES = ['collections', 'creates', 'updates', 'redirects', 'retirements', 'deletions'] as const;
export type Stage = (typeof STAGES)[number] | 'on-demand' | 'never';

/** What an executor gets besides the operation: the run's file reader and recorder, and create options. */
export interface ExecuteOptions {
  readAsset?: AssetReader | undefined;
  onUploaded?: UploadRecorder | undefined;
  create: CreateOptions;
}

export interface Execution<K extends OperationKind> {
  stage: Stage;
  execute(ctx: ApplyContext, op: OperationOf<K>, options: ExecuteOptions): Promise<ApplyResult>;
}

const unchanged = async (_ctx: ApplyContext, op: OperationOf<'orphan' | 'drift'>): Promise<ApplyResult> => ({
  status: 'unchanged',
  op,
});

/** Every operation kind's executor and stage: a kind missing here does not compile. */
export const EXECUTIONS = {
  'upload-asset': {
    stage: 'on-demand',
    execute: (ctx, op, options) => uploadAsset(ctx, op, options.readAsset, options.onUploaded),
  },
  'create-collection': { stage: 'collections', execute: (ctx, op) => createCollection(ctx, op) },
  'update-collection': { stage: 'updates', execute: (ctx, op) => updateCollection(ctx, op) },
  'delete-collection': { stage: 'deletions', execute: (ctx, op) => deleteCollection(ctx, op) },
  'create-article': {
    stage: 'creates',
    execute: (ctx, op, options) => createArticle(ctx, op, options.create),
  },
  'move-article': { stage: 'creates', execute: (ctx, op, options) => moveArticle(ctx, op, options.create) },
  'update-article': { stage: 'updates', execute: (ctx, op) => updateArticle(ctx, op) },
  'create-redirects': { stage: 'redirects', execute: (ctx, op) => addRedirects(ctx, op) },
  'retire-article': { stage: 'retirements', execute: (ctx, op) => retireArticle(ctx, op) },
  orphan: { stage: 'never', execute: unchanged },
  drift: { stage: 'never', execute: unchanged },
} satisfies { [K in OperationKind]: Execution<K> };

/** The execution of an operation's kind, for calls with the operation. */
export function executionOf<K extends OperationKind>(op: OperationOf<K>): Execution<K> {
  return EXECUTIONS[op.kind as K] as unknown as Execution<K>;
}
