import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DEFAULTS } from './defaults.js';
import { issuesToDiagnostics } from './issues.js';
import { envLayer, flagLayer } from './layers.js';
import { scrubSecrets } from './redact.js';
import { userConfigSchema } from './schema.js';
import { resolveTarget } from './target.js';
import type { ConfigFlags, ResolvedConfig, TargetConfig, UserConfig } from './types.js';

export interface ResolveConfigInput {
  /** The config file's default export, as loaded (validated here). */
  file?: UserConfig | undefined;
  flags: ConfigFlags;
  env: Record<string, string | undefined>;
  /** Absolute working directory. */
  cwd: string;
  /** Path of the config file, when there is one. */
  configPath?: string | undefined;
}

export type ResolveConfigResult = { config: ResolvedConfig } | { errors: Diagnostic[] };

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Later layers win key by key inside objects; lists and scalars are replaced whole. */
function merge(...layers: unknown[]): Plain {
  const out: Plain = {};
  for (const layer of layers) {
    if (!isPlain(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue;
      out[key] = isPlain(value) ? merge(out[key], value) : Array.isArray(value) ? [...value] : value;
    }
  }
  return out;
}

function validateFile(file: unknown, configPath: string | undefined) {
  if (file === undefined) return { data: {} as UserConfig, errors: [] as Diagnostic[] };
  const result = userConfigSchema.safeParse(file);
  if (result.success) return { data: result.data as UserConfig, errors: [] as Diagnostic[] };
  const name = configPath ?? 'the config file';
  const errors = issuesToDiagnostics(userConfigSchema, file, result.error.issues, {
    ...(configPath !== undefined ? { file: configPath } : {}),
    label: (path) => path,
    fix: (path) => `Set ${path} in ${name} to`,
  });
  return { data: {} as UserConfig, errors };
}

function tokensIn(input: ResolveConfigInput): string[] {
  const fileTarget: unknown = isPlain(input.file) ? input.file.target : undefined;
  const fileToken = isPlain(fileTarget) ? fileTarget.token : undefined;
  return [input.env.PYLON_API_TOKEN, input.env.TRUTO_API_TOKEN, fileToken].filter(
    (t): t is string => typeof t === 'string' && t.trim() !== '',
  );
}

/**
 * Merges defaults < config file < environment < flags into a `ResolvedConfig`, or returns every problem
 * found as `config/invalid` diagnostics. Pure: reads nothing but its input.
 */
export function resolveConfig(input: ResolveConfigInput): ResolveConfigResult {
  const configPath = input.configPath === undefined ? undefined : resolve(input.cwd, input.configPath);
  const file = validateFile(input.file, configPath);
  const env = envLayer(input.env);
  const flags = flagLayer(input.flags);
  const errors = [...file.errors, ...env.errors, ...flags.errors];
  if (errors.length > 0) return { errors: scrubSecrets(errors, tokensIn(input)) };

  const { target: fileTarget, ...fileValues } = file.data;
  const merged = merge(DEFAULTS, fileValues, env.values, flags.values) as Omit<
    ResolvedConfig,
    'configPath' | 'rootDir' | 'target'
  >;
  const rootDir = configPath === undefined ? input.cwd : resolve(configPath, '..');
  const contentDir =
    flags.values.contentDir !== undefined
      ? resolve(input.cwd, flags.values.contentDir)
      : resolve(rootDir, merged.contentDir);

  const target = resolveTarget({
    file: fileTarget as TargetConfig | undefined,
    flagKind: flags.targetKind,
    envApiUrl: env.apiUrl,
    envToken: env.token,
    envTruto: env.truto,
    flagTrutoAccount: flags.trutoAccount,
    rateLimits: merged.rateLimits,
    timeScaleFromFlag: flags.values.rateLimits?.timeScale !== undefined,
    rootDir,
    configPath,
  });
  if ('error' in target) return { errors: scrubSecrets([target.error], tokensIn(input)) };

  return {
    config: {
      ...merged,
      configPath: configPath ?? null,
      rootDir,
      contentDir: isAbsolute(contentDir) ? contentDir : resolve(contentDir),
      target: target.target,
    },
  };
}
