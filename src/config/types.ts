import type { EndpointName, RateLimitPreset, Visibility } from '../pylon-api/index.js';
import type { SiteName } from '../sites/index.js';

/*
 * The config as a user writes it (`UserConfig`) and as the rest of pylon-kb reads it (`ResolvedConfig`).
 * Every optional key of `UserConfig` also accepts `undefined`, so `token: process.env.PYLON_API_TOKEN`
 * type-checks under `exactOptionalPropertyTypes`. Types only, one per config key with its doc: hence
 * the length.
 */

export type OrphanPolicy = 'report' | 'unlist' | 'delete';
export type DriftPolicy = 'fail' | 'skip' | 'overwrite';

/** Publish to the real Pylon API. */
export interface PylonTargetConfig {
  kind: 'pylon';
  /** Default `https://api.usepylon.com`; env `PYLON_API_URL` overrides. EU tenants: `https://api.eu.usepylon.com`. */
  apiUrl?: string | undefined;
  /** Prefer env `PYLON_API_TOKEN` (it overrides this). Never printed. */
  token?: string | undefined;
}

/** Publish into the embedded Pylon emulator (safe, local, no token). */
export interface EmulatorTargetConfig {
  kind: 'emulator';
  /**
   * The data set the emulator starts from, as `pylon-kb emulator --seed` takes it: a built-in seed's name
   * (`'editor-kb'`), or a JSON seed file (organisation, knowledge bases, users, teams, optionally content)
   * relative to the config file. Default (or `'default'`): the built-in Acme seed. Ignored when `state`
   * names a file that exists.
   */
  seed?: string | undefined;
  /** File the emulator persists its state to (relative to the config file). Default: memory only. */
  state?: string | undefined;
  /** Rate limits the emulator enforces. Default: `rateLimits.preset`. */
  rateLimits?: RateLimitPreset | undefined;
  /** Multiplies the emulator's rate-limit window (60 s × timeScale). Default: `rateLimits.timeScale`. */
  timeScale?: number | undefined;
  /** Re-format stored HTML the way Pylon's sanitizer does. Default `true`. */
  htmlNormalizer?: boolean | undefined;
}

/** Publish to Pylon through Truto, which holds the customer's Pylon credentials (docs/truto.md). */
export interface TrutoTargetConfig {
  kind: 'truto';
  /** The customer's Pylon connection in Truto. `--truto-account` and env `TRUTO_INTEGRATED_ACCOUNT_ID` override. */
  integratedAccountId?: string | undefined;
  /** Default `https://api.truto.one`; env `TRUTO_API_URL` overrides. */
  apiUrl?: string | undefined;
  /** Prefer env `TRUTO_API_TOKEN` (it overrides this). Never printed. */
  token?: string | undefined;
}

/** Where pylon-kb publishes. */
export type TargetConfig = PylonTargetConfig | EmulatorTargetConfig | TrutoTargetConfig;
export type TargetKind = TargetConfig['kind'];

export interface VisibilityDefaults {
  visibility?: Visibility | undefined;
  unlisted?: boolean | undefined;
}

export interface RateLimitsConfig {
  /** Requests per minute per endpoint: `documented` (60/20/10), `current` (Pylon's stated 300/120/30 tiers), `raised` (300/120/30) or `off`. */
  preset?: RateLimitPreset | undefined;
  /** Requests per minute for single endpoints, on top of the preset. */
  overrides?: { [K in EndpointName]?: number | undefined } | undefined;
  /**
   * Multiplies every rate-limit window and backoff: the per-minute limits apply to 60 s × timeScale.
   * `0.01` makes a "minute" last 0.6 s, for tests against the emulator. Default 1.
   */
  timeScale?: number | undefined;
  /**
   * Raise a limit after the server accepted a whole window at it (overrides are never raised), and keep
   * what was learned per target in `.pylon-kb/rate-limits.json` for the next run. Default true.
   */
  learn?: boolean | undefined;
}

export interface WatchConfig {
  debounceMs?: number | undefined;
  /** Publish what watch mode applies (default: leave it as a draft). */
  publish?: boolean | undefined;
}

export interface PullConfig {
  /** The longest one file `pull` downloads may take, headers and body, in ms. Default 30000. */
  downloadTimeoutMs?: number | undefined;
}

