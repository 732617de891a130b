import { parse as parseToml } from 'smol-toml';
import {
  COMMON_KEYS,
  emptySiteData,
  OWN_ORDER_KEYS,
  type SiteData,
  type SiteDefinition,
  type SiteFile,
} from '../types.js';
import { normaliseUrlPath, pathUrl } from '../url.js';
import { readSummary } from './summary.js';

/**
 * mdBook: `book.toml` at the book's root names the source folder (`[book] src`, default `src`) and
 * `[output.html.redirect]`; `src/SUMMARY.md` is the table of contents (order, chapter titles, parts), not a
 * page; `README.md` becomes a folder's `index.html`; pages are served as `.html`; no frontmatter. Its
 * preprocessor's `{{#include}}`, `{{#rustdoc_include}}`, `{{#playground}}` and `{{#title}}` and its hidden
 * Rust lines are constructs of its syntax preset.
 */
export const mdbook: SiteDefinition<'mdbook'> = {
  name: 'mdbook',
  label: 'mdBook',
  contentDirs: ['src'],
  markers: ['book.toml'],
  staticDirs: [],
  exclude: ['SUMMARY.md'],
  indexFiles: ['readme.md', 'index.md'],
  orderKeys: OWN_ORDER_KEYS,
  stripNumberPrefix: false,
  headingIds: 'github',
  syntax: ['mdbook-links', 'mdbook-hidden-lines', 'mdbook-listings'],
  frontmatterKeys: [...COMMON_KEYS],
  linksFromDocsRoot: false,
  rawHtmlFromPageUrl: false,
  variableFiles: [],
  configFiles: ['book.toml', '{content}/SUMMARY.md'],
  page: ({ path, isIndex }, data) => {
    const url = pathUrl(path, isIndex);
    // `guide/setup.md` is served at `/guide/setup.html`; `cli/README.md` at `/cli/index.html` and `/cli/`.
    const urls = isIndex ? [url, `${url === '/' ? '' : url}/index.html`] : [url, `${url}.html`];
    const listed = data.nav.length === 0 || data.nav.some((entry) => entry.target === path);
    return {
      urls,
      redirects: [],
      // mdBook builds the chapters SUMMARY.md lists; other files are included by them, or not published.
      ...(!listed && {
        notRendered: {
          key: 'SUMMARY.md',
          reason: 'SUMMARY.md does not list it; add it there to publish it',
        },
      }),
    };
  },
  readConfig(files, contentPrefix) {
    const data = emptySiteData();
    for (const file of files) {
      if (file.path === 'book.toml') readBookToml(file, data, contentPrefix);
      else {
        data.nav.push(...readSummary(file.text));
        data.notes.push(
          `${file.path}: chapter order, titles and parts were read; it is not published as a page.`,
        );
      }
    }
    return data;
  },
};

function readBookToml(file: SiteFile, data: SiteData, contentPrefix: string): void {
  let book: Record<string, unknown>;
  try {
    book = parseToml(file.text) as Record<string, unknown>;
  } catch (error) {
    data.notes.push(
      `${file.path} could not be read as TOML (${(error as Error).message}); redirects are not used.`,
    );
    return;
  }
  const src = stringAt(book, ['book', 'src']) ?? 'src';
  if (src.replace(/^\.\//, '').replace(/\/+$/, '') !== contentPrefix) {
    data.notes.push(
      `${file.path}: the book's source folder is "${src}", but the content directory is "${contentPrefix || '.'}".`,
    );
  }
  const title = stringAt(book, ['book', 'title']);
  if (title) data.settings.title = title;
  const redirects = valueAt(book, ['output', 'html', 'redirect']);
  if (redirects && typeof redirects === 'object') {
    const lines = file.text.split('\n');
    for (const [from, to] of Object.entries(redirects as Record<string, unknown>)) {
      if (typeof to !== 'string') continue;
      if (/^[a-z][a-z\d+.-]*:/i.test(to)) {
        data.notes.push(
          `${file.path}: the redirect from "${from}" leads off the book (${to}); it is not created.`,
        );
        continue;
      }
      const index = lines.findIndex((line) => line.trimStart().startsWith(`"${from}"`));
      data.redirects.push({
        from: normaliseUrlPath(from),
        to: redirectTarget(from, to),
        file: file.path,
        ...(index >= 0 && { line: index + 1 }),
      });
    }
    data.notes.push(`${file.path}: \`[output.html.redirect]\` was read.`);
  }
}

/** A redirect's target is relative to the old page's folder (`/a/old.html` → `new.html` is `/a/new.html`). */
function redirectTarget(from: string, to: string): string {
  if (to.startsWith('/')) return normaliseUrlPath(to);
  const folder = from.startsWith('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '/';
  const segments: string[] = [];
  for (const segment of `${folder}${to}`.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return normaliseUrlPath(`/${segments.join('/')}`);
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function stringAt(value: unknown, path: readonly string[]): string | undefined {
  const at = valueAt(value, path);
  return typeof at === 'string' ? at : undefined;
}
