import { readJsLiteral, readJsString } from '../static-data.js';
import { COMMON_KEYS, emptySiteData, type NavEntry, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { folderOfPath, pathUrl } from '../url.js';
import { homePageMarkdown } from './home-page.js';

/**
 * VitePress: the source folder holds `.vitepress/`, `public/` is served at `/`, `index.md` is the folder's
 * page, links may omit `.md`, heading ids follow VitePress's own slug rule.
 */
export const vitepress: SiteDefinition<'vitepress'> = {
  name: 'vitepress',
  label: 'VitePress',
  contentDirs: ['.'],
  markers: ['.vitepress/'],
  staticDirs: ['public'],
  exclude: ['public/**', '**/node_modules/**'],
  indexFiles: ['index.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'mdit-vue',
  syntax: ['caution-as-warning', 'colon-containers', 'vue-interpolation', 'vue-templates', 'shiki-notations'],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'layout',
    'hero',
    'features',
    'head',
    'titleTemplate',
    'outline',
    'aside',
    'sidebar',
    'navbar',
    'footer',
    'prev',
    'next',
    'editLink',
    'lastUpdated',
    'pageClass',
    'lang',
    'isHome',
    'search',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  links: { siteUrlKey: '`sitemap.hostname` (and `base`) in .vitepress/config' },
  configFiles: [
    '.vitepress/config.mts',
    '.vitepress/config.ts',
    '.vitepress/config.mjs',
    '.vitepress/config.js',
  ],
  page: ({ path, isIndex }) => ({ urls: [pathUrl(path, isIndex)], redirects: [] }),
  frontmatterMarkdown: homePageMarkdown,
  readConfig(files) {
    const data = emptySiteData();
    const file = files[0];
    if (!file) return data;
    const hostname = readJsString(file.text, 'hostname');
    if (typeof hostname === 'string' && /^https?:\/\/[^/]/i.test(hostname)) {
      const base = readJsString(file.text, 'base');
      const path = typeof base === 'string' ? base.replace(/^\/+/, '') : '';
      data.siteUrl = `${hostname.replace(/\/+$/, '')}/${path}`;
    }
    const sidebar = readJsLiteral(file.text, 'sidebar');
    if (!sidebar || typeof sidebar.value !== 'object' || sidebar.value === null) {
      data.notes.push(
        `${file.path}: the sidebar is not plain data (code builds it), so its order and titles are not read.`,
      );
      return data;
    }
    const groups = Array.isArray(sidebar.value) ? [sidebar.value] : Object.values(sidebar.value);
    for (const group of groups) walk(group, data.nav);
    data.notes.push(
      `${file.path} was read as text, never run: the sidebar's order and group titles were read as data.`,
    );
    if (/\brewrites\s*:/.test(file.text))
      data.notes.push(`${file.path}: \`rewrites\` are not read; pages keep their file URLs.`);
    return data;
  },
};

function walk(items: unknown, nav: NavEntry[]): string[] {
  const targets: string[] = [];
  if (!Array.isArray(items)) return targets;
  let position = 0;
  for (const item of items as { text?: unknown; link?: unknown; items?: unknown }[]) {
    position++;
    if (typeof item?.link === 'string' && item.link.startsWith('/')) {
      const target = linkTarget(item.link);
      nav.push({ target, position, ...(typeof item.text === 'string' && { title: item.text }) });
      targets.push(target);
    }
    if (Array.isArray(item?.items)) {
      const inner = walk(item.items, nav);
      const folders = new Set(inner.map((t) => (t.endsWith('/') ? t.slice(0, -1) : folderOfPath(t))));
      const [folder] = folders;
      if (folders.size === 1 && folder && typeof item.text === 'string') {
        nav.push({ target: `${folder}/`, title: item.text, position });
      }
      targets.push(...inner);
    }
  }
  return targets;
}

/** `/guide/` → `guide/` (its index page's folder); `/guide/setup` → `guide/setup`. */
function linkTarget(link: string): string {
  const path =
    link
      .replace(/^\/+/, '')
      .replace(/\.(md|html)$/, '')
      .split('#')[0] ?? '';
  return path === '' || path.endsWith('/') ? `${path}index` : path;
}
