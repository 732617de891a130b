import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HeadingIdRule } from '../markdown/heading-slugs.js';
import { redirectByPattern } from '../sites/redirect-patterns.js';
import type { SiteContext } from '../sites/types.js';
import { type BuildMemo, targetIndexFingerprint } from './build-memo.js';
import { cachedRender, type Renderable, type RenderCache } from './document-rendering.js';
import { buildTargetIndex, type LinkRules, type TargetIndex } from './link-targets.js';
import { stripMarkdownExtension } from './markdown-path.js';
import type { SyntaxInputs } from './render-syntax.js';
import type { RenderedPage } from './resolve-references.js';
import { isSiteIndexName } from './site-tree.js';
import type { LocalTranslation } from './translations.js';
import type { ContentTree, LocalDoc } from './types.js';
import { folderOf } from './url-path.js';

/** What rendering depends on (phase 1 of `buildDesiredState`). */
export interface RenderTreeOptions {
  /** Drop a leading `# Title` equal to the article title (default true). */
  dropLeadingH1?: boolean | undefined;
  /** Reuse renderings of documents whose body, title, path and options are unchanged. Default: none. */
  renderCache?: RenderCache | undefined;
  /** The site generator, its variables and the included files, for site syntax (render-syntax.ts). */
  syntax?: SyntaxInputs | undefined;
  /** Cache keys, resolved pages and articles of unchanged documents from the last build (watch mode). */
  memo?: BuildMemo | undefined;
  /** Keys each document had before pylon-kb moved it (from the remote), so links to the old path resolve. */
  formerKeys?: ReadonlyMap<string, readonly string[]> | undefined;
}

/** A content tree with, optionally, the translations `buildContentTree` found. */
export type ContentTreeInput = ContentTree & {
  translations?: readonly LocalTranslation[];
  translationFolder?: string;
};

/** The documents and translations of a tree, rendered but with their links not yet resolved. */
export interface RenderedTree {
  tree: ContentTree;
  docs: { doc: LocalDoc; page: RenderedPage }[];
  translations: { translation: LocalTranslation; page: RenderedPage }[];
  index: TargetIndex;
  /** Pages of files with errors (not published): rendered only so their own problems are reported. */
  invalid?: RenderedPage[];
  /** The tree's diagnostics and the rendering ones. */
  diagnostics: Diagnostic[];
  /** Stands for all the index holds (built with a memo only): while it is the same, links resolve the same. */
  indexFingerprint?: string | undefined;
}

