import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import { textDigest, textDigestOfText } from '../identity/text-digest.js';
import type { HeadingIdRule } from '../markdown/heading-slugs.js';
import type { LocalReference } from '../markdown/references.js';
import { renderDocument } from '../markdown/render.js';
import type { SiteContext } from '../sites/types.js';
import type { AssetLookup } from './assets.js';
import { buildTargetIndex, type TargetIndex } from './link-targets.js';
import { stripMarkdownExtension } from './markdown-path.js';
import { pulledAssetUrls } from './pulled-from.js';
import { type SyntaxInputs, syntaxCacheKey, syntaxOptionsFor } from './render-syntax.js';
import { type RenderedPage, resolvePage } from './resolve-references.js';
import { isSiteIndexName } from './site-tree.js';
import type { LocalTranslation } from './translations.js';
import type { ContentTree, DesiredArticle, DesiredState, DesiredTranslation, LocalDoc } from './types.js';
import { folderOf } from './url-path.js';

/**
 * What rendering one document produced: all `buildDesiredState` keeps of a `renderDocument` result.
 * It depends on the document alone (links are resolved afterwards), so it is safe to cache.
 */
export interface CachedRendering {
  /** HTML with a sentinel for each local link or image (see markdown/sentinels.ts). */
  html: string;
  diagnostics: Diagnostic[];
  /** The local links and images, in sentinel order. */
  references: LocalReference[];
  /** Element ids of the page: what `#fragment` links to it may use. */
  anchors: string[];
  /** `textDigest(html)`: the same before and after links are resolved (they only change URLs). */
  textDigest: string;
}

/**
 * Remembers renderings between calls (watch mode renders only the documents that changed). A plain
 * `Map<string, CachedRendering>` fits; keys come from `renderCacheKey` and change whenever anything the
 * rendering depends on changes, so a hit is always safe to reuse.
 */
export interface RenderCache {
  get(key: string): CachedRendering | undefined;
  set(key: string, rendering: CachedRendering): void;
}

export interface BuildDesiredStateOptions {
  /** Drop a leading `# Title` equal to the article title (default true). */
  dropLeadingH1?: boolean | undefined;
  /** Reuse renderings of documents whose body, title, path and options are unchanged. Default: none. */
  renderCache?: RenderCache | undefined;
  /**
   * The referenced local files as the I/O edge found them (`readAssets`), by path relative to the
   * content directory. Without it every local image or file is an `asset/missing` error.
   */
  assets?: AssetLookup | undefined;
  /** A site-style link that matches no document is an error, not a warning (config `strictLinks`). */
  strictLinks?: boolean | undefined;
  /** The site generator, its variables and the included files, for site syntax (render-syntax.ts). */
  syntax?: SyntaxInputs | undefined;
  /** A link to a missing heading: `warn` (default, `error` with strictLinks) or `error`. */
  brokenAnchors?: 'warn' | 'error' | undefined;
  /** A link to a missing document: `error` (default) or `warn`. */
  brokenLinks?: 'warn' | 'error' | undefined;
}

/** The part of a document or translation its rendering depends on. */
export type Renderable = Pick<LocalDoc, 'path' | 'markdown' | 'title' | 'bodyStartLine' | 'frontmatter'>;

/** The cache key of a document's rendering: its path, body digest, title, body line and the options. */
export function renderCacheKey(
  doc: Renderable,
  dropLeadingH1: boolean,
  syntax?: SyntaxInputs,
  headingIds: HeadingIdRule = 'github',
): string {
  return [
    doc.path,
    digestOf(doc.markdown),
    digestOf(doc.title),
    String(doc.bodyStartLine),
    dropLeadingH1 ? 'h1' : '-',
    syntaxCacheKey(doc, syntax),
    headingIds,
  ].join('\0');
}

function render(
  doc: Renderable,
  dropLeadingH1: boolean,
  syntax: SyntaxInputs | undefined,
  headingIds: HeadingIdRule,
): CachedRendering {
  const rendered = renderDocument(doc.markdown, {
    title: doc.title,
    dropLeadingH1,
    file: doc.path,
    lineOffset: doc.bodyStartLine - 1,
    ...syntaxOptionsFor(doc, syntax),
    headingIds,
  });
  const { html, diagnostics, references, anchors } = rendered;
  return {
    html,
    diagnostics,
    references,
    anchors,
    textDigest: rendered.text !== undefined ? textDigestOfText(rendered.text) : textDigest(html),
  };
}

function cachedRender(
  doc: Renderable,
  dropLeadingH1: boolean,
  cache: RenderCache | undefined,
  syntax: SyntaxInputs | undefined,
  headingIds: HeadingIdRule,
) {
  if (!cache) return render(doc, dropLeadingH1, syntax, headingIds);
  const key = renderCacheKey(doc, dropLeadingH1, syntax, headingIds);
  const hit = cache.get(key);
  if (hit) return hit;
  const rendered = render(doc, dropLeadingH1, syntax, headingIds);
  cache.set(key, rendered);
  return rendered;
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
}

