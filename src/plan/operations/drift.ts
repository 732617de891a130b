import { z } from 'zod';
import { id, NO_BODIES, nonEmpty, type OperationDefinition, text } from './shared.js';

/** A managed article edited in Pylon since pylon-kb published it. */
const schema = z.strictObject({
  kind: z.literal('drift'),
  key: nonEmpty,
  path: nonEmpty,
  articleId: id,
  title: text,
  url: text,
  resolution: z.enum(['fail', 'skip', 'overwrite']),
  /**
   * The body pylon-kb would send (without marker; the last published text when `baseIsLastPublish`) and
   * the body in Pylon now: reports show the edit as a diff of their readable text.
   */
  localHtml: z.string().optional(),
  pylonHtml: z.string().optional(),
  /** The file has not changed since pylon-kb last published it, so `localHtml` is what was published. */
  baseIsLastPublish: z.boolean().optional(),
});
export type DriftNotice = z.infer<typeof schema>;

export const drift = {
  schema,
  label: 'Drift: articles edited in Pylon',
  symbol: '!',
  verb: 'report',
  notice: true,
  ...NO_BODIES,
  shownBodies: (op) => [op.localHtml ?? '', op.pylonHtml ?? ''],
} satisfies OperationDefinition<typeof schema>;
