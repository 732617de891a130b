import { readJsonData } from '../static-data.js';
import {
  COMMON_KEYS,
  emptySiteData,
  type NavEntry,
  OWN_ORDER_KEYS,
  type SiteDefinition,
  type SiteFile,
} from '../types.js';
import { folderOfPath, pathUrl } from '../url.js';

/**
 * Mintlify: `docs.json` (or the older `mint.json`) at the docs root; pages are `.mdx` named by path without
 * extension; `navigation` groups give order and titles; `redirects` redirect; `snippets/` are partials.
 */
export const mintlify: SiteDefinition<'mintlify'> = {
  name: 'mintlify',
  label: 'Mintlify',
  contentDirs: ['.'],
  markers: ['docs.json', 'mint.json'],
  staticDirs: [],
  exclude: ['snippets/**', 'node_modules/**'],
  indexFiles: ['index.mdx', 'index.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['caution-as-warning', 'meta-code-titles', 'shiki-notations'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'sidebarTitle',
    'boost',
    'icon',
    'iconType',
    'mode',
    'api',
    'openapi',
    'url',
    'hidden',
    'noindex',
    'public',
    'tag',
    'og:title',
    'og:description',
    'og:image',
    'twitter:title',
    'twitter:image',
    'canonical',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  links: { siteUrlKey: '`seo.metatags.canonical` in docs.json', markdownUrls: true },
  configFiles: ['docs.json', 'mint.json'],
  page: ({ path, isIndex }) => ({ urls: [pathUrl(path, isIndex)], redirects: [] }),
  readConfig(files) {
    const data = emptySiteData();
    const file: SiteFile | undefined = files[0];
    if (!file) return data;
    const config = readJsonData(file.text) as { navigation?: unknown; redirects?: unknown } | undefined;
    if (!config) {
      data.notes.push(`${file.path} is not valid JSON; its navigation and redirects are not used.`);
      return data;
    }
    walk(config.navigation, data.nav);
    const canonical = (config as { seo?: { metatags?: { canonical?: unknown } } }).seo?.metatags?.canonical;
    if (typeof canonical === 'string' && /^https?:\/\/[^/]/i.test(canonical)) data.siteUrl = canonical;
    const line = file.text.slice(0, file.text.indexOf('"redirects"')).split('\n').length;
    for (const r of Array.isArray(config.redirects) ? config.redirects : []) {
      const { source, destination } = r as { source?: unknown; destination?: unknown };
      if (typeof source !== 'string' || typeof destination !== 'string') continue;
      if (!source.includes(':'))
        data.redirects.push({ from: source, to: destination, file: file.path, line });
      else data.redirectPatterns = [...(data.redirectPatterns ?? []), { from: source, to: destination }];
    }
    data.notes.push(
      `${file.path}: navigation order, group titles and redirects were read (links follow wildcard redirects).`,
    );
    return data;
  },
};

/** Navigation is nested tabs/anchors/groups with `pages` (strings or nested groups). */
function walk(node: unknown, nav: NavEntry[]): string[] {
  const pages: string[] = [];
  if (Array.isArray(node)) {
    let position = 0;
    for (const item of node) {
      position++;
      if (typeof item === 'string') {
        nav.push({ target: item, position });
        pages.push(item);
      } else {
        const inner = walk(item, nav);
        const title = (item as { group?: unknown }).group;
        const folders = new Set(inner.map(folderOfPath));
        const [folder] = folders;
        if (typeof title === 'string' && folders.size === 1 && folder)
          nav.push({ target: `${folder}/`, title, position });
        pages.push(...inner);
      }
    }
    return pages;
  }
  if (!node || typeof node !== 'object') return pages;
  for (const [key, value] of Object.entries(node)) {
    if (['pages', 'groups', 'tabs', 'anchors', 'dropdowns', 'versions', 'languages'].includes(key)) {
      pages.push(...walk(value, nav));
    }
  }
  return pages;
}
