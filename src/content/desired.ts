import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import type { AssetLookup } from './assets.js';
import { fingerprintOf, memoized } from './build-memo.js';
import { pulledAssetUrls } from './pulled-from.js';
import {
  type ContentTreeInput,
  type RenderedTree,
  type RenderTreeOptions,
  renderContentTree,
} from './render-tree.js';
import { type RenderedPage, resolvePage } from './resolve-references.js';
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
  const { memo } = options;
  // With a memo, a page is resolved again only when its rendering or anything it resolves against changed.
  const { strictLinks, brokenAnchors, brokenLinks } = context;
  const shared = [
    rendered.indexFingerprint,
    assetsFingerprint(options.assets),
    strictLinks,
    brokenAnchors,
    brokenLinks,
  ];
  const resolve = (page: RenderedPage) => {
    if (!memo || rendered.indexFingerprint === undefined) return resolvePage(page, context);
    const { origin } = page;
    const slot = `resolve\0${origin.path}\0${origin.language ?? ''}\0${origin.key}`;
    const own = [page.html, page.references, page.anchors, origin.pageStem, page.firstLine];
    return memo.reuse(slot, [...own, ...shared], () => resolvePage(page, context));
  };
  for (const page of rendered.invalid ?? []) diagnostics.push(...resolve(page).diagnostics);
  const byKey = new Map<string, DesiredTranslation[]>();
  for (const { translation, page } of rendered.translations) {
    const resolved = resolve(page);
    diagnostics.push(...resolved.diagnostics);
    const { language, path, title } = translation;
    const { html, links, assets } = resolved;
    const list = byKey.get(translation.sourceKey) ?? [];
    const inputs = [language, title, resolved, page.textDigest];
    list.push(
      memoized(memo, `translation\0${path}`, inputs, () => ({
        language,
        path,
        title,
        html,
        digest: digestOf(title, html),
        ...(page.textDigest !== undefined && { textDigest: page.textDigest }),
        links,
        assets,
      })),
    );
    byKey.set(translation.sourceKey, list);
  }
  const articles = rendered.docs.map(({ doc, page }) => {
    const resolved = resolve(page);
    diagnostics.push(...resolved.diagnostics);
    const translations = (byKey.get(doc.key) ?? []).sort((a, b) => (a.language < b.language ? -1 : 1));
    // The last build's object when nothing it is made of changed, so later steps can tell it is unchanged.
    const inputs = [...articleInputs(doc), resolved, page.textDigest, ...translations];
    return memoized(memo, `article\0${doc.path}`, inputs, () =>
      toArticle(doc, resolved.html, page.textDigest, {
        links: resolved.links,
        assets: resolved.assets,
        translations,
      }),
    );
  });
  const site = rendered.tree.site;
  return {
    collections: rendered.tree.collections,
    articles,
    diagnostics: sortDiagnostics(diagnostics),
    ...(site && {
      site: {
        name: site.definition.name,
        label: site.definition.label,
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

/** What the files read for a tree's references were found to be, as one digest. */
function assetsFingerprint(assets: AssetLookup | undefined): string {
  return assets ? fingerprintOf([JSON.stringify([...assets])]) : '-';
}

/** What `toArticle` reads of a document besides its rendering. */
function articleInputs(doc: LocalDoc): unknown[] {
  const { key, path, collectionKey, title, slug, published, unlisted, author, visibility, order } = doc;
  const redirects = doc.redirectFrom.join('\0');
  return [
    key,
    path,
    collectionKey,
    title,
    slug,
    published,
    unlisted,
    author,
    visibility,
    order,
    redirects,
    doc.pulledFrom,
  ];
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
        ...(doc.pulledFrom.text !== undefined && { text: doc.pulledFrom.text }),
        assetUrls: pulledAssetUrls(doc.path, doc.pulledFrom, [
          ...extra.assets,
          ...extra.translations.flatMap((t) => t.assets),
        ]),
      },
    }),
    ...extra,
  };
}
