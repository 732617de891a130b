import type { ResolvedConfig } from '../config/types.js';
import type { DesiredState } from '../content/types.js';
import type { PlanMemo } from '../plan/article-memo.js';
import { formerKeysToRebuildWith } from '../plan/former-keys.js';
import type { PlanOptions } from '../plan/options.js';
import { createPlan } from '../plan/plan.js';
import type { Plan } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import type { CurrentState } from '../remote/types.js';
import { unknownAuthorPolicy } from './authors.js';
import { buildContent, type LoadedContent, readContentTree } from './content.js';
import { planOrigin } from './plan-origin.js';
import { readRemote } from './remote.js';
import { configRedactor, openRenderCache } from './render-cache.js';
import { uploadJournal, withJournaledUploads } from './upload-journal.js';

/** What a front may set for one run on top of the config. */
export interface RunOptions {
  /** Retire more than `maxRetireRatio` of the managed articles (`--force`). */
  force?: boolean | undefined;
  /** Overrides config `publish` (watch mode writes drafts). */
  publish?: boolean | undefined;
  /** Keep renderings in `.pylon-kb/render-cache.json` between runs. Default false. */
  renderCache?: boolean | undefined;
  /** The per-document results of earlier plans of the same session (watch): `createPlanMemo()`. */
  planMemo?: PlanMemo | undefined;
}

export function planOptionsFrom(config: ResolvedConfig, run: RunOptions = {}): PlanOptions {
  return {
    publish: run.publish ?? config.publish,
    ...(config.defaultAuthor !== null ? { defaultAuthor: config.defaultAuthor } : {}),
    teamLeads: config.teams,
    authors: config.authors,
    ...(config.unknownAuthors !== null && { unknownAuthors: config.unknownAuthors }),
    visibility: config.visibility.visibility,
    unlisted: config.visibility.unlisted,
    onDrift: config.onDrift,
    orphans: config.orphans,
    maxRetireRatio: config.maxRetireRatio,
    force: run.force ?? false,
    strict: config.strict,
    adopt: config.adopt,
    ownedCollections: config.ownedCollections,
    collectionUpdates: config.collectionUpdates,
  };
}

/** The plan for a desired and a current state under the config (pure). */
export function makePlan(
  desired: DesiredState,
  current: CurrentState,
  config: ResolvedConfig,
  run: RunOptions = {},
): Plan {
  const options = planOptionsFrom(config, run);
  options.unknownAuthors = unknownAuthorPolicy(config, desired);
  return createPlan(desired, current, options, run.planMemo);
}

export interface PlanRun {
  plan: Plan;
  content: LoadedContent;
  current: CurrentState;
}

/**
 * The dry run every front starts with: reads the docs tree (through the render cache when asked), then the
 * knowledge base with the translation languages the tree uses, and diffs them. Writes nothing remote.
 */
export async function planFromConfig(
  config: ResolvedConfig,
  client: PylonApi,
  run: RunOptions = {},
): Promise<PlanRun> {
  // The docs tree first: it names the languages whose translations must be read from the remote.
  const renderCache = await openRenderCache(config.rootDir, {
    persist: run.renderCache === true,
    redact: configRedactor(config),
  });
  const { files, tree } = await readContentTree(config);
  let content: LoadedContent = { files, ...(await buildContent(config, tree, { renderCache })) };
  const remote = await readRemote(client, config, content.desired);
  // Files an interrupted run uploaded but no article records yet are not uploaded again.
  const current = await withJournaledUploads(remote, uploadJournal(config));
  let plan = makePlan(content.desired, current, config, run);
  // A link to where a document was before pylon-kb moved it: resolved once the moves are known (the
  // renderings come from the cache, only the links are resolved again).
  const formerKeys = formerKeysToRebuildWith(plan, current, new Map());
  if (formerKeys) {
    content = { files, ...(await buildContent(config, tree, { renderCache, formerKeys })) };
    plan = makePlan(content.desired, current, config, run);
  }
  renderCache.sweep();
  await renderCache.save();
  return { plan: { ...plan, origin: planOrigin(config) }, content, current };
}
