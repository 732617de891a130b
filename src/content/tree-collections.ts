import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteContext } from '../sites/types.js';
import { type BuildMemo, memoized } from './build-memo.js';
import { compareCodeUnits } from './code-unit-order.js';
import { DOCUMENT_KEYS } from './document.js';
import {
  type FolderMetadata,
  isMetadataFileName,
  METADATA_FILE_NAMES,
  readFolderMetadata,
} from './folder-metadata.js';
import { parentFolder, slugify, splitNumberPrefix, titleFromName } from './slug.js';
import type { LocalCollection, SourceFile } from './types.js';

/** Every folder that holds a document, directly or through subfolders, sorted by path. */
export function foldersOf(collectionKeys: readonly (string | null)[]): string[] {
  const folders = new Set<string>();
  for (const key of collectionKeys) {
    for (let folder = key; folder !== null; folder = parentFolder(folder)) folders.add(folder);
  }
  return [...folders].sort(compareCodeUnits);
}

/** Reads the folder's metadata files in precedence order; the first readable one wins. */
export function pickMetadata(
  folder: string,
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
  indexDocuments: ReadonlySet<string>,
  site: SiteContext | undefined,
  memo?: BuildMemo,
): FolderMetadata | null {
  // A site's index page (put first by readSiteIndexes) outranks the metadata files.
  const rank = (file: SourceFile, i: number) =>
    i === 0 && !isMetadataFileName(file.path.slice(folder.length + 1))
      ? -1
      : (METADATA_FILE_NAMES as readonly string[]).indexOf(file.path.slice(folder.length + 1).toLowerCase());
  const ordered = files
    .map((file, i) => ({ file, rank: rank(file, i) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ file }) => file);
  const [chosen, ...others] = ordered;
  if (!chosen) return null;
  for (const other of others) {
    diagnostics.push({
      severity: 'warning',
      code: 'collection/metadata',
      message: `${other.path} is ignored: ${chosen.path} already describes the folder "${folder}".`,
      file: other.path,
      line: 1,
      hint: 'Keep one metadata file per folder.',
    });
  }
  const alsoDocument = indexDocuments.has(chosen.path);
  const read = memoized(memo, `folder\0${chosen.path}`, [chosen.text, alsoDocument, site], () =>
    readFolderMetadata(chosen, {
      alsoDocument,
      siteKeys: site ? [...DOCUMENT_KEYS, ...site.definition.frontmatterKeys] : undefined,
      orderKeys: site?.definition.orderKeys,
    }),
  );
  diagnostics.push(...read.diagnostics);
  return read.metadata;
}

/** The collection of a folder, from its metadata, the site's navigation title or the folder name. */
export function toCollection(
  key: string,
  metadata: FolderMetadata | null,
  stripNumberPrefix: boolean,
  diagnostics: Diagnostic[],
  navTitle?: string,
): LocalCollection | null {
  const folderName = key.slice(key.lastIndexOf('/') + 1);
  const fromName = splitNumberPrefix(folderName, stripNumberPrefix);
  const slug = metadata?.slug ?? slugify(fromName.name);
  if (!slug) {
    diagnostics.push({
      severity: 'error',
      code: 'collection/slug',
      message: `Cannot make a slug from the folder name "${folderName}".`,
      file: metadata?.source.path ?? key,
      hint: `Add _category_.yml to the folder with a line such as: slug: my-section`,
    });
    return null;
  }
  const order = metadata?.order ?? fromName.order;
  return {
    key,
    parentKey: parentFolder(key),
    title: metadata?.title ?? navTitle ?? titleFromName(fromName.name),
    slug,
    ...(metadata?.description !== undefined && { description: metadata.description }),
    ...(order !== undefined && { order }),
    ...(metadata && { source: metadata.source }),
  };
}

export function rootMetadataIgnored(path: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'collection/root-metadata',
    message: `${path} is ignored: the content root is the knowledge base itself, not a collection.`,
    file: path,
    line: 1,
    hint: 'Rename the file to publish it as an article, or delete it.',
  };
}
