import { readYamlData } from '../static-data.js';
import { COMMON_KEYS, emptySiteData, OWN_ORDER_KEYS, type SiteDefinition } from '../types.js';
import { folderOfPath, normaliseUrlPath, stringsOf, stripMarkdownExtension } from '../url.js';

const POST = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

/**
 * Jekyll (with just-the-docs and jekyll-redirect-from in mind): the site root is the source; folders
 * starting with `_` are not pages (except `_posts`); `permalink` sets the URL; `redirect_from` redirects;
 * pages keep their number prefixes; posts drop their date from the slug; `nav_order` orders.
 */
export const jekyll: SiteDefinition<'jekyll'> = {
  name: 'jekyll',
  label: 'Jekyll',
  contentDirs: ['.'],
  markers: ['_config.yml', '_config.yaml'],
  staticDirs: ['.'],
  exclude: [
    '_includes/**',
    '_layouts/**',
    '_sass/**',
    '_data/**',
    '_site/**',
    '_drafts/**',
    '_plugins/**',
    'vendor/**',
    'node_modules/**',
    'Gemfile',
    'Gemfile.lock',
  ],
  indexFiles: ['index.md', 'index.markdown'],
  pageExtensions: ['mkdown', 'mkdn', 'mkd', 'html', 'htm'],
  orderKeys: [...OWN_ORDER_KEYS, 'nav_order'],
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: [
    'caution-as-warning',
    'liquid-tags',
    'liquid-output',
    'liquid-in-code',
    'liquid-templates',
    'definition-lists',
    'markdown-in-html',
  ],
  frontmatterKeys: [
    ...COMMON_KEYS,
    'layout',
    'permalink',
    'published',
    'redirect_from',
    'redirect_to',
    'categories',
    'category',
    'excerpt',
    'nav_order',
    'nav_exclude',
    'parent',
    'grand_parent',
    'has_children',
    'has_toc',
    'child_nav_order',
    'last_modified_date',
    'search_exclude',
    'image',
    'sitemap',
    'lang',
    'author',
  ],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: ['_config.yml', '_config.yaml'],
  links: { siteUrlKey: '`url` (and `baseurl`) in _config.yml', imagesClimbToRoot: true },
  configFiles: ['_config.yml', '_config.yaml'],
  page({ path, fields, isIndex }) {
    const stem = stripMarkdownExtension(path);
    const name = stem.slice(stem.lastIndexOf('/') + 1);
    const post = path.startsWith('_posts/') ? POST.exec(name) : null;
    const urls: string[] = [];
    const permalink = stringsOf(fields.permalink)[0];
    if (permalink) urls.push(normaliseUrlPath(permalink));
    else if (post) {
      const categories = stringsOf(fields.categories ?? fields.category).flatMap((c) => c.split(/\s+/));
      urls.push(normaliseUrlPath(`/${[...categories, post[1], post[2], post[3], post[4]].join('/')}.html`));
    } else urls.push(normaliseUrlPath(isIndex ? folderOfPath(stem) : `${stem}.html`));
    const redirects = stringsOf(fields.redirect_from);
    const slug = post?.[4];
    return { urls, redirects, ...(slug && { slug }) };
  },
  readConfig(files) {
    const data = emptySiteData();
    const file = files[0];
    if (!file) return data;
    const yaml = readYamlData(file.text);
    const config = (yaml?.value ?? {}) as { exclude?: unknown; url?: unknown; baseurl?: unknown };
    if (typeof config.url === 'string' && /^https?:\/\/[^/]/i.test(config.url)) {
      const base = typeof config.baseurl === 'string' ? config.baseurl.replace(/^\/+/, '') : '';
      data.siteUrl = `${config.url.replace(/\/+$/, '')}/${base}`;
    }
    for (const entry of stringsOf(config.exclude)) {
      data.exclude.push(entry.endsWith('/') ? `${entry}**` : entry, `${entry.replace(/\/$/, '')}/**`);
    }
    data.notes.push(`${file.path}: \`exclude\` was read; pages are ordered by their \`nav_order\`.`);
    return data;
  },
};
