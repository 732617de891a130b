import type { UploadAssetOp } from '../plan/types.js';
import type { ApplyContext } from './context.js';
import { isOutcomeUnknown } from './errors.js';
import { asResult, SkipOperation } from './result.js';
import type { ApplyResult } from './types.js';

/** Reads a file to upload, by the path and digest the plan names. */
export type AssetReader = (op: UploadAssetOp) => Promise<Uint8Array>;

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Uploads a file once. Attachments cannot be listed, so a lost response cannot be checked by re-reading;
 * sending it again at worst leaves an unused copy, which is safer than an article with a missing image.
 */
export function uploadAsset(
  ctx: ApplyContext,
  op: UploadAssetOp,
  read: AssetReader | undefined,
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
    return { status: 'created', op, id: attachment.id, url: attachment.url };
  });
}