export interface UserConfig {
  /** The docs tree, relative to the config file. Default `'docs'`. */
  contentDir?: string | undefined;
  /** Globs (relative to `contentDir`) of the files to publish. Default `['**\/*.md']`. */
  include?: string[] | undefined;
  /** Globs to leave out. Default `[]`. */
  exclude?: string[] | undefined;
  /** Knowledge base id or slug. Required unless the organisation has exactly one KB. */
  knowledgeBase?: string | undefined;
  target?: TargetConfig | undefined;
  /** Author of documents without frontmatter `author`: email, user id, user name or `team:<name>`. */
  defaultAuthor?: string | undefined;
  /** Team name → lead email; `team:<name>` authors resolve to the lead. */
  teams?: Record<string, string> | undefined;
  /** Publish creates and updates (default `true`); `false` leaves them as drafts. */
  publish?: boolean | undefined;
  /** Visibility for articles whose frontmatter does not set it. */
  visibility?: VisibilityDefaults | undefined;
  /** Drop a `# Heading` that opens the body and repeats the title (Pylon shows the title). Default `true`. */
  dropLeadingH1?: boolean | undefined;
  rateLimits?: RateLimitsConfig | undefined;
  /** Parallel requests across all endpoints, 1..32. Default 4. */
  concurrency?: number | undefined;
  /** What to do with managed articles whose source file is gone. Default `'report'`. */
  orphans?: OrphanPolicy | undefined;
  /** Refuse to retire more than this share (0..1) of the managed articles in one run. Default 0.2. */
  maxRetireRatio?: number | undefined;
  /** What to do when an article was edited in Pylon since pylon-kb published it. Default `'fail'`. */
  onDrift?: DriftPolicy | undefined;
  /** Collections (slug or id) pylon-kb may manage besides the ones it created. */
  ownedCollections?: string[] | undefined;
  /** Take over existing unmarked articles whose slug matches a document. Default `false`. */
  adopt?: boolean | undefined;
  /** Send a folder's changed title or description with Pylon's collection PATCH (not in the April 2026 OpenAPI). Default `false`: reported. */
  collectionUpdates?: boolean | undefined;
  /** Treat broken links as errors instead of warnings. Default `false`. */
  strictLinks?: boolean | undefined;
  /**
   * The site generator whose conventions the docs tree follows (static folders, URLs, redirect keys,
   * index pages, heading ids…). Default `'auto'`: detected from the files at the site root; `'none'`
   * keeps pylon-kb's own conventions.
   */
  site?: SiteSetting | undefined;
  /**
   * The site's public address (`https://example.com/docs/`): a link to a page of the site that is not a
   * document of the tree is published as its absolute URL there. Default: read from the site's config.
   */
  siteUrl?: string | undefined;
  /** A link to a heading that does not exist: `'warn'` (default; `'error'` when `strictLinks`) or `'error'`. */
  brokenAnchors?: BrokenLinkPolicy | undefined;
  /**
   * A link to a document that does not exist: `'error'` or `'warn'` (published as written). Default: the
   * site's own setting (Docusaurus `onBrokenMarkdownLinks`, VitePress `ignoreDeadLinks`, MkDocs
   * `strict`/`validation`, Hugo `refLinksErrorLevel`), else `'error'`.
   */
  brokenLinks?: BrokenLinkPolicy | undefined;
  /**
   * Refuse the whole run (write nothing) when any document has an error. Default `false`: a document with
   * an error is held back, the others are written, and the run exits non-zero listing what was held back.
   */
  strict?: boolean | undefined;
  /** Frontmatter `author` values (a GitHub handle, a name) → a Pylon user (email, id or name). */
  authors?: Record<string, string> | undefined;
  /**
   * An author Pylon does not know: `'error'`, or `'default'` (the default author, with a warning). Default:
   * `'default'` on a detected site (its pages name GitHub handles), `'error'` otherwise.
   */
  unknownAuthors?: UnknownAuthorPolicy | undefined;
  /** Largest local file (image, PDF…) a document may embed or link, in bytes. Default 20 MiB. */
  maxAssetBytes?: number | undefined;
  /** Where translations live: `name.<lang>.md` beside `name.md` (`suffix`, default) or `<folder>/<lang>/…`. */
  translations?: { layout?: 'suffix' | 'folders' | undefined; folder?: string | undefined } | undefined;
  watch?: WatchConfig | undefined;
  pull?: PullConfig | undefined;
}

