import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { firstHeading } from '../markdown/render.js';
import { pylonLanguageOf } from '../pylon-api/index.js';
import { compareCodeUnits } from './code-unit-order.js';
import { DOCUMENT_KEYS } from './document.js';
import { FieldReader } from './field-reader.js';
import { readFrontmatter } from './frontmatter.js';
import { isIndexPage, isRootReadme, markdownPathsOf, stripMarkdownExtension } from './markdown-path.js';
import { checkTitle, titleLine } from './title-rules.js';
import type { ContentTree, LocalDoc, SourceFile } from './types.js';

export interface TranslationOptions {
  /**
   * `suffix` (default): `name.<lang>.md` beside `name.md`. `folders`: `<folder>/<lang>/<same path>`, e.g.
   * `i18n/fr/guides/setup.md` for `guides/setup.md`.
   */
  layout?: 'suffix' | 'folders' | undefined;
  /** The folder of the `folders` layout, relative to the content directory. Default `i18n`. */
  folder?: string | undefined;
  /**
   * The language folders of the `folders` layout, when only these are translations (a site's configured
   * locales: Starlight's `fr/` beside its root-locale pages); needed when `folder` is `''`.
   */
  languages?: readonly string[] | undefined;
  /** The folder the source pages are in, when not the content root (Starlight's `en/` default locale). */
  sourceFolder?: string | undefined;
}

/** A translation file, parsed: it becomes a translation of its source article, not an article. */
export interface LocalTranslation {
  /** Pylon's code for the file's language (`pt-BR` in the tree → `pt-br`, `nb` → `no`). */
  language: string;
  path: string;
  /** Key and path of the document it translates. */
  sourceKey: string;
  sourcePath: string;
  title: string;
  markdown: string;
  bodyStartLine: number;
}

/** A content tree with the translations of its documents (buildContentTree returns this). */
export interface TranslatedContentTree extends ContentTree {
  translations: LocalTranslation[];
  /** The translations folder, when the `folders` layout is used (links inside it fall back to the source tree). */
  translationFolder?: string;
}

/** The translations folder of the `folders` layout, without slashes; undefined for the suffix layout. */
export function translationFolderOf(options: TranslationOptions = {}): string | undefined {
  return options.layout === 'folders' ? (options.folder ?? 'i18n').replace(/^\/+|\/+$/g, '') : undefined;
}

/** BCP-47-ish: a 2–3 letter language, then optional subtags (`fr`, `pt-BR`, `zh-Hant`, `es-419`). */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z\d]{2,8})*$/;
/** Fields of a translation's frontmatter; the article-level ones come from the source and are ignored. */
const TRANSLATION_KEYS = ['title', 'description'] as const;
/** Folder index files and the root README are never articles. */
const isNotAnArticle = (path: string) => isRootReadme(path) || isIndexPage(path);
const ARTICLE_KEYS = [
  ...DOCUMENT_KEYS.filter((key) => key !== 'title' && key !== 'description'),
  'collection',
];

/** A Markdown file that is a translation: its language and the stem (path without extension) of its source. */
export interface TranslationFile {
  file: SourceFile;
  language: string;
  sourceStem: string;
}

/**
 * Which Markdown files are translations. Suffix layout: `name.<lang>.md` only when `name.md` (or
 * `.markdown`) exists, so `v1.2.md` stays a document. Folders layout: every file under `<folder>/<lang>/`.
 */
export function translationFileOf(
  file: SourceFile,
  markdownStems: ReadonlySet<string>,
  options: TranslationOptions = {},
): TranslationFile | null {
  const stem = stripMarkdownExtension(file.path);
  const translationFolder = translationFolderOf(options);
  if (translationFolder !== undefined) {
    const folder = translationFolder === '' ? '' : `${translationFolder}/`;
    if (!file.path.startsWith(folder)) return null;
    const rest = stem.slice(folder.length);
    const slash = rest.indexOf('/');
    const language = slash < 0 ? '' : rest.slice(0, slash);
    if (options.languages && !options.languages.includes(language)) return null;
    const source = options.sourceFolder ? `${options.sourceFolder}/` : '';
    return { file, language, sourceStem: `${source}${rest.slice(slash + 1)}` };
  }
  const dot = stem.lastIndexOf('.');
  if (dot < 0 || stem.lastIndexOf('/') > dot) return null;
  const language = stem.slice(dot + 1);
  const sourceStem = stem.slice(0, dot);
  if (!LANGUAGE.test(language) || !markdownStems.has(sourceStem)) return null;
  return { file, language, sourceStem };
}

/**
 * Parses translation files and attaches each to its source document. A translation whose source does not
 * exist is an error (`translation/orphan`); article-level fields in it are ignored with a warning.
 * `sourcePaths` lists every Markdown path of the tree, to tell "no source" from "source with errors".
 */
