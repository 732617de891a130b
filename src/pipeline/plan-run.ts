import type { ResolvedConfig } from '../config/types.js';
import type { PlanOptions } from '../plan/options.js';
import { createPlan } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import { loadCurrentState } from '../remote/snapshot.js';
import type { CurrentState } from '../remote/types.js';
import { VERSION } from '../version.js';
import { type LoadedContent, loadDesiredState } from './desired.js';
import { openRenderCache } from './render-cache-file.js';

export interface RunOptions {
  /** Retire more than `maxRetireRatio` of the managed articles (`--force`). */
  force?: boolean;
  /** Overrides config `publish` (watch mode writes drafts). */
  publish?: boolean;
  /** Keep renderings in `.pylon-kb/render-cache.json` between runs. */
  renderCache?: boolean;
}

export function planOptionsFrom(config: ResolvedConfig, run: RunOptions = {}): PlanOptions {
  return {
    publish: run.publish ?? config.publish,
    ...(config.defaultAuthor !== null ? { defaultAuthor: config.defaultAuthor } : {}),
    teamLeads: config.teams,
    visibility: config.visibility.visibility,
    unlisted: config.visibility.unlisted,
    onDrift: config.onDrift,
    orphans: config.orphans,
    maxRetireRatio: config.maxRetireRatio,
    force: run.force ?? false,
    adopt: config.adopt,
    ownedCollections: config.ownedCollections,
  };
}

export interface PlanRun {
  plan: Plan;
  content: LoadedContent;
  current: CurrentState;
}

/** Reads the docs tree and the knowledge base, and diffs them. */
export async function runPlan(config: ResolvedConfig, api: PylonApi, run: RunOptions = {}): Promise<PlanRun> {
  // The docs tree first: it names the languages whose translations must be read from the remote.
  const cacheFile = run.renderCache ? await openRenderCache(config.rootDir, VERSION) : undefined;
  const content = await loadDesiredState(config, cacheFile ? { renderCache: cacheFile.cache } : {});
  await cacheFile?.save();
  const languages = [
    ...new Set(content.desired.articles.flatMap((a) => (a.translations ?? []).map((t) => t.language))),
  ];
  const current = await loadCurrentState(api, config.knowledgeBase ?? undefined, { languages });
  const plan = createPlan(content.desired, current, planOptionsFrom(config, run));
  return { plan, content, current };
}
