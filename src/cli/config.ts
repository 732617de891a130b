import { loadConfigFile, resolveConfig } from '../config/index.js';
import type { ConfigFlags, ResolvedConfig } from '../config/types.js';
import { type CommandInput, flagsOf } from './command-spec.js';
import { InputError } from './failures.js';
import { stringValue } from './parse.js';
import { addSecret } from './terminal.js';

/** The flags of the command line that feed the config, by the `config` field their declaration names. */
function configFlags(input: Pick<CommandInput, 'spec' | 'values'>): ConfigFlags {
  const flags: Record<string, string | boolean> = {};
  for (const spec of flagsOf(input.spec)) {
    const value = input.values[spec.name];
    if (spec.config && (typeof value === 'string' || typeof value === 'boolean')) flags[spec.config] = value;
  }
  return flags as ConfigFlags;
}

/** Loads and resolves the config from file, env and flags; invalid input becomes an InputError (exit 2). */
export async function loadCliConfig(
  input: Pick<CommandInput, 'spec' | 'values' | 'io'>,
  overrides: {
    /** Publish into an embedded emulator (preview, start); it enforces no rate limit, so nothing waits. */
    forceEmulator?: boolean;
  } = {},
): Promise<ResolvedConfig> {
  const { io } = input;
  let loaded: Awaited<ReturnType<typeof loadConfigFile>>;
  try {
    loaded = await loadConfigFile(stringValue(input.values, 'config'), io.cwd);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const flags = configFlags(input);
  if (overrides.forceEmulator) flags.target = 'emulator';
  const resolved = resolveConfig({
    file: loaded.config,
    flags,
    env: io.env,
    cwd: io.cwd,
    ...(loaded.path ? { configPath: loaded.path } : {}),
  });
  if ('errors' in resolved) throw new InputError('The configuration is invalid.', resolved.errors);
  const target = resolved.config.target;
  if ('token' in target) addSecret(io, target.token);
  if (overrides.forceEmulator && target.kind === 'emulator') {
    return { ...resolved.config, target: { ...target, rateLimits: 'off' } };
  }
  return resolved.config;
}
