import { readYamlData } from '../static-data.js';
import { COMMON_KEYS, emptySiteData, type NavEntry, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { folderOfPath, pathUrl } from '../url.js';
import { snippetsOptions } from './snippets.js';

/**
 * MkDocs: `mkdocs.yml` beside `docs/`; directory URLs (`setup.md` → `/setup/`), so raw-HTML paths resolve
 * against the page URL; `index.md` / `README.md` are folder pages; Python-Markdown's heading ids; `nav`
 * gives order and section titles; the redirects plugin's `redirect_maps` are redirects.
 */
export const mkdocs: SiteDefinition<'mkdocs'> = {
  name: 'mkdocs',
  label: 'MkDocs',
  contentDirs: ['docs'],
  markers: ['mkdocs.yml', 'mkdocs.yaml'],
  staticDirs: [],
  exclude: [],
  indexFiles: ['index.md', 'readme.md'],
  pageExtensions: ['mdown', 'mkdn', 'mkd'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'python-markdown',
  syntax: [
    'caution-as-warning',
    'mkdocs-admonitions',
    'mkdocs-content-tabs',
    'definition-lists',
    'definitions-at-four-columns',
    'markdown-in-html',
    'code-annotations',
    'autodoc-identifiers',
  ],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'hide',
    'search',
    'status',
    'subtitle',
    'template',
    'icon',
    'comments',
    'authors',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: true,
  variableFiles: [],
  links: { siteUrlKey: '`site_url` in mkdocs.yml', directoryUrls: true },
  configFiles: ['mkdocs.yml', 'mkdocs.yaml'],
  page: ({ path, isIndex }) => ({ urls: [pathUrl(path, isIndex)], redirects: [] }),
  readConfig(files) {
    const data = emptySiteData();
    const file = files[0];
    if (!file) return data;
    const yaml = readYamlData(file.text);
    if (!yaml || typeof yaml.value !== 'object' || yaml.value === null) {
      data.notes.push(`${file.path} could not be read as YAML; nav and redirects are not used.`);
      return data;
    }
    const config = yaml.value as {
      nav?: unknown;
      plugins?: unknown;
      docs_dir?: unknown;
      markdown_extensions?: unknown;
      site_url?: unknown;
    };
    if (typeof config.site_url === 'string' && /^https?:\/\/[^/]/i.test(config.site_url))
      data.siteUrl = config.site_url;
    if (config.nav !== undefined) {
      walk(config.nav, data.nav);
      data.notes.push(`${file.path}: \`nav\` order and section titles were read.`);
    }
    const plugins = Array.isArray(config.plugins) ? config.plugins : [config.plugins];
    for (const plugin of plugins) {
      const maps = (plugin as { redirects?: { redirect_maps?: unknown } } | null)?.redirects?.redirect_maps;
      if (!maps || typeof maps !== 'object') continue;
      for (const [from, to] of Object.entries(maps as Record<string, unknown>)) {
        if (typeof to !== 'string') continue;
        const line = yaml.lineOf('plugins');
        data.redirects.push({
          from: pathUrl(from, /(^|\/)index\.md$/.test(from)),
          to,
          file: file.path,
          ...(line && { line }),
        });
      }
      data.notes.push(`${file.path}: the redirects plugin's \`redirect_maps\` were read.`);
    }
    const snippets = snippetsOptions(config.markdown_extensions);
    if (snippets) {
      data.snippets = snippets;
      const added = [...snippets.autoPrepend, ...snippets.autoAppend];
      data.notes.push(
        `${file.path}: pymdownx.snippets' base_path (${snippets.basePaths.join(', ')}) was read${added.length > 0 ? `; auto_prepend/auto_append (${added.join(', ')}) are added to every page` : ''}.`,
      );
    }
    return data;
  },
};

/** `nav` entries: `- Title: page.md`, `- page.md`, `- Section: [ … ]`; external links are skipped. */
function walk(items: unknown, nav: NavEntry[]): string[] {
  const paths: string[] = [];
  if (!Array.isArray(items)) return paths;
  let position = 0;
  for (const item of items) {
    position++;
    const [title, value] =
      typeof item === 'string'
        ? [undefined, item]
        : (Object.entries(item as object)[0] ?? [undefined, undefined]);
    if (typeof value === 'string') {
      if (/^[a-z][a-z\d+.-]*:/i.test(value)) continue;
      nav.push({ target: value, position, ...(title && { title }) });
      paths.push(value);
    } else if (Array.isArray(value)) {
      const inner = walk(value, nav);
      const folders = new Set(inner.map(folderOfPath));
      const [folder] = folders;
      if (folders.size === 1 && folder && title) nav.push({ target: `${folder}/`, title, position });
      paths.push(...inner);
    }
  }
  return paths;
}
