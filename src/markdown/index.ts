export { CALLOUT_KINDS, type CalloutKind } from './callouts.js';
export {
  firstHeading,
  type Heading,
  type RenderOptions,
  type RenderResult,
  renderMarkdown,
} from './render.js';
export { isAllowedUrl, PYLON_SCHEMA } from './schema.js';
