import { z } from 'zod';
import { id, NO_BODIES, nonEmpty, type OperationDefinition, text } from './shared.js';

/**
 * Delete a collection pylon-kb's runs left behind: a duplicate of a folder's collection (two applies at
 * once) or one this plan empties. Apply re-checks that only pylon-kb's articles are in it (delete cascades).
 */
const schema = z.strictObject({
  kind: z.literal('delete-collection'),
  /** The collection's place, `parent-slug/slug`, for reports. */
  key: nonEmpty,
  collectionId: id,
  title: text,
  reason: z.enum(['duplicate', 'emptied']),
  /** Nesting depth: children are deleted before their parents. */
  depth: z.number().int().min(1),
});
export type DeleteCollectionOp = z.infer<typeof schema>;

export const deleteCollection = {
  schema,
  label: 'Collections to delete (duplicates and emptied)',
  symbol: '-',
  verb: 'delete',
  notice: false,
  ...NO_BODIES,
} satisfies OperationDefinition<typeof schema>;
