import { join } from 'node:path';
import { readSourceText } from '../content/read-files.js';
import type { DesiredCache } from './desired-cache.js';
import type { FileChange } from './types.js';

export interface ReadBatch {
  /** Paths whose text changed, appeared or disappeared. */
  touched: string[];
  /** Paths that were saved but hold the same text as before. */
  same: string[];
  /** Other files (images, downloads, partials) that changed: documents that use them are planned again. */
  assets: string[];
  /** Deleted paths → the key their document had (for reporting the orphan it leaves). */
  deletedKeys: Map<string, string>;
  /** When each path was saved (the latest save of the batch). */
  savedAt: Map<string, number>;
}

/** The last change of each path wins: an editor's save-rename-save dance is one write. */
export function latestChanges(changes: readonly FileChange[]): FileChange[] {
  const byPath = new Map<string, FileChange>();
  for (const change of changes) byPath.set(change.path, change);
  return [...byPath.values()];
}

/** Re-reads only the files of the batch into the cache; a file gone by the time it is read is a delete. */
export async function readChanges(
  contentDir: string,
  cache: DesiredCache,
  changes: readonly FileChange[],
): Promise<ReadBatch> {
  const batch: ReadBatch = { touched: [], same: [], assets: [], deletedKeys: new Map(), savedAt: new Map() };
  const texts = await Promise.all(
    latestChanges(changes.filter((c) => !c.asset)).map(async (change) => {
      if (change.kind === 'delete') return { change, text: null };
      try {
        const read = await readSourceText(join(contentDir, change.path));
        return { change, text: read.text, undecodable: read.undecodable === true };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR') return { change, text: null, undecodable: false };
        throw error;
      }
    }),
  );
  for (const change of latestChanges(changes.filter((c) => c.asset))) {
    batch.savedAt.set(change.path, change.savedAt);
    batch.assets.push(change.path);
    // A left-out Markdown file (a partial, a draft): links to it are reported as links to a left-out file.
    if (change.excluded) cache.setExcluded(change.path, change.kind === 'write');
  }
  for (const { change, text, undecodable } of texts) {
    batch.savedAt.set(change.path, change.savedAt);
    if (text === null) {
      const key = cache.lastKeyOf(change.path);
      if (cache.remove(change.path)) {
        batch.touched.push(change.path);
        if (key !== undefined) batch.deletedKeys.set(change.path, key);
      }
    } else if (cache.put(change.path, text, undecodable)) batch.touched.push(change.path);
    else batch.same.push(change.path);
  }
  return batch;
}
