import { escapeHtml } from '../pylon-api/index.js';
import { articleUrl, type UrlSuffix } from './article-model.js';
import type { ArticleRecord, CollectionRecord, KbRecord } from './model.js';
import { findRedirect } from './redirects.js';
import type { Store } from './store.js';

/**
 * The public help center of a KB: `/articles/<identifier>-<anything>` serves a published article,
 * `/collections/<identifier>-<anything>` a collection, a path with a route redirect answers 301,
 * anything else 404. Reached by `Host: <kb host>` or under `/_site/<kb-slug>/`.
 */

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const esc = escapeHtml;

function page(status: number, title: string, lang: string, main: string): PageResponse {
  const body =
    `<!doctype html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>` +
    `<body><main>${main}</main></body></html>\n`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

const notFoundPage = (kb: KbRecord) =>
  page(
    404,
    'Page not found',
    kb.default_language,
    '<h1>Page not found</h1><p>There is nothing at this address.</p>',
  );

export function collectionUrl(kb: KbRecord, c: CollectionRecord): string {
  return `https://${kb.host}/collections/${c.identifier}-${c.slug}`;
}

function articlePage(kb: KbRecord, a: ArticleRecord, lang: string | null): PageResponse {
  const t = lang && lang !== kb.default_language ? a.translations[lang] : undefined;
  const title = (t ? t.published_title : a.published_title) ?? a.title;
  const html = t ? t.published_html : a.published_html;
  if (!a.is_published || html === null) return notFoundPage(kb);
  const language = t ? (lang as string) : kb.default_language;
  return page(200, title, language, `<article><h1>${esc(title)}</h1>\n${html}\n</article>`);
}

function collectionPage(store: Store, kb: KbRecord, c: CollectionRecord, prefix: string): PageResponse {
  const items = store
    .articlesOf(kb.id)
    .filter((a) => a.collection_id === c.id && a.is_published && !a.is_unlisted && a.url)
    .map(
      (a) =>
        `<li><a href="${esc(prefix + new URL(a.url).pathname)}">${esc(a.published_title ?? a.title)}</a></li>`,
    );
  const main = `<h1>${esc(c.title)}</h1>${c.description ? `<p>${esc(c.description)}</p>` : ''}<ul>${items.join('')}</ul>`;
  return page(200, c.title, kb.default_language, main);
}

function redirectTarget(store: Store, kb: KbRecord, path: string, suffix: UrlSuffix): string | null {
  const redirect = findRedirect(store, kb.id, path);
  if (!redirect) return null;
  if (redirect.object_type === 'collection') {
    const c = store.collections.get(redirect.object_id);
    return c && c.kb_id === kb.id ? collectionUrl(kb, c) : null;
  }
  const a = store.articles.get(redirect.object_id);
  if (!a || a.kb_id !== kb.id) return null;
  const url = a.url || articleUrl(kb, a, suffix);
  return redirect.language === kb.default_language
    ? url
    : `${url}?lang=${encodeURIComponent(redirect.language)}`;
}

/**
 * Answer a help-center request. `prefix` is `/_site/<slug>` for site-local requests (empty for Host routing):
 * a redirect's `Location` is always the target's canonical URL, and site-local requests also get the
 * followable local path in `X-Emulator-Site-Location`.
 */
export function helpCenter(
  store: Store,
  kb: KbRecord,
  path: string,
  query: URLSearchParams,
  suffix: UrlSuffix,
  prefix = '',
): PageResponse {
  const target = redirectTarget(store, kb, path, suffix);
  if (target) {
    const res = page(
      301,
      'Moved',
      kb.default_language,
      `<p>Moved to <a href="${esc(target)}">${esc(target)}</a></p>`,
    );
    res.headers.location = target;
    if (prefix) {
      const local = new URL(target);
      res.headers['x-emulator-site-location'] = prefix + local.pathname + local.search;
    }
    return res;
  }
  const article = /^\/articles\/(\d+)(?:-[^/]*)?\/?$/.exec(path);
  if (article?.[1]) {
    const a = store.articleByIdentifier(kb.id, article[1]);
    return a ? articlePage(kb, a, query.get('lang')) : notFoundPage(kb);
  }
  const collection = /^\/collections\/(\d+)(?:-[^/]*)?\/?$/.exec(path);
  if (collection?.[1]) {
    const c = store.collectionByIdentifier(kb.id, collection[1]);
    return c ? collectionPage(store, kb, c, prefix) : notFoundPage(kb);
  }
  return notFoundPage(kb);
}
