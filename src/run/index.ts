/**
 * The run layer: the steps every front (CLI commands, watch, MCP, preview, pull) shares, each returning
 * data and writing nothing to a terminal. A front composes them:
 *
 *   const target = await openTarget(config);
 *   const { plan } = await planFromConfig(config, target.client, { renderCache: true });
 *   const results = await executePlan(plan, target.client, { contentDir: config.contentDir, onEvent });
 *   await target.close();
 */
export { type ExecuteOptions, executePlan, savedPlanChanges } from './apply.js';
export { assetReader } from './assets.js';
export { checkRemoteAuthors, unknownAuthorPolicy } from './authors.js';
export {
  buildContent,
  type ContentConfig,
  type ContentLoadOptions,
  contentTreeOf,
  type LoadedContent,
  loadContent,
  readContentTree,
  translationLanguages,
} from './content.js';
export { InputError } from './errors.js';
export { makePlan, type PlanRun, planFromConfig, planOptionsFrom, type RunOptions } from './plan.js';
export { planOrigin, savedPlanLocalRefusals } from './plan-origin.js';
export { readRemote } from './remote.js';
export {
  memoryRenderCache,
  openRenderCache,
  RENDER_CACHE_PATH,
  type RenderCacheOptions,
  type RenderCacheStore,
} from './render-cache.js';
export {
  PLAN_FORMATS,
  type PlanFormat,
  planReport,
  RESULT_FORMATS,
  type ResultFormat,
  resultsReport,
} from './report.js';
export { inlineImages } from './report-images.js';
export { type OpenTarget, openTarget } from './target.js';
export { type UploadJournal, uploadJournal, withJournaledUploads } from './upload-journal.js';
