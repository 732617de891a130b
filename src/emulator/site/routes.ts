import { articleUrl } from '../article-model.js';
import { findRedirect } from '../redirects.js';
import { articlePage } from './article-page.js';
import { collectionPage } from './collection-page.js';
import { collectionPath, siteTree, viewArticle } from './content.js';
import { type SiteContext, sitePath } from './context.js';
import { homePage } from './home-page.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';
import { type PageResponse, renderPage } from './layout.js';
import { sidebar } from './nav.js';
import { searchPage } from './search-page.js';
import { SITE_CSS } from './style.js';

/**
 * One help-center request, below the site's base: `/` (home), `/collections/<identifier>-…`,
 * `/articles/<identifier>-…`, `/search?q=`, the stylesheet; a path with a route redirect answers 301
 * to the target's page on this same site.
 */

export function notFoundPage(ctx: SiteContext): PageResponse {
  const t = siteLabels(ctx.lang);
  const main = `<h1>${t.notFoundTitle}</h1><p>${t.notFoundText}</p><p>${t.notFoundHint}</p>`;
  return renderPage(ctx, {
    title: t.notFoundTitle,
    main,
    sidebar: sidebar(ctx, siteTree(ctx), []),
    status: 404,
  });
}

function redirectPage(ctx: SiteContext, path: string): PageResponse | null {
  const redirect = findRedirect(ctx.store, ctx.kb.id, path);
  if (!redirect) return null;
  let target: string | null = null;
  if (redirect.object_type === 'collection') {
    const c = ctx.store.collections.get(redirect.object_id);
    if (c && c.kb_id === ctx.kb.id) target = sitePath(ctx, collectionPath(c));
  } else {
    const a = ctx.store.articles.get(redirect.object_id);
    if (a && a.kb_id === ctx.kb.id) {
      const path = new URL(a.url || articleUrl(ctx.kb, a, ctx.suffix)).pathname;
      // A redirect in the default language moves the page, whatever language the reader asked for: an old
      // `?lang=fr` URL lands on the new page in French (a redirect in another language names its own).
      const language = redirect.language === ctx.kb.default_language ? ctx.lang : redirect.language;
      target = sitePath(ctx, path, language);
    }
  }
  if (target === null) return null;
  const page = renderPage(ctx, {
    title: siteLabels(ctx.lang).movedTitle,
    main: `<h1>${siteLabels(ctx.lang).movedTitle}</h1><p>${siteLabels(ctx.lang).movedTo} <a href="${esc(target)}">${esc(target)}</a>.</p>`,
    status: 301,
  });
  page.headers.location = target;
  return page;
}

export function sitePage(ctx: SiteContext, path: string, query: URLSearchParams): PageResponse {
  if (path === '/_help/style.css') {
    return {
      status: 200,
      headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' },
      body: SITE_CSS,
    };
  }
  const moved = redirectPage(ctx, path);
  if (moved) return moved;
  if (path === '/' || path === '') return homePage(ctx);
  if (path === '/search' || path === '/search/') return searchPage(ctx, query.get('q') ?? '');
  const article = /^\/articles\/(\d+)(?:-[^/]*)?\/?$/.exec(path);
  if (article?.[1]) {
    const a = ctx.store.articleByIdentifier(ctx.kb.id, article[1]);
    const view = a && viewArticle(ctx, a);
    return view ? articlePage(ctx, view) : notFoundPage(ctx);
  }
  const collection = /^\/collections\/(\d+)(?:-[^/]*)?\/?$/.exec(path);
  if (collection?.[1]) {
    const c = ctx.store.collectionByIdentifier(ctx.kb.id, collection[1]);
    return c ? collectionPage(ctx, c) : notFoundPage(ctx);
  }
  return notFoundPage(ctx);
}
