import { type ApplyOptions, applyPlan } from '../apply/apply.js';
import type { ApplyEvent } from '../apply/context.js';
import type { ApplyResult } from '../apply/types.js';
import type { ResolvedConfig, SiteSetting } from '../config/types.js';
import { savedPlanRefusals } from '../plan/saved-plan.js';
import { planShapeRefusals } from '../plan/saved-plan-checks.js';
import { staleReasons } from '../plan/staleness.js';
import type { Plan } from '../plan/types.js';
import type { PylonApi } from '../pylon/api.js';
import { loadCurrentState } from '../remote/snapshot.js';
import { assetReader } from './assets.js';
import { siteStaticDirs } from './content.js';
import type { UploadJournal } from './upload-journal.js';

export interface ExecuteOptions {
  /** The docs tree the plan's uploads are read from (config `contentDir`). */
  contentDir: string;
  /** The `site` setting: uploads may also come from the site's static folders (Docusaurus `static/`). */
  site?: SiteSetting | undefined;
  /** One `start` and one `done` per operation, for progress. */
  onEvent?: ((event: ApplyEvent) => void) | undefined;
  /** Where each upload is recorded as soon as it is done (`uploadJournal(config)`); none: not recorded. */
  uploadJournal?: UploadJournal | null | undefined;
}

/**
 * Applies a plan to the target: every write, in dependency order, with the files it uploads read from
 * the docs tree (and checked against the digests the plan was made with). Keeps going past a failure and
 * returns one result per operation; `failedResults` picks the failures.
 */
export async function executePlan(
  plan: Plan,
  client: PylonApi,
  options: ExecuteOptions,
): Promise<ApplyResult[]> {
  // Only a plan that uploads from outside the content directory needs the site's static folders.
  const fromOutside = plan.operations.some((op) => op.kind === 'upload-asset' && op.key.startsWith('../'));
  const staticDirs = fromOutside
    ? await siteStaticDirs({ contentDir: options.contentDir, site: options.site ?? 'auto' })
    : [];
  const apply: ApplyOptions = { readAsset: assetReader(options.contentDir, staticDirs) };
  if (options.onEvent) apply.onEvent = options.onEvent;
  const journal = options.uploadJournal;
  if (journal) apply.onUploaded = (sha, url) => journal.record(sha, url);
  return applyPlan(plan, client, apply);
}

/**
 * Why a saved plan may not be applied to the configured knowledge base: it is for another KB, it would
 * change articles that are not pylon-kb's for those documents, it holds bodies or operations pylon-kb never
 * writes (see plan/saved-plan.ts and plan/saved-plan-checks.ts), or the articles and collections it touches, re-read now, differ from
 * when it was made. Empty when it is still good.
 */
export async function savedPlanChanges(
  plan: Plan,
  client: PylonApi,
  config: Pick<ResolvedConfig, 'knowledgeBase' | 'adopt'> & { ownedCollections?: readonly string[] },
): Promise<string[]> {
  const current = await loadCurrentState(client, config.knowledgeBase ?? undefined);
  const refusals = savedPlanRefusals(plan, { current, adopt: config.adopt === true });
  if (refusals.length > 0) return refusals;
  const stale = staleReasons(plan, current).map((reason) => `out of date: ${reason}`);
  if (stale.length > 0) return stale;
  return planShapeRefusals(plan, { current, ownedCollections: config.ownedCollections ?? [] });
}