/** Phase 1 (pure, cacheable per document): renders every document and translation. */
export function renderContentTree(tree: ContentTreeInput, options: RenderTreeOptions = {}): RenderedTree {
  const diagnostics = [...tree.diagnostics];
  const dropLeadingH1 = options.dropLeadingH1 !== false;
  const site = tree.site?.definition;
  const headingIds = headingIdRuleOf(tree);
  const stemOfPage = (path: string) => pageStemOf(path, tree.site);
  const pageOf = (
    doc: Renderable,
    key: string,
    pageStem: string,
    language?: string,
    urls?: readonly string[],
  ): RenderedPage => {
    const { renderCache, syntax, memo } = options;
    const rendered = cachedRender(doc, dropLeadingH1, renderCache, syntax, headingIds, memo);
    diagnostics.push(...rendered.diagnostics);
    const pageUrl = pageUrlOf(urls, tree.site);
    return {
      origin: {
        key,
        path: doc.path,
        pageStem,
        ...(pageUrl !== undefined && { pageUrl }),
        ...(language !== undefined && { language }),
      },
      html: rendered.html,
      references: rendered.references,
      anchors: rendered.anchors,
      firstLine: doc.bodyStartLine,
      textDigest: rendered.textDigest,
    };
  };
  const docs = tree.docs.map((doc) => ({
    doc,
    page: pageOf(doc, doc.key, stemOfPage(doc.path), undefined, doc.siteUrls),
  }));
  const translations = (tree.translations ?? []).map((translation) => ({
    translation,
    page: pageOf(
      translation,
      translation.sourceKey,
      stemOfPage(translation.sourcePath),
      translation.language,
    ),
  }));
  // Files with errors of their own are not published, but their links and images are still checked.
  const invalid = (tree.invalid ?? []).flatMap(({ path, body }) =>
    body ? [pageOf({ path, title: '', ...body }, path, stemOfPage(path))] : [],
  );
  const indexedDocs = docs.map(({ doc, page }) => ({ doc, anchors: page.anchors }));
  const indexedTranslations = translations.map(({ translation: t, page }) => ({
    doc: { key: t.sourceKey, path: t.path, slug: '' },
    anchors: page.anchors,
    language: t.language,
  }));
  const extras = {
    translationFolder: tree.translationFolder,
    invalid: tree.invalid,
    excluded: tree.excluded,
    ...(options.formerKeys && options.formerKeys.size > 0 && { formerKeys: options.formerKeys }),
    ...(site && {
      rules: {
        staticDirs: tree.site?.staticDirs ?? [],
        linksFromDocsRoot: site.linksFromDocsRoot,
        rawHtmlFromPageUrl: site.rawHtmlFromPageUrl,
        ...(site.labelLinks && { labelLinks: true }),
        pageUrlsOf: (path: string) => pageUrlsOf(path, tree.site),
        ...linkRulesOf(tree.site),
      },
    }),
  };
  const index = buildTargetIndex(indexedDocs, indexedTranslations, tree.collections, extras);
  // `pageUrlsOf` depends on the site alone, which the fingerprint names by its config (JSON skips functions).
  const indexFingerprint = options.memo
    ? targetIndexFingerprint(indexedDocs, indexedTranslations, tree.collections, [
        { ...extras, formerKeys: [...(options.formerKeys ?? [])] },
        tree.site,
      ])
    : undefined;
  return { tree, docs, translations, invalid, index, diagnostics, indexFingerprint };
}

/** How the tree's site makes heading ids (GitHub's rule without a site). */
export function headingIdRuleOf(tree: Pick<ContentTree, 'site'>): HeadingIdRule {
  return tree.site?.definition.headingIds ?? 'github';
}

/** The site's own link rules and address, as link resolution takes them. */
function linkRulesOf(site: SiteContext | undefined): Partial<LinkRules> {
  const links = site?.definition.links ?? {};
  const patterns = site?.data.redirectPatterns ?? [];
  return {
    ...(site?.data.siteUrl !== undefined && { siteUrl: site.data.siteUrl }),
    ...(site?.importAliases && { importAliases: site.importAliases }),
    ...(links.siteUrlKey !== undefined && { siteUrlKey: links.siteUrlKey }),
    ...(links.caseInsensitive === true && { caseInsensitive: true }),
    ...(links.sitePathsFromContentRoot === true && { sitePathsFromContentRoot: true }),
    ...(links.relativeFilesInStaticDirs === true && { relativeFilesInStaticDirs: true }),
    ...(links.markdownUrls === true && { markdownUrls: true }),
    ...(links.imagesClimbToRoot === true && { imagesClimbToRoot: true }),
    ...(patterns.length > 0 && { redirectOf: (path: string) => redirectByPattern(path, patterns) }),
  };
}

/** The URL path a page is served at (the first the site gives it), as relative URLs resolve against it. */
function pageUrlOf(urls: readonly string[] | undefined, site: SiteContext | undefined): string | undefined {
  const url = urls?.[0];
  if (url === undefined || !site) return undefined;
  return site.definition.links?.directoryUrls === true && !url.endsWith('/') ? `${url}/` : url;
}

/** The path whose URL site-style links resolve against: a folder's index page stands for the folder. */
function pageStemOf(path: string, site: SiteContext | undefined): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isSiteIndexName(name, site) ? folderOf(path) : stripMarkdownExtension(path);
}

/** The URLs the site would serve a page at `path` at (a Markdown path, or one without extension). */
function pageUrlsOf(path: string, site: SiteContext | undefined): readonly string[] {
  if (!site) return [];
  const file = /\.(md|markdown|mdx)$/i.test(path) ? path : `${path}.md`;
  const isIndex = isSiteIndexName(file.slice(file.lastIndexOf('/') + 1), site);
  return site.definition.page({ path: file, fields: {}, isIndex }, site.data).urls;
}
