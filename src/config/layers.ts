import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { type IssueSource, issuesToDiagnostics } from './issues.js';
import { TARGET_KINDS, userConfigSchema } from './schema.js';
import type { ConfigFlags, TargetKind, UserConfig } from './types.js';

/** One source of config values above the file: the environment or the command line. */
export interface Layer {
  values: UserConfig;
  errors: Diagnostic[];
}

export interface EnvLayer extends Layer {
  apiUrl: string | undefined;
  token: string | undefined;
  /** `TRUTO_API_URL`, `TRUTO_API_TOKEN`, `TRUTO_INTEGRATED_ACCOUNT_ID` (trimmed; unset when empty). */
  truto: TrutoEnv;
}

export interface TrutoEnv {
  apiUrl: string | undefined;
  token: string | undefined;
  integratedAccountId: string | undefined;
}

export interface FlagLayer extends Layer {
  targetKind: TargetKind | undefined;
  /** `--truto-account`, validated and trimmed. */
  trutoAccount: string | undefined;
}

const ENV_NAMES: Record<string, string> = {
  knowledgeBase: 'PYLON_KB',
  defaultAuthor: 'PYLON_AUTHOR',
  'target.apiUrl': 'PYLON_API_URL',
  'target.token': 'PYLON_API_TOKEN',
};

const TRUTO_ENV_NAMES: Record<string, string> = {
  'target.apiUrl': 'TRUTO_API_URL',
  'target.token': 'TRUTO_API_TOKEN',
  'target.integratedAccountId': 'TRUTO_INTEGRATED_ACCOUNT_ID',
};

const FLAG_NAMES: Record<string, string> = {
  contentDir: '--content-dir',
  knowledgeBase: '--kb',
  defaultAuthor: '--author',
  publish: '--publish',
  'rateLimits.preset': '--rate-limits',
  'rateLimits.timeScale': '--time-scale',
  concurrency: '--concurrency',
  'target.kind': '--target',
  'target.integratedAccountId': '--truto-account',
  onDrift: '--on-drift',
  site: '--site',
  brokenAnchors: '--broken-anchors',
  brokenLinks: '--broken-links',
  strict: '--strict',
  'watch.debounceMs': '--debounce',
};

function namedSource(names: Record<string, string>, what: string): IssueSource {
  const name = (path: string) => names[path] ?? path;
  return { label: (path) => `${name(path)} (${path})`, fix: (path) => `Set ${what} ${name(path)} to` };
}

/** Drops `undefined` values and objects left empty, so a layer only holds what was actually given. */
export function compact<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const c = compact(v);
    if (c === undefined) continue;
    if (c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
    out[key] = c;
  }
  return out as T;
}

function envString(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Numbers arrive from the argument parser as strings; keep non-numbers as-is so the error shows them. */
function numeric(value: string | number | undefined): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
}

function validate(
  raw: unknown,
  source: IssueSource,
): { data: Record<string, unknown>; errors: Diagnostic[] } {
  const result = userConfigSchema.safeParse(raw);
  if (result.success) return { data: result.data as Record<string, unknown>, errors: [] };
  return { data: {}, errors: issuesToDiagnostics(userConfigSchema, raw, result.error.issues, source) };
}

export function envLayer(env: Record<string, string | undefined>): EnvLayer {
  const apiUrl = envString(env, 'PYLON_API_URL');
  const token = envString(env, 'PYLON_API_TOKEN');
  const raw = compact({
    knowledgeBase: envString(env, 'PYLON_KB'),
    defaultAuthor: envString(env, 'PYLON_AUTHOR'),
    // Validated as a Pylon target only to check the URL; the target rule decides the kind later.
    target: apiUrl === undefined && token === undefined ? undefined : { kind: 'pylon', apiUrl, token },
  });
  const { data, errors } = validate(raw, namedSource(ENV_NAMES, 'the environment variable'));
  const { target: _target, ...values } = data;
  const truto = trutoEnv(env);
  if (truto.apiUrl !== undefined || truto.integratedAccountId !== undefined) {
    const checked = validate(
      compact({
        target: { kind: 'truto', apiUrl: truto.apiUrl, integratedAccountId: truto.integratedAccountId },
      }),
      namedSource(TRUTO_ENV_NAMES, 'the environment variable'),
    );
    errors.push(...checked.errors);
  }
  return { values: values as UserConfig, errors, apiUrl, token, truto };
}

function trutoEnv(env: Record<string, string | undefined>): TrutoEnv {
  return {
    apiUrl: envString(env, 'TRUTO_API_URL'),
    token: envString(env, 'TRUTO_API_TOKEN'),
    integratedAccountId: envString(env, 'TRUTO_INTEGRATED_ACCOUNT_ID'),
  };
}

export function flagLayer(flags: ConfigFlags): FlagLayer {
  const raw = compact({
    contentDir: flags.contentDir,
    knowledgeBase: flags.kb,
    defaultAuthor: flags.author,
    publish: flags.publish,
    rateLimits: { preset: flags.rateLimits, timeScale: numeric(flags.timeScale) },
    concurrency: numeric(flags.concurrency),
    onDrift: flags.onDrift,
    site: flags.site,
    brokenAnchors: flags.brokenAnchors,
    brokenLinks: flags.brokenLinks,
    strict: flags.strict,
    watch: { debounceMs: numeric(flags.debounce) },
  });
  const source = namedSource(FLAG_NAMES, 'the flag');
  const { data, errors } = validate(raw, source);
  let targetKind: TargetKind | undefined;
  if (flags.target !== undefined) {
    const kind = z.enum(TARGET_KINDS).safeParse(flags.target);
    if (kind.success) targetKind = kind.data;
    else {
      const issues = kind.error.issues.map((issue) => ({ ...issue, path: ['target', 'kind'] }));
      const wrapped = { target: { kind: flags.target } };
      errors.push(...issuesToDiagnostics(userConfigSchema, wrapped, issues, source));
    }
  }
  let trutoAccount: string | undefined;
  if (flags.trutoAccount !== undefined) {
    const checked = validate({ target: { kind: 'truto', integratedAccountId: flags.trutoAccount } }, source);
    errors.push(...checked.errors);
    if (checked.errors.length === 0) trutoAccount = flags.trutoAccount.trim();
  }
  return { values: data as UserConfig, errors, targetKind, trutoAccount };
}
