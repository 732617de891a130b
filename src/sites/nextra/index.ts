import { readNextRedirects } from '../next-redirects.js';
import { COMMON_KEYS, emptySiteData, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { normaliseUrlPath, pathUrl, withoutRouteGroups } from '../url.js';
import { META_FILES, readMetaFile } from './meta.js';

const MARKERS = [
  'next.config.mjs',
  'next.config.js',
  'next.config.ts',
  'next.config.mts',
  'next.config.cjs',
  'theme.config.tsx',
  'theme.config.jsx',
  'theme.config.ts',
  'theme.config.js',
];

/**
 * Nextra: `next.config.*` (or `theme.config.*`) naming Nextra at the site root; pages in `pages/` or
 * `src/pages/` (every `.mdx` a page), `content/`, or `app/` (the app router: only `page.mdx` files are
 * pages, the others are imported); `public/` served at `/`; `_meta.js|ts|json` give each folder's order and
 * titles; `(group)` folders are left out of URLs; `name.<lang>.mdx` are translations; `## Title [#id]`.
 */
export const nextra: SiteDefinition<'nextra'> = {
  name: 'nextra',
  label: 'Nextra',
  contentDirs: ['content', 'pages', 'src/pages'],
  markers: MARKERS,
  markerTexts: Object.fromEntries(MARKERS.map((name) => [name, /nextra/i])),
  staticDirs: ['public'],
  exclude: ['**/_*', '**/_*/**', '**/node_modules/**'],
  indexFiles: ['page.mdx', 'page.md', 'index.mdx', 'index.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['bracket-heading-ids'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'sidebarTitle',
    'searchable',
    'asIndexPage',
    'icon',
    'theme',
    'image',
    'author',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: MARKERS.filter((name) => name.startsWith('next.config.')),
  navFiles: META_FILES,
  page({ path }, data) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (data.settings.router === 'app' && !/^page\.mdx?$/i.test(name)) {
      return {
        urls: [],
        redirects: [],
        notRendered: {
          key: 'title',
          reason: 'the app router makes pages of page.mdx files only; this one is imported',
        },
      };
    }
    const isIndex = /^(page|index)\.mdx?$/i.test(name);
    return {
      urls: [normaliseUrlPath(withoutRouteGroups(pathUrl(path, isIndex, data.settings.basePath ?? '')))],
      redirects: [],
    };
  },
  readConfig(files, contentPrefix) {
    const data = emptySiteData();
    const last = contentPrefix.split('/').pop() ?? '';
    if (last === 'app') data.settings.router = 'app';
    // `pages/docs/x.mdx` and `app/docs/x/page.mdx` are served at `/docs/x`; a `content/` folder at `/`.
    for (const file of files) if (file.path.startsWith('next.config.')) readNextRedirects(file, data);
    const metaFiles = files.filter((file) => META_FILES.some((name) => file.path.endsWith(name)));
    for (const file of metaFiles) readMetaFile(file, contentPrefix, data);
    if (metaFiles.length > 0)
      data.notes.push(
        `${metaFiles.length} _meta files were read as data, never run: their order and titles.`,
      );
    return data;
  },
};
