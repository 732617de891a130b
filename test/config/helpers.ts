import {
  type ConfigFlags,
  type ResolveConfigInput,
  type ResolvedConfig,
  resolveConfig,
  type UserConfig,
} from '../../src/config/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const CWD = '/work/site';
export const CONFIG_PATH = '/work/site/pylon-kb.config.ts';

interface Options {
  flags?: ConfigFlags;
  env?: Record<string, string | undefined>;
  configPath?: string | undefined;
  cwd?: string;
}

function input(file: unknown, options: Options): ResolveConfigInput {
  const configPath =
    'configPath' in options ? options.configPath : file === undefined ? undefined : CONFIG_PATH;
  return {
    file: file as UserConfig | undefined,
    flags: options.flags ?? {},
    env: options.env ?? {},
    cwd: options.cwd ?? CWD,
    ...(configPath !== undefined ? { configPath } : {}),
  };
}

/** Resolves and expects success. */
export function resolved(file: unknown, options: Options = {}): ResolvedConfig {
  const result = resolveConfig(input(file, options));
  if ('errors' in result)
    throw new Error(`expected a config, got errors:\n${JSON.stringify(result.errors, null, 2)}`);
  return result.config;
}

/** Resolves and expects errors. */
export function failed(file: unknown, options: Options = {}): Diagnostic[] {
  const result = resolveConfig(input(file, options));
  if ('config' in result) throw new Error('expected errors, got a config');
  return result.errors;
}

/** The emulator target, so tests that are not about the target need no token. */
export const EMULATOR = { kind: 'emulator' } as const;
