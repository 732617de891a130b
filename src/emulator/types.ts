import type { EndpointName, RateLimitPreset } from '../pylon-api/index.js';
import type {
  ArticleRecord,
  AttachmentRecord,
  CollectionRecord,
  KbRecord,
  OrgRecord,
  RedirectRecord,
  RoleRecord,
  TranslationRecord,
  UserRecord,
} from './model.js';
import type { EmulatorSeed } from './seed-types.js';
import type { TrutoFacadeOptions } from './truto/options.js';

export type {
  EmulatorSeed,
  SeedArticle,
  SeedAttachment,
  SeedCollection,
  SeedKnowledgeBase,
  SeedRole,
  SeedTeam,
  SeedTranslation,
  SeedUser,
} from './seed-types.js';

/** A fault to inject into API requests (never into /_emulator/, help-center or asset requests). */
export interface FaultRule {
  /** Templated route (`POST /knowledge-bases/{id}/articles`) or an endpoint name (`createArticle`). Absent: every API route. */
  route?: string;
  /** Fire on the N-th matching request (1-based, counted from when the rule was set), then the next `times - 1`. */
  nth?: number;
  /** Fire on every k-th matching request. */
  everyNth?: number;
  /** Fire on this share (0..1) of matching requests, using a PRNG seeded with `seed`. */
  share?: number;
  seed?: number;
  /** Respond with this status instead of running the handler. Default 500 when the rule has no other effect. */
  status?: 500 | 502 | 503 | 429;
  /** Added delay in real milliseconds before the request is handled. */
  latencyMs?: number;
  /** Run the handler (commit the write, save state), then reset the connection without a response. */
  dropAfterCommit?: boolean;
  /**
   * Run the handler (commit the write), then answer this status instead of its result: a gateway that gave
   * up on a request the service completed (504), or a proxy that lost the answer (502, 503).
   */
  statusAfterCommit?: 502 | 503 | 504;
  /**
   * With `dropAfterCommit` or `statusAfterCommit`: the answer (or reset) goes out at once and the write
   * commits this many real milliseconds later — a late commit, after a client's re-reads may have given up.
   */
  commitDelayMs?: number;
  /** How many times the rule fires. Default 1 for `nth`, unlimited otherwise. */
  times?: number;
  /** `Retry-After` for a fault 429, in (scaled) seconds. Default: one scaled second. */
  retryAfterSeconds?: number;
}

export type DuplicatePolicy = 'allow' | 'reject';

export type RateLimitOption =
  | RateLimitPreset
  | { preset: RateLimitPreset; overrides?: Partial<Record<EndpointName, number>> };

/** Options that may also change while the emulator runs (`setOptions`, `POST /_emulator/options`). */
export interface EmulatorBehaviour {
  rateLimits: RateLimitOption;
  /** 1 = real minutes; 0.01 => a rate-limit minute lasts 600 ms. */
  timeScale: number;
  duplicateSlugs: DuplicatePolicy;
  duplicateRedirects: DuplicatePolicy;
  htmlNormalizer: boolean;
  /** PATCH article with `slug`/`collection_id`/`author_user_id` (or PATCH collection with `parent_collection_id`). */
  immutableFields: 'ignore' | 'reject';
  /** PATCH article with a `language` that has no translation yet: create it, or 404. */
  translationUpsert: boolean;
  /** Suffix of the public article URL: slugified title, or the article slug. */
  urlSuffix: 'title' | 'slug';
  /** Serve `PATCH …/collections/{collection_id}` (a later Pylon addition). */
  collectionPatch: boolean;
  /** Largest accepted attachment, in bytes. */
  maxAttachmentBytes: number;
  /**
   * Send `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` with every rate-limited endpoint's answer. Pylon does
   * not document such headers; this is for trying a client against a server that states its limits.
   */
  rateLimitHeaders: boolean;
}

export interface EmulatorOptions extends Partial<EmulatorBehaviour> {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * How long an idle keep-alive connection stays open, in ms (Node's default: 5000). A short one makes a
   * client that stalls between requests meet connections the server has closed.
   */
  keepAliveTimeoutMs?: number;
  /** The accepted bearer token. Default `pylon-emulator-token`. */
  token?: string;
  seed?: EmulatorSeed;
  /** Load the store from this file at start (if it exists) and save it after every write. */
  statePath?: string;
  faults?: FaultRule[];
  /** Clock for timestamps (`created_at`, `last_published_at`, request log). */
  now?: () => Date;
  /**
   * Help-center pages reload themselves when the store changes (server-sent events from `…/_help/events`;
   * the pages then carry one small script, allowed by a per-response CSP nonce). Default false: no script.
   */
  liveReload?: boolean;
  /** The Truto façade (`/custom/…`, `/proxy/…`): its token, integrated accounts and limit (docs/truto.md). */
  truto?: TrutoFacadeOptions;
}

export interface EmulatorKbInfo extends KbRecord {
  /** Help-center base served by the emulator itself: `http://127.0.0.1:PORT/_site/<slug>`. */
  siteUrl: string;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  url: string;
  token: string;
  port: number;
  /** Stops listening, then saves the state file if writes are pending. */
  close(): Promise<void>;
  /** Resolves once every write so far is in the state file (saved at most every 100 ms, off the request path). */
  flushState(): Promise<void>;
  /** The same JSON as `GET /_emulator/state`. */
  snapshot(): EmulatorState;
  setFaults(rules: FaultRule[]): void;
  setOptions(options: Partial<EmulatorBehaviour>): void;
  /** Back to the start: seed (or the state file as loaded), start-up faults, empty request log and rate windows. */
  reset(): void;
  /** A knowledge base by slug (default: the first one). Throws when there is none. */
  kb(slug?: string): EmulatorKbInfo;
  /** The Truto façade at the same URL: its token and integrated account ids. */
  truto: { token: string; accounts: string[] };
}

// ---------------------------------------------------------------- admin view

export interface RequestLogEntry {
  at: number;
  method: string;
  route: string;
  endpoint: EndpointName | null;
  status: number;
  dropped?: true;
}

/** The store as `GET /_emulator/state` shows it (admin.ts): the records less their internal fields. */
export interface EmulatorState {
  organization: OrgRecord;
  knowledge_bases: Array<Omit<EmulatorKbInfo, 'siteUrl'>>;
  collections: Array<Omit<CollectionRecord, 'seq' | 'identifier'>>;
  articles: Array<
    Omit<ArticleRecord, 'seq' | 'translations'> & {
      translations: Record<string, Omit<TranslationRecord, 'published_title'>>;
    }
  >;
  route_redirects: Array<Omit<RedirectRecord, 'seq'>>;
  attachments: Array<
    Pick<AttachmentRecord, 'id' | 'name' | 'description' | 'url' | 'size' | 'sha256' | 'content_type'>
  >;
  users: Array<Pick<UserRecord, 'id' | 'name' | 'email' | 'emails' | 'role_id' | 'status'>>;
  teams: Array<{ id: string; name: string; users: Array<{ id: string; email?: string }> }>;
  user_roles: RoleRecord[];
  faults: FaultRule[];
  options: EmulatorBehaviour;
  requests: { counts: Record<string, number>; log: RequestLogEntry[] };
}
