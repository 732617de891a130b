import type { SiteDefinition } from './types.js';

/** The names found in one folder that could be a site root: files, and folders with a trailing `/`. */
export interface RootListing {
  /** The folder, relative to the content directory: `''` (the content directory), `..`, `../..`. */
  dir: string;
  names: ReadonlySet<string>;
  /** The text of the files among `names` that a definition's `markerTexts` tests, as the I/O edge read it. */
  texts?: ReadonlyMap<string, string>;
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
 * `config.toml` counts only when no stronger marker is in the same folder (detection order); a weak
 * marker (a bare `SUMMARY.md`) only when no folder up the chain holds another marker (mdBook's
 * `book.toml` above its `src/SUMMARY.md`). A marker with a text test counts when its text matches.
 */
export function detectSite(
  listings: readonly RootListing[],
  sites: readonly SiteDefinition[],
): Detected | undefined {
  return firstFound(listings, sites, false) ?? firstFound(listings, sites, true);
}

function firstFound(
  listings: readonly RootListing[],
  sites: readonly SiteDefinition[],
  weak: boolean,
): Detected | undefined {
  for (const listing of listings) {
    for (const site of sites) {
      const marker = site.markers.find(
        (m) =>
          listing.names.has(m) &&
          (site.weakMarkers?.includes(m) ?? false) === weak &&
          textMatches(site, m, listing),
      );
      if (marker) return { site, root: listing.dir, marker };
    }
  }
  return undefined;
}

function textMatches(site: SiteDefinition, marker: string, listing: RootListing): boolean {
  const test = site.markerTexts?.[marker];
  if (!test) return true;
  const text = listing.texts?.get(marker);
  return text !== undefined && test.test(text);
}

/** The marker files whose text detection needs, by name: the I/O edge reads these where they exist. */
export function markersToRead(sites: readonly SiteDefinition[]): Set<string> {
  return new Set(sites.flatMap((site) => Object.keys(site.markerTexts ?? {})));
}
