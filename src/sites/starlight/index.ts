import { TSCONFIG_FILES } from '../import-aliases.js';
import { COMMON_KEYS, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { normaliseUrlPath, stringsOf, stripMarkdownExtension } from '../url.js';
import { readAstroConfig } from './config.js';

const MARKERS = [
  'astro.config.mjs',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.js',
  'astro.config.cjs',
];

/**
 * Astro Starlight: `astro.config.*` naming `@astrojs/starlight` at the site root, pages in
 * `src/content/docs/` (files starting with `_` are not pages), `public/` served at `/`, `sidebar.order` and
 * `sidebar.label` in the frontmatter, the config's `sidebar` and `redirects` read as data, `locales` folders
 * as translations. Asides are `:::note[Title]` (`caution` is the orange one, `danger` the red one).
 */
export const starlight: SiteDefinition<'starlight'> = {
  name: 'starlight',
  label: 'Starlight',
  contentDirs: ['src/content/docs'],
  markers: MARKERS,
  markerTexts: Object.fromEntries(MARKERS.map((name) => [name, /@astrojs\/starlight/])),
  // `src/assets/` is where pages' images live, linked relatively (`../../assets/shot.png`).
  staticDirs: ['public', 'src/assets'],
  exclude: ['**/_*', '**/node_modules/**'],
  indexFiles: ['index.mdx', 'index.md'],
  pageExtensions: ['mdoc'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['colon-containers', 'caution-as-warning'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'sidebar',
    'template',
    'hero',
    'banner',
    'head',
    'editUrl',
    'tableOfContents',
    'lastUpdated',
    'prev',
    'next',
    'pagefind',
    'i18nReady',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: [...MARKERS, ...TSCONFIG_FILES],
  links: { siteUrlKey: '`site` (and `base`) in astro.config' },
  page({ path, fields, isIndex }) {
    const sidebar = (fields.sidebar ?? {}) as { order?: unknown };
    const order = typeof sidebar.order === 'number' ? sidebar.order : undefined;
    const slug = stringsOf(fields.slug)[0];
    const url = slug !== undefined ? normaliseUrlPath(slug) : pageUrl(path, isIndex);
    const last = slug?.split('/').filter(Boolean).pop();
    return { urls: [url], redirects: [], ...(last && { slug: last }), ...(order !== undefined && { order }) };
  },
  readConfig: (files) => readAstroConfig(files),
};

/**
 * Astro makes a page's URL from its path: each folder and the file name slugified (lower case, spaces as
 * `-`, punctuation other than `-`/`_`/`.` dropped), `index` standing for its folder.
 */
export function pageUrl(path: string, isIndex: boolean): string {
  const segments = stripMarkdownExtension(path).split('/');
  if (isIndex) segments.pop();
  return normaliseUrlPath(`/${segments.map(slugSegment).join('/')}`);
}

function slugSegment(segment: string): string {
  return segment
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s._-]/gu, '')
    .replace(/\s/g, '-');
}
