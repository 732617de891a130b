import { type Diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { SiteContext } from '../sites/types.js';
import { DOCUMENT_KEYS, type ParseDocumentOptions, type ParsedDocument, parseDocument } from './document.js';
import { type Claim, findDuplicates } from './duplicates.js';
import {
  type FolderMetadata,
  isMetadataFileName,
  METADATA_FILE_NAMES,
  readFolderMetadata,
} from './folder-metadata.js';
import { readFrontmatter } from './frontmatter.js';
import { isMarkdownPath, isRootReadme, stripMarkdownExtension } from './markdown-path.js';
import {
  applyNavigation,
  applySiteRedirects,
  hoistLoneIndexPages,
  isSiteIndexName,
  navFolderTitle,
} from './site-tree.js';
import { parentFolder, slugify, splitNumberPrefix, titleFromName } from './slug.js';
import {
  attachTranslations,
  type TranslatedContentTree,
  type TranslationFile,
  type TranslationOptions,
  translationFileOf,
  translationFolderOf,
} from './translations.js';
import type { InvalidDoc, LocalCollection, LocalDoc, SourceFile } from './types.js';
import { deriveUniqueSlugs } from './unique-slugs.js';

export interface BuildContentTreeOptions extends ParseDocumentOptions {
  /** Where translations live (default: `name.<lang>.md` beside `name.md`). */
  translations?: TranslationOptions | undefined;
  /** Markdown files `exclude` or the site left out: links to them are reported as links to excluded files. */
  excluded?: readonly string[] | undefined;
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
  const invalid: InvalidDoc[] = [];
  const site = options.site && options.site.conventions.name !== 'none' ? options.site : undefined;
  const siteIndexes = new Map<string, SourceFile>();

  for (const file of [...files].sort((a, b) => compare(a.path, b.path))) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const folder = parentFolder(file.path);
    if (site && isSiteIndexName(name, site) && isMarkdownPath(name)) {
      const chosen = siteIndexes.get(folder ?? '');
      if (!chosen || rankOf(name, site) < rankOf(chosen.path, site)) siteIndexes.set(folder ?? '', file);
      continue;
    }
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
      else invalid.push(invalidDoc(file.path, parsed));
    }
  }
  const indexDocuments = new Set<string>();
  if (site) {
    const parts = { files, metadataFiles, docs, invalid, diagnostics, options, indexDocuments };
    readSiteIndexes(site, siteIndexes, parts);
  }
  const hoisted = site ? hoistLoneIndexPages(docs.map(({ doc }) => doc)) : new Set<string>();

  const collections: LocalCollection[] = [];
  for (const key of foldersOf(docs.map(({ doc }) => doc.collectionKey))) {
    if (hoisted.has(key) && !docs.some(({ doc }) => doc.collectionKey?.startsWith(key))) continue;
    const metadata = pickMetadata(key, metadataFiles.get(key) ?? [], diagnostics, indexDocuments, site);
    const navTitle = site ? navFolderTitle(site, key) : undefined;
    const collection = toCollection(key, metadata, options, diagnostics, navTitle);
    if (collection) collections.push(collection);
  }

  if (site) {
    applyNavigation(
      docs.map(({ doc }) => doc),
      collections,
      site,
    );
    diagnostics.push(
      ...applySiteRedirects(
        docs.map(({ doc }) => doc),
        site,
      ),
    );
    deriveUniqueSlugs(
      docs.map(({ doc }) => doc),
      collections,
    );
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
    ...(invalid.length > 0 && { invalid }),
    ...(options.excluded && options.excluded.length > 0 && { excluded: [...options.excluded] }),
    ...(options.site && { site: options.site }),
  };
}

function invalidDoc(path: string, parsed: ParsedDocument): InvalidDoc {
  const line = parsed.diagnostics.find((d) => d.severity === 'error')?.line ?? 1;
  return { path, line, ...(parsed.body && { body: parsed.body }) };
}

