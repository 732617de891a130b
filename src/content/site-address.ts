import type { ReferenceOrigin } from './target-index.js';
import { folderOf } from './url-path.js';

/**
 * A site's public address (`https://example.com/docs/`) taken apart, and the absolute URLs of its pages:
 * where a link to a page of the site that is not a document of the tree is published. Pure.
 */
export interface SiteAddress {
  /** `https://example.com` */
  origin: string;
  /** The path the site is served under, with a leading and a trailing `/` (`/docs/`, or `/`). */
  basePath: string;
}

/** The address of an http(s) URL; undefined for anything else. */
export function siteAddress(url: string | undefined): SiteAddress | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const path = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
    return { origin: parsed.origin, basePath: path };
  } catch {
    return undefined;
  }
}

/** A root-relative path without the site's base path (`/docs/x` → `/x` under `/docs/`); as is otherwise. */
export function withoutBasePath(path: string, address: SiteAddress | undefined): string | undefined {
  if (!address || address.basePath === '/' || !path.startsWith('/')) return undefined;
  const base = address.basePath;
  if (path === base.slice(0, -1)) return '/';
  return path.startsWith(base) ? `/${path.slice(base.length)}` : undefined;
}

/**
 * The absolute URL a local link (as written, with its fragment) has on the site: a root-relative one under
 * the site's base path (generators prefix it, unless the link already has it), a relative one against the
 * page's own URL, as a browser resolves it.
 */
export function absoluteUrl(url: string, origin: ReferenceOrigin, address: SiteAddress): string {
  if (url.startsWith('/')) {
    const path = url.startsWith(address.basePath) ? url : `${address.basePath}${url.slice(1)}`;
    return new URL(path, address.origin).href;
  }
  const page = origin.pageUrl ?? `/${folderOf(origin.path)}/`;
  const base = new URL(`${address.basePath}${page.replace(/^\/+/, '')}`, address.origin);
  return new URL(url, base).href;
}
