import type { AssetRef, DesiredArticle } from '../content/types.js';
import { placeholdersIn } from '../identity/placeholders.js';
import { type Operation, operationBodies, type UploadAssetOp } from './types.js';

/**
 * One upload per file digest that a body about to be written refers to and that is not uploaded yet (its
 * placeholder is still there after the plan substituted the known URLs).
 */
export function planUploads(articles: readonly DesiredArticle[], ops: readonly Operation[]): UploadAssetOp[] {
  const refs = new Map<string, AssetRef>();
  for (const article of articles) {
    for (const ref of [...(article.assets ?? []), ...(article.translations ?? []).flatMap((t) => t.assets)]) {
      if (!refs.has(ref.sha256)) refs.set(ref.sha256, ref);
    }
  }
  const needed = new Set(ops.flatMap(operationBodies).flatMap((html) => placeholdersIn(html).assets));
  return [...needed]
    .map((sha) => refs.get(sha))
    .filter((ref): ref is AssetRef => ref !== undefined)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((ref) => ({
      kind: 'upload-asset',
      key: ref.path,
      sha256: ref.sha256,
      size: ref.size,
      contentType: ref.contentType,
    }));
}
