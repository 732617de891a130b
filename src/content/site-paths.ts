import { normaliseUrlPath } from '../sites/url.js';
import { markdownPathsOf } from './markdown-path.js';
import { siteAddress, withoutBasePath } from './site-address.js';
import type { LinkRules, LinkTarget, ReferenceOrigin, TargetIndex } from './target-index.js';
import { folderOf, joinPath } from './url-path.js';

/** The key a URL path is filed under in `byUrl`: normalised, lower-cased where the site ignores case. */
export function urlKey(path: string, rules: Pick<LinkRules, 'caseInsensitive'>): string {
  const normal = normaliseUrlPath(path);
  return rules.caseInsensitive ? normal.toLowerCase() : normal;
}

/** The page the site serves at a URL path (with or without the site's base path in front). */
function byUrlPath(index: TargetIndex, path: string): LinkTarget | undefined {
  const found = index.byUrl.get(urlKey(path, index.rules));
  if (found) return found;
  const bare = withoutBasePath(path, siteAddress(index.rules.siteUrl));
  return bare === undefined ? undefined : index.byUrl.get(urlKey(bare, index.rules));
}

/** A relative URL resolved against the URL path of the page it is written in (`/a/b/` + `../c` → `/a/c`). */
function againstPageUrl(path: string, pageUrl: string): string | undefined {
  try {
    return new URL(path, new URL(pageUrl, 'http://site.invalid')).pathname;
  } catch {
    return undefined;
  }
}

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
  const asUrl = path.startsWith('/')
    ? path
    : origin.pageUrl !== undefined
      ? againstPageUrl(path, origin.pageUrl)
      : undefined;
  const byUrl = asUrl === undefined ? undefined : byUrlPath(index, asUrl);
  if (byUrl) return { target: byUrl, wanted: path, collection: false, outside: false, tried };
  const trimmed = path.replace(/\.html$/i, '').replace(/\/+$/, '');
  const fromRoot = index.rules.sitePathsFromContentRoot === true ? [''] : [];
  const bases = path.startsWith('/') ? [''] : [origin.pageStem, folderOf(origin.path), ...fromRoot];
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
      byUrlPath(index, p);
    if (target) return { target, wanted: p, collection: false, outside: false, tried };
    if (index.collections.has(p)) collection = true;
  }
  return { wanted: wanted ?? path, collection, outside: outside && path !== '/', tried };
}

/** The page at a path; inside the translations folder, `<folder>/<lang>/x.md` falls back to `x.md`. */
export function lookup(index: TargetIndex, path: string): LinkTarget | undefined {
  const found = index.byPath.get(path) ?? index.byLowerPath?.get(path.toLowerCase());
  const folder = index.translationFolder;
  if (found || folder === undefined || !path.startsWith(`${folder}/`)) return found;
  const rest = path.slice(folder.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : index.byPath.get(rest.slice(slash + 1));
}
