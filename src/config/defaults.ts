import type { ResolvedConfig } from './types.js';

export const DEFAULT_PYLON_API_URL = 'https://api.usepylon.com';
export const DEFAULT_EMULATOR_SEED = 'default';

/** Defaults of every key that has one (the target is resolved separately, see target.ts). Never mutate. */
export const DEFAULTS: Readonly<Omit<ResolvedConfig, 'configPath' | 'rootDir' | 'target'>> = {
  contentDir: 'docs',
  include: ['**/*.md', '**/*.markdown', '**/*.mdx'],
  exclude: [],
  knowledgeBase: null,
  defaultAuthor: null,
  teams: {},
  publish: true,
  visibility: { visibility: 'public', unlisted: false },
  dropLeadingH1: true,
  rateLimits: { preset: 'documented', overrides: {}, timeScale: 1, learn: true },
  concurrency: 4,
  orphans: 'report',
  maxRetireRatio: 0.2,
  onDrift: 'fail',
  ownedCollections: [],
  adopt: false,
  collectionUpdates: false,
  strictLinks: false,
  site: 'auto',
  siteUrl: null,
  brokenAnchors: null,
  brokenLinks: null,
  strict: false,
  authors: {},
  unknownAuthors: null,
  maxAssetBytes: 20 * 1024 * 1024,
  translations: { layout: 'suffix', folder: 'i18n' },
  watch: { debounceMs: 150, publish: false },
  pull: { downloadTimeoutMs: 30_000 },
};

/** The default at a key path (`rateLimits.preset`), for hints; `undefined` when the key has none. */
export function defaultAt(path: readonly PropertyKey[]): unknown {
  let value: unknown = DEFAULTS;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
