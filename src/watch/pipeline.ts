import type { ResolvedConfig } from '../config/types.js';
import type { ContentTreeInput, RenderCache } from '../content/desired.js';
import { buildContentTree } from '../content/tree.js';
import type { DesiredState, SourceFile } from '../content/types.js';
import { desiredStateWithAssets } from '../pipeline/desired.js';

/**
 * How watch turns the files it holds into a desired state: the same steps as `loadDesiredState`
 * (pipeline/desired.ts: parse, render, read the local files documents use, resolve links and files), with
 * watch's render cache. The one place to follow when those steps change.
 */
export interface ContentPipeline {
  /** Parses the files into documents, translations and collections (pure; cheap, run over the whole tree). */
  tree(files: readonly SourceFile[]): ContentTreeInput;
  /** Renders (through the cache), reads the referenced local files, and resolves links and files. */
  desired(tree: ContentTreeInput, renderCache: RenderCache): Promise<DesiredState>;
}

export function contentPipeline(
  config: Pick<ResolvedConfig, 'contentDir' | 'dropLeadingH1' | 'strictLinks'> &
    Partial<Pick<ResolvedConfig, 'maxAssetBytes' | 'translations'>>,
): ContentPipeline {
  return {
    tree: (files) => buildContentTree(files, { translations: config.translations }),
    desired: async (tree, renderCache) =>
      (await desiredStateWithAssets(config, tree, { renderCache })).desired,
  };
}
