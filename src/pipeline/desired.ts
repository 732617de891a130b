import type { ResolvedConfig } from '../config/types.js';
import { DEFAULT_MAX_ASSET_BYTES } from '../content/assets.js';
import {
  type ContentTreeInput,
  type RenderCache,
  renderContentTree,
  resolveDesiredState,
} from '../content/desired.js';
import { assetPathsToRead, localReferences } from '../content/local-references.js';
import { type ReadAssetResult, readAssets } from '../content/read-assets.js';
import { readContentFiles } from '../content/read-files.js';
import type { TranslationOptions } from '../content/translations.js';
import { buildContentTree } from '../content/tree.js';
import type { DesiredState, SourceFile } from '../content/types.js';

export interface LoadedContent {
  files: SourceFile[];
  desired: DesiredState;
  /** The files to upload: absolute path (inside the content directory) by sha256 of their bytes. */
  assetFiles: Map<string, string>;
}

export interface ContentLoadOptions {
  /** Largest local file documents may embed or link. Default 20 MiB. */
  maxAssetBytes?: number | undefined;
  /** Where translations live. Default: `name.<lang>.md` beside `name.md`. */
  translations?: TranslationOptions | undefined;
  renderCache?: RenderCache | undefined;
}

/** Reads the docs tree and the files it refers to (the only file I/O); the pure core does the rest. */
export async function loadDesiredState(
  config: ResolvedConfig,
  options: ContentLoadOptions = {},
): Promise<LoadedContent> {
  const files = await readContentFiles(config.contentDir, {
    include: config.include,
    exclude: config.exclude,
  });
  const tree = buildContentTree(files, { translations: options.translations ?? config.translations });
  return { files, ...(await desiredStateWithAssets(config, tree, options)) };
}

/**
 * Renders a content tree, reads the local files its documents refer to, and resolves links and files:
 * the desired state and the files apply must upload. Watch mode can call this with its own tree and cache.
 */
export async function desiredStateWithAssets(
  config: Pick<ResolvedConfig, 'contentDir' | 'dropLeadingH1' | 'strictLinks'> &
    Partial<Pick<ResolvedConfig, 'maxAssetBytes'>>,
  tree: ContentTreeInput,
  options: ContentLoadOptions = {},
): Promise<{ desired: DesiredState; assetFiles: Map<string, string> }> {
  const build = {
    dropLeadingH1: config.dropLeadingH1,
    strictLinks: config.strictLinks,
    renderCache: options.renderCache,
  };
  const rendered = renderContentTree(tree, build);
  const assets = await readAssets(config.contentDir, assetPathsToRead(localReferences(rendered)), {
    maxAssetBytes: options.maxAssetBytes ?? config.maxAssetBytes ?? DEFAULT_MAX_ASSET_BYTES,
  });
  const desired = resolveDesiredState(rendered, { ...build, assets });
  return { desired, assetFiles: filesToUpload(desired, assets) };
}

/** Absolute paths of the files the desired state uses, by digest (one path per distinct content). */
function filesToUpload(
  desired: DesiredState,
  assets: ReadonlyMap<string, ReadAssetResult>,
): Map<string, string> {
  const files = new Map<string, string>();
  const used = desired.articles.flatMap((a) => [
    ...(a.assets ?? []),
    ...(a.translations ?? []).flatMap((t) => t.assets),
  ]);
  for (const ref of used) {
    const read = assets.get(ref.path);
    if (read && 'absolutePath' in read && !files.has(read.sha256)) files.set(read.sha256, read.absolutePath);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}
