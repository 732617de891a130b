import { readJsExport, readJsLiteral, readJsonData, readJsString, readYamlData } from '../static-data.js';
import {
  COMMON_KEYS,
  emptySiteData,
  type NavEntry,
  OWN_ORDER_KEYS,
  type SiteDefinition,
  type SiteFile,
} from '../types.js';
import { folderOfPath, normaliseUrlPath, stringsOf, stripMarkdownExtension } from '../url.js';

const NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^\d\s\-_.])/;

/**
 * Docusaurus: `docs/` served under `/docs` (`routeBasePath`), `static/` at `/`, files and folders starting
 * with `_` are partials, `slug` sets the URL, number prefixes are stripped, `sidebar_position` orders,
 * relative links are tried from the file's folder and then from the docs root.
 */
export const docusaurus: SiteDefinition<'docusaurus'> = {
  name: 'docusaurus',
  label: 'Docusaurus',
  contentDirs: ['docs'],
  markers: [
    'docusaurus.config.js',
    'docusaurus.config.ts',
    'docusaurus.config.mjs',
    'docusaurus.config.cjs',
    'docusaurus.config.mts',
  ],
  staticDirs: ['static'],
  exclude: ['**/_*', '**/_*/**', '**/*.test.*', '**/__tests__/**'],
  indexFiles: ['index.md', 'index.mdx', 'readme.md', 'readme.mdx'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: true,
  headingIds: 'github',
  syntax: ['caution-as-warning', 'colon-containers', 'md-as-mdx', 'magic-comments'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'id',
    'sidebar_label',
    'sidebar_position',
    'sidebar_class_name',
    'sidebar_key',
    'sidebar_custom_props',
    'displayed_sidebar',
    'hide_title',
    'hide_table_of_contents',
    'toc_min_heading_level',
    'toc_max_heading_level',
    'pagination_label',
    'pagination_next',
    'pagination_prev',
    'parse_number_prefixes',
    'custom_edit_url',
    'image',
    'last_update',
    'unlisted',
    'authors',
  ],
  linksFromDocsRoot: true,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  links: { siteUrlKey: '`url` and `baseUrl` in docusaurus.config' },
  configFiles: [
    'docusaurus.config.js',
    'docusaurus.config.ts',
    'docusaurus.config.mjs',
    'docusaurus.config.cjs',
    'docusaurus.config.mts',
    'sidebars.js',
    'sidebars.ts',
    'sidebars.mjs',
    'sidebars.cjs',
    'sidebars.json',
    'sidebars.yml',
  ],
  page({ path, fields, isIndex }, data) {
    const base = `/${data.settings.routeBasePath ?? 'docs'}`;
    const folder = folderOfPath(stripPrefixes(path));
    const slug = stringsOf(fields.slug)[0];
    const id = stringsOf(fields.id)[0];
    const stem = stripPrefixes(stripMarkdownExtension(path));
    const name = id ?? stem.slice(stem.lastIndexOf('/') + 1);
    let url = isIndex ? `${base}/${folder}` : `${base}/${folder ? `${folder}/` : ''}${name}`;
    if (slug) url = slug.startsWith('/') ? `${base}${slug}` : `${base}/${folder ? `${folder}/` : ''}${slug}`;
    const urls = [normaliseUrlPath(url)];
    const last = slug?.split('/').filter(Boolean).pop();
    return { urls, redirects: [], ...(last && { slug: last }) };
  },
  readConfig(files) {
    const data = emptySiteData();
    for (const file of files) {
      if (file.path.startsWith('docusaurus.config.')) readSiteConfig(file, data);
      else readSidebars(file, data);
    }
    return data;
  },
};

function stripPrefixes(path: string): string {
  return path
    .split('/')
    .map((segment) => segment.replace(NUMBER_PREFIX, ''))
    .join('/');
}

function readSiteConfig(file: SiteFile, data: ReturnType<typeof emptySiteData>): void {
  const url = readJsString(file.text, 'url');
  const baseUrl = readJsString(file.text, 'baseUrl');
  if (typeof url === 'string' && /^https?:\/\/[^/]/i.test(url)) {
    const path = typeof baseUrl === 'string' ? baseUrl.replace(/^\/*/, '') : '';
    data.siteUrl = `${url.replace(/\/+$/, '')}/${path}`;
  }
  const base = readJsLiteral(file.text, 'routeBasePath');
  if (typeof base?.value === 'string') data.settings.routeBasePath = base.value.replace(/^\/+|\/+$/g, '');
  const redirects = readJsLiteral(file.text, 'redirects');
  if (redirects && Array.isArray(redirects.value)) {
    for (const entry of redirects.value as { from?: unknown; to?: unknown }[]) {
      if (typeof entry?.to !== 'string') continue;
      for (const from of stringsOf(entry.from)) {
        data.redirects.push({ from, to: entry.to, file: file.path, line: redirects.line });
      }
    }
    data.notes.push(`${file.path}: the client-redirects plugin's \`redirects\` list was read as data.`);
  } else if (/plugin-client-redirects/.test(file.text)) {
    data.notes.push(
      `${file.path}: the client-redirects plugin's redirects are not plain data (code builds them), so they are not read.`,
    );
  }
  data.notes.push(`${file.path} was read as text, never run: only literal values are used.`);
}

function readSidebars(file: SiteFile, data: ReturnType<typeof emptySiteData>): void {
  const value = file.path.endsWith('.json')
    ? readJsonData(file.text)
    : file.path.endsWith('.yml')
      ? readYamlData(file.text)?.value
      : (readJsLiteral(file.text, 'sidebars') ?? readJsExport(file.text))?.value;
  if (!value || typeof value !== 'object') {
    data.notes.push(`${file.path}: the sidebars are built by code, so their order and labels are not read.`);
    return;
  }
  for (const items of Object.values(value as Record<string, unknown>)) walkItems(items, data.nav);
  data.notes.push(`${file.path}: sidebar order and category labels were read as data.`);
}

/** Sidebar items in order: doc ids, `{type: 'doc', id}`, and categories (a label for their folder). */
function walkItems(items: unknown, nav: NavEntry[]): string[] {
  const ids: string[] = [];
  if (!Array.isArray(items)) return ids;
  let position = 0;
  for (const item of items) {
    position++;
    if (typeof item === 'string') {
      nav.push({ target: item, position });
      ids.push(item);
      continue;
    }
    const record = item as {
      type?: string;
      id?: unknown;
      label?: unknown;
      items?: unknown;
      dirName?: unknown;
    };
    if (record?.type === 'doc' && typeof record.id === 'string') {
      nav.push({
        target: record.id,
        position,
        ...(typeof record.label === 'string' && { title: record.label }),
      });
      ids.push(record.id);
    } else if (record?.type === 'category') {
      const inner = walkItems(record.items, nav);
      const link = (record as { link?: { id?: unknown } }).link?.id;
      if (typeof link === 'string') inner.push(link);
      const dirName = (record.items as { dirName?: unknown }[] | undefined)?.find(
        (i) => typeof i?.dirName === 'string',
      )?.dirName as string | undefined;
      const folders = new Set([...inner.map(folderOfPath), ...(dirName ? [dirName] : [])]);
      const [folder] = folders;
      if (folders.size === 1 && folder) {
        nav.push({
          target: `${folder}/`,
          position,
          ...(typeof record.label === 'string' && { title: record.label }),
        });
      }
      ids.push(...inner);
    }
  }
  return ids;
}