function rankOf(path: string, site: SiteContext): number {
  return site.conventions.indexFiles.indexOf(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
}

interface TreeParts {
  files: readonly SourceFile[];
  metadataFiles: Map<string, SourceFile[]>;
  docs: ParsedDoc[];
  invalid: InvalidDoc[];
  diagnostics: Diagnostic[];
  options: BuildContentTreeOptions;
  /** Index pages that are articles too (their metadata is read quietly). */
  indexDocuments: Set<string>;
}

/**
 * A site's index pages: the frontmatter describes the folder; a page with a body is also an article, the
 * collection's landing page (the root one is an article at the top of the knowledge base). Another index
 * file in the same folder is read as an ordinary document.
 */
function readSiteIndexes(
  site: SiteContext,
  indexes: ReadonlyMap<string, SourceFile>,
  parts: TreeParts,
): void {
  for (const [folder, file] of indexes) {
    const { frontmatter } = readFrontmatter(file, { lenient: true });
    const hasBody = !frontmatter || frontmatter.body.trim() !== '';
    if (folder !== '') parts.metadataFiles.set(folder, [file, ...(parts.metadataFiles.get(folder) ?? [])]);
    if (!hasBody) continue;
    parts.indexDocuments.add(file.path);
    const folderTitle = folder === '' ? 'Home' : undefined;
    const parsed = parseDocument(file, {
      ...parts.options,
      site,
      isIndex: true,
      ...(folderTitle && { folderTitle }),
    });
    parts.diagnostics.push(...parsed.diagnostics);
    if (parsed.doc) parts.docs.push({ doc: parsed.doc, fieldLines: parsed.fieldLines });
    else parts.invalid.push(invalidDoc(file.path, parsed));
  }
  for (const file of parts.files) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const folder = parentFolder(file.path) ?? '';
    if (!isSiteIndexName(name, site) || !isMarkdownPath(name) || indexes.get(folder) === file) continue;
    const parsed = parseDocument(file, parts.options);
    parts.diagnostics.push(...parsed.diagnostics);
    if (parsed.doc) parts.docs.push({ doc: parsed.doc, fieldLines: parsed.fieldLines });
    else parts.invalid.push(invalidDoc(file.path, parsed));
  }
}

/** Every folder that holds a document, directly or through subfolders, sorted by path. */
function foldersOf(collectionKeys: readonly (string | null)[]): string[] {
  const folders = new Set<string>();
  for (const key of collectionKeys) {
    for (let folder = key; folder !== null; folder = parentFolder(folder)) folders.add(folder);
  }
  return [...folders].sort(compare);
}

/** Reads the folder's metadata files in precedence order; the first readable one wins. */
function pickMetadata(
  folder: string,
  files: readonly SourceFile[],
  diagnostics: Diagnostic[],
  indexDocuments: ReadonlySet<string>,
  site: SiteContext | undefined,
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
  const read = readFolderMetadata(chosen, {
    alsoDocument: indexDocuments.has(chosen.path),
    siteKeys: site ? [...DOCUMENT_KEYS, ...site.conventions.frontmatterKeys] : undefined,
  });
  diagnostics.push(...read.diagnostics);
  return read.metadata;
}

function toCollection(
  key: string,
  metadata: FolderMetadata | null,
  options: BuildContentTreeOptions,
  diagnostics: Diagnostic[],
  navTitle?: string,
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
    title: metadata?.title ?? navTitle ?? titleFromName(fromName.name),
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
  const redirects = findDuplicates(
    docs.flatMap((d) =>
      d.doc.redirectFrom.map((path) => claim(d, path.replace(/\/+$/, '') || '/', 'redirect_from')),
    ),
    {
      code: 'content/duplicate-redirect',
      noun: 'redirect_from path',
      field: 'redirect_from',
      reason: 'an old path can redirect to one article only',
      hint: 'Keep the path in the `redirect_from` of the document that replaced that page, and remove it from the other.',
    },
  );
  return [...keys, ...slugs, ...siblings, ...redirects];
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
