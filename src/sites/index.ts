/**
 * The site generators pylon-kb reads, one definition each (types.ts `SiteDefinition`), in detection
 * order. `SiteName` (and the config's `site` choices) come from this registry.
 *
 * To add a generator:
 * 1. Make a folder `src/sites/<name>/` whose `index.ts` exports one `SiteDefinition<'<name>'>`; its own
 *    helpers (config readers, URL rules) live beside it in that folder; shared helpers are `../url.ts`
 *    and `../static-data.ts`.
 * 2. Add one line to `SITE_DEFINITIONS` below, before any generator whose markers are weaker than its own.
 * 3. List its constructs in `syntax` (markdown/syntax/constructs.ts); a construct no generator had yet is
 *    added there, with its recognizer testing `syntax.has('<construct>')`. Never compare a generator's
 *    name outside `src/sites/`.
 * 4. Add its fixtures: `test/markdown/fixtures/site-<name>-*` (with `"site": "<name>"` in options.json),
 *    its detection, URL and config cases in `test/sites/`, and an end-to-end tree in `test/e2e/`.
 * 5. Run `npm run docs:config` (or edit `docs/config.md`) so the `site` choices list it.
 */
import type { SyntaxPreset } from '../markdown/syntax/constructs.js';
import { docusaurus } from './docusaurus/index.js';
import { fumadocs } from './fumadocs/index.js';
import { gitbook } from './gitbook/index.js';
import { hugo } from './hugo/index.js';
import { jekyll } from './jekyll/index.js';
import { mdbook } from './mdbook/index.js';
import { mintlify } from './mintlify/index.js';
import { mkdocs } from './mkdocs/index.js';
import { nextra } from './nextra/index.js';
import { none } from './none/index.js';
import { sphinx } from './sphinx/index.js';
import { starlight } from './starlight/index.js';
import type { SiteDefinition } from './types.js';
import { vitepress } from './vitepress/index.js';

export * from './detect.js';
export type * from './types.js';
export { emptySiteData, OWN_ORDER_KEYS } from './types.js';
export { normaliseUrlPath } from './url.js';

/** Checks that every definition is filed under its own name. */
function registry<T extends { [K in keyof T]: SiteDefinition<K & string> }>(sites: T): T {
  return sites;
}

/** Every generator, in detection order (the more specific markers first); `none` last. */
export const SITE_DEFINITIONS = registry({
  docusaurus,
  vitepress,
  starlight,
  fumadocs,
  nextra,
  mkdocs,
  hugo,
  mintlify,
  mdbook,
  sphinx,
  gitbook,
  jekyll,
  none,
});

export type SiteName = keyof typeof SITE_DEFINITIONS;

/** The generators' names, in detection order (`none` last). */
export const SITE_NAMES = Object.keys(SITE_DEFINITIONS) as [SiteName, ...SiteName[]];

/** Every generator's definition, in detection order. */
export const SITES: readonly SiteDefinition[] = Object.values(SITE_DEFINITIONS);

export function siteByName(name: SiteName): SiteDefinition {
  return SITE_DEFINITIONS[name] ?? none;
}

/** Whether the site is a generator's, not `none` (pylon-kb's own conventions: strict YAML and slugs). */
export function isGenerator(site: SiteDefinition | undefined): site is SiteDefinition {
  return site !== undefined && site.name !== 'none';
}

const PRESETS = new Map<SiteDefinition, SyntaxPreset>();

/** The constructs a generator's pages may use, as the renderer takes them. */
export function syntaxPresetOf(site: SiteDefinition): SyntaxPreset {
  let preset = PRESETS.get(site);
  if (!preset) {
    preset = new Set(site.syntax);
    PRESETS.set(site, preset);
  }
  return preset;
}
