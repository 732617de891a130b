import { type BuildMemo, memoized } from './build-memo.js';
import { compareCodeUnits } from './code-unit-order.js';
import { classifyReference } from './link-targets.js';
import type { RenderedTree } from './render-tree.js';
import type { RenderedPage } from './resolve-references.js';

/** A local file a document embeds or links to, named but not read. */
export interface LocalFileReference {
  /** Path relative to the content directory (for `outside`, the path as it climbs out: `../x`). */
  path: string;
  /** The document (or translation) that refers to it, and where. */
  file: string;
  line?: number;
  /** The path leaves the content directory: it must be refused, never read. */
  outside: boolean;
}

/**
 * Every local file the rendered documents refer to (images, and links to files that are not
 * documents), in path order: what the I/O edge must look at before the desired state can be built.
 */
export function localReferences(rendered: RenderedTree, memo?: BuildMemo): LocalFileReference[] {
  const pages = [...rendered.docs, ...rendered.translations].map(({ page }) => page);
  // Through a memo, a page's references are classified again only when they or the index changed.
  const fingerprint = rendered.indexFingerprint;
  const found = pages.flatMap((page) => {
    if (!memo || fingerprint === undefined) return filesOf(page, rendered);
    const inputs = [page.references, page.origin.pageStem, fingerprint];
    return memoized(memo, `files\0${page.origin.path}`, inputs, () => filesOf(page, rendered));
  });
  return found.sort(
    (a, b) =>
      compareCodeUnits(a.path, b.path) || compareCodeUnits(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}

function filesOf(page: RenderedPage, rendered: RenderedTree): LocalFileReference[] {
  const found: LocalFileReference[] = [];
  for (const reference of page.references) {
    const classified = classifyReference(reference, page.origin, rendered.index);
    if (classified.type !== 'asset' && classified.type !== 'asset-outside') continue;
    const alternatives = classified.type === 'asset' ? (classified.alternatives ?? []) : [];
    for (const path of [classified.path, ...alternatives]) {
      found.push({
        path,
        file: page.origin.path,
        ...(reference.line !== undefined && { line: reference.line }),
        outside: classified.type === 'asset-outside',
      });
    }
  }
  return found;
}

/** The distinct paths inside the content directory that `readAssets` should look at. */
export function assetPathsToRead(references: readonly LocalFileReference[]): string[] {
  return [...new Set(references.filter((r) => !r.outside).map((r) => r.path))];
}
