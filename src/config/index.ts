export { DEFAULT_EMULATOR_SEED, DEFAULT_PYLON_API_URL, DEFAULTS } from './defaults.js';
export { defineConfig } from './define.js';
export { CONFIG_FILE_NAMES, type LoadedConfigFile, loadConfigFile } from './load.js';
export { redactConfig } from './redact.js';
export { type ResolveConfigInput, type ResolveConfigResult, resolveConfig } from './resolve.js';
export {
  DRIFT_POLICIES,
  ORPHAN_POLICIES,
  TARGET_KINDS,
  userConfigSchema,
} from './schema.js';
export type * from './types.js';
