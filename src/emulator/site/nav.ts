import {
  type ArticleView,
  articlePath,
  type CollectionNode,
  collectionPath,
  type SiteTree,
} from './content.js';
import { type SiteContext, sitePath } from './context.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';

/** Breadcrumbs, the collection sidebar and article lists: the navigation every page shares. */

export function breadcrumbs(ctx: SiteContext, chain: CollectionNode[], current?: string): string {
  const items = [`<li><a href="${esc(sitePath(ctx, '/'))}">${esc(ctx.kb.title)}</a></li>`];
  for (const node of chain) {
    items.push(
      `<li><a href="${esc(sitePath(ctx, collectionPath(node.collection)))}">${esc(node.collection.title)}</a></li>`,
    );
  }
  if (current) items.push(`<li aria-current="page">${esc(current)}</li>`);
  return `<nav class="breadcrumbs" aria-label="${siteLabels(ctx.lang).breadcrumb}"><ol>${items.join('')}</ol></nav>`;
}

export function draftBadge(view: ArticleView): string {
  if (!view.draft) return '';
  const text = view.draft === 'unpublished' ? 'Draft' : 'Unpublished changes';
  return ` <span class="badge badge-draft">${text}</span>`;
}

export function articleLink(ctx: SiteContext, view: ArticleView, current?: string): string {
  const here = view.record.id === current ? ' aria-current="page"' : '';
  const href = sitePath(ctx, articlePath(ctx, view.record));
  return `<a href="${esc(href)}"${here}>${esc(view.title)}</a>${draftBadge(view)}`;
}

export function articleList(ctx: SiteContext, views: ArticleView[], current?: string): string {
  if (views.length === 0) return '';
  const items = views.map((v) => `<li>${articleLink(ctx, v, current)}</li>`);
  return `<ul class="article-list">${items.join('')}</ul>`;
}

function sidebarNode(
  ctx: SiteContext,
  node: CollectionNode,
  open: Set<string>,
  current: { collection?: string; article?: string },
): string {
  if (node.total === 0 && !ctx.preview) return '';
  const here = node.collection.id === current.collection && !current.article ? ' aria-current="page"' : '';
  const link = `<a href="${esc(sitePath(ctx, collectionPath(node.collection)))}"${here}>${esc(node.collection.title)}</a>`;
  if (!open.has(node.collection.id)) return `<li class="collapsed">${link}</li>`;
  const children = node.children.map((child) => sidebarNode(ctx, child, open, current)).join('');
  const articles = node.articles.map(
    (v) => `<li class="article">${articleLink(ctx, v, current.article)}</li>`,
  );
  const inner = children + articles.join('');
  return `<li class="open">${link}${inner ? `<ul>${inner}</ul>` : ''}</li>`;
}

/** Every top-level collection; the path to the current page opened, with its articles. */
export function sidebar(
  ctx: SiteContext,
  tree: SiteTree,
  chain: CollectionNode[],
  current: { collection?: string; article?: string } = {},
): string {
  const open = new Set(chain.map((n) => n.collection.id));
  const items = tree.roots.map((root) => sidebarNode(ctx, root, open, current)).join('');
  const loose = tree.loose.length
    ? `<li class="open"><span>${siteLabels(ctx.lang).otherArticles}</span><ul>${tree.loose
        .map((v) => `<li class="article">${articleLink(ctx, v, current.article)}</li>`)
        .join('')}</ul></li>`
    : '';
  return `<nav class="sidebar" aria-label="${siteLabels(ctx.lang).collections}"><ul>${items}${loose}</ul></nav>`;
}
