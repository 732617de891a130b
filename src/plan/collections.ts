import type { LocalCollection } from '../content/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Collection } from '../pylon-api/index.js';
import { ABSENT, collectionVersionKey } from './fingerprint.js';
import type { CreateCollectionOp, UpdateCollectionOp } from './types.js';

export interface CollectionPlan {
  /** Local collection key → remote id, for collections that exist already. */
  existing: Map<string, string>;
  creates: CreateCollectionOp[];
  updates: UpdateCollectionOp[];
  /**
   * Remote collections in a folder's place that are not the one the folder maps to (left by two runs at
   * once), and everything below them: their articles move to the folder's collection, then they go.
   */
  duplicates: Collection[];
  diagnostics: Diagnostic[];
  versions: Record<string, string>;
}

function depth(key: string): number {
  return key.split('/').length;
}

/** The oldest first (then by id): every run picks the same one of several collections in one place. */
function oldestFirst(a: Collection, b: Collection): number {
  return (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.id.localeCompare(b.id);
}

/**
 * Collections carry no marker, so a folder matches the remote collection with the same slug under the same
 * parent. Parents are matched first; a folder under a parent that is created in this run is created too.
 * A changed title or description is sent when `collectionUpdates` says the API takes it, and otherwise
 * reported as a change the API cannot make.
 */
export function planCollections(
  local: readonly LocalCollection[],
  remote: readonly Collection[],
  options: { collectionUpdates?: boolean } = {},
): CollectionPlan {
  const existing = new Map<string, string>();
  const creates: CreateCollectionOp[] = [];
  const updates: UpdateCollectionOp[] = [];
  const diagnostics: Diagnostic[] = [];
  const twins: Collection[] = [];
  const versions: Record<string, string> = {};
  const ordered = [...local].sort((a, b) => depth(a.key) - depth(b.key) || a.key.localeCompare(b.key));
  for (const collection of ordered) {
    const parentId = collection.parentKey === null ? null : (existing.get(collection.parentKey) ?? null);
    const parentIsNew = collection.parentKey !== null && parentId === null;
    const [match, ...others] = parentIsNew
      ? []
      : remote
          .filter((r) => r.slug === collection.slug && (r.parent_collection_id ?? null) === parentId)
          .sort(oldestFirst);
    if (match) {
      existing.set(collection.key, match.id);
      twins.push(...others);
      const change = changeOf(collection, match);
      if (change && options.collectionUpdates) updates.push(change);
      else if (change) diagnostics.push(cannotUpdate(collection, change));
      continue;
    }
    versions[collectionVersionKey(parentId, collection.slug)] = ABSENT;
    creates.push({
      kind: 'create-collection',
      key: collection.key,
      title: collection.title,
      slug: collection.slug,
      ...(collection.description !== undefined ? { description: collection.description } : {}),
      parentKey: collection.parentKey,
      parentId,
    });
  }
  return { existing, creates, updates, duplicates: withDescendants(twins, remote), diagnostics, versions };
}

/** Only a title or description written in a metadata file is a claim: a folder's derived title is a default. */
function changeOf(local: LocalCollection, remote: Collection): UpdateCollectionOp | null {
  if (!local.source) return null;
  const title = local.title !== remote.title;
  const description = local.description !== undefined && local.description !== (remote.description ?? '');
  if (!title && !description) return null;
  return {
    kind: 'update-collection',
    key: local.key,
    collectionId: remote.id,
    title: local.title,
    ...(local.description !== undefined ? { description: local.description } : {}),
    before: { title: remote.title, ...(remote.description ? { description: remote.description } : {}) },
  };
}

function cannotUpdate(local: LocalCollection, change: UpdateCollectionOp): Diagnostic {
  const parts = [
    change.title !== change.before.title ? `title "${change.before.title}" → "${change.title}"` : '',
    change.description !== undefined && change.description !== (change.before.description ?? '')
      ? 'description'
      : '',
  ].filter(Boolean);
  return {
    severity: 'warning',
    code: 'collection/cannot-update',
    message: `The folder ${local.key} changed its collection's ${parts.join(' and ')}, which Pylon's API (April 2026 OpenAPI) cannot change: the collection keeps its old one.`,
    ...(local.source ? { file: local.source.path } : {}),
    ...(local.source?.line !== undefined ? { line: local.source.line } : {}),
    field: change.title !== change.before.title ? 'title' : 'description',
    hint: "Change it in Pylon's editor, or set `collectionUpdates: true` if your Pylon account accepts PATCH /knowledge-bases/{id}/collections/{collection_id}.",
  };
}

/** The given collections and every collection below them. */
function withDescendants(roots: readonly Collection[], all: readonly Collection[]): Collection[] {
  const found = new Map(roots.map((c) => [c.id, c]));
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of all) {
      if (!found.has(c.id) && c.parent_collection_id && found.has(c.parent_collection_id)) {
        found.set(c.id, c);
        grew = true;
      }
    }
  }
  return [...found.values()];
}
