import type { DesiredArticle } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { stripMarker } from '../identity/marker.js';
import { textDigest, visibleText } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';
import { hasDrifted } from './articles.js';
import type { DriftNotice } from './types.js';

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
  const marker = remote.marker;
  if (!marker?.textDigest) return { state: 'none' };
  const pylonHtml = stripMarker(remote.article.current_draft_content_html);
  // The body exactly as pylon-kb would send it, under a marker for the same file: nothing happened.
  if (marker.digest === fileDigest && !hasDrifted(remote, expected)) return { state: 'none' };
  if (textDigest(pylonHtml) === marker.textDigest) return { state: 'none' };
  const published = remote.article.is_published
    ? stripMarker(remote.article.current_published_content_html ?? pylonHtml)
    : pylonHtml;
  const local = visibleText(expected);
  if (visibleText(pylonHtml) === local && visibleText(published) === local) return { state: 'taken-in' };
  return { state: 'drifted', pylonHtml, fileUnchanged: marker.digest === fileDigest };
}

export interface DriftStep {
  drift: DriftState;
  /** The notice the plan shows for a drifted article. */
  notice?: DriftNotice;
  /** `onDrift: 'fail'`: the error that stops the run. */
  diagnostic?: Diagnostic;
  /** Whether the article is still written (no drift, a drift taken in, or `onDrift: 'overwrite'`). */
  write: boolean;
}

/**
 * How the article was found, which says what "changed in Pylon" is measured against: `marker`, the text
 * digest pylon-kb recorded when it wrote the body; `marker-lost` (same slug, title and place, no marker) and
 * `pulled` (named by the file's `pulled_from`), the text the file was pulled from or pylon-kb last
 * published, else the file's own text; `adopted` (config `adopt`), nothing: the user asked to take it over.
 */
export type DriftBasis = 'marker' | 'marker-lost' | 'pulled' | 'adopted';

/**
 * The drift step of planning an article that stays in place: is Pylon's copy edited since pylon-kb wrote
 * it (or since the file was pulled from it), and what `onDrift` makes of that (fail with an error, skip the
 * article, or overwrite it).
 */
export function planDrift(
  doc: DesiredArticle,
  remote: RemoteArticle,
  expected: { content: string; digest: string },
  onDrift: 'fail' | 'skip' | 'overwrite' = 'fail',
  basis: DriftBasis = 'marker',
): DriftStep {
  const drift = driftByBasis(doc, remote, expected, basis);
  if (drift.state !== 'drifted') return { drift, write: true };
  const { article } = remote;
  const notice: DriftNotice = {
    kind: 'drift',
    key: doc.key,
    path: doc.path,
    articleId: article.id,
    title: article.title,
    url: article.url,
    resolution: onDrift,
    localHtml: expected.content,
    pylonHtml: drift.pylonHtml,
    baseIsLastPublish: drift.fileUnchanged,
  };
  if (onDrift !== 'fail') return { drift, notice, write: onDrift === 'overwrite' };
  const diagnostic: Diagnostic =
    basis === 'pulled'
      ? editedSincePullDiagnostic(doc, article)
      : basis === 'marker-lost'
        ? lostMarkerDiagnostic(doc.path, article)
        : {
            severity: 'error',
            code: 'drift/detected',
            message: `The article "${article.title}" (${article.id}) was edited in Pylon since pylon-kb published it.`,
            file: doc.path,
            hint: 'Run `pylon-kb pull --drifted` to take Pylon\'s text into this file, or copy the edits in yourself, then run with onDrift: "overwrite" (or --on-drift overwrite) to replace the Pylon version; onDrift: "skip" leaves it alone.',
          };
  return { drift, notice, diagnostic, write: false };
}

function driftByBasis(
  doc: DesiredArticle,
  remote: RemoteArticle,
  expected: { content: string; digest: string },
  basis: DriftBasis,
): DriftState {
  const pylonHtml = stripMarker(remote.article.current_draft_content_html);
  // The file was written (by `pull`) from exactly the text Pylon holds: whatever the file says now is newer.
  const pulled = doc.pulledFrom;
  if (pulled?.text !== undefined && pulled.articleId === remote.article.id) {
    if (textDigest(pylonHtml) === pulled.text) return { state: 'none' };
  }
  if (basis === 'adopted') return { state: 'none' };
  if (basis === 'marker') return driftOf(remote, expected.content, expected.digest);
  return lostMarkerDrift(remote, expected.content);
}

/**
 * Drift of an article that has no marker in its draft but that pylon-kb wrote or a file was pulled from:
 * same visible text as the file, or the text pylon-kb last published (its published body kept the marker):
 * nothing drifted (the next write only restores the marker); other text: drifted, with no last-published
 * side to show.
 */
export function lostMarkerDrift(remote: RemoteArticle, expected: string): DriftState {
  const pylonHtml = stripMarker(remote.article.current_draft_content_html);
  const published = remote.publishedMarker?.textDigest;
  if (published !== undefined && textDigest(pylonHtml) === published) return { state: 'none' };
  if (visibleText(pylonHtml) === visibleText(expected)) return { state: 'none' };
  return { state: 'drifted', pylonHtml, fileUnchanged: false };
}

function editedSincePullDiagnostic(doc: DesiredArticle, article: { id: string; title: string; url: string }) {
  const recorded = doc.pulledFrom?.text !== undefined;
  return {
    severity: 'error' as const,
    code: 'drift/edited-since-pull',
    message:
      `The article "${article.title}" (${article.id}${article.url ? `, ${article.url}` : ''}) named by pulled_from ` +
      (recorded
        ? 'was changed in Pylon since this file was pulled from it'
        : 'differs from this file, and this file does not record the text it was pulled from (an older pull)') +
      ' or since pylon-kb last published it: writing this file would replace those words.',
    file: doc.path,
    field: 'pulled_from',
    hint:
      'Run `pylon-kb pull --drifted` to take Pylon\'s text into this file, or onDrift: "overwrite" (--on-drift overwrite) ' +
      'to replace it with this file; onDrift: "skip" leaves it alone.',
  };
}
function lostMarkerDiagnostic(path: string, article: { id: string; title: string; url: string }): Diagnostic {
  return {
    severity: 'error',
    code: 'drift/marker-lost',
    message:
      `The article "${article.title}" (${article.id}${article.url ? `, ${article.url}` : ''}) has this document's slug, ` +
      'title and collection but no pylon-kb marker, and its text differs: it was most likely published from this file and ' +
      "then replaced in Pylon's editor (which removes the marker). It is not created a second time.",
    file: path,
    hint:
      'Run `pylon-kb pull --drifted` to take Pylon\'s text into this file, or onDrift: "overwrite" (--on-drift overwrite) ' +
      'to replace it with this file; onDrift: "skip" leaves it alone. If it was written by hand, `adopt: true` takes it over.',
  };
}
