import { normaliseUrlPath } from '../sites/url.js';
import { stripMarkdownExtension } from './markdown-path.js';

/** A link that names where a document used to be: the document now there, and the old path it matched. */
export interface MovedTarget<T> {
  target: T;
  /** The redirect path that matched (normalised: `/docs/old/setup`). */
  oldPath: string;
}

/** The key an old path is filed under: its URL form, without a Markdown extension. */
export function oldPathKey(path: string): string {
  return normaliseUrlPath(stripMarkdownExtension(normaliseUrlPath(path)));
}

/**
 * The document that declares the content path `wanted` (`old/setup.md`, `docs/old/setup`) as one of its
 * old locations (`redirect_from`, Hugo `aliases`, a site config redirect): tried as `/<path>` and as the
 * URLs the site would serve a page there at (`pageUrlsOf`: `/docs/old/setup` for Docusaurus).
 */
export function findMoved<T>(
  wanted: string,
  byOldPath: ReadonlyMap<string, T>,
  pageUrlsOf?: (path: string) => readonly string[],
): MovedTarget<T> | undefined {
  for (const candidate of [`/${wanted}`, ...(pageUrlsOf?.(wanted) ?? [])]) {
    const oldPath = oldPathKey(candidate);
    const target = byOldPath.get(oldPath);
    if (target) return { target, oldPath };
  }
  return undefined;
}

/** `from` (a file) to `to` (a file), as a relative link: `../guides/setup.md`. */
export function relativeLink(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length - 1 && fromParts[shared] === toParts[shared])
    shared++;
  const up = fromParts.length - shared;
  const rest = toParts.slice(shared).join('/');
  return up === 0 ? rest : `${'../'.repeat(up)}${rest}`;
}
