import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { titleDigest } from '../identity/body.js';
import { stripMarker } from '../identity/marker.js';
import { textDigest } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';

/**
 * Copies made in Pylon's editor. Duplicating an article there copies its body, marker included; such a copy
 * is a person's work, not a duplicate left by an interrupted run, and is never retired or deleted.
 *
 * - A marker that records an article id (written by every update) belongs to that article only: any other
 *   article carrying it is a copy.
 * - Among several articles with one key, only those whose text and title are still what pylon-kb wrote are
 *   duplicates to heal; one retitled or edited in Pylon is kept, with a warning.
 */

/** True when the article's marker was written into another article (a copy made in Pylon). */
export function isCopyOfAnother(remote: RemoteArticle): boolean {
  const recorded = remote.marker?.articleId;
  return recorded !== undefined && recorded !== '' && recorded !== remote.article.id;
}

/** True when the article's visible text and title are still what pylon-kb wrote under its marker. */
export function textStillOurs(remote: RemoteArticle): boolean {
  const marker = remote.marker;
  if (!marker) return false;
  if (marker.titleDigest && marker.titleDigest !== titleDigest(remote.article.title)) return false;
  if (!marker.textDigest) return true;
  return textDigest(stripMarker(remote.article.current_draft_content_html)) === marker.textDigest;
}

/** The warning for an article kept because it is a person's copy or was edited in Pylon. */
export function keptCopyWarning(remote: RemoteArticle, file: string | undefined): Diagnostic {
  const { article } = remote;
  return {
    severity: 'warning',
    code: 'article/copy-kept',
    message:
      `The article "${article.title}" (${article.id}) carries the marker of "${remote.marker?.key ?? ''}" but was ` +
      'copied, retitled or edited in Pylon: it is kept as a person’s article, not deleted as a duplicate.',
    ...(file !== undefined ? { file } : {}),
    hint: 'Delete it in Pylon if it is not wanted; pylon-kb no longer manages it.',
  };
}

/**
 * Splits the articles that carry one key into pylon-kb's own (duplicates among them are healed) and the ones
 * a person made or changed in Pylon (kept). `primary` (the article the document keeps) is always its own.
 */
export function splitExtras(
  primary: RemoteArticle,
  others: readonly RemoteArticle[],
): { extras: RemoteArticle[]; kept: RemoteArticle[] } {
  const extras: RemoteArticle[] = [];
  const kept: RemoteArticle[] = [];
  for (const other of others) {
    if (other === primary) continue;
    (textStillOurs(other) ? extras : kept).push(other);
  }
  return { extras, kept };
}
