import type { DesiredArticle } from '../content/types.js';
import { titleDigest } from '../identity/body.js';
import type { RemoteArticle } from '../remote/types.js';
import { articleHref } from './links.js';
import type { ArticleMatch } from './match.js';

/**
 * Articles that stay where they are but whose public URL this run may change, with the URL they have now.
 * A URL appears when an article is first published and goes when it is unpublished, and its suffix follows
 * the published title, so a document republished under another title gets a new one. Bodies link to these
 * articles by placeholder, as to the ones created in the run: apply fills in the URL their update returns
 * (or the one they have now when that update does not run), so one apply leaves every link current.
 */
export function urlsChangingInPlace(
  matches: readonly ArticleMatch[],
  relocated: ReadonlySet<string>,
  publish: boolean,
): Map<string, string> {
  const changing = new Map<string, string>();
  for (const { doc, remote } of matches) {
    if (!remote || relocated.has(doc.key)) continue;
    if (urlMayChange(doc, remote, publish)) changing.set(doc.key, articleHref(remote));
  }
  return changing;
}

function urlMayChange(doc: DesiredArticle, remote: RemoteArticle, publish: boolean): boolean {
  const { article } = remote;
  const publishes = doc.published && publish;
  if (publishes && !article.is_published) return true;
  if (!doc.published && article.is_published) return true;
  return article.is_published && publishes && publishedTitleOf(remote) !== titleDigest(doc.title);
}

/**
 * The digest of the title the live version was published with: the published body's marker records it;
 * an article published before markers recorded titles has only its current title to go by.
 */
function publishedTitleOf(remote: RemoteArticle): string {
  return remote.publishedMarker?.titleDigest ?? titleDigest(remote.article.title);
}
