import { docusaurus } from './docusaurus.js';
import { gitbook } from './gitbook.js';
import { hugo } from './hugo.js';
import { jekyll } from './jekyll.js';
import { mintlify } from './mintlify.js';
import { mkdocs } from './mkdocs.js';
import { none } from './none.js';
import type { SiteConventions, SiteName } from './types.js';
import { vitepress } from './vitepress.js';

export * from './detect.js';
export type * from './types.js';
export { emptySiteData, SITE_NAMES } from './types.js';
export { normaliseUrlPath } from './url.js';

/** Every generator, in detection order (the more specific markers first). */
export const SITES: readonly SiteConventions[] = [
  docusaurus,
  vitepress,
  mkdocs,
  hugo,
  mintlify,
  gitbook,
  jekyll,
  none,
];

export function siteByName(name: SiteName): SiteConventions {
  return SITES.find((site) => site.name === name) ?? none;
}
