import { loadConfigFile, resolveConfig } from '../config/index.js';
import type { ResolvedConfig } from '../config/types.js';
import { configFlags, stringValue } from './args.js';
import { InputError } from './failures.js';
import type { CliIO } from './io.js';

type Values = Parameters<typeof configFlags>[0];

/** Loads and resolves the config from file, env and flags; invalid input becomes an InputError (exit 2). */
export async function loadCliConfig(
  values: Values,
  io: CliIO,
  overrides: { forceEmulator?: boolean } = {},
): Promise<ResolvedConfig> {
  let loaded: Awaited<ReturnType<typeof loadConfigFile>>;
  try {
    loaded = await loadConfigFile(stringValue(values, 'config'), io.cwd);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const flags = configFlags(values);
  if (overrides.forceEmulator) flags.target = 'emulator';
  const resolved = resolveConfig({
    file: loaded.config,
    flags,
    env: io.env,
    cwd: io.cwd,
    ...(loaded.path ? { configPath: loaded.path } : {}),
  });
  if ('errors' in resolved) throw new InputError('The configuration is invalid.', resolved.errors);
  const onDrift = stringValue(values, 'on-drift');
  if (onDrift !== undefined) {
    if (onDrift !== 'fail' && onDrift !== 'skip' && onDrift !== 'overwrite') {
      throw new InputError(`--on-drift must be one of fail, skip, overwrite (got "${onDrift}").`);
    }
    return { ...resolved.config, onDrift };
  }
  return resolved.config;
}
