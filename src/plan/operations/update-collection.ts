import { z } from 'zod';
import { id, NO_BODIES, nonEmpty, type OperationDefinition, text } from './shared.js';

/**
 * Change a collection's title or description to the folder's (config `collectionUpdates`: Pylon's April 2026
 * OpenAPI has no collection update; later material reports `PATCH …/collections/{id}`).
 */
const schema = z.strictObject({
  kind: z.literal('update-collection'),
  /** Folder path relative to the content directory. */
  key: nonEmpty,
  collectionId: id,
  title: nonEmpty,
  description: text.optional(),
  before: z.strictObject({ title: text, description: text.optional() }),
});
export type UpdateCollectionOp = z.infer<typeof schema>;

export const updateCollection = {
  schema,
  label: 'Collections to rename or describe',
  symbol: '~',
  verb: 'update',
  notice: false,
  ...NO_BODIES,
} satisfies OperationDefinition<typeof schema>;