export type SiteSetting = SiteName | 'auto';
export type BrokenLinkPolicy = 'warn' | 'error';
export type UnknownAuthorPolicy = 'error' | 'default';

export interface ResolvedPylonTarget {
  kind: 'pylon';
  apiUrl: string;
  token: string;
}

export interface ResolvedEmulatorTarget {
  kind: 'emulator';
  /** A built-in seed's name, the absolute path of a seed file, or `null` for the default seed. */
  seed: string | null;
  /** Absolute path, or `null` to keep the state in memory. */
  state: string | null;
  rateLimits: RateLimitPreset;
  timeScale: number;
  htmlNormalizer: boolean;
}

export interface ResolvedTrutoTarget {
  kind: 'truto';
  apiUrl: string;
  token: string;
  integratedAccountId: string;
}

export type ResolvedTarget = ResolvedPylonTarget | ResolvedEmulatorTarget | ResolvedTrutoTarget;

/** Every key present, defaults filled in, paths absolute. Holds the token: print it with `redactConfig`. */
export interface ResolvedConfig {
  /** Absolute path of the config file, or `null` when there is none. */
  configPath: string | null;
  /** The folder relative paths are resolved against: the config file's folder, else the cwd. */
  rootDir: string;
  contentDir: string;
  include: string[];
  exclude: string[];
  knowledgeBase: string | null;
  target: ResolvedTarget;
  defaultAuthor: string | null;
  teams: Record<string, string>;
  publish: boolean;
  visibility: { visibility: Visibility; unlisted: boolean };
  dropLeadingH1: boolean;
  rateLimits: {
    preset: RateLimitPreset;
    overrides: Partial<Record<EndpointName, number>>;
    timeScale: number;
    /** Raise limits after clean windows and remember them in `.pylon-kb/rate-limits.json`. */
    learn: boolean;
  };
  concurrency: number;
  orphans: OrphanPolicy;
  maxRetireRatio: number;
  onDrift: DriftPolicy;
  ownedCollections: string[];
  adopt: boolean;
  collectionUpdates: boolean;
  strictLinks: boolean;
  site: SiteSetting;
  /** `null`: the address the site's config gives, if any. */
  siteUrl: string | null;
  /** `null`: error with `strictLinks`, else the site's own setting, else warn. */
  brokenAnchors: BrokenLinkPolicy | null;
  /** `null`: error with `strictLinks`, else the site's own setting, else error. */
  brokenLinks: BrokenLinkPolicy | null;
  /** Refuse the whole run for any error instead of holding back the documents that have one. */
  strict: boolean;
  authors: Record<string, string>;
  /** `null`: `default` for a detected site, `error` for pylon-kb's own conventions. */
  unknownAuthors: UnknownAuthorPolicy | null;
  maxAssetBytes: number;
  translations: { layout: 'suffix' | 'folders'; folder: string };
  watch: { debounceMs: number; publish: boolean };
  pull: { downloadTimeoutMs: number };
}

/** Command-line flags that feed the config. Values come from the argument parser, often as strings. */
export interface ConfigFlags {
  /** `--content-dir` */
  contentDir?: string | undefined;
  /** `--kb` */
  kb?: string | undefined;
  /** `--author` */
  author?: string | undefined;
  /** `--publish` / `--no-publish` */
  publish?: boolean | undefined;
  /** `--rate-limits <preset>` */
  rateLimits?: string | undefined;
  /** `--time-scale <n>` */
  timeScale?: string | number | undefined;
  /** `--concurrency <n>` */
  concurrency?: string | number | undefined;
  /** `--target pylon|emulator|truto` */
  target?: string | undefined;
  /** `--truto-account <id>`: the Truto integrated account (and, without `--target`, the Truto target). */
  trutoAccount?: string | undefined;
  /** `--on-drift fail|skip|overwrite` */
  onDrift?: string | undefined;
  /** `--site <name>` */
  site?: string | undefined;
  /** `--broken-anchors warn|error` */
  brokenAnchors?: string | undefined;
  /** `--broken-links error|warn` */
  brokenLinks?: string | undefined;
  /** `--strict` */
  strict?: boolean | undefined;
  /** `--debounce <ms>` (watch) */
  debounce?: string | number | undefined;
}
