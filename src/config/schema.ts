import { z } from 'zod';
import { ENDPOINTS, type EndpointName, RATE_LIMIT_PRESET_NAMES, VISIBILITIES } from '../pylon-api/index.js';
import { SITE_NAMES } from '../sites/index.js';
import type { DriftPolicy, OrphanPolicy, TargetKind, UserConfig } from './types.js';

/*
 * The zod schema of `UserConfig`: strict objects (unknown keys are errors), no defaults (those live in
 * defaults.ts so that layers can be merged before they are filled in). `.describe()` texts are the
 * "allowed" half of error messages: `<key> must be <description>`.
 */

export const ORPHAN_POLICIES = ['report', 'unlist', 'delete'] as const satisfies readonly OrphanPolicy[];
export const DRIFT_POLICIES = ['fail', 'skip', 'overwrite'] as const satisfies readonly DriftPolicy[];
export const TARGET_KINDS = ['pylon', 'emulator', 'truto'] as const satisfies readonly TargetKind[];

const text = () => z.string().trim().min(1).describe('a non-empty string');
const flag = () => z.boolean().describe('true or false');
const globs = () => z.array(text()).describe('a list of glob strings, e.g. ["**/*.md"]');
const positive = () => z.number().positive().max(1_000_000).describe('a number greater than 0');

const author = text()
  .refine((value) => !/^team:\s*$/i.test(value), { message: 'empty team name' })
  .describe('an email, a user id, a user name, or "team:<name>"');

const pylonTarget = z.strictObject({
  kind: z.literal('pylon'),
  apiUrl: z
    .url({ protocol: /^https?$/ })
    .describe('an http(s) URL')
    .optional(),
  token: text().describe('a non-empty string (the Pylon API token)').optional(),
});

const emulatorTarget = z.strictObject({
  kind: z.literal('emulator'),
  seed: text().optional(),
  state: text().describe('a file path').optional(),
  rateLimits: z.enum(RATE_LIMIT_PRESET_NAMES).optional(),
  timeScale: positive().optional(),
  htmlNormalizer: flag().optional(),
});

/** Truto integrated account ids are UUIDs in practice; allow any id-like string, never a path or spaces. */
export const integratedAccountId = () =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/)
    .describe('a Truto integrated account id (letters, digits, ".", "_", ":" or "-")');

const trutoTarget = z.strictObject({
  kind: z.literal('truto'),
  integratedAccountId: integratedAccountId().optional(),
  apiUrl: z
    .url({ protocol: /^https?$/ })
    .describe('an http(s) URL')
    .optional(),
  token: text().describe('a non-empty string (the Truto API token)').optional(),
});

export const targetSchema = z.discriminatedUnion('kind', [pylonTarget, emulatorTarget, trutoTarget]);

const overrides = z.strictObject(
  Object.fromEntries(
    ENDPOINTS.map((name) => [
      name,
      positive().describe('requests per minute, a number greater than 0').optional(),
    ]),
  ) as Record<EndpointName, z.ZodOptional<z.ZodNumber>>,
);

export const userConfigSchema = z.strictObject({
  contentDir: text().describe('a folder path').optional(),
  include: globs().optional(),
  exclude: globs().optional(),
  knowledgeBase: text().describe('a knowledge base id or slug').optional(),
  target: targetSchema.optional(),
  defaultAuthor: author.optional(),
  teams: z
    .record(text().describe('a team name'), z.email().describe('the email of the team lead'))
    .describe('an object of team name → lead email')
    .optional(),
  publish: flag().optional(),
  visibility: z
    .strictObject({ visibility: z.enum(VISIBILITIES).optional(), unlisted: flag().optional() })
    .optional(),
  dropLeadingH1: flag().optional(),
  rateLimits: z
    .strictObject({
      preset: z.enum(RATE_LIMIT_PRESET_NAMES).optional(),
      overrides: overrides.optional(),
      timeScale: positive().optional(),
      learn: flag().optional(),
    })
    .optional(),
  concurrency: z.number().int().min(1).max(32).describe('an integer from 1 to 32').optional(),
  orphans: z.enum(ORPHAN_POLICIES).optional(),
  maxRetireRatio: z.number().min(0).max(1).describe('a number from 0 to 1').optional(),
  onDrift: z.enum(DRIFT_POLICIES).optional(),
  ownedCollections: z.array(text().describe('a collection slug or id')).optional(),
  adopt: flag().optional(),
  collectionUpdates: flag().optional(),
  strictLinks: flag().optional(),
  site: z.enum(['auto', ...SITE_NAMES]).optional(),
  siteUrl: text()
    .refine((url) => /^https?:\/\/[^/\s]+/i.test(url), 'an http(s) URL')
    .describe('the site\'s public address, an http(s) URL such as "https://example.com/docs/"')
    .optional(),
  brokenAnchors: z.enum(['warn', 'error']).optional(),
  brokenLinks: z.enum(['warn', 'error']).optional(),
  strict: flag().optional(),
  authors: z
    .record(text().describe('an author as the frontmatter writes it'), author)
    .describe('an object of frontmatter author → Pylon user (email, id or name)')
    .optional(),
  unknownAuthors: z.enum(['error', 'default']).optional(),
  maxAssetBytes: z.number().int().min(1).describe('a whole number of bytes, at least 1').optional(),
  translations: z
    .strictObject({
      layout: z.enum(['suffix', 'folders']).optional(),
      folder: text().describe('a folder name inside contentDir').optional(),
    })
    .optional(),
  watch: z
    .strictObject({
      debounceMs: z.number().int().min(0).max(60_000).describe('an integer from 0 to 60000').optional(),
      publish: flag().optional(),
    })
    .optional(),
  pull: z
    .strictObject({
      downloadTimeoutMs: z
        .number()
        .int()
        .min(1)
        .max(3_600_000)
        .describe('an integer from 1 to 3600000 (milliseconds)')
        .optional(),
    })
    .optional(),
});

// Compile-time guard: every config the `UserConfig` type accepts passes the schema's type, and back.
type SchemaInput = z.input<typeof userConfigSchema>;
const _typedConfigsFit = (c: UserConfig): SchemaInput => c;
const _parsedConfigsFit = (c: z.output<typeof userConfigSchema>): UserConfig => c;
void _typedConfigsFit;
void _parsedConfigsFit;
