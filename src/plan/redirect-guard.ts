import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RemoteArticle } from '../remote/types.js';
import type { ArticleMatch } from './match.js';
import { pathsOf } from './match.js';

/**
 * `redirect_from` (and a site's redirect keys, which arrive as `redirect_from`) never takes a path that a
 * live article answers — its own public path, or a path already redirected to it — unless that article is
 * the document's own (or one of its duplicates, retired in this run). A route redirect would take the
 * article's old links away from it; such a path is left out, with a warning naming the file and the article.
 */

function normalise(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Public paths of live (not retired) articles, and the article that answers each. */
export function liveArticlePaths(articles: readonly RemoteArticle[]): Map<string, RemoteArticle> {
  const paths = new Map<string, RemoteArticle>();
  for (const remote of articles) {
    if (remote.marker?.retired) continue;
    for (const path of pathsOf(remote)) paths.set(normalise(path), remote);
  }
  return paths;
}

/** The matches with every `redirect_from` path a live article of another document answers left out. */
export function guardRedirectPaths(
  matches: readonly ArticleMatch[],
  live: ReadonlyMap<string, RemoteArticle>,
): { matches: ArticleMatch[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const guarded = matches.map((match) => {
    const { doc } = match;
    if (doc.redirectFrom.length === 0) return match;
    const own = new Set([match.remote, ...match.extras].filter((r) => r !== undefined));
    const kept = doc.redirectFrom.filter((path) => {
      const holder = live.get(normalise(path));
      if (!holder || own.has(holder)) return true;
      diagnostics.push({
        severity: 'warning',
        code: 'redirect/path-taken',
        message: `The path ${path} is the address of the live article "${holder.article.title}" (${holder.article.id}); it is not redirected here, so that article keeps its links.`,
        file: doc.path,
        field: 'redirect_from',
        hint: 'Remove the path from redirect_from, or retire that article in Pylon first if this document replaces it.',
      });
      return false;
    });
    return kept.length === doc.redirectFrom.length
      ? match
      : { ...match, doc: { ...doc, redirectFrom: kept } };
  });
  return { matches: guarded, diagnostics };
}
