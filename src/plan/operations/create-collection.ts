import { z } from 'zod';
import { NO_BODIES, nonEmpty, type OperationDefinition, text } from './shared.js';

/** Create a Pylon collection for a folder. Parents come before children in `Plan.operations`. */
const schema = z.strictObject({
  kind: z.literal('create-collection'),
  /** Folder path relative to the content directory. */
  key: nonEmpty,
  title: text,
  slug: nonEmpty,
  description: z.string().optional(),
  parentKey: z.string().nullable(),
  /** Remote id of the parent when it exists already; otherwise apply resolves `parentKey`. */
  parentId: z.string().nullable(),
});
export type CreateCollectionOp = z.infer<typeof schema>;

export const createCollection = {
  schema,
  label: 'Collections to create',
  symbol: '+',
  verb: 'create',
  notice: false,
  ...NO_BODIES,
} satisfies OperationDefinition<typeof schema>;
