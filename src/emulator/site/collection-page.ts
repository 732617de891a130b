import type { CollectionRecord } from '../model.js';
import { ancestry, type CollectionNode, collectionPath, siteTree } from './content.js';
import { type SiteContext, sitePath } from './context.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';
import { type PageResponse, renderPage } from './layout.js';
import { articleList, breadcrumbs, sidebar } from './nav.js';

/** Collection cards: title, description, how many articles. Empty ones only on the preview. */
export function collectionCards(ctx: SiteContext, nodes: CollectionNode[]): string {
  const cards = nodes
    .filter((n) => n.total > 0 || ctx.preview)
    .map((n) => {
      const count = siteLabels(ctx.lang).articleCount(n.total);
      const description = n.collection.description ? `<p>${esc(n.collection.description)}</p>` : '';
      return (
        `<li class="card"><a href="${esc(sitePath(ctx, collectionPath(n.collection)))}">` +
        `<h2>${esc(n.collection.title)}</h2>${description}<span class="count">${count}</span></a></li>`
      );
    });
  return cards.length ? `<ul class="cards">${cards.join('')}</ul>` : '';
}

export function collectionPage(ctx: SiteContext, collection: CollectionRecord): PageResponse {
  const tree = siteTree(ctx);
  const chain = ancestry(tree, collection.id);
  const node = chain.at(-1) as CollectionNode;
  const description = collection.description ? `<p class="lead">${esc(collection.description)}</p>` : '';
  const articles = articleList(ctx, node.articles);
  const empty = node.total === 0 ? `<p class="empty">${siteLabels(ctx.lang).emptyCollection}</p>` : '';
  const main =
    breadcrumbs(ctx, chain.slice(0, -1), collection.title) +
    `<h1>${esc(collection.title)}</h1>${description}${collectionCards(ctx, node.children)}${articles}${empty}`;
  return renderPage(ctx, {
    title: collection.title,
    main,
    sidebar: sidebar(ctx, tree, chain, { collection: collection.id }),
  });
}
