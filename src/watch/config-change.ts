import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

export interface ConfigChange {
  /** The content directory, the include/exclude globs or the site changed: watch anew, re-read every file. */
  rereadFiles: boolean;
  /** Keys that only take effect after a restart (the client and the knowledge base are fixed per session). */
  needsRestart: string[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What a reloaded config changes for a running session. Everything else applies from the next plan. */
export function compareConfigs(before: ResolvedConfig, after: ResolvedConfig): ConfigChange {
  const needsRestart: string[] = [];
  if (!same(before.target, after.target)) needsRestart.push('target');
  if (before.knowledgeBase !== after.knowledgeBase) needsRestart.push('knowledgeBase');
  if (!same(before.rateLimits, after.rateLimits)) needsRestart.push('rateLimits');
  if (before.concurrency !== after.concurrency) needsRestart.push('concurrency');
  return {
    rereadFiles:
      before.contentDir !== after.contentDir ||
      !same(before.include, after.include) ||
      !same(before.exclude, after.exclude) ||
      before.site !== after.site,
    needsRestart,
  };
}

/** The session keeps what it cannot change while running: target, knowledge base, rate limits, concurrency. */
export function keepSessionKeys(before: ResolvedConfig, after: ResolvedConfig): ResolvedConfig {
  return {
    ...after,
    target: before.target,
    knowledgeBase: before.knowledgeBase,
    rateLimits: before.rateLimits,
    concurrency: before.concurrency,
  };
}

/** The diagnostics an error carries (the CLI's config loader attaches them), if any. */
export function diagnosticsOf(error: unknown): Diagnostic[] {
  const list = (error as { diagnostics?: unknown } | null)?.diagnostics;
  return Array.isArray(list) ? (list as Diagnostic[]) : [];
}
