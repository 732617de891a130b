import { z } from 'zod';
import { NO_BODIES, nonEmpty, type OperationDefinition } from './shared.js';

/** Upload a local file (image, PDF…) once per content digest, before the articles that use it. */
const schema = z.strictObject({
  kind: z.literal('upload-asset'),
  /** The file's path relative to the content directory. */
  key: nonEmpty,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hex digest'),
  size: z.number().int().nonnegative(),
  contentType: nonEmpty,
});
export type UploadAssetOp = z.infer<typeof schema>;

export const uploadAsset = {
  schema,
  label: 'Files to upload',
  symbol: '↑',
  verb: 'upload',
  notice: false,
  ...NO_BODIES,
} satisfies OperationDefinition<typeof schema>;
