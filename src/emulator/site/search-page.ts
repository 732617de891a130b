import { ancestry, articlePath, listedArticles, siteTree } from './content.js';
import { type SiteContext, sitePath } from './context.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';
import { type PageResponse, renderPage } from './layout.js';
import { draftBadge, sidebar } from './nav.js';
import { search } from './search.js';

/** `/search?q=`: matching articles with the text around the match. */
export function searchPage(ctx: SiteContext, query: string): PageResponse {
  const t = siteLabels(ctx.lang);
  const tree = siteTree(ctx);
  const trimmed = query.trim().slice(0, 200);
  const hits = trimmed ? search(listedArticles(ctx), trimmed) : [];
  const items = hits.map((hit) => {
    const where = ancestry(tree, hit.view.record.collection_id)
      .map((n) => esc(n.collection.title))
      .join(' › ');
    const snippet = hit.snippet
      .map((part) => (part.match ? `<mark>${esc(part.text)}</mark>` : esc(part.text)))
      .join('');
    const href = sitePath(ctx, articlePath(ctx, hit.view.record));
    return (
      `<li class="result"><a href="${esc(href)}">${esc(hit.view.title)}</a>${draftBadge(hit.view)}` +
      `${where ? `<span class="where">${where}</span>` : ''}<p>${snippet}</p></li>`
    );
  });
  const summary = !trimmed
    ? `<p class="empty">${t.typeToSearch}</p>`
    : hits.length === 0
      ? `<p class="empty">${t.noMatch(esc(trimmed))}</p>`
      : `<p class="count">${t.matches(hits.length, esc(trimmed))}</p>`;
  const main = `<h1>${t.searchTitle}</h1>${summary}${items.length ? `<ol class="results">${items.join('')}</ol>` : ''}`;
  return renderPage(ctx, {
    title: trimmed ? `${t.searchTitle}: ${trimmed}` : t.searchTitle,
    main,
    sidebar: sidebar(ctx, tree, []),
    query: trimmed,
  });
}
