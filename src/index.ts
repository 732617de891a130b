/** pylon-kb as a library: the same steps the CLI runs, each usable on its own. */
export * from './apply/index.js';
export { defineConfig, loadConfigFile, redactConfig, resolveConfig } from './config/index.js';
export type { ResolvedConfig, UserConfig } from './config/types.js';
export { buildContentTree, buildDesiredState, parseDocument } from './content/index.js';
export { readAssets } from './content/read-assets.js';
export { readContentFiles } from './content/read-files.js';
export type {
  ContentTree,
  DesiredArticle,
  DesiredState,
  LocalCollection,
  LocalDoc,
  SourceFile,
} from './content/types.js';
export * from './diagnostics/diagnostic.js';
export { DEFAULT_SEED, type EmulatorOptions, type RunningEmulator, startEmulator } from './emulator/index.js';
export * from './identity/index.js';
export { renderMarkdown } from './markdown/index.js';
export * from './plan/index.js';
export * from './pylon/index.js';
export * from './pylon-api/index.js';
export * from './remote/index.js';
export * from './report/index.js';
export {
  buildContent,
  executePlan,
  loadContent,
  makePlan,
  openRenderCache,
  openTarget,
  planFromConfig,
  readRemote,
} from './run/index.js';
export { formatWatchEvent, startWatch } from './watch/index.js';
