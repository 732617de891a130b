import type { ArticleView } from './content.js';
import { plainText as textOf } from './html.js';

/** A simple full-text search: every word of the query must appear in the title or the text. */

export interface SearchHit {
  view: ArticleView;
  /** Text around the first match, split so the matched words can be marked. */
  snippet: Array<{ text: string; match: boolean }>;
  score: number;
}

const TEXT_CACHE = new Map<string, string>();

function plainText(html: string): string {
  let text = TEXT_CACHE.get(html);
  if (text === undefined) {
    text = textOf(html);
    if (TEXT_CACHE.size > 500) TEXT_CACHE.clear();
    TEXT_CACHE.set(html, text);
  }
  return text;
}

export function queryWords(query: string): string[] {
  return [
    ...new Set(
      query
        .toLocaleLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0),
    ),
  ].slice(0, 12);
}

function fold(text: string): string {
  return text.toLocaleLowerCase();
}

function snippetOf(text: string, words: string[]): SearchHit['snippet'] {
  const lower = fold(text);
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - 60) : 0;
  const end = Math.min(text.length, start + 200);
  const slice = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const pattern = new RegExp(
    `(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'giu',
  );
  return slice
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, match: words.includes(fold(part)) }));
}

export function search(views: ArticleView[], query: string): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const view of views) {
    const title = fold(view.title);
    const text = plainText(view.html);
    const body = fold(text);
    if (!words.every((w) => title.includes(w) || body.includes(w))) continue;
    const score = words.reduce(
      (sum, w) => sum + (title.includes(w) ? 10 : 0) + Math.min(5, body.split(w).length - 1),
      0,
    );
    hits.push({ view, snippet: snippetOf(text, words), score });
  }
  return hits.sort((a, b) => b.score - a.score || a.view.title.localeCompare(b.view.title));
}
