import type { Collection } from '../pylon-api/index.js';
import type { CurrentState, RemoteArticle } from '../remote/types.js';
import { htmlToText } from '../report/index.js';

/** A collection of the knowledge base with its children and how many articles it holds directly. */
export interface CollectionNode {
  id: string;
  title: string;
  slug: string;
  description?: string;
  articles: number;
  children: CollectionNode[];
}

/** The knowledge base's collections as a tree, siblings by title. */
export function collectionTree(current: CurrentState): CollectionNode[] {
  const counts = new Map<string, number>();
  for (const { article } of current.articles) {
    const id = article.collection_id ?? '';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const byParent = new Map<string, Collection[]>();
  for (const c of current.collections) {
    const parent = c.parent_collection_id ?? '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const build = (parent: string, seen: ReadonlySet<string>): CollectionNode[] =>
    (byParent.get(parent) ?? [])
      .filter((c) => !seen.has(c.id))
      .sort((a, b) => a.title.localeCompare(b.title))
      .map((c) => ({
        id: c.id,
        title: c.title,
        slug: c.slug,
        ...(c.description ? { description: c.description } : {}),
        articles: counts.get(c.id) ?? 0,
        children: build(c.id, new Set([...seen, c.id])),
      }));
  return build('', new Set());
}

/** The tree as indented lines, for an agent to read. */
export function collectionTreeText(nodes: readonly CollectionNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}- ${n.title} (/${n.slug}, id ${n.id}, ${n.articles} articles)`,
    ...collectionTreeText(n.children, depth + 1),
  ]);
}

/** "Guides / Advanced": the titles of the collections above an article, outermost first. */
export function collectionPath(current: CurrentState, collectionId: string | null | undefined): string[] {
  const byId = new Map(current.collections.map((c) => [c.id, c]));
  const titles: string[] = [];
  const seen = new Set<string>();
  let id = collectionId ?? undefined;
  while (id && !seen.has(id)) {
    seen.add(id);
    const c = byId.get(id);
    if (!c) break;
    titles.unshift(c.title);
    id = c.parent_collection_id ?? undefined;
  }
  return titles;
}

/** What readers see: the published body when there is one, else the draft, as plain text. */
export function articleText(remote: RemoteArticle): string {
  const { article } = remote;
  const html = article.is_published
    ? (article.current_published_content_html ?? article.current_draft_content_html)
    : article.current_draft_content_html;
  return htmlToText(html ?? '');
}

/** An article and where it lives, as tools return it. */
export interface ArticleSummary {
  id: string;
  identifier: string;
  title: string;
  slug: string;
  url: string;
  published: boolean;
  unlisted: boolean;
  /** Titles of the collections above it, outermost first. */
  collection: string[];
  collectionId: string | null;
  /** Whether pylon-kb publishes it from a docs file (it carries the marker). */
  managed: boolean;
  key?: string;
  /** Its source file, relative to the content directory, when it is in the docs tree. */
  path?: string;
}

export function describeArticle(
  current: CurrentState,
  remote: RemoteArticle,
  sourcePath: string | undefined,
): ArticleSummary {
  const { article } = remote;
  return {
    id: article.id,
    identifier: article.identifier,
    title: article.title,
    slug: article.slug,
    url: article.url,
    published: article.is_published,
    unlisted: article.is_unlisted,
    collection: collectionPath(current, article.collection_id),
    collectionId: article.collection_id ?? null,
    managed: remote.marker !== null,
    ...(remote.marker ? { key: remote.marker.key } : {}),
    ...(sourcePath ? { path: sourcePath } : {}),
  };
}

/** Articles whose title or text holds every word of the query, best first (title hits weigh more). */
export function searchArticles(
  current: CurrentState,
  query: string,
  limit: number,
): { remote: RemoteArticle; score: number; snippet: string }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = current.articles.flatMap((remote) => {
    const title = remote.article.title.toLowerCase();
    const text = articleText(remote);
    const lower = text.toLowerCase();
    if (!words.every((w) => title.includes(w) || lower.includes(w))) return [];
    const score = words.reduce((s, w) => s + (title.includes(w) ? 10 : 0) + occurrences(lower, w), 0);
    return [{ remote, score, snippet: snippetAround(text, lower.indexOf(words[0] ?? '')) }];
  });
  return hits
    .sort((a, b) => b.score - a.score || a.remote.article.title.localeCompare(b.remote.article.title))
    .slice(0, limit);
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

function snippetAround(text: string, at: number): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  if (at < 0) return flat(text.slice(0, 160));
  const start = Math.max(0, at - 60);
  return `${start > 0 ? '…' : ''}${flat(text.slice(start, at + 100))}…`;
}
