import { stripMarker } from '../identity/marker.js';
import { visibleText } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';
import { hasDrifted } from './articles.js';

export type DriftState =
  /** Pylon holds what pylon-kb last wrote (or what the file says now). */
  | { state: 'none' }
  /** Edited in Pylon; the file does not hold the edits. */
  | { state: 'drifted'; pylonHtml: string; fileUnchanged: boolean }
  /** Edited in Pylon, and the file already says the same (e.g. after `pull --drifted`): nothing to write. */
  | { state: 'taken-in' };

/**
 * Whether a managed article was edited in Pylon, and whether the docs tree already took the edit in.
 * `expected` is the body pylon-kb would send now; `fileUnchanged` says whether that is also what it last
 * published (the marker digest is the file's digest), so a report can call its side "last published".
 */
export function driftOf(remote: RemoteArticle, expected: string, fileDigest: string): DriftState {
  if (!hasDrifted(remote, expected)) return { state: 'none' };
  const pylonHtml = stripMarker(remote.article.current_draft_content_html);
  const published = remote.article.is_published
    ? stripMarker(remote.article.current_published_content_html ?? pylonHtml)
    : pylonHtml;
  const local = visibleText(expected);
  if (visibleText(pylonHtml) === local && visibleText(published) === local) return { state: 'taken-in' };
  return { state: 'drifted', pylonHtml, fileUnchanged: remote.marker?.digest === fileDigest };
}
