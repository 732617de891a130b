import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { isGenerator, type SiteContext } from '../sites/index.js';
import { type BuildMemo, memoizedParser } from './build-memo.js';
import { compareCodeUnits } from './code-unit-order.js';
import { type ParseDocumentOptions, parseDocument } from './document.js';
import { isMetadataFileName } from './folder-metadata.js';
import { isMarkdownPath, isRootReadme, stripMarkdownExtension } from './markdown-path.js';
import { keepParsed, type ParsedDocs } from './parsed-docs.js';
import { chooseSiteIndex, isSiteIndexFile, readSiteIndexes } from './site-indexes.js';
import { applyNavigation, applySiteRedirects, hoistLoneIndexPages, navFolderTitle } from './site-tree.js';
import { parentFolder } from './slug.js';
import {
  attachTranslations,
  type TranslatedContentTree,
  type TranslationFile,
  type TranslationOptions,
  translationFileOf,
  translationFolderOf,
} from './translations.js';
import { foldersOf, pickMetadata, rootMetadataIgnored, toCollection } from './tree-collections.js';
import { duplicateDiagnostics } from './tree-duplicates.js';
import type { LocalCollection, SourceFile } from './types.js';
import { deriveUniqueSlugs } from './unique-slugs.js';

export interface BuildContentTreeOptions extends ParseDocumentOptions {
  /** Where translations live (default: `name.<lang>.md` beside `name.md`). */
  translations?: TranslationOptions | undefined;
  /** Markdown files `exclude` or the site left out: links to them are reported as links to excluded files. */
  excluded?: readonly string[] | undefined;
  /** Parses of unchanged files from the last build of the same tree (watch mode). */
  memo?: BuildMemo | undefined;
}

/**
 * The site's language folders (Starlight's configured `locales`) are its translations, in place of the
 * default `name.<lang>.md` layout; a layout set in the config wins.
 */
function siteTranslations(
  configured: TranslationOptions | undefined,
  site: SiteContext | undefined,
): TranslationOptions | undefined {
  const locales = site?.data.settings.locales;
  if (!locales || configured?.layout === 'folders') return configured;
  const defaultLocale = site?.data.settings.defaultLocale;
  const languages = locales.split(',').filter((locale) => locale !== defaultLocale);
  const sourceFolder = defaultLocale && defaultLocale !== 'root' ? defaultLocale : undefined;
  return { layout: 'folders', folder: '', languages, ...(sourceFolder && { sourceFolder }) };
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
  const parsed: ParsedDocs = { docs: [], invalid: [], notRendered: [], diagnostics: [] };
  const { diagnostics } = parsed;
  const metadataFiles = new Map<string, SourceFile[]>();
  const markdownPaths = new Set(files.filter((f) => isMarkdownPath(f.path)).map((f) => f.path));
  const markdownStems = new Set([...markdownPaths].map(stripMarkdownExtension));
  const translationFiles: TranslationFile[] = [];
  const site = isGenerator(options.site?.definition) ? options.site : undefined;
  const siteIndexes = new Map<string, SourceFile>();
  const parse = memoizedParser(options.memo, parseDocument);

  const translations = siteTranslations(options.translations, site);
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.path, b.path))) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    const folder = parentFolder(file.path);
    const inLanguageFolder = translations?.languages && isMarkdownPath(name);
    const translation = inLanguageFolder ? translationFileOf(file, markdownStems, translations) : null;
    if (translation) {
      translationFiles.push(translation);
    } else if (site && isSiteIndexFile(file.path, site)) {
      chooseSiteIndex(siteIndexes, file, site);
    } else if (isMetadataFileName(name)) {
      if (folder === null) diagnostics.push(rootMetadataIgnored(file.path));
      else metadataFiles.set(folder, [...(metadataFiles.get(folder) ?? []), file]);
    } else if (isMarkdownPath(name) && !(folder === null && isRootReadme(name))) {
      const translation = translationFileOf(file, markdownStems, translations);
      if (translation) translationFiles.push(translation);
      else keepParsed(file.path, parse(file, options), parsed);
    }
  }
  const indexDocuments = new Set<string>();
  if (site) {
    const parts = { ...parsed, files, metadataFiles, options, indexDocuments, parse, memo: options.memo };
    readSiteIndexes(site, siteIndexes, parts);
  }
  const docs = parsed.docs.map(({ doc }) => doc);
  const hoisted = site ? hoistLoneIndexPages(docs) : new Set<string>();

  const collections: LocalCollection[] = [];
  for (const key of foldersOf(docs.map((doc) => doc.collectionKey))) {
    if (hoisted.has(key) && !docs.some((doc) => doc.collectionKey?.startsWith(key))) continue;
    const folderFiles = metadataFiles.get(key) ?? [];
    const metadata = pickMetadata(key, folderFiles, diagnostics, indexDocuments, site, options.memo);
    const navTitle = site ? navFolderTitle(site, key) : undefined;
    const stripNumberPrefix = options.stripNumberPrefix !== false;
    const collection = toCollection(key, metadata, stripNumberPrefix, diagnostics, navTitle);
    if (collection) collections.push(collection);
  }

  if (site) {
    applyNavigation(docs, collections, site);
    diagnostics.push(...applySiteRedirects(docs, site));
    deriveUniqueSlugs(docs, collections);
  }
  diagnostics.push(...duplicateDiagnostics(parsed.docs, collections));
  const sorted = docs.sort((a, b) => compareCodeUnits(a.path, b.path));
  const translated = attachTranslations(translationFiles, sorted, markdownPaths);
  const folder = translationFolderOf(translations);
  const translationFolder = folder === '' ? undefined : folder;
  diagnostics.push(...translated.diagnostics);
  const excluded = [...(options.excluded ?? []), ...parsed.notRendered];
  return {
    collections,
    docs: sorted,
    translations: translated.translations,
    ...(translationFolder !== undefined && { translationFolder }),
    diagnostics: sortDiagnostics(diagnostics),
    ...(parsed.invalid.length > 0 && { invalid: parsed.invalid }),
    ...(excluded.length > 0 && { excluded }),
    ...(options.site && { site: options.site }),
  };
}
