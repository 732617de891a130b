/**
 * pylon-kb as a library: the steps the CLI runs, each usable on its own. This list is the public API,
 * pinned by test/architecture/public-api.test.ts: add to it on purpose, never with `export *`.
 *
 * - config: defineConfig, loadConfigFile, resolveConfig, redactConfig
 * - the run layer (what every command does, as data): loadContent, openTarget, readRemote, makePlan,
 *   planFromConfig, executePlan, resultsReport
 * - the pure core: renderMarkdown, createPlan, renderPlan, formatDiagnostic, readMarker; applyPlan
 * - the client: createPylonClient, createTrutoTransport and its errors
 * - the contract: ENDPOINT_TABLE, rateLimitsFor, Pylon's record shapes
 * - watch mode: startWatch, formatWatchEvent
 *
 * The emulator has its own entry point, `pylon-kb/emulator` (src/emulator/index.ts).
 */

export type { ApplyResult } from './apply/index.js';
export { applyPlan } from './apply/index.js';
export { defineConfig, loadConfigFile, redactConfig, resolveConfig } from './config/index.js';
export type { ResolvedConfig, UserConfig } from './config/types.js';
export type { DesiredState } from './content/types.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export { formatDiagnostic } from './diagnostics/diagnostic.js';
export { readMarker } from './identity/index.js';
export { renderMarkdown } from './markdown/index.js';
export type { Operation, Plan, PlanOptions } from './plan/index.js';
export { createPlan } from './plan/index.js';
export type { ClientEvent, PylonApi, PylonClient, PylonClientOptions } from './pylon/index.js';
export {
  createPylonClient,
  createTrutoTransport,
  OutcomeUnknownError,
  PylonApiError,
  PylonNetworkError,
} from './pylon/index.js';
export type { Article, Collection, EndpointName, KnowledgeBase, RateLimitPreset } from './pylon-api/index.js';
export { ENDPOINT_TABLE, rateLimitsFor } from './pylon-api/index.js';
export type { CurrentState } from './remote/types.js';
export { type PlanFormat, renderPlan } from './report/index.js';
export {
  executePlan,
  loadContent,
  makePlan,
  openTarget,
  planFromConfig,
  readRemote,
  resultsReport,
} from './run/index.js';
export type { WatchEvent, WatchOptions, WatchSession } from './watch/index.js';
export { formatWatchEvent, startWatch } from './watch/index.js';
