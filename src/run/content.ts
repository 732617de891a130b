import type { ResolvedConfig } from '../config/types.js';
import { DEFAULT_MAX_ASSET_BYTES } from '../content/assets.js';
import type { BuildMemo } from '../content/build-memo.js';
import {
  type ContentTreeInput,
  type RenderCache,
  renderContentTree,
  resolveDesiredState,
} from '../content/desired.js';
import type { CachedRendering } from '../content/document-rendering.js';
import { assetPathsToRead, localReferences } from '../content/local-references.js';
import { type ReadAssetResult, readAssets } from '../content/read-assets.js';
import { type ReadContent, readContent } from '../content/read-files.js';
import { readSyntaxInputs } from '../content/read-includes.js';
import { readSite } from '../content/read-site.js';
import { headingIdRuleOf } from '../content/render-tree.js';
import { buildContentTree } from '../content/tree.js';
import type { DesiredState, SourceFile } from '../content/types.js';
import type { SnippetSettings } from '../markdown/syntax/index.js';
import { type SiteContext, syntaxPresetOf } from '../sites/index.js';
import type { RenderCacheStore } from './render-cache.js';
import { prerenderInWorkers, type RenderPoolOptions } from './render-pool.js';

export interface LoadedContent {
  files: SourceFile[];
  desired: DesiredState;
  /** The files to upload: absolute path (inside the content directory) by sha256 of their bytes. */
  assetFiles: Map<string, string>;
}

export interface ContentLoadOptions {
  /** Where renderings are reused from (`openRenderCache`); without one, every document is rendered. */
  renderCache?: RenderCacheStore | undefined;
}

/** The config keys the content steps read. */
export type ContentConfig = Pick<
  ResolvedConfig,
  'contentDir' | 'include' | 'exclude' | 'dropLeadingH1' | 'strictLinks' | 'maxAssetBytes' | 'translations'
> &
  Partial<Pick<ResolvedConfig, 'site' | 'siteUrl' | 'brokenAnchors' | 'brokenLinks'>>;

/**
 * The site generator the docs tree belongs to (detected from the site root, or the `site` setting); the
 * `siteUrl` setting overrides the address read from the site's config.
 */
export async function readSiteOf(
  config: Pick<ContentConfig, 'contentDir' | 'site' | 'siteUrl'>,
): Promise<SiteContext> {
  const site = await readSite(config.contentDir, config.site ?? 'auto');
  if (typeof config.siteUrl !== 'string') return site;
  return { ...site, data: { ...site.data, siteUrl: config.siteUrl } };
}

/** Reads the docs tree, parses it into documents and collections (no rendering yet). */
export async function readContentTree(
  config: ContentConfig,
): Promise<{ files: SourceFile[]; tree: ContentTreeInput; site: SiteContext }> {
  const site = await readSiteOf(config);
  const { files, excluded } = await readSiteFiles(config, site);
  return { files, tree: contentTreeOf(config, files, { site, excluded }), site };
}

/** The docs tree's files as the site has them: `include`/`exclude`, and what the site leaves out. */
export function readSiteFiles(
  config: Pick<ContentConfig, 'contentDir' | 'include' | 'exclude'>,
  site: SiteContext,
): Promise<ReadContent> {
  return readContent(config.contentDir, {
    include: config.include,
    exclude: config.exclude,
    siteExclude: siteExcludes(site),
  });
}

/** The globs the site leaves out (its partials, `exclude` in its config). */
export function siteExcludes(site: SiteContext): string[] {
  return [...site.definition.exclude, ...site.data.exclude];
}

/** Parses files held in memory into documents, translations and collections (pure; watch re-runs it per save). */
export function contentTreeOf(
  config: Partial<Pick<ContentConfig, 'translations'>>,
  files: readonly SourceFile[],
  extras: {
    site?: SiteContext | undefined;
    excluded?: readonly string[] | undefined;
    /** The last build's parses (watch): only changed files are parsed again. */
    memo?: BuildMemo | undefined;
  } = {},
): ContentTreeInput {
  return buildContentTree(files, {
    translations: config.translations,
    site: extras.site,
    excluded: extras.excluded,
    memo: extras.memo,
  });
}

/** The site's static folders outside the content directory, which apply may read uploads from. */
export async function siteStaticDirs(config: Pick<ContentConfig, 'contentDir' | 'site'>): Promise<string[]> {
  return staticDirsOutside(await readSiteOf(config));
}

function staticDirsOutside(site: SiteContext | undefined): string[] {
  return (site?.staticDirs ?? []).filter((dir) => dir.startsWith('../'));
}

/**
 * Reads the docs tree and the files it refers to (the only file I/O; the pure core does the rest): the
 * desired state, its diagnostics, and the files apply uploads. A store from `openRenderCache` is swept
 * afterwards, so it keeps what this build used.
 */
export async function loadContent(
  config: ContentConfig,
  options: ContentLoadOptions = {},
): Promise<LoadedContent> {
  const { files, tree } = await readContentTree(config);
  const built = await buildContent(config, tree, options);
  options.renderCache?.sweep();
  return { files, ...built };
}

