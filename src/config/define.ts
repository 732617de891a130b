import type { UserConfig } from './types.js';

/** Identity helper for `pylon-kb.config.ts`: gives the config object its type (and editor help). */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
