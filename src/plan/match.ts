import type { DesiredArticle } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { stripMarker } from '../identity/marker.js';
import { visibleText } from '../identity/text-digest.js';
import type { RemoteArticle } from '../remote/types.js';
import { adoptPulled } from './adoption.js';
import { publicPath } from './articles.js';
import { isCopyOfAnother, keptCopyWarning, splitExtras, textStillOurs } from './copies.js';
import { matchHandWritten } from './hand-written.js';
import { pairBySimilarity, textSimilarity } from './similarity.js';

/** How a document found its remote article. */
export type MatchReason =
  | { via: 'key' }
  | { via: 'similarity'; score: number }
  | { via: 'redirect_from'; path: string }
  | { via: 'adopted' }
  | { via: 'pulled' }
  | { via: 'marker-lost' };

export interface ArticleMatch {
  doc: DesiredArticle;
  remote?: RemoteArticle;
  reason?: MatchReason;
  /** Further articles with the document's key (left by an interrupted run): retired, their paths redirected. */
  extras: RemoteArticle[];
}

export interface MatchResult {
  matches: ArticleMatch[];
  /** Managed articles no document claims. */
  orphans: RemoteArticle[];
  diagnostics: Diagnostic[];
}

export interface MatchContext {
  /** Remote collection id of a document's folder, or null (root, or a folder created in this run). */
  collectionIdOf(doc: DesiredArticle): string | null;
  /** Config `adopt`: take over a hand-written article a document would otherwise duplicate. */
  adopt: boolean;
}

export function isInPlace(remote: RemoteArticle, doc: DesiredArticle, collectionId: string | null): boolean {
  const inCollection =
    doc.collectionKey === null
      ? !remote.article.collection_id
      : collectionId !== null && remote.article.collection_id === collectionId;
  return inCollection && remote.article.slug === doc.slug;
}

/** Every public path that reaches an article: its own and the ones already redirected to it. */
export function pathsOf(remote: RemoteArticle): string[] {
  const own = publicPath(remote.article.url);
  return [...(own ? [own] : []), ...(remote.marker?.redirects ?? [])];
}

function groupByKey(articles: readonly RemoteArticle[]): Map<string, RemoteArticle[]> {
  const byKey = new Map<string, RemoteArticle[]>();
  for (const remote of articles) {
    if (!remote.marker || remote.marker.retired || isCopyOfAnother(remote)) continue;
    byKey.set(remote.marker.key, [...(byKey.get(remote.marker.key) ?? []), remote]);
  }
  return byKey;
}

function textOf(cache: Map<object, string>, item: object, html: () => string): string {
  let text = cache.get(item);
  if (text === undefined) {
    text = visibleText(html());
    cache.set(item, text);
  }
  return text;
}

/**
 * Pairs documents with remote articles: by marker key first; then a document with no article takes over an
 * orphan whose public path it lists in `redirect_from`, or whose text it mostly kept (a renamed file, see
 * similarity.ts); last, a document that would be created meets any article without a marker it would
 * duplicate (hand-written.ts).
 */
