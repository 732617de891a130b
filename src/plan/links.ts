import type { PlaceholderLookup } from '../identity/placeholders.js';
import { uploadedAssetUrls } from '../identity/placeholders.js';
import type { RemoteArticle } from '../remote/types.js';
import type { ArticleMatch } from './match.js';

/**
 * Where a link to a document points: its article's public URL. An unpublished article has no URL yet, so
 * links to it use the path Pylon routes by identifier (`/articles/<identifier>`), which works on the KB's
 * own domain once it is published.
 */
export function articleHref(remote: RemoteArticle): string {
  return remote.article.url || `/articles/${remote.article.identifier}`;
}

/**
 * The URLs known when planning: articles that stay where they are, and files already uploaded (found by
 * their `data-pylon-kb-asset` digest in any remote body, else in `uploadedFiles`, the upload journal).
 * Documents created or moved in this run are not known yet (`relocated`): links to them are substituted by
 * apply.
 */
export function planLookup(
  matches: readonly ArticleMatch[],
  relocated: ReadonlySet<string>,
  remotes: readonly RemoteArticle[],
  uploadedFiles: Readonly<Record<string, string>> = {},
): PlaceholderLookup {
  const urls = new Map<string, string>();
  for (const { doc, remote } of matches) {
    if (remote && !relocated.has(doc.key)) urls.set(doc.key, articleHref(remote));
  }
  const assets = new Map<string, string>();
  for (const remote of remotes) {
    for (const [sha, url] of uploadedAssetUrls(remote.article.current_draft_content_html)) {
      if (!assets.has(sha)) assets.set(sha, url);
    }
    for (const t of Object.values(remote.translations ?? {})) {
      for (const [sha, url] of uploadedAssetUrls(t.html)) if (!assets.has(sha)) assets.set(sha, url);
    }
  }
  for (const [sha, url] of Object.entries(uploadedFiles)) if (!assets.has(sha)) assets.set(sha, url);
  return { articleUrl: (key) => urls.get(key) ?? null, assetUrl: (sha) => assets.get(sha) ?? null };
}

/** An article keeps the uploaded URL it already uses for a file, so two uploads of one file cause no churn. */
export function ownAssets(remote: RemoteArticle | undefined): PlaceholderLookup {
  const own = remote
    ? uploadedAssetUrls(remote.article.current_draft_content_html)
    : new Map<string, string>();
  return { articleUrl: () => null, assetUrl: (sha) => own.get(sha) ?? null };
}
