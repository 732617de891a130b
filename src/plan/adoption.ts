import type { DesiredArticle } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PlaceholderLookup } from '../identity/placeholders.js';
import type { RemoteArticle } from '../remote/types.js';

export interface PulledAdoption {
  doc: DesiredArticle;
  remote: RemoteArticle;
}

/**
 * Adoption in place of pulled documents: a document written by `pylon-kb pull` names the article it came
 * from (`pulled_from.article`). When no article carries the document's key yet, it takes over that article
 * (same id, same URL, no redirect) if the article is hand-written (no marker) or managed under a key no
 * document claims any more. An article another document claims by key is never taken.
 *
 * A `pulled_from` article that is not in the knowledge base (a fresh KB, or deleted since the pull) is not
 * an error: the document is published as a new article, and a warning says so.
 */
export function adoptPulled(
  unmatched: readonly DesiredArticle[],
  remotes: readonly RemoteArticle[],
  claimedKeys: ReadonlySet<string>,
  taken: ReadonlySet<RemoteArticle>,
): { adopted: PulledAdoption[]; diagnostics: Diagnostic[] } {
  const byId = new Map(remotes.map((r) => [r.article.id, r]));
  const adopted: PulledAdoption[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Set<RemoteArticle>(taken);
  for (const doc of unmatched) {
    const articleId = doc.pulledFrom?.articleId;
    if (!articleId) continue;
    const remote = byId.get(articleId);
    if (!remote) {
      diagnostics.push({
        severity: 'warning',
        code: 'pull/article-not-found',
        message: `pulled_from names the article ${articleId}, which is not in this knowledge base: the file is published as a new article.`,
        file: doc.path,
        field: 'pulled_from',
        hint: 'Expected when publishing a pulled tree into another knowledge base. Otherwise delete `pulled_from` to silence this.',
      });
      continue;
    }
    const claimed = remote.marker && !remote.marker.retired && claimedKeys.has(remote.marker.key);
    if (claimed || used.has(remote)) continue;
    used.add(remote);
    adopted.push({ doc, remote });
  }
  return { adopted, diagnostics };
}

/** The Pylon URLs of the files pull downloaded for an adopted document: kept, not uploaded again. */
export function pulledAssets(doc: DesiredArticle): PlaceholderLookup {
  const urls = doc.pulledFrom?.assetUrls ?? {};
  return { articleUrl: () => null, assetUrl: (sha) => urls[sha] ?? null };
}
