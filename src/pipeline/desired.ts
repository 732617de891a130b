import type { ResolvedConfig } from '../config/types.js';
import { buildContentTree, buildDesiredState } from '../content/index.js';
import { readContentFiles } from '../content/read-files.js';
import type { DesiredState, SourceFile } from '../content/types.js';

export interface LoadedContent {
  files: SourceFile[];
  desired: DesiredState;
}

/** Reads the docs tree (the only file I/O) and builds the desired state in the pure core. */
export async function loadDesiredState(config: ResolvedConfig): Promise<LoadedContent> {
  const files = await readContentFiles(config.contentDir, {
    include: config.include,
    exclude: config.exclude,
  });
  const tree = buildContentTree(files);
  const desired = buildDesiredState(tree, { dropLeadingH1: config.dropLeadingH1 });
  return { files, desired };
}