/** Phase 1 (pure, cacheable per document): renders every document and translation. */
export function renderContentTree(
  tree: ContentTreeInput,
  options: BuildDesiredStateOptions = {},
): RenderedTree {
  const diagnostics = [...tree.diagnostics];
  const dropLeadingH1 = options.dropLeadingH1 !== false;
  const site = tree.site?.conventions;
  const headingIds = site?.headingIds ?? 'github';
  const stemOfPage = (path: string) => pageStemOf(path, tree.site);
  const pageOf = (doc: Renderable, key: string, pageStem: string, language?: string): RenderedPage => {
    const rendered = cachedRender(doc, dropLeadingH1, options.renderCache, options.syntax, headingIds);
    diagnostics.push(...rendered.diagnostics);
    return {
      origin: { key, path: doc.path, pageStem, ...(language !== undefined && { language }) },
      html: rendered.html,
      references: rendered.references,
      anchors: rendered.anchors,
      firstLine: doc.bodyStartLine,
      textDigest: rendered.textDigest,
    };
  };
  const docs = tree.docs.map((doc) => ({ doc, page: pageOf(doc, doc.key, stemOfPage(doc.path)) }));
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
  const index = buildTargetIndex(
    docs.map(({ doc, page }) => ({ doc, anchors: page.anchors })),
    translations.map(({ translation: t, page }) => ({
      doc: { key: t.sourceKey, path: t.path, slug: '' },
      anchors: page.anchors,
      language: t.language,
    })),
    tree.collections,
    {
      translationFolder: tree.translationFolder,
      invalid: tree.invalid,
      excluded: tree.excluded,
      ...(site && {
        rules: {
          staticDirs: tree.site?.staticDirs ?? [],
          linksFromDocsRoot: site.linksFromDocsRoot,
          rawHtmlFromPageUrl: site.rawHtmlFromPageUrl,
        },
      }),
    },
  );
  return { tree, docs, translations, invalid, index, diagnostics };
}

/** The path whose URL site-style links resolve against: a folder's index page stands for the folder. */
function pageStemOf(path: string, site: SiteContext | undefined): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return isSiteIndexName(name, site) ? folderOf(path) : stripMarkdownExtension(path);
}

/** Phase 2 (pure): resolves links and files against the whole tree and builds the desired state. */
export function resolveDesiredState(
  rendered: RenderedTree,
  options: BuildDesiredStateOptions = {},
): DesiredState {
  const diagnostics = [...rendered.diagnostics];
  const context = {
    index: rendered.index,
    assets: options.assets,
    strictLinks: options.strictLinks === true,
    brokenAnchors: options.brokenAnchors,
    brokenLinks: options.brokenLinks,
  };
  for (const page of rendered.invalid ?? []) diagnostics.push(...resolvePage(page, context).diagnostics);
  const byKey = new Map<string, DesiredTranslation[]>();
  for (const { translation, page } of rendered.translations) {
    const resolved = resolvePage(page, context);
    diagnostics.push(...resolved.diagnostics);
    const { language, path, title } = translation;
    const { html, links, assets } = resolved;
    const list = byKey.get(translation.sourceKey) ?? [];
    list.push({
      language,
      path,
      title,
      html,
      digest: digestOf(title, html),
      ...(page.textDigest !== undefined && { textDigest: page.textDigest }),
      links,
      assets,
    });
    byKey.set(translation.sourceKey, list);
  }
  const articles = rendered.docs.map(({ doc, page }) => {
    const resolved = resolvePage(page, context);
    diagnostics.push(...resolved.diagnostics);
    const translations = (byKey.get(doc.key) ?? []).sort((a, b) => (a.language < b.language ? -1 : 1));
    return toArticle(doc, resolved.html, page.textDigest, {
      links: resolved.links,
      assets: resolved.assets,
      translations,
    });
  });
  const site = rendered.tree.site;
  return {
    collections: rendered.tree.collections,
    articles,
    diagnostics: sortDiagnostics(diagnostics),
    ...(site && {
      site: {
        name: site.conventions.name,
        label: site.conventions.label,
        ...(site.detectedBy !== undefined && { detectedBy: site.detectedBy }),
        notes: site.data.notes,
      },
    }),
  };
}

/** Renders every document of the tree: what pylon-kb wants the knowledge base to hold. */
export function buildDesiredState(
  tree: ContentTreeInput,
  options: BuildDesiredStateOptions = {},
): DesiredState {
  return resolveDesiredState(renderContentTree(tree, options), options);
}

function toArticle(
  doc: LocalDoc,
  html: string,
  text: string | undefined,
  extra: Pick<Required<DesiredArticle>, 'links' | 'assets' | 'translations'>,
): DesiredArticle {
  return {
    key: doc.key,
    path: doc.path,
    collectionKey: doc.collectionKey,
    title: doc.title,
    slug: doc.slug,
    html,
    digest: digestOf(doc.title, html),
    ...(text !== undefined && { textDigest: text }),
    published: doc.published,
    unlisted: doc.unlisted,
    redirectFrom: doc.redirectFrom,
    ...(doc.author && { author: doc.author }),
    ...(doc.visibility !== undefined && { visibility: doc.visibility }),
    ...(doc.order !== undefined && { order: doc.order }),
    ...(doc.pulledFrom && {
      pulledFrom: {
        articleId: doc.pulledFrom.articleId,
        assetUrls: pulledAssetUrls(doc.path, doc.pulledFrom, [
          ...extra.assets,
          ...extra.translations.flatMap((t) => t.assets),
        ]),
      },
    }),
    ...extra,
  };
}
