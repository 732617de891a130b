import { z } from 'zod';
import { id, NO_BODIES, nonEmpty, type OperationDefinition, text } from './shared.js';

/** A managed article whose source is gone, only reported (`orphans: 'report'`). No write. */
const schema = z.strictObject({
  kind: z.literal('orphan'),
  key: nonEmpty,
  articleId: id,
  title: text,
  url: text,
});
export type OrphanNotice = z.infer<typeof schema>;

export const orphan = {
  schema,
  label: 'Orphaned articles, reported only',
  symbol: '?',
  verb: 'report',
  notice: true,
  ...NO_BODIES,
} satisfies OperationDefinition<typeof schema>;
