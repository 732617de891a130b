import type { BuildMemo } from '../content/build-memo.js';
import type { ContentTreeInput, RenderCache } from '../content/desired.js';
import type { DesiredState, SourceFile } from '../content/types.js';
import { buildContent, type ContentConfig, contentTreeOf } from '../run/content.js';
import type { SiteContext } from '../sites/types.js';

/**
 * How watch turns the files it holds into a desired state: the run layer's content steps (parse under the
 * site's conventions, render, read the local files documents use, resolve links and files) over the files
 * in memory, with the session's render cache and build memo.
 */
export interface ContentPipeline {
  /** Parses the files into documents, translations and collections (pure). */
  tree(files: readonly SourceFile[], excluded: readonly string[]): ContentTreeInput;
  /** Renders (through the cache), reads the referenced local files, and resolves links and files. */
  desired(tree: ContentTreeInput, renderCache: RenderCache): Promise<DesiredState>;
}

export function contentPipeline(
  config: Pick<ContentConfig, 'contentDir' | 'dropLeadingH1' | 'strictLinks'> &
    Partial<Pick<ContentConfig, 'maxAssetBytes' | 'translations' | 'brokenAnchors' | 'brokenLinks'>>,
  site?: SiteContext,
  memo?: BuildMemo,
  /** Keys documents had before pylon-kb moved them, so links to an old path resolve as plan resolves them. */
  formerKeys?: ReadonlyMap<string, readonly string[]>,
): ContentPipeline {
  return {
    tree: (files, excluded) => contentTreeOf(config, files, { site, excluded, memo }),
    desired: async (tree, renderCache) =>
      (await buildContent(config, tree, { renderCache, memo, formerKeys })).desired,
  };
}
