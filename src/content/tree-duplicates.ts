import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type Claim, findDuplicates } from './duplicates.js';
import type { ParsedDoc } from './parsed-docs.js';
import type { LocalCollection } from './types.js';

/** Keys, slugs, sibling folder slugs and `redirect_from` paths that two documents (or folders) claim. */
export function duplicateDiagnostics(
  docs: readonly ParsedDoc[],
  collections: readonly LocalCollection[],
): Diagnostic[] {
  const claim = ({ doc, fieldLines }: ParsedDoc, value: string, field: string): Claim => ({
    value,
    file: doc.path,
    line: fieldLines[field] ?? 1,
  });
  const keys = findDuplicates(
    docs.map((d) => claim(d, d.doc.key, 'id')),
    {
      code: 'content/duplicate-key',
      noun: 'key',
      field: 'id',
      reason: 'each document needs its own key to be tracked in Pylon',
      hint: 'Give one of them a different `id:` in its frontmatter (or rename the file).',
    },
  );
  const slugs = findDuplicates(
    docs.map((d) => claim(d, d.doc.slug, 'slug')),
    {
      code: 'content/duplicate-slug',
      noun: 'slug',
      field: 'slug',
      reason: 'article URLs do not include collections, so slugs must be unique in the whole knowledge base',
      hint: 'Set a different `slug:` in the frontmatter of one of them.',
    },
  );
  const siblings = findDuplicates(
    collections.map((c) => ({
      value: `${c.parentKey ?? ''}/${c.slug}`,
      label: c.slug,
      file: c.source?.path ?? `${c.key}/`,
      ...(c.source?.line !== undefined && { line: c.source.line }),
    })),
    {
      code: 'collection/duplicate-slug',
      noun: 'folder slug',
      field: 'slug',
      reason: 'folders in the same parent need different slugs',
      hint: 'Rename one folder, or give it a `slug` in its _category_.yml or index.md.',
    },
  );
  const redirects = findDuplicates(
    docs.flatMap((d) =>
      d.doc.redirectFrom.map((path) => claim(d, path.replace(/\/+$/, '') || '/', 'redirect_from')),
    ),
    {
      code: 'content/duplicate-redirect',
      noun: 'redirect_from path',
      field: 'redirect_from',
      reason: 'an old path can redirect to one article only, so it redirects to the first (in path order)',
      hint: 'Keep the path in the `redirect_from` of the document that replaced that page, and remove it from the other.',
      // Site generators tolerate an alias two pages claim (one of them wins): so does pylon-kb.
      severity: 'warning',
    },
  );
  dropLaterRedirectClaims(docs);
  return [...keys, ...slugs, ...siblings, ...redirects];
}

/** A redirect path claimed by an earlier document (path order) is left out of the later ones. */
function dropLaterRedirectClaims(docs: readonly ParsedDoc[]): void {
  const taken = new Set<string>();
  const normal = (path: string) => path.replace(/\/+$/, '') || '/';
  for (const { doc } of docs) {
    const own = doc.redirectFrom.filter((path) => !taken.has(normal(path)));
    for (const path of own) taken.add(normal(path));
    if (own.length !== doc.redirectFrom.length) doc.redirectFrom = own;
  }
}
