import type { DesiredArticle } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RemoteArticle } from '../remote/types.js';

/** How a document without an article of its own relates to an article that has no pylon-kb marker. */
export interface HandWrittenMatch {
  doc: DesiredArticle;
  remote: RemoteArticle;
  /**
   * `marker-lost`: same slug, title and place, so most likely this document's own article whose body was
   * replaced in Pylon's editor (taking the marker with it): handled as drift. `adopted`: `adopt` is on.
   */
  via: 'marker-lost' | 'adopted';
}

export interface HandWrittenContext {
  /** Remote collection id of a document's folder; null for the root or a folder created in this run. */
  collectionIdOf(doc: DesiredArticle): string | null;
  /** Config `adopt`: take such articles over instead of stopping. */
  adopt: boolean;
}

/**
 * Publishing a document must never make a second copy of an article that already exists: for each
 * document that would be created, an article without a marker that has its slug (anywhere), or its title in
 * its place, is either taken over or reported as a conflict (an error: nothing is written).
 */
export function matchHandWritten(
  docs: readonly DesiredArticle[],
  handWritten: readonly RemoteArticle[],
  context: HandWrittenContext,
): { matches: HandWrittenMatch[]; diagnostics: Diagnostic[] } {
  const free = new Set(handWritten.filter((a) => !a.marker));
  const matches: HandWrittenMatch[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const place = placeOf(doc, context);
    const here = [...free].filter((a) => place !== undefined && (a.article.collection_id ?? null) === place);
    const same = here.find((a) => a.article.slug === doc.slug && a.article.title === doc.title);
    const conflict =
      same ??
      here.find((a) => a.article.slug === doc.slug) ??
      here.find((a) => a.article.title === doc.title) ??
      [...free].find((a) => a.article.slug === doc.slug);
    if (!conflict) continue;
    free.delete(conflict);
    // Its published body still carries this document's marker: pylon-kb wrote it, an editor's draft dropped it.
    if (conflict.publishedMarker?.key === doc.key)
      matches.push({ doc, remote: conflict, via: 'marker-lost' });
    else if (context.adopt) matches.push({ doc, remote: conflict, via: 'adopted' });
    else if (conflict === same) matches.push({ doc, remote: conflict, via: 'marker-lost' });
    else diagnostics.push(conflictDiagnostic(doc, conflict, place));
  }
  return { matches, diagnostics };
}

/** The collection a document lives in when it already exists (null: the root); undefined when it is new. */
function placeOf(doc: DesiredArticle, context: HandWrittenContext): string | null | undefined {
  if (doc.collectionKey === null) return null;
  return context.collectionIdOf(doc) ?? undefined;
}

function conflictDiagnostic(
  doc: DesiredArticle,
  remote: RemoteArticle,
  place: string | null | undefined,
): Diagnostic {
  const { article } = remote;
  const inPlace = place !== undefined && (article.collection_id ?? null) === place;
  const what =
    article.slug === doc.slug
      ? `has this document's slug "${doc.slug}"`
      : `has this document's title "${doc.title}"`;
  return {
    severity: 'error',
    code: 'article/conflict',
    message:
      `The article "${article.title}" (${article.id}${article.url ? `, ${article.url}` : ''}) ${inPlace ? 'in the same collection' : 'in another collection'} ` +
      `${what} but was not published by pylon-kb: publishing this file would make a second copy.`,
    file: doc.path,
    field: article.slug === doc.slug ? 'slug' : 'title',
    hint:
      'If that article is this document, set `adopt: true` in the config to take it over (pylon-kb then owns it and ' +
      'updates it from this file; in another collection it is moved and its old URL redirected). Otherwise give this ' +
      'document another `slug` (and title) in its frontmatter.',
  };
}