export function matchArticles(
  docs: readonly DesiredArticle[],
  remotes: readonly RemoteArticle[],
  context: MatchContext,
): MatchResult {
  const byKey = groupByKey(remotes);
  const diagnostics: Diagnostic[] = [];
  const matches = new Map<DesiredArticle, ArticleMatch>();
  const unmatched: DesiredArticle[] = [];
  for (const doc of docs) {
    const candidates = byKey.get(doc.key) ?? [];
    const remote =
      candidates.find((c) => isInPlace(c, doc, context.collectionIdOf(doc))) ??
      (candidates.length > 1 ? candidates.find(textStillOurs) : undefined) ??
      candidates[0];
    if (remote) {
      // Only articles whose text is still pylon-kb's are duplicates to heal; a copy edited in Pylon is kept.
      const { extras, kept } = splitExtras(remote, candidates);
      diagnostics.push(...kept.map((k) => keptCopyWarning(k, doc.path)));
      matches.set(doc, { doc, remote, reason: { via: 'key' }, extras });
    } else unmatched.push(doc);
  }
  const desiredKeys = new Set(docs.map((d) => d.key));
  let orphans = [...byKey].filter(([key]) => !desiredKeys.has(key)).flatMap(([, list]) => list);

  // A document written by `pylon-kb pull` takes over the article it came from, in place.
  const taken = new Set(
    [...matches.values()].flatMap((m) => [m.remote, ...m.extras]).filter((r) => r !== undefined),
  );
  const pulled = adoptPulled(unmatched, remotes, desiredKeys, taken);
  diagnostics.push(...pulled.diagnostics);
  for (const { doc, remote } of pulled.adopted) {
    matches.set(doc, { doc, remote, reason: { via: 'pulled' }, extras: [] });
    unmatched.splice(unmatched.indexOf(doc), 1);
    orphans = orphans.filter((o) => o !== remote);
  }

  // An article created by a move that was interrupted names the article it replaces: finish that move.
  for (const match of matches.values()) {
    for (const id of match.remote?.marker?.replaces ?? []) {
      const old = orphans.find((o) => o.article.id === id);
      if (!old) continue;
      match.extras.push(old);
      orphans = orphans.filter((o) => o !== old);
    }
  }

  // A document one writer moved while another wrote it at its old path (watch and apply at once, or a run
  // interrupted mid-move): an article still carrying a key the document's article records as one it had
  // is a duplicate of it, healed like one (retired, its paths redirected), unless a person changed it.
  for (const match of matches.values()) {
    const former = new Set(match.remote?.marker?.formerKeys ?? []);
    if (former.size === 0) continue;
    const left = orphans.filter((o) => former.has(o.marker?.key ?? '') && textStillOurs(o));
    match.extras.push(...left);
    orphans = orphans.filter((o) => !left.includes(o));
  }

  for (const doc of [...unmatched]) {
    const orphan = orphans.find((o) => pathsOf(o).some((p) => doc.redirectFrom.includes(p)));
    if (!orphan) continue;
    const path = pathsOf(orphan).find((p) => doc.redirectFrom.includes(p)) ?? '';
    matches.set(doc, { doc, remote: orphan, reason: { via: 'redirect_from', path }, extras: [] });
    unmatched.splice(unmatched.indexOf(doc), 1);
    orphans = orphans.filter((o) => o !== orphan);
  }

  const texts = new Map<object, string>();
  const pairing = pairBySimilarity(unmatched, orphans, (doc, orphan) =>
    textSimilarity(
      textOf(texts, doc, () => doc.html),
      textOf(texts, orphan, () => stripMarker(orphan.article.current_draft_content_html)),
    ),
  );
  for (const { left: doc, right: orphan, score } of pairing.pairs) {
    matches.set(doc, { doc, remote: orphan, reason: { via: 'similarity', score }, extras: [] });
    orphans = orphans.filter((o) => o !== orphan);
  }
  for (const { left: doc, candidates } of pairing.ambiguous) {
    diagnostics.push({
      severity: 'warning',
      code: 'rename/ambiguous',
      message: `This new file is as similar to ${candidates.length} removed articles (${candidates
        .map((c) => `"${c.right.article.title}" ${Math.round(c.score * 100)}%`)
        .join(', ')}); it is published as a new article and the others stay orphans.`,
      file: doc.path,
      field: 'redirect_from',
      hint: 'If it replaces one of them, add that article\'s old path to `redirect_from` (e.g. "/articles/1234567890-old-title").',
    });
  }

  // Last, a document that would be created must not duplicate an article without a marker.
  const claimed = new Set([...matches.values()].flatMap((m) => (m.remote ? [m.remote] : [])));
  const handWritten = matchHandWritten(
    docs.filter((doc) => !matches.has(doc)),
    remotes.filter((r) => !r.marker && !claimed.has(r)),
    context,
  );
  diagnostics.push(...handWritten.diagnostics);
  for (const { doc, remote, via } of handWritten.matches) {
    matches.set(doc, { doc, remote, reason: { via }, extras: [] });
  }

  return {
    matches: docs.map((doc) => matches.get(doc) ?? { doc, extras: [] }),
    orphans,
    diagnostics,
  };
}
