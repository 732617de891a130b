import { placeholdersIn } from '../identity/placeholders.js';
import { type Operation, operationBodies, type UploadAssetOp } from '../plan/types.js';
import type { ApplyContext } from './context.js';
import { isOutcomeUnknown } from './errors.js';
import { asResult, SkipOperation } from './result.js';
import type { ApplyResult } from './types.js';

/** Reads a file to upload, by the path and digest the plan names. */
export type AssetReader = (op: UploadAssetOp) => Promise<Uint8Array>;

/** Told each uploaded file's URL as soon as it is known (the run layer keeps a journal of them). */
export type UploadRecorder = (sha256: string, url: string) => Promise<void>;

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Uploads a file once. Attachments cannot be listed, so a lost response cannot be checked by re-reading;
 * sending it again at worst leaves an unused copy, which is safer than an article with a missing image.
 * The URL is recorded before the writes that use it go out, so a run killed in between does not lose it.
 */
export function uploadAsset(
  ctx: ApplyContext,
  op: UploadAssetOp,
  read: AssetReader | undefined,
  record?: UploadRecorder,
): Promise<ApplyResult> {
  return asResult(op, async () => {
    if (!read) throw new SkipOperation('no file reader was given to apply');
    const bytes = await read(op);
    const file = {
      name: fileName(op.key),
      bytes,
      contentType: op.contentType,
      description: `pylon-kb ${op.sha256}`,
    };
    let attachment: Awaited<ReturnType<typeof ctx.api.uploadAttachment>>;
    try {
      attachment = await ctx.api.uploadAttachment(file);
    } catch (error) {
      if (!isOutcomeUnknown(error)) throw error;
      attachment = await ctx.api.uploadAttachment(file);
    }
    ctx.assetUrls.set(op.sha256, attachment.url);
    // Best effort: a journal that cannot be written only costs an upload after an interrupted run.
    await record?.(op.sha256, attachment.url).catch(() => undefined);
    return { status: 'created', op, id: attachment.id, url: attachment.url };
  });
}

/**
 * The plan's uploads, each started once, just before the first write whose body uses the file (not all
 * up front: a run interrupted early has uploaded only what its writes needed). Results are collected in the
 * order the uploads finish.
 */
export class LazyUploads {
  private readonly bySha = new Map<string, UploadAssetOp>();
  private readonly started = new Map<string, Promise<void>>();
  private finished: ApplyResult[] = [];

  constructor(
    operations: readonly Operation[],
    private readonly upload: (op: UploadAssetOp) => Promise<ApplyResult>,
  ) {
    for (const op of operations) {
      if (op.kind === 'upload-asset' && !this.bySha.has(op.sha256)) this.bySha.set(op.sha256, op);
    }
  }

  /** Uploads the files `op`'s bodies use that this plan uploads; resolves when each is done or failed. */
  async before(op: Operation): Promise<void> {
    const digests = new Set(operationBodies(op).flatMap((html) => placeholdersIn(html).assets));
    await Promise.all([...digests].map((sha) => this.start(sha)));
  }

  /** Uploads no write used (a saved plan may hold them), so every operation still gets a result. */
  async rest(): Promise<void> {
    await Promise.all([...this.bySha.keys()].map((sha) => this.start(sha)));
  }

  /** The results of uploads finished since the last call. */
  take(): ApplyResult[] {
    const out = this.finished;
    this.finished = [];
    return out;
  }

  private start(sha: string): Promise<void> {
    const op = this.bySha.get(sha);
    if (!op) return Promise.resolve();
    let running = this.started.get(sha);
    if (!running) {
      running = this.upload(op).then((result) => {
        this.finished.push(result);
      });
      this.started.set(sha, running);
    }
    return running;
  }
}
