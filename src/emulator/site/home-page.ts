import { collectionCards } from './collection-page.js';
import { siteTree } from './content.js';
import type { SiteContext } from './context.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';
import { type PageResponse, renderPage } from './layout.js';
import { articleList } from './nav.js';

/** The help center's front page: every top-level collection, and articles that are in none. */
export function homePage(ctx: SiteContext): PageResponse {
  const t = siteLabels(ctx.lang);
  const tree = siteTree(ctx);
  const cards = collectionCards(ctx, tree.roots);
  const loose = tree.loose.length
    ? `<section class="loose"><h2>${t.moreArticles}</h2>${articleList(ctx, tree.loose)}</section>`
    : '';
  const empty = !cards && !loose ? `<p class="empty">${t.nothingPublished}</p>` : '';
  const main =
    `<section class="hero"><h1>${esc(ctx.kb.title)}</h1>` +
    `<p class="lead">${t.lead}</p></section>${cards}${loose}${empty}`;
  return renderPage(ctx, { title: t.home, main });
}
