/** Watch mode: chokidar → debounced batches → the plan/apply pipeline for what changed (docs/watch.md). */
export { type DesiredBuild, DesiredCache } from './desired-cache.js';
export { type FoldedState, foldResults } from './fold.js';
export { formatClientEvent, formatWatchEvent, type WatchFormatOptions, type WatchLine } from './format.js';
export { holdBrokenFiles } from './plan-filter.js';
export { DEFAULT_REFRESH_INTERVAL_MS, startWatch } from './session.js';
export type * from './types.js';
