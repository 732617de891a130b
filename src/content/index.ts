/** The pure content core. The file-system edge is `./read-files.js`, imported separately on purpose. */
export { type BuildDesiredStateOptions, buildDesiredState } from './desired.js';
export {
  DOCUMENT_KEYS,
  type ParseDocumentOptions,
  type ParsedDocument,
  parseDocument,
  VISIBILITIES,
} from './document.js';
export { type FolderMetadata, METADATA_FILE_NAMES, readFolderMetadata } from './folder-metadata.js';
export { globMatcher, globToRegExp } from './glob.js';
export { isValidSlug, SLUG_PATTERN, slugify, splitNumberPrefix, titleFromName } from './slug.js';
export { type BuildContentTreeOptions, buildContentTree } from './tree.js';
export type * from './types.js';
