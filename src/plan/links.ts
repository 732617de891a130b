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
    for (const [sha, url] of uploadedUrlsIn(remote)) if (!assets.has(sha)) assets.set(sha, url);
  }
  for (const [sha, url] of Object.entries(uploadedFiles)) if (!assets.has(sha)) assets.set(sha, url);
  return { articleUrl: (key) => urls.get(key) ?? null, assetUrl: (sha) => assets.get(sha) ?? null };
}

/** Remote articles are never changed in place (a new state holds new objects), so a scan holds for the object. */
const SCANNED = new WeakMap<RemoteArticle, [string, string][]>();

/** The uploaded files an article's body and translations use (sha256 → URL), scanned once per article. */
function uploadedUrlsIn(remote: RemoteArticle): [string, string][] {
  let found = SCANNED.get(remote);
  if (!found) {
    const bodies = [
      remote.article.current_draft_content_html,
      ...Object.values(remote.translations ?? {}).map((t) => t.html),
    ];
    found = bodies.flatMap((html) => [...uploadedAssetUrls(html)]);
    SCANNED.set(remote, found);
  }
  return found;
}

/** An article keeps the uploaded URL it already uses for a file, so two uploads of one file cause no churn. */
export function ownAssets(remote: RemoteArticle | undefined): PlaceholderLookup {
  const own = remote
    ? uploadedAssetUrls(remote.article.current_draft_content_html)
    : new Map<string, string>();
  return { articleUrl: () => null, assetUrl: (sha) => own.get(sha) ?? null };
}
