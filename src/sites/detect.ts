import type { SiteDefinition } from './types.js';

/** The names found in one folder that could be a site root: files, and folders with a trailing `/`. */
export interface RootListing {
  /** The folder, relative to the content directory: `''` (the content directory), `..`, `../..`. */
  dir: string;
  names: ReadonlySet<string>;
}

export interface Detected {
  site: SiteDefinition;
  /** The site root, relative to the content directory (`''`, `..`). */
  root: string;
  /** The marker that identified the generator. */
  marker: string;
}

/**
 * The first generator whose marker is in the nearest folder, from the content directory upwards
 * (VitePress's `.vitepress/` sits in the docs folder, Docusaurus's config one level up). A Hugo
 * `config.toml` or a bare `SUMMARY.md` counts only when no stronger marker is in the same folder.
 */
export function detectSite(
  listings: readonly RootListing[],
  sites: readonly SiteDefinition[],
): Detected | undefined {
  for (const listing of listings) {
    for (const site of sites) {
      const marker = site.markers.find((m) => listing.names.has(m));
      if (marker) return { site, root: listing.dir, marker };
    }
  }
  return undefined;
}
