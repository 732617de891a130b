import type { SiteContext } from '../sites/types.js';
import { type BuildMemo, type DocumentParser, memoized } from './build-memo.js';
import type { ParseDocumentOptions } from './document.js';
import { readFrontmatter } from './frontmatter.js';
import { isMarkdownPath } from './markdown-path.js';
import { keepParsed, type ParsedDocs } from './parsed-docs.js';
import { isSiteIndexName } from './site-tree.js';
import { parentFolder } from './slug.js';
import type { SourceFile } from './types.js';

function fieldValues(fields: ReadonlyMap<string, { value: unknown }>): Record<string, unknown> {
  return Object.fromEntries([...fields].map(([name, field]) => [name, field.value]));
}

/** Whether the file is one of the site's index pages by its name (`_index.md`, `README.md` …). */
export function isSiteIndexFile(path: string, site: SiteContext): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isSiteIndexName(name, site) && isMarkdownPath(name);
}

/** Records `file` as its folder's index page unless a higher-ranked index file already is. */
export function chooseSiteIndex(indexes: Map<string, SourceFile>, file: SourceFile, site: SiteContext): void {
  const folder = parentFolder(file.path) ?? '';
  const chosen = indexes.get(folder);
  if (!chosen || rankOf(file.path, site) < rankOf(chosen.path, site)) indexes.set(folder, file);
}

function rankOf(path: string, site: SiteContext): number {
  return site.definition.indexFiles.indexOf(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
}

export interface SiteIndexParts extends ParsedDocs {
  files: readonly SourceFile[];
  metadataFiles: Map<string, SourceFile[]>;
  options: ParseDocumentOptions;
  /** Index pages that are articles too (their metadata is read quietly). */
  indexDocuments: Set<string>;
  /** `parseDocument`, or the same through the build memo. */
  parse: DocumentParser;
  memo?: BuildMemo | undefined;
}

/**
 * A site's index pages: the frontmatter describes the folder; a page with a body is also an article, the
 * collection's landing page (the root one is an article at the top of the knowledge base). Another index
 * file in the same folder is read as an ordinary document.
 */
export function readSiteIndexes(
  site: SiteContext,
  indexes: ReadonlyMap<string, SourceFile>,
  parts: SiteIndexParts,
): void {
  for (const [folder, file] of indexes) {
    const read = () => readFrontmatter(file, { lenient: true });
    const { frontmatter } = memoized(parts.memo, `index\0${file.path}`, [file.text], read);
    const hasBody =
      !frontmatter ||
      frontmatter.body.trim() !== '' ||
      site.definition.frontmatterMarkdown?.(fieldValues(frontmatter.fields)) !== undefined;
    if (folder !== '') parts.metadataFiles.set(folder, [file, ...(parts.metadataFiles.get(folder) ?? [])]);
    if (!hasBody) continue;
    parts.indexDocuments.add(file.path);
    const folderTitle = folder === '' ? 'Home' : undefined;
    const parsed = parts.parse(file, {
      ...parts.options,
      site,
      isIndex: true,
      ...(folderTitle && { folderTitle }),
    });
    keepParsed(file.path, parsed, parts);
  }
  for (const file of parts.files) {
    const folder = parentFolder(file.path) ?? '';
    if (!isSiteIndexFile(file.path, site) || indexes.get(folder) === file) continue;
    keepParsed(file.path, parts.parse(file, parts.options), parts);
  }
}
