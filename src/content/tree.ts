import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { type ParseDocumentOptions, parseDocument } from './document.js';
import { type Claim, findDuplicates } from './duplicates.js';
import {
  type FolderMetadata,
  isMetadataFileName,
  METADATA_FILE_NAMES,
  readFolderMetadata,
} from './folder-metadata.js';
import { isMarkdownPath, isRootReadme, stripMarkdownExtension } from './markdown-path.js';
import { parentFolder, slugify, splitNumberPrefix, titleFromName } from './slug.js';
import {
  attachTranslations,
  type TranslatedContentTree,
  type TranslationFile,
  type TranslationOptions,
  translationFileOf,
  translationFolderOf,
} from './translations.js';
import type { LocalCollection, LocalDoc, SourceFile } from './types.js';

export interface BuildContentTreeOptions extends ParseDocumentOptions {
  /** Where translations live (default: `name.<lang>.md` beside `name.md`). */
  translations?: TranslationOptions | undefined;
}

interface ParsedDoc {
  doc: LocalDoc;
  fieldLines: Record<string, number>;
}

/**
 * Builds collections (from folders) and documents (from Markdown files). Folder index files and
 * `_category_` files give folder metadata; a root README.md is skipped; translation files become
 * translations of their source document. Every problem is a diagnostic.
 */
export function buildContentTree(
  files: readonly SourceFile[],
  options: BuildContentTreeOptions = {},
): TranslatedContentTree {
  const diagnostics: Diagnostic[] = [];
  const docs: ParsedDoc[] = [];
  const metadataFiles = new Map<string, SourceFile[]>();
  const markdownPaths = new Set(files.filter((f) => isMarkdownPath(f.path)).map((f) => f.path));
  const markdownStems = new Set([...markdownPaths].map(stripMarkdownExtension));
  const translationFiles: TranslationFile[] = [];

  for (const file of [...files].sort((a, b) => compare(a.path, b.path))) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const folder = parentFolder(file.path);
    if (isMetadataFileName(name)) {
      if (folder === null) diagnostics.push(rootMetadataIgnored(file.path));
      else metadataFiles.set(folder, [...(metadataFiles.get(folder) ?? []), file]);
    } else if (isMarkdownPath(name) && !(folder === null && isRootReadme(name))) {
      const translation = translationFileOf(file, markdownStems, options.translations);
      if (translation) {
        translationFiles.push(translation);
        continue;
      }
      const parsed = parseDocument(file, options);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.doc) docs.push({ doc: parsed.doc, fieldLines: parsed.fieldLines });
    }
  }

  const collections: LocalCollection[] = [];
  for (const key of foldersOf(docs.map(({ doc }) => doc.path))) {
    const metadata = pickMetadata(key, metadataFiles.get(key) ?? [], diagnostics);
    const collection = toCollection(key, metadata, options, diagnostics);
    if (collection) collections.push(collection);
  }

  diagnostics.push(...duplicateDiagnostics(docs, collections));
  const sorted = docs.map(({ doc }) => doc).sort((a, b) => compare(a.path, b.path));
  const translated = attachTranslations(translationFiles, sorted, markdownPaths);
  const translationFolder = translationFolderOf(options.translations);
  diagnostics.push(...translated.diagnostics);
  return {
    collections,
    docs: sorted,
    translations: translated.translations,
    ...(translationFolder !== undefined && { translationFolder }),
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** Every folder that holds a document, directly or through subfolders, sorted by path. */
function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = parentFolder(path); folder !== null; folder = parentFolder(folder)) folders.add(folder);
  }
  return [...folders].sort(compare);
}

/** Reads the folder's metadata files in precedence order; the first readable one wins. */
function pickMetadata(
  folder: string,
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
): FolderMetadata | null {
  const rank = (file: SourceFile) =>
    (METADATA_FILE_NAMES as readonly string[]).indexOf(file.path.slice(folder.length + 1).toLowerCase());
  const ordered = [...files].sort((a, b) => rank(a) - rank(b));
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
  const read = readFolderMetadata(chosen);
  diagnostics.push(...read.diagnostics);
  return read.metadata;
}

function toCollection(
  key: string,
  metadata: FolderMetadata | null,
  options: BuildContentTreeOptions,
  diagnostics: Diagnostic[],
): LocalCollection | null {
  const folderName = key.slice(key.lastIndexOf('/') + 1);
  const fromName = splitNumberPrefix(folderName, options.stripNumberPrefix !== false);
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
    title: metadata?.title ?? titleFromName(fromName.name),
    slug,
    ...(metadata?.description !== undefined && { description: metadata.description }),
    ...(order !== undefined && { order }),
    ...(metadata && { source: metadata.source }),
  };
}

function duplicateDiagnostics(
  docs: readonly ParsedDoc[],
  collections: readonly LocalCollection[],
): Diagnostic[] {
  const claim = ({ doc, fieldLines }: ParsedDoc, value: string, field: string): Claim => ({
    value,
    file: doc.path,
    line: fieldLines[field] ?? 1,
  });
  const keys = findDuplicates(
    docs.map((d) => claim(d, d.doc.key, 'id')),
    {
      code: 'content/duplicate-key',
      noun: 'key',
      field: 'id',
      reason: 'each document needs its own key to be tracked in Pylon',
      hint: 'Give one of them a different `id:` in its frontmatter (or rename the file).',
    },
  );
  const slugs = findDuplicates(
    docs.map((d) => claim(d, d.doc.slug, 'slug')),
    {
      code: 'content/duplicate-slug',
      noun: 'slug',
      field: 'slug',
      reason: 'article URLs do not include collections, so slugs must be unique in the whole knowledge base',
      hint: 'Set a different `slug:` in the frontmatter of one of them.',
    },
  );
  const siblings = findDuplicates(
    collections.map((c) => ({
      value: `${c.parentKey ?? ''}/${c.slug}`,
      label: c.slug,
      file: c.source?.path ?? `${c.key}/`,
      ...(c.source?.line !== undefined && { line: c.source.line }),
    })),
    {
      code: 'collection/duplicate-slug',
      noun: 'folder slug',
      field: 'slug',
      reason: 'folders in the same parent need different slugs',
      hint: 'Rename one folder, or give it a `slug` in its _category_.yml or index.md.',
    },
  );
  return [...keys, ...slugs, ...siblings];
}

function rootMetadataIgnored(path: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'collection/root-metadata',
    message: `${path} is ignored: the content root is the knowledge base itself, not a collection.`,
    file: path,
    line: 1,
    hint: 'Rename the file to publish it as an article, or delete it.',
  };
}

/** Code-unit order: the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