export function attachTranslations(
  files: readonly TranslationFile[],
  docs: readonly LocalDoc[],
  sourcePaths: ReadonlySet<string>,
): { translations: LocalTranslation[]; diagnostics: Diagnostic[] } {
  const docsByStem = new Map(docs.map((doc) => [stripMarkdownExtension(doc.path), doc]));
  const diagnostics: Diagnostic[] = [];
  const translations: LocalTranslation[] = [];
  const taken = new Map<string, string>();
  for (const found of files) {
    const { file, language, sourceStem } = found;
    if (!LANGUAGE.test(language)) {
      diagnostics.push(badLanguage(file.path, language));
      continue;
    }
    const pylon = pylonLanguageOf(language);
    if (pylon.code === undefined) {
      diagnostics.push(languagePylonLacks(file.path, language, pylon.hint));
      continue;
    }
    const source = docsByStem.get(sourceStem);
    if (!source) {
      const exists = markdownPathsOf(sourceStem).find((p) => sourcePaths.has(p));
      if (!exists) diagnostics.push(orphan(file.path, sourceStem));
      else if (isNotAnArticle(exists)) diagnostics.push(notAnArticle(file.path, exists));
      // Otherwise the source has errors, reported on their own.
      continue;
    }
    const claim = `${source.key}\0${pylon.code}`;
    const earlier = taken.get(claim);
    if (earlier !== undefined) {
      diagnostics.push(duplicate(file.path, earlier, source.path, pylon.code));
      continue;
    }
    const parsed = parseTranslation(file, pylon.code, source);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.translation) continue;
    taken.set(claim, file.path);
    translations.push(parsed.translation);
  }
  translations.sort(
    (a, b) => compareCodeUnits(a.sourceKey, b.sourceKey) || compareCodeUnits(a.language, b.language),
  );
  return { translations, diagnostics };
}

function parseTranslation(
  file: SourceFile,
  language: string,
  source: LocalDoc,
): { translation: LocalTranslation | null; diagnostics: Diagnostic[] } {
  const { frontmatter, diagnostics } = readFrontmatter(file);
  if (!frontmatter) return { translation: null, diagnostics };
  const fm = new FieldReader(frontmatter.fields, file.path, 'frontmatter/type');
  const ignored: Diagnostic[] = [];
  for (const key of ARTICLE_KEYS) {
    const line = fm.line(key);
    if (line !== undefined) ignored.push(ignoredField(file.path, line, key, source.path));
  }
  fm.warnUnknownKeys(TRANSLATION_KEYS, 'frontmatter/unknown-key', ARTICLE_KEYS);
  const title = fm.string('title') ?? firstHeading(frontmatter.body) ?? source.title;
  const all = [...diagnostics, ...fm.diagnostics, ...ignored];
  const badTitle = checkTitle(title, { file: file.path, ...titleLine(fm, frontmatter) });
  if (badTitle) all.push(badTitle);
  if (all.some((d) => d.severity === 'error')) return { translation: null, diagnostics: all };
  return {
    translation: {
      language,
      path: file.path,
      sourceKey: source.key,
      sourcePath: source.path,
      title,
      markdown: frontmatter.body,
      bodyStartLine: frontmatter.bodyStartLine,
    },
    diagnostics: all,
  };
}

function notAnArticle(path: string, source: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'translation/ignored',
    message: `${path} is ignored: ${source} is folder metadata or a README, not an article, so it has no translations.`,
    file: path,
    line: 1,
    hint: 'Delete the file, or translate an article instead.',
  };
}

function orphan(path: string, sourceStem: string): Diagnostic {
  return {
    severity: 'error',
    code: 'translation/orphan',
    message: `${path} is a translation of ${sourceStem}.md, which does not exist.`,
    file: path,
    line: 1,
    hint: `Add ${sourceStem}.md (the article in the default language), or move the translation beside its source.`,
  };
}

function badLanguage(path: string, language: string): Diagnostic {
  return {
    // A file directly in the translations folder (a README about them) is only ignored.
    severity: language === '' ? 'warning' : 'error',
    code: 'translation/language',
    message:
      language === ''
        ? `${path} is ignored: translations go into a folder named after their language.`
        : `${path} is in the translations folder, but "${language}" is not a language code.`,
    file: path,
    line: 1,
    hint: 'Put translations in <folder>/<language>/<path of the source>, e.g. i18n/fr/guides/setup.md.',
  };
}

function languagePylonLacks(path: string, language: string, hint: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'translation/language',
    message: `${path} is not published: Pylon's knowledge bases have no language "${language}".`,
    file: path,
    line: 1,
    hint,
  };
}

function duplicate(path: string, earlier: string, source: string, language: string): Diagnostic {
  return {
    severity: 'error',
    code: 'translation/duplicate',
    message: `${path} and ${earlier} are both the "${language}" translation of ${source}.`,
    file: path,
    line: 1,
    hint: 'Keep one of them.',
  };
}

function ignoredField(path: string, line: number, key: string, source: string): Diagnostic {
  return {
    severity: 'warning',
    code: 'translation/ignored-field',
    message: `"${key}" in a translation is ignored: the article's ${key} comes from ${source}.`,
    file: path,
    line,
    field: key,
    hint: `Remove "${key}" here (a translation may set only title).`,
  };
}
