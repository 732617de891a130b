import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Collection } from '../pylon-api/index.js';
import type { CurrentState } from '../remote/types.js';
import type { DeleteCollectionOp, Operation } from './types.js';

/**
 * Collections pylon-kb's own runs left behind, to delete after this plan's articles have left them:
 * duplicates of a folder's collection (always: that is healing), and collections no folder maps to that
 * this plan empties, or that are empty and listed in `ownedCollections` (under `orphans: 'delete' | 'unlist'`).
 * A collection that holds an article without pylon-kb's marker is never deleted (deleting cascades).
 */
export function planCollectionCleanup(
  current: CurrentState,
  mapped: ReadonlySet<string>,
  duplicates: readonly Collection[],
  operations: readonly Operation[],
  options: { orphans: 'report' | 'unlist' | 'delete'; ownedCollections: readonly string[] },
): { deletes: DeleteCollectionOp[]; diagnostics: Diagnostic[] } {
  const leaving = new Set(
    operations.flatMap((op) =>
      op.kind === 'retire-article' && op.action === 'delete'
        ? [op.articleId]
        : op.kind === 'move-article' && op.retire === 'delete'
          ? [op.from.articleId]
          : [],
    ),
  );
  const byId = new Map(current.collections.map((c) => [c.id, c]));
  const childrenOf = (id: string) => current.collections.filter((c) => c.parent_collection_id === id);
  const articlesIn = (id: string) => current.articles.filter((a) => a.article.collection_id === id);
  const duplicateIds = new Set(duplicates.map((c) => c.id));
  const diagnostics: Diagnostic[] = [];
  const verdicts = new Map<string, boolean>();

  // Whether the collection and everything below it will hold only articles this plan removes.
  const emptiedByPlan = (c: Collection): boolean => {
    const known = verdicts.get(c.id);
    if (known !== undefined) return known;
    verdicts.set(c.id, false);
    const articles = articlesIn(c.id);
    const ok =
      articles.every((a) => a.marker !== null && (leaving.has(a.article.id) || a.marker.retired)) &&
      childrenOf(c.id).every((child) => !mapped.has(child.id) && emptiedByPlan(child));
    verdicts.set(c.id, ok);
    return ok;
  };

  // Whether the collection or one below it holds an article without pylon-kb's marker.
  const holdsHandWritten = (c: Collection, seen = new Set<string>()): boolean => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return (
      articlesIn(c.id).some((a) => a.marker === null) ||
      childrenOf(c.id).some((k) => holdsHandWritten(k, seen))
    );
  };

  const deletes: DeleteCollectionOp[] = [];
  const retire = options.orphans !== 'report';
  for (const c of current.collections) {
    if (mapped.has(c.id)) continue;
    const duplicate = duplicateIds.has(c.id);
    if (!duplicate) {
      const articles = articlesIn(c.id);
      const emptiedNow = articles.length > 0 && articles.some((a) => leaving.has(a.article.id));
      const ownedEmpty =
        articles.length === 0 &&
        (options.ownedCollections.includes(c.id) || options.ownedCollections.includes(c.slug));
      if (!emptiedNow && !ownedEmpty) continue;
      if (!retire) {
        if (emptiedNow && emptiedByPlan(c)) diagnostics.push(emptiedKept(c, placeOf(c, byId)));
        continue;
      }
    }
    if (!emptiedByPlan(c)) {
      if (duplicate) diagnostics.push(keptDuplicate(c, placeOf(c, byId), holdsHandWritten(c)));
      continue;
    }
    const key = placeOf(c, byId);
    deletes.push({
      kind: 'delete-collection',
      key,
      collectionId: c.id,
      title: c.title,
      reason: duplicate ? 'duplicate' : 'emptied',
      depth: key.split('/').length,
    });
  }
  // Only the topmost of a deleted subtree is sent: deleting a collection deletes what is below it.
  const deleted = new Set(deletes.map((d) => d.collectionId));
  const top = deletes.filter((d) => {
    const parent = byId.get(d.collectionId)?.parent_collection_id;
    return !parent || !deleted.has(parent);
  });
  return { deletes: top.sort((a, b) => a.key.localeCompare(b.key)), diagnostics };
}

function placeOf(c: Collection, byId: ReadonlyMap<string, Collection>): string {
  const slugs: string[] = [];
  const seen = new Set<string>();
  let at: Collection | undefined = c;
  while (at && !seen.has(at.id)) {
    seen.add(at.id);
    slugs.unshift(at.slug);
    at = at.parent_collection_id ? byId.get(at.parent_collection_id) : undefined;
  }
  return slugs.join('/');
}

function keptDuplicate(c: Collection, place: string, handWritten: boolean): Diagnostic {
  const held = handWritten
    ? 'holds articles pylon-kb did not publish'
    : "holds pylon-kb articles whose source is gone, kept under orphans: 'report'";
  return {
    severity: 'warning',
    code: 'collection/duplicate-kept',
    message: `The collection "${c.title}" (${c.id}) duplicates the folder ${place}'s collection but ${held}, so it is not deleted.`,
    hint: handWritten
      ? "Move or delete those articles in Pylon's editor; the next run then deletes the duplicate."
      : "Set `orphans: 'delete'` (or 'unlist') to retire them, or delete them in Pylon; the next run then deletes the duplicate.",
  };
}

function emptiedKept(c: Collection, place: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'collection/emptied',
    message: `The collection "${c.title}" (${place}) no folder maps to any more holds no article after this run; it is kept (orphans: 'report').`,
    hint: "Set `orphans: 'delete'` (or 'unlist') to let pylon-kb delete the collections its runs leave empty, or delete it in Pylon.",
  };
}
