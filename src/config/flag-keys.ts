import type { ConfigFlags } from './types.js';

/** The config key each command-line flag sets (the CLI's flag table names the flags by these fields). */
export const CONFIG_FLAG_KEYS: Record<keyof ConfigFlags, string> = {
  contentDir: 'contentDir',
  kb: 'knowledgeBase',
  author: 'defaultAuthor',
  publish: 'publish',
  rateLimits: 'rateLimits.preset',
  timeScale: 'rateLimits.timeScale',
  concurrency: 'concurrency',
  target: 'target.kind',
  trutoAccount: 'target.integratedAccountId',
  onDrift: 'onDrift',
  site: 'site',
  brokenAnchors: 'brokenAnchors',
  brokenLinks: 'brokenLinks',
  strict: 'strict',
  debounce: 'watch.debounceMs',
};
