import type { LocalCollection } from '../content/types.js';
import type { Collection } from '../pylon-api/index.js';
import { ABSENT, collectionVersionKey } from './fingerprint.js';
import type { CreateCollectionOp } from './types.js';

export interface CollectionPlan {
  /** Local collection key → remote id, for collections that exist already. */
  existing: Map<string, string>;
  creates: CreateCollectionOp[];
  versions: Record<string, string>;
}

function depth(key: string): number {
  return key.split('/').length;
}

/**
 * Collections carry no marker, so a folder matches the remote collection with the same slug under the same
 * parent. Parents are matched first; a folder under a parent that is created in this run is created too.
 */
export function planCollections(
  local: readonly LocalCollection[],
  remote: readonly Collection[],
): CollectionPlan {
  const existing = new Map<string, string>();
  const creates: CreateCollectionOp[] = [];
  const versions: Record<string, string> = {};
  const ordered = [...local].sort((a, b) => depth(a.key) - depth(b.key) || a.key.localeCompare(b.key));
  for (const collection of ordered) {
    const parentId = collection.parentKey === null ? null : (existing.get(collection.parentKey) ?? null);
    const parentIsNew = collection.parentKey !== null && parentId === null;
    const match = parentIsNew
      ? undefined
      : remote.find((r) => r.slug === collection.slug && (r.parent_collection_id ?? null) === parentId);
    if (match) {
      existing.set(collection.key, match.id);
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
  return { existing, creates, versions };
}
