import { z } from 'zod';
import { nonEmpty, text } from './operations/shared.js';
import { PLAN_VERSION } from './types.js';

/**
 * The saved-plan file (`plan --json --out plan.json`) as a schema: `apply plan.json` reads a file that may
 * have been edited, so every operation is checked field by field (by its kind's schema, operations/<kind>.ts)
 * before anything trusts it. Objects are strict: a field pylon-kb never writes is an error, not ignored.
 */

const id = nonEmpty;

/** What bodies link to and embed (reports only: apply never reads it). */
const references = z.strictObject({
  articles: z.record(
    z.string(),
    z.strictObject({ title: text, path: text, url: text.optional(), previousUrl: text.optional() }),
  ),
  assets: z.record(z.string(), z.strictObject({ path: text, contentType: text, url: text.optional() })),
});

/** An article's public URL, or the path Pylon routes by identifier before it is published. */
const articleUrl = z
  .string()
  .regex(/^(?:https?:\/\/[^\s"'<>]+|\/articles\/\d+)$/, 'must be an article URL or /articles/<identifier>');

const diagnostic = z.looseObject({
  severity: z.enum(['error', 'warning']),
  code: nonEmpty,
  message: text,
});

export const planSchema = z.strictObject({
  version: z.literal(PLAN_VERSION),
  knowledgeBase: z.strictObject({ id, slug: text, title: text }),
  summary: z.record(z.string(), z.number()),
  operations: z.array(z.unknown()),
  diagnostics: z.array(diagnostic),
  remoteVersions: z.record(z.string(), nonEmpty),
  references: references.optional(),
  urlsBefore: z.record(nonEmpty, articleUrl).optional(),
  origin: z.strictObject({ target: text, contentDir: text }).optional(),
});
