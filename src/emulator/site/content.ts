import { articleUrl } from '../article-model.js';
import type { ArticleRecord, CollectionRecord } from '../model.js';
import type { SiteContext } from './context.js';

/**
 * What a reader sees of the store: on the published site, the published title and body of published
 * articles; on the preview, the drafts of every article. Unlisted articles open by URL but are not listed.
 */

export interface ArticleView {
  record: ArticleRecord;
  title: string;
  html: string;
  /** The language shown (a translation, or the KB's default when the article has none in the requested one). */
  language: string;
  /** Languages the article can be read in, default first. */
  languages: string[];
  /** Preview only: never published, or the draft differs from what is published. */
  draft: 'unpublished' | 'changed' | null;
  updatedAt: string;
}

function translationOf(ctx: SiteContext, a: ArticleRecord, lang: string) {
  return lang === ctx.kb.default_language ? undefined : a.translations[lang];
}

export function articleLanguages(ctx: SiteContext, a: ArticleRecord): string[] {
  const others = Object.entries(a.translations)
    .filter(([lang, t]) => lang !== ctx.kb.default_language && (ctx.preview || t.published_html !== null))
    .map(([lang]) => lang)
    .sort();
  return [ctx.kb.default_language, ...others];
}

/** The article as this site shows it, or null when it is not visible here. */
export function viewArticle(ctx: SiteContext, a: ArticleRecord, lang = ctx.lang): ArticleView | null {
  if (!ctx.preview && (!a.is_published || a.published_html === null)) return null;
  const languages = articleLanguages(ctx, a);
  const language = languages.includes(lang) ? lang : ctx.kb.default_language;
  const t = translationOf(ctx, a, language);
  if (ctx.preview) {
    const title = t ? t.title : a.title;
    const html = t ? t.draft_html : a.draft_html;
    const published = t ? t.published_html : a.published_html;
    const publishedTitle = t ? t.published_title : a.published_title;
    const draft =
      !a.is_published || published === null
        ? 'unpublished'
        : published !== html || publishedTitle !== title
          ? 'changed'
          : null;
    return { record: a, title, html, language, languages, draft, updatedAt: a.updated_at };
  }
  const title = (t ? t.published_title : a.published_title) ?? a.title;
  const html = (t ? t.published_html : a.published_html) ?? '';
  return {
    record: a,
    title,
    html,
    language,
    languages,
    draft: null,
    updatedAt: a.last_published_at ?? a.updated_at,
  };
}

/** Articles listed on this site (not unlisted), in store order. */
export function listedArticles(ctx: SiteContext): ArticleView[] {
  return ctx.store
    .articlesOf(ctx.kb.id)
    .filter((a) => !a.is_unlisted)
    .map((a) => viewArticle(ctx, a))
    .filter((v): v is ArticleView => v !== null);
}

/** `/articles/<identifier>-<suffix>`: the published URL's path, or the path Pylon would give it. */
export function articlePath(ctx: SiteContext, a: ArticleRecord): string {
  const url = a.url || articleUrl(ctx.kb, a, ctx.suffix);
  return new URL(url).pathname;
}

export function collectionPath(c: CollectionRecord): string {
  return `/collections/${c.identifier}-${c.slug}`;
}

/** The KB's collections as a tree, with the articles listed in each. */
export interface CollectionNode {
  collection: CollectionRecord;
  children: CollectionNode[];
  articles: ArticleView[];
  /** Articles here and in every descendant. */
  total: number;
}

export interface SiteTree {
  roots: CollectionNode[];
  /** Listed articles in no collection (or in one that is gone). */
  loose: ArticleView[];
  byId: Map<string, CollectionNode>;
}

export function siteTree(ctx: SiteContext): SiteTree {
  const byId = new Map<string, CollectionNode>();
  for (const c of ctx.store.collectionsOf(ctx.kb.id)) {
    byId.set(c.id, { collection: c, children: [], articles: [], total: 0 });
  }
  const roots: CollectionNode[] = [];
  for (const node of byId.values()) {
    const parent = node.collection.parent_collection_id
      ? byId.get(node.collection.parent_collection_id)
      : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const loose: ArticleView[] = [];
  for (const view of listedArticles(ctx)) {
    const node = view.record.collection_id ? byId.get(view.record.collection_id) : undefined;
    (node ? node.articles : loose).push(view);
  }
  const byTitle = (a: ArticleView, b: ArticleView) => a.title.localeCompare(b.title, ctx.lang);
  loose.sort(byTitle);
  for (const node of byId.values()) node.articles.sort(byTitle);
  const count = (node: CollectionNode): number => {
    node.total = node.articles.length + node.children.reduce((sum, child) => sum + count(child), 0);
    return node.total;
  };
  for (const root of roots) count(root);
  return { roots, loose, byId };
}

/** A collection and its ancestors, outermost first. */
export function ancestry(tree: SiteTree, collectionId: string | null): CollectionNode[] {
  const chain: CollectionNode[] = [];
  const seen = new Set<string>();
  let node = collectionId ? tree.byId.get(collectionId) : undefined;
  while (node && !seen.has(node.collection.id)) {
    seen.add(node.collection.id);
    chain.unshift(node);
    node = node.collection.parent_collection_id
      ? tree.byId.get(node.collection.parent_collection_id)
      : undefined;
  }
  return chain;
}
