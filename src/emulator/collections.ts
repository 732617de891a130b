import type { Collection } from '../pylon-api/index.js';
import { badRequest } from './errors.js';
import { deleted, type HandlerDef, object } from './handler-types.js';
import { newIdentifier, randomId } from './ids.js';
import { collectionOr404, kbOr404 } from './lookup.js';
import type { CollectionRecord } from './model.js';
import { slugify } from './slug.js';
import { immutable, jsonObject, optionalString, requiredString, visibilityConfig } from './validate.js';

export function collectionView(c: CollectionRecord): Collection {
  const view: Collection = {
    id: c.id,
    title: c.title,
    slug: c.slug,
    description: c.description,
    created_at: c.created_at,
    visibility_config: structuredClone(c.visibility_config),
  };
  if (c.parent_collection_id) view.parent_collection_id = c.parent_collection_id;
  return view;
}

export const collectionHandlers: HandlerDef[] = [
  {
    endpoint: 'listCollections',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      return { kind: 'list', data: ctx.store.collectionsOf(kb.id).map(collectionView) };
    },
  },
  {
    endpoint: 'getCollection',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      return object(collectionView(collectionOr404(ctx, kb, req.params.collection_id)));
    },
  },
  {
    endpoint: 'createCollection',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const body = jsonObject(req.body);
      const title = requiredString(body, 'title');
      const parentId = optionalString(body, 'parent_collection_id');
      if (parentId) {
        const parent = ctx.store.collections.get(parentId);
        if (!parent || parent.kb_id !== kb.id) {
          throw badRequest(`parent_collection_id "${parentId}" is not a collection of this knowledge base`);
        }
      }
      const now = ctx.now();
      const record: CollectionRecord = {
        id: randomId(),
        kb_id: kb.id,
        seq: ctx.store.nextSeq(),
        identifier: newIdentifier(ctx.store.identifiers),
        title,
        slug: optionalString(body, 'slug') || slugify(title),
        description: optionalString(body, 'description') ?? '',
        parent_collection_id: parentId || null,
        visibility_config: visibilityConfig(body) ?? { visibility: 'public' },
        created_at: now,
      };
      ctx.store.collections.set(record.id, record);
      return object(collectionView(record));
    },
  },
  {
    endpoint: 'updateCollection',
    enabled: (b) => b.collectionPatch,
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const c = collectionOr404(ctx, kb, req.params.collection_id);
      const body = jsonObject(req.body);
      immutable(body, ['parent_collection_id'], ctx.behaviour.immutableFields);
      const title = optionalString(body, 'title');
      if (title === '') throw badRequest('title must not be empty');
      const slug = optionalString(body, 'slug');
      if (slug === '') throw badRequest('slug must not be empty');
      const description = optionalString(body, 'description');
      const visibility = visibilityConfig(body);
      if (title !== undefined) c.title = title;
      if (slug !== undefined) c.slug = slug;
      if (description !== undefined) c.description = description;
      if (visibility !== undefined) c.visibility_config = { ...c.visibility_config, ...visibility };
      return object(collectionView(c));
    },
  },
  {
    endpoint: 'deleteCollection',
    handler: (req, ctx) => {
      const kb = kbOr404(ctx, req.params.id);
      const c = collectionOr404(ctx, kb, req.params.collection_id);
      ctx.store.deleteCollectionCascade(c.id);
      return deleted();
    },
  },
];
