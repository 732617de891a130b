import type { ContentTreeInput, RenderCache } from '../content/desired.js';
import type { DesiredState, SourceFile } from '../content/types.js';
import { buildContent, type ContentConfig, contentTreeOf } from '../run/content.js';

/**
 * How watch turns the files it holds into a desired state: the run layer's content steps (parse, render,
 * read the local files documents use, resolve links and files) over the files in memory, with the session's
 * render cache.
 */
export interface ContentPipeline {
  /** Parses the files into documents, translations and collections (pure; cheap, run over the whole tree). */
  tree(files: readonly SourceFile[]): ContentTreeInput;
  /** Renders (through the cache), reads the referenced local files, and resolves links and files. */
  desired(tree: ContentTreeInput, renderCache: RenderCache): Promise<DesiredState>;
}

export function contentPipeline(
  config: Pick<ContentConfig, 'contentDir' | 'dropLeadingH1' | 'strictLinks'> &
    Partial<Pick<ContentConfig, 'maxAssetBytes' | 'translations'>>,
): ContentPipeline {
  return {
    tree: (files) => contentTreeOf(config, files),
    desired: async (tree, renderCache) => (await buildContent(config, tree, { renderCache })).desired,
  };
}
