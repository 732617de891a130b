import { normaliseUrlPath } from '../sites/url.js';
import { markdownPathsOf } from './markdown-path.js';
import type { LinkTarget, ReferenceOrigin, TargetIndex } from './target-index.js';
import { folderOf, joinPath } from './url-path.js';

/** The index page names a folder link (`guides/`) may land on, in the order tried. */
const FOLDER_PAGES = ['README.md', 'readme.md', 'index.md', 'index.mdx', '_index.md', 'README.mdx'];

export interface SitePathResult {
  target?: LinkTarget;
  wanted: string;
  collection: boolean;
  outside: boolean;
  /** The content paths (without extension) that were tried, for "excluded" and "invalid" checks. */
  tried: string[];
}

/**
 * A site-style link (`../setup/`, `setup`, `/guides/setup`, `setup.html`, `/docs/deployment`) resolved the
 * way static-site generators publish pages: a URL path the site serves a page at (its permalink, slug,
 * aliases) first; then against the page's own URL `/<folder>/<name>/` (Hugo's pretty URLs), then against
 * the file's folder (Docusaurus and VitePress, whose page URLs have no trailing slash); a leading `/` is
 * the content root. Each base path `p` is tried as `p.md`, `p.markdown`, `p.mdx`, the folder's index page
 * (`p/README.md`, `p/index.md`, `p/_index.md`), then as the article whose `<folder>/<slug>` is `p`.
 */
export function resolveSitePath(path: string, origin: ReferenceOrigin, index: TargetIndex): SitePathResult {
  const tried: string[] = [];
  if (path.startsWith('/')) {
    const byUrl = index.byUrl.get(normaliseUrlPath(path));
    if (byUrl) return { target: byUrl, wanted: path, collection: false, outside: false, tried };
  }
  const trimmed = path.replace(/\.html$/i, '').replace(/\/+$/, '');
  const bases = path.startsWith('/') ? [''] : [origin.pageStem, folderOf(origin.path)];
  let wanted: string | undefined;
  let collection = false;
  let outside = true;
  for (const base of bases) {
    const joined = joinPath(base, trimmed);
    if (joined.outside || joined.path === '') continue;
    outside = false;
    wanted ??= joined.path;
    const p = joined.path;
    tried.push(p);
    const target =
      [...markdownPathsOf(p), ...FOLDER_PAGES.map((name) => `${p}/${name}`)]
        .map((candidate) => lookup(index, candidate))
        .find(Boolean) ??
      index.bySitePath.get(p) ??
      index.byUrl.get(normaliseUrlPath(p));
    if (target) return { target, wanted: p, collection: false, outside: false, tried };
    if (index.collections.has(p)) collection = true;
  }
  return { wanted: wanted ?? path, collection, outside: outside && path !== '/', tried };
}

/** The page at a path; inside the translations folder, `<folder>/<lang>/x.md` falls back to `x.md`. */
export function lookup(index: TargetIndex, path: string): LinkTarget | undefined {
  const found = index.byPath.get(path);
  const folder = index.translationFolder;
  if (found || folder === undefined || !path.startsWith(`${folder}/`)) return found;
  const rest = path.slice(folder.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : index.byPath.get(rest.slice(slash + 1));
}
