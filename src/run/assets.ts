import { createHash } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { AssetReader } from '../apply/uploads.js';

/**
 * Reads the files a plan uploads from the docs tree, by their path relative to the content directory.
 * A path that leaves the directory (through `..` or a symlink) is refused, and a file whose bytes no longer
 * match the digest the plan was made with is an error: the plan is out of date.
 */
export function assetReader(contentDir: string, staticDirs: readonly string[] = []): AssetReader {
  return async (op) => {
    const content = await realpath(contentDir);
    const inStatic = staticDirs.find((dir) => op.key.startsWith(`${dir}/`));
    const root = inStatic ? await realpath(resolve(content, inStatic)) : content;
    const path = await realpath(resolve(content, op.key));
    if (path !== root && !path.startsWith(root + sep)) {
      throw new Error(`${op.key} is outside the content directory; it is not uploaded.`);
    }
    const bytes = await readFile(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== op.sha256) {
      throw new Error(`${op.key} changed since the plan was made; plan again.`);
    }
    return bytes;
  };
}
