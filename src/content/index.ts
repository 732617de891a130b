/**
 * The pure content core. The four readers that touch the file system (`./read-files.js`,
 * `./read-assets.js`, `./read-includes.js`, `./read-site.js`) are not exported here: they are imported
 * separately, by the run layer, on purpose (the architecture test lists them as the only exemptions).
 */
export {
  type AssetLookup,
  type AssetProblem,
  type AssetReadResult,
  contentTypeOf,
  DEFAULT_MAX_ASSET_BYTES,
} from './assets.js';
export {
  type BuildDesiredStateOptions,
  buildDesiredState,
  type ContentTreeInput,
  type RenderedTree,
  renderContentTree,
  resolveDesiredState,
} from './desired.js';
export {
  DOCUMENT_KEYS,
  type ParseDocumentOptions,
  type ParsedDocument,
  parseDocument,
} from './document.js';
export { type FolderMetadata, METADATA_FILE_NAMES, readFolderMetadata } from './folder-metadata.js';
export { globMatcher, globToRegExp } from './glob.js';
export { assetPathsToRead, type LocalFileReference, localReferences } from './local-references.js';
export { isValidSlug, SLUG_PATTERN, slugify, splitNumberPrefix, titleFromName } from './slug.js';
export type { LocalTranslation, TranslatedContentTree, TranslationOptions } from './translations.js';
export { type BuildContentTreeOptions, buildContentTree } from './tree.js';
export type * from './types.js';
