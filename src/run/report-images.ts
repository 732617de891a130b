import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Plan } from '../plan/types.js';

/** Largest local image inlined into the HTML report; a bigger one keeps its uploaded URL or a label. */
const MAX_INLINE_BYTES = 5 * 1024 * 1024;
const INLINE_TYPES = /^image\/(png|gif|jpe?g|webp|avif)$/i;

/**
 * The local images the plan's bodies embed, read from the docs tree as `data:` URLs (by sha256), so the HTML
 * report's before/after panes show them while staying self-contained. Files that cannot be read are left out.
 */
export async function inlineImages(plan: Plan, contentDir: string): Promise<Record<string, string>> {
  const root = resolve(contentDir);
  const images: Record<string, string> = {};
  for (const [sha, asset] of Object.entries(plan.references?.assets ?? {})) {
    if (!INLINE_TYPES.test(asset.contentType)) continue;
    const path = resolve(root, asset.path);
    if (path !== root && !path.startsWith(root + sep)) continue;
    try {
      if ((await stat(path)).size > MAX_INLINE_BYTES) continue;
      images[sha] =
        `data:${asset.contentType.toLowerCase()};base64,${(await readFile(path)).toString('base64')}`;
    } catch {
      // gone since the plan was made: the pane shows the uploaded URL or a label
    }
  }
  return images;
}
