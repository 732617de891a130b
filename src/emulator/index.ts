/** The Pylon API emulator: a real HTTP server that behaves like Pylon's API (see docs/emulator.md). */
export { normalizeHtml } from './html-normalizer.js';
export { DEFAULT_BEHAVIOUR } from './options.js';
export { DEFAULT_SEED } from './seed.js';
export { EDITOR_KB_SEED } from './seeds/editor-kb.js';
export { startEmulator } from './server.js';
export {
  DEFAULT_TRUTO_ACCOUNT,
  DEFAULT_TRUTO_TOKEN,
  type TrutoFacadeOptions,
} from './truto/index.js';
export type {
  DuplicatePolicy,
  EmulatorBehaviour,
  EmulatorKbInfo,
  EmulatorOptions,
  EmulatorSeed,
  EmulatorState,
  FaultRule,
  RateLimitOption,
  RequestLogEntry,
  RunningEmulator,
  SeedArticle,
  SeedCollection,
  SeedKnowledgeBase,
  SeedTeam,
  SeedUser,
} from './types.js';
