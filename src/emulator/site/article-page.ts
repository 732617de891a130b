import { type ArticleView, ancestry, articlePath, siteTree } from './content.js';
import { type SiteContext, sitePath } from './context.js';
import { esc } from './html.js';
import { formatDate, siteLabels } from './labels.js';
import { type PageResponse, renderPage } from './layout.js';
import { localizeLinks } from './links.js';
import { breadcrumbs, draftBadge, sidebar } from './nav.js';

/** An article: breadcrumbs, title, last update and author, the body, the collection sidebar. */
export function articlePage(ctx: SiteContext, view: ArticleView): PageResponse {
  const here = { ...ctx, lang: view.language };
  const a = view.record;
  const tree = siteTree(here);
  const chain = ancestry(tree, a.collection_id);
  const t = siteLabels(view.language);
  const author = ctx.store.users.get(a.author_user_id)?.name;
  const meta =
    `<p class="meta">${t.updated} <time datetime="${esc(view.updatedAt)}">${esc(formatDate(view.updatedAt, t))}</time>` +
    `${author ? ` · ${t.by} <span class="author">${esc(author)}</span>` : ''}</p>`;
  const notice =
    view.draft === 'unpublished'
      ? '<p class="draft-notice">This article is a draft: readers cannot see it until it is published.</p>'
      : view.draft === 'changed'
        ? '<p class="draft-notice">This draft has changes that are not published yet.</p>'
        : '';
  const main =
    breadcrumbs(here, chain) +
    `<article class="article" data-article-id="${esc(a.id)}" lang="${esc(view.language)}">` +
    `<h1>${esc(view.title)}${draftBadge(view)}</h1>${meta}${notice}` +
    `<div class="article-body">${localizeLinks(here, view.html)}</div></article>`;
  const languages = view.languages.map((lang) => ({
    lang,
    href: sitePath(here, articlePath(here, a), lang),
  }));
  return renderPage(here, {
    title: view.title,
    main,
    sidebar: sidebar(here, tree, chain, { article: a.id }),
    languages,
  });
}
