import { COMMON_KEYS, emptySiteData, OWN_ORDER_KEYS, type SiteDefinition, type SiteFile } from '../types.js';
import { folderOfPath, normaliseUrlPath, pathUrl, stringsOf } from '../url.js';
import { HUGO_CONFIG_FILES, hugoKey, readHugoConfig } from './config.js';

/**
 * Hugo: `content/` with `_index.md` (section pages) and `index.md` (page bundles); `static/` served at `/`;
 * `aliases` are redirects; `url` and `slug` set the page URL; `weight` orders. File names keep their numbers.
 */
export const hugo: SiteDefinition<'hugo'> = {
  name: 'hugo',
  label: 'Hugo',
  contentDirs: ['content'],
  markers: [
    'hugo.toml',
    'hugo.yaml',
    'hugo.yml',
    'hugo.json',
    'config.toml',
    'config/_default/',
    'config.yaml',
    'config.json',
  ],
  staticDirs: ['static', 'assets'],
  exclude: [],
  indexFiles: ['_index.md', '_index.markdown', 'index.md', 'index.markdown'],
  pageExtensions: ['mdown', 'html', 'htm', 'org', 'ad', 'adoc', 'asciidoc', 'pandoc', 'pdc', 'rst'],
  orderKeys: [...OWN_ORDER_KEYS, 'weight'],
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['caution-as-warning', 'hugo-shortcodes', 'hugo-shortcodes-in-code', 'definition-lists'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'aliases',
    'weight',
    'linkTitle',
    'linktitle',
    'menu',
    'lastmod',
    'publishDate',
    'expiryDate',
    'categories',
    'series',
    'summary',
    'toc',
    'type',
    'layout',
    'url',
    'cascade',
    'resources',
    'params',
    'outputs',
    'build',
    '_build',
    'headless',
    'markup',
    'translationKey',
    'isCJKLanguage',
    'sitemap',
    'images',
    'authors',
    'icon',
    'no_list',
    'hide_summary',
    'simple_list',
    // Docsy's page keys.
    'toc_hide',
    'hide_feedback',
    'exclude_search',
    'manualLink',
    'manualLinkTitle',
    'manualLinkTarget',
    'manualLinkRelref',
    'body_class',
  ],
  // `ref`/`relref` (and the link render hooks built on `GetPage`) look a path up from the page's folder,
  // then from the content root, with or without its extension, whatever its case.
  linksFromDocsRoot: true,
  rawHtmlFromPageUrl: false,
  links: {
    siteUrlKey: '`baseURL` in hugo.toml (or config/_default/)',
    directoryUrls: true,
    caseInsensitive: true,
    sitePathsFromContentRoot: true,
    relativeFilesInStaticDirs: true,
  },
  // The root file and the configuration directory, merged as Hugo merges them (`params.toml` → `params`).
  variableFiles: HUGO_CONFIG_FILES,
  readVariables: (files) => {
    const config = readHugoConfig(files);
    return config.files.length > 0 ? config.values : undefined;
  },
  configFiles: HUGO_CONFIG_FILES,
  page({ path, fields, isIndex }) {
    const folder = folderOfPath(path);
    const own = pathUrl(path, isIndex);
    const urls = [own];
    const slug = stringsOf(fields.slug)[0];
    if (slug && !isIndex) urls.push(normaliseUrlPath(`${folder}/${slug}`));
    for (const url of stringsOf(fields.url)) urls.push(normaliseUrlPath(url));
    // A relative alias (`old`, `../old`) is relative to the page's section.
    const base = isIndex ? folderOfPath(folder) : folder;
    const redirects = stringsOf(fields.aliases).map((a) => (a.startsWith('/') ? a : relativeTo(base, a)));
    const notRendered = notRenderedBy(fields, path, isIndex);
    return { urls, redirects, ...(slug && { slug }), ...(notRendered && { notRendered }) };
  },
  readConfig(files) {
    return readConfig(files);
  },
};

function readConfig(files: readonly SiteFile[]) {
  const config = readHugoConfig(files);
  const data = emptySiteData([...config.problems]);
  if (config.files.length > 0)
    data.notes.push(
      `${config.files.join(', ')} ${config.files.length === 1 ? 'was' : 'were'} read as data; menus and weights are taken from the pages' frontmatter.`,
    );
  const baseUrl = hugoKey(config.values, 'baseURL');
  if (typeof baseUrl === 'string' && /^https?:\/\/[^/]/i.test(baseUrl)) data.siteUrl = baseUrl;
  return data;
}

/** `../old` against the section `guides/setup` → `/guides/old`, as a URL path. */
function relativeTo(base: string, alias: string): string {
  return new URL(alias, `http://site.invalid/${base ? `${base}/` : ''}`).pathname;
}

/**
 * Hugo builds no page from a file whose build options say `render: never` (or `false`; `_build` is the
 * old name), nor from a headless leaf bundle (`headless: true` on a bundle's `index.md`).
 */
function notRenderedBy(
  fields: Readonly<Record<string, unknown>>,
  path: string,
  isIndex: boolean,
): { key: string; reason: string } | undefined {
  for (const key of ['build', '_build']) {
    const render = (fields[key] as { render?: unknown } | null | undefined)?.render;
    if (render === 'never' || render === false) return { key, reason: `${key}: render: ${render}` };
  }
  const bundle = isIndex && /(^|\/)index\.(md|markdown)$/i.test(path);
  if (bundle && fields.headless === true) return { key: 'headless', reason: 'a headless bundle' };
  return undefined;
}
