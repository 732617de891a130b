/** The Truto façade of the emulator: Truto's proxy and custom APIs over the emulator's store (docs/truto.md). */
export { handleTruto, TrutoFacade } from './facade.js';
export {
  DEFAULT_TRUTO_ACCOUNT,
  DEFAULT_TRUTO_TOKEN,
  type ResolvedTrutoOptions,
  resolveTrutoOptions,
  TRUTO_ACCOUNT_LIMIT,
  TRUTO_WINDOW_MS,
  type TrutoFacadeOptions,
} from './options.js';
export { isTrutoPath } from './paths.js';