/**
 * Renders a content tree, reads the local files its documents refer to, and resolves links and files:
 * the desired state and the files apply must upload. Watch calls this with the tree it holds in memory.
 */
export async function buildContent(
  config: Pick<ContentConfig, 'contentDir' | 'dropLeadingH1' | 'strictLinks'> &
    Partial<Pick<ContentConfig, 'maxAssetBytes' | 'brokenAnchors' | 'brokenLinks'>>,
  tree: ContentTreeInput,
  options: {
    renderCache?: RenderCache | undefined;
    /** The last build's per-file results (watch): only what changed is computed again. */
    memo?: BuildMemo | undefined;
    /** Keys each document had before pylon-kb moved it (the remote markers'), for links to old paths. */
    formerKeys?: ReadonlyMap<string, readonly string[]> | undefined;
    /** Rendering in worker threads (default: on for cold builds with enough documents). */
    pool?: RenderPoolOptions | undefined;
  } = {},
): Promise<{ desired: DesiredState; assetFiles: Map<string, string> }> {
  const syntax = tree.site ? syntaxPresetOf(tree.site.definition) : undefined;
  const { memo } = options;
  const pages = [...tree.docs, ...(tree.translations ?? [])];
  const policies = linkPolicies(config, tree.site);
  const build = {
    dropLeadingH1: config.dropLeadingH1,
    strictLinks: config.strictLinks,
    brokenAnchors: policies.brokenAnchors,
    brokenLinks: policies.brokenLinks,
    renderCache: options.renderCache,
    memo,
    formerKeys: options.formerKeys,
    // Included files and site variables, for the generators' syntax (the only other reads of content).
    syntax: await readSyntaxInputs(
      config.contentDir,
      pages,
      syntax,
      memo,
      tree.site?.root,
      snippetSettingsOf(tree.site),
    ),
  };
  // A cold build renders in worker threads first when there is enough to render (render-pool.ts).
  if (!memo) {
    const renderCache = build.renderCache ?? new Map<string, CachedRendering>();
    const dropLeadingH1 = build.dropLeadingH1 !== false;
    const settings = { dropLeadingH1, syntax: build.syntax, headingIds: headingIdRuleOf(tree) };
    if ((await prerenderInWorkers(pages, renderCache, settings, options.pool)) > 0)
      build.renderCache = renderCache;
  }
  const rendered = renderContentTree(tree, build);
  const assets = await readAssets(config.contentDir, assetPathsToRead(localReferences(rendered, memo)), {
    maxAssetBytes: config.maxAssetBytes ?? DEFAULT_MAX_ASSET_BYTES,
    staticDirs: staticDirsOutside(tree.site),
  });
  const desired = resolveDesiredState(rendered, { ...build, assets });
  return { desired, assetFiles: filesToUpload(desired, assets) };
}

/**
 * How a broken link and a broken anchor are reported: config `brokenLinks` / `brokenAnchors` when set, else
 * the site's own strictness settings (sites/strictness.ts), else pylon-kb's defaults (a link to a missing
 * document is an error, a missing heading a warning; both errors with `strictLinks`).
 */
export function linkPolicies(
  config: Partial<Pick<ContentConfig, 'strictLinks' | 'brokenAnchors' | 'brokenLinks'>>,
  site: SiteContext | undefined,
): { brokenLinks: 'warn' | 'error'; brokenAnchors: 'warn' | 'error' } {
  const strict = config.strictLinks === true ? 'error' : undefined;
  return {
    brokenLinks: config.brokenLinks ?? strict ?? site?.strictness?.brokenLinks ?? 'error',
    brokenAnchors: config.brokenAnchors ?? strict ?? site?.strictness?.brokenAnchors ?? 'warn',
  };
}

/** MkDocs' pymdownx.snippets options with the site root they are relative to, when the site has them. */
function snippetSettingsOf(site: SiteContext | undefined): SnippetSettings | undefined {
  const snippets = site?.data.snippets;
  return site && snippets ? { root: site.root, ...snippets } : undefined;
}

/** Absolute paths of the files the desired state uses, by digest (one path per distinct content). */
function filesToUpload(
  desired: DesiredState,
  assets: ReadonlyMap<string, ReadAssetResult>,
): Map<string, string> {
  const files = new Map<string, string>();
  const used = desired.articles.flatMap((a) => [
    ...(a.assets ?? []),
    ...(a.translations ?? []).flatMap((t) => t.assets),
  ]);
  for (const ref of used) {
    const read = assets.get(ref.path);
    if (read && 'absolutePath' in read && !files.has(read.sha256)) files.set(read.sha256, read.absolutePath);
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The languages the docs tree has translations in: the ones whose translations are read from the remote. */
export function translationLanguages(desired: DesiredState): string[] {
  return [...new Set(desired.articles.flatMap((a) => (a.translations ?? []).map((t) => t.language)))];
}
