import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import type { AssetLookup } from './assets.js';
import { pulledAssetUrls } from './pulled-from.js';
import {
  type ContentTreeInput,
  type RenderedTree,
  type RenderTreeOptions,
  renderContentTree,
} from './render-tree.js';
import { resolvePage } from './resolve-references.js';
import type { DesiredArticle, DesiredState, DesiredTranslation, LocalDoc } from './types.js';

// Rendering (phase 1) lives in its own modules; its types stay importable from here for the run layer.
export type { CachedRendering, Renderable, RenderCache } from './document-rendering.js';
export { renderCacheKey } from './document-rendering.js';
export type { ContentTreeInput, RenderedTree, RenderTreeOptions } from './render-tree.js';
export { renderContentTree } from './render-tree.js';

export interface BuildDesiredStateOptions extends RenderTreeOptions {
  /**
   * The referenced local files as the I/O edge found them (`readAssets`), by path relative to the
   * content directory. Without it every local image or file is an `asset/missing` error.
   */
  assets?: AssetLookup | undefined;
  /** A site-style link that matches no document is an error, not a warning (config `strictLinks`). */
  strictLinks?: boolean | undefined;
  /** A link to a missing heading: `warn` (default, `error` with strictLinks) or `error`. */
  brokenAnchors?: 'warn' | 'error' | undefined;
  /** A link to a missing document: `error` (default) or `warn`. */
  brokenLinks?: 'warn' | 'error' | undefined;
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
