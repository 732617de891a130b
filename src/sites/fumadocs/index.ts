import { readNextRedirects } from '../next-redirects.js';
import { readJsLiteral } from '../static-data.js';
import { COMMON_KEYS, emptySiteData, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { normaliseUrlPath, pathUrl, withoutRouteGroups } from '../url.js';
import { readMetaJson } from './meta.js';

const MARKERS = ['source.config.ts', 'source.config.mts', 'source.config.js', 'source.config.mjs'];
const NEXT_CONFIGS = ['next.config.mjs', 'next.config.js', 'next.config.ts', 'next.config.mts'];
const SOURCE_FILES = ['lib/source.ts', 'src/lib/source.ts', 'lib/source.tsx', 'src/lib/source.tsx'];

/**
 * Fumadocs: `source.config.ts` (Fumadocs MDX) at the site root; pages in `content/docs/`, served under
 * the loader's `baseUrl` (`lib/source.ts`, default `/docs`); `public/` at `/`; each folder's `meta.json`
 * gives its title and order (`pages`, with `...` for the rest); `(group)` folders are left out of URLs;
 * `name.<lang>.mdx` are translations; `## Title [#id]` sets a heading's id.
 */
export const fumadocs: SiteDefinition<'fumadocs'> = {
  name: 'fumadocs',
  label: 'Fumadocs',
  contentDirs: ['content/docs'],
  markers: MARKERS,
  markerTexts: Object.fromEntries(MARKERS.map((name) => [name, /fumadocs/])),
  staticDirs: ['public'],
  exclude: ['**/node_modules/**'],
  indexFiles: ['index.mdx', 'index.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['bracket-heading-ids', 'shiki-notations', 'fumadocs-include'],
  frontmatterKeys: [...COMMON_KEYS, 'icon', 'full', '_openapi', 'preview', 'index', 'author', 'lastModified'],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: [...SOURCE_FILES, ...NEXT_CONFIGS],
  navFiles: ['meta.json'],
  page({ path, isIndex }, data) {
    const base = data.settings.baseUrl ?? '/docs';
    return { urls: [normaliseUrlPath(withoutRouteGroups(pathUrl(path, isIndex, base)))], redirects: [] };
  },
  readConfig(files, contentPrefix) {
    const data = emptySiteData();
    for (const file of files) {
      if (SOURCE_FILES.includes(file.path)) {
        const base = readJsLiteral(file.text, 'baseUrl');
        if (typeof base?.value === 'string') {
          data.settings.baseUrl = base.value.replace(/\/+$/, '');
          data.notes.push(`${file.path}: the loader's baseUrl "${base.value}" prefixes page URLs.`);
        }
      } else if (NEXT_CONFIGS.includes(file.path)) readNextRedirects(file, data);
      else readMetaJson(file, contentPrefix, data);
    }
    return data;
  },
};
