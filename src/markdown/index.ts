export { CALLOUT_KINDS, type CalloutKind } from './callouts.js';
export { stripCustomId } from './custom-ids.js';
export { isLocalUrl, type LocalReference } from './references.js';
export {
  firstHeading,
  type Heading,
  type RenderOptions,
  type RenderResult,
  renderDocument,
  renderMarkdown,
} from './render.js';
export { isAllowedUrl, PYLON_SCHEMA } from './schema.js';
export { type Replacement, replaceSentinels } from './sentinels.js';
