import type { LocalReference } from '../markdown/references.js';
import {
  isIndexPage,
  isMarkdownExtension,
  markdownPathsOf,
  stripMarkdownExtension,
} from './markdown-path.js';
import { findMoved, oldPathKey } from './old-paths.js';
import { absoluteUrl, siteAddress } from './site-address.js';
import { lookup, resolveSitePath, urlKey } from './site-paths.js';
import type { Classified, LinkRules, LinkTarget, ReferenceOrigin, TargetIndex } from './target-index.js';
import type { InvalidDoc, LocalCollection, LocalDoc } from './types.js';
import { extensionOf, folderOf, joinPath, splitLocalUrl } from './url-path.js';

export type {
  Classified,
  LinkRules,
  LinkTarget,
  ReferenceOrigin,
  TargetIndex,
} from './target-index.js';

interface Page {
  doc: Pick<LocalDoc, 'key' | 'path' | 'slug'> & Partial<Pick<LocalDoc, 'siteUrls' | 'redirectFrom'>>;
  anchors: readonly string[];
  language?: string;
}

export interface TargetIndexExtras {
  translationFolder?: string | undefined;
  invalid?: readonly InvalidDoc[] | undefined;
  excluded?: readonly string[] | undefined;
  rules?: LinkRules | undefined;
  /** Keys each document had before pylon-kb moved it, by its current key (from the remote articles' markers). */
  formerKeys?: ReadonlyMap<string, readonly string[]> | undefined;
}

const NO_RULES: LinkRules = { staticDirs: [], linksFromDocsRoot: false, rawHtmlFromPageUrl: false };

export function buildTargetIndex(
  docs: readonly Page[],
  translations: readonly Page[],
  collections: readonly LocalCollection[],
  extras: TargetIndexExtras = {},
): TargetIndex {
  const byPath = new Map<string, LinkTarget>();
  const bySitePath = new Map<string, LinkTarget>();
  const byUrl = new Map<string, LinkTarget>();
  const byOldPath = new Map<string, LinkTarget>();
  const byFormerPath = new Map<string, LinkTarget>();
  const byLanguage = new Map<string, Map<string, LinkTarget>>();
  const rules = extras.rules ?? NO_RULES;
  for (const { doc, anchors } of docs) {
    const target: LinkTarget = { key: doc.key, path: doc.path, anchors: new Set(anchors) };
    byPath.set(doc.path, target);
    const folder = folderOf(doc.path);
    bySitePath.set(folder ? `${folder}/${doc.slug}` : doc.slug, target);
    for (const url of (doc.siteUrls ?? []).map((u) => urlKey(u, rules)))
      if (!byUrl.has(url)) byUrl.set(url, target);
    for (const path of (doc.redirectFrom ?? []).map(oldPathKey))
      if (!byOldPath.has(path)) byOldPath.set(path, target);
    for (const key of extras.formerKeys?.get(doc.key) ?? []) {
      const path = oldPathKey(`/${key}`);
      if (!byFormerPath.has(path)) byFormerPath.set(path, target);
    }
  }
  for (const { doc, anchors, language } of translations) {
    if (language === undefined) continue;
    const target: LinkTarget = { key: doc.key, path: doc.path, anchors: new Set(anchors), language };
    byPath.set(doc.path, target);
    const languages = byLanguage.get(doc.key) ?? new Map<string, LinkTarget>();
    languages.set(language, target);
    byLanguage.set(doc.key, languages);
  }
  const invalid = new Map<string, InvalidDoc>();
  for (const doc of extras.invalid ?? [])
    invalid.set(doc.path, doc).set(stripMarkdownExtension(doc.path), doc);
  const excluded = new Map<string, string>();
  for (const path of extras.excluded ?? []) excluded.set(path, path).set(stripMarkdownExtension(path), path);
  const byLowerPath = new Map<string, LinkTarget>();
  if (rules.caseInsensitive)
    for (const [path, target] of byPath)
      if (!byLowerPath.has(path.toLowerCase())) byLowerPath.set(path.toLowerCase(), target);
  return {
    byPath,
    ...(rules.caseInsensitive && { byLowerPath }),
    bySitePath,
    byUrl,
    byOldPath,
    byFormerPath,
    collections: new Set(collections.map((c) => c.key)),
    translations: byLanguage,
    ...(extras.translationFolder !== undefined && { translationFolder: extras.translationFolder }),
    docPaths: docs.map(({ doc }) => doc.path),
    invalid,
    excluded,
    rules,
    ...(rules.labelLinks && { byLabel: labelsOf([...byPath.values()]) }),
  };
}

/** Ids that exactly one article has (a label names one place; a heading id two pages share names none). */
function labelsOf(targets: readonly LinkTarget[]): Map<string, LinkTarget> {
  const labels = new Map<string, LinkTarget | null>();
  for (const target of targets) {
    if (target.language !== undefined) continue;
    for (const anchor of target.anchors) labels.set(anchor, labels.has(anchor) ? null : target);
  }
  return new Map([...labels].filter((entry): entry is [string, LinkTarget] => entry[1] !== null));
}

/** Decides what a local link or image points to. Pure: files are only named here, never read. */
export function classifyReference(
  reference: Pick<LocalReference, 'kind' | 'url' | 'raw'>,
  origin: ReferenceOrigin,
  index: TargetIndex,
): Classified {
  const { path, fragment } = splitLocalUrl(reference.url);
  const fromPage = reference.raw === true && index.rules.rawHtmlFromPageUrl;
  const fileDir = fromPage ? origin.pageStem : folderOf(origin.path);
  if (path === '') {
    // `?q=term`: this page of the site with a query (its search), at its URL on the site's domain when
    // the site's address is known; else left as written.
    if (reference.kind === 'link' && reference.url.startsWith('?') && siteAddress(index.rules.siteUrl))
      return onSite(reference.url, origin, index.rules, {
        wanted: reference.url,
        collection: false,
        outside: false,
      });
    const elsewhere = fragment ? labelElsewhere(fragment, origin, index) : undefined;
    if (reference.kind === 'link' && elsewhere && fragment)
      return { type: 'document', target: elsewhere, anchor: fragment };
    return reference.kind === 'link' && fragment
      ? { type: 'fragment', anchor: fragment }
      : { type: 'ignore' };
  }
  if (reference.kind === 'image') {
    // Where the site's root is the content directory, a browser stops a climbing path at that root.
    const atRoot =
      index.rules.imagesClimbToRoot === true && !path.startsWith('/') && joinPath(fileDir, path).outside;
    return atRoot
      ? asset(`/${climbingPath(fileDir, path).replace(/^(?:\.\.\/)+/, '')}`, '', index.rules)
      : asset(path, fileDir, index.rules);
  }

  const extension = path.endsWith('/') ? '' : extensionOf(path);
  const withAnchor = (
    target: LinkTarget,
    old?: { oldPath: string; by: 'redirect' | 'move' },
  ): Classified => ({
    type: 'document',
    target,
    ...(fragment && { anchor: fragment }),
    ...(old !== undefined && { movedFrom: old.oldPath, movedBy: old.by }),
  });
  const moved = (paths: readonly string[]) => {
    const declared = paths.map((p) => findMoved(p, index.byOldPath, index.rules.pageUrlsOf)).find(Boolean);
    if (declared) return { ...declared, by: 'redirect' as const };
    const recorded = paths.map((p) => findMoved(p, index.byFormerPath, index.rules.pageUrlsOf)).find(Boolean);
    if (recorded) return { ...recorded, by: 'move' as const };
    return paths.map((p) => redirected(p, origin, index)).find(Boolean);
  };
  if (isMarkdownExtension(extension)) {
    const joined = joinPath(fileDir, path);
    const fromRoot = index.rules.linksFromDocsRoot && !path.startsWith('.') ? joinPath('', path) : undefined;
    const candidates = [joined, ...(fromRoot ? [fromRoot] : [])].filter((j) => !j.outside).map((j) => j.path);
    const target = candidates
      .flatMap((p) => (index.rules.markdownUrls ? [p, ...markdownPathsOf(stripMarkdownExtension(p))] : [p]))
      .map((p) => lookup(index, p))
      .find(Boolean);
    if (target) return withAnchor(target);
    const notPublished = unpublished(candidates, index);
    if (notPublished) return notPublished;
    const old = moved(candidates);
    if (old) return withAnchor(old.target, old);
    if (!joined.outside && isIndexPage(joined.path)) {
      return { type: 'unresolved', wanted: joined.path, collection: true, outside: false };
    }
    return { type: 'missing-document', wanted: joined.path, outside: joined.outside };
  }
  const site = resolveSitePath(path, origin, index);
  if (site.target) return withAnchor(site.target);
  const notPublished = unpublished(site.tried, index);
  if (notPublished) return notPublished;
  const old = moved(site.tried);
  if (old) return withAnchor(old.target, old);
  if (extension !== '' && extension !== 'html') return asset(path, fileDir, index.rules);
  const label = !path.includes('/') ? index.byLabel?.get(path) : undefined;
  if (label && reference.kind === 'link') return { type: 'document', target: label, anchor: path };
  return onSite(reference.url, origin, index.rules, site);
}

/**
 * A link that names no document: a page of the site that the tree does not hold (a blog post, a generated
 * page, another docs instance), at its absolute URL on the site's domain when the site's address is known.
 */
export function onSite(
  url: string,
  origin: ReferenceOrigin,
  rules: LinkRules,
  found: { wanted: string; collection: boolean; outside: boolean },
): Classified {
  const address = siteAddress(rules.siteUrl);
  const { wanted, collection, outside } = found;
  if (!address) return { type: 'unresolved', wanted, collection, outside };
  return { type: 'site-page', url: absoluteUrl(url, origin, address), wanted, collection };
}

/** The other page a `#label` names when this page has no such id (labels are unique across a site). */
function labelElsewhere(
  fragment: string,
  origin: ReferenceOrigin,
  index: TargetIndex,
): LinkTarget | undefined {
  if (!index.byLabel) return undefined;
  if (index.byPath.get(origin.path)?.anchors.has(fragment)) return undefined;
  const target = index.byLabel.get(fragment);
  return target && target.key !== origin.key ? target : undefined;
}

/** The document a site redirect pattern sends the content path `path` (as `/path`) to, if any. */
function redirected(
  path: string,
  origin: ReferenceOrigin,
  index: TargetIndex,
): { target: LinkTarget; oldPath: string; by: 'redirect' } | undefined {
  const from = `/${stripMarkdownExtension(path)}`;
  const to = index.rules.redirectOf?.(from);
  if (to === undefined || !to.startsWith('/')) return undefined;
  const target = resolveSitePath(to, origin, {
    ...index,
    rules: { ...index.rules, redirectOf: undefined },
  }).target;
  return target && { target, oldPath: from, by: 'redirect' };
}

/** A path that names a file with errors of its own, or one left out: said as such, never "absent". */
function unpublished(paths: readonly string[], index: TargetIndex): Classified | undefined {
  for (const path of paths) {
    const invalid = index.invalid.get(path);
    if (invalid) return { type: 'invalid-document', wanted: invalid.path, line: invalid.line };
    const excluded = index.excluded.get(path);
    if (excluded) return { type: 'excluded-document', wanted: excluded };
  }
  return undefined;
}

/** A file path; a root-relative one (`/img/a.png`) may also live in one of the site's static folders. */
function asset(written: string, from: string, rules: LinkRules): Classified {
  const alias = rules.importAliases?.find((a) => written.startsWith(a.prefix));
  // An aliased path names a file from the alias's folder, whatever the page's folder.
  const path = alias ? `${alias.target}${written.slice(alias.prefix.length)}` : written;
  const base = alias ? '' : from;
  const joined = joinPath(base, path);
  if (joined.outside) {
    // A relative path into a static folder beside the content (Starlight's `../../assets/x.png`).
    const beside = climbingPath(base, path);
    if (rules.staticDirs.some((dir) => dir.startsWith('..') && beside.startsWith(`${dir}/`)))
      return { type: 'asset', path: beside };
    return { type: 'asset-outside', path: joined.path };
  }
  const inStatic = path.startsWith('/') || rules.relativeFilesInStaticDirs === true;
  const fromStatic = joinPath('', path);
  const alternatives =
    inStatic && !fromStatic.outside ? rules.staticDirs.map((dir) => `${dir}/${fromStatic.path}`) : [];
  return alternatives.length > 0
    ? { type: 'asset', path: joined.path, alternatives }
    : { type: 'asset', path: joined.path };
}

/** `base` joined with `relative`, keeping every `..` that climbs above the content directory. */
function climbingPath(base: string, relative: string): string {
  const segments: string[] = [];
  for (const segment of [...base.split('/'), ...relative.split('/')]) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

/** The ids a link's `#fragment` may use: the target page's, in the linking page's language when it has one. */
export function anchorsFor(target: LinkTarget, origin: ReferenceOrigin, index: TargetIndex): LinkTarget {
  if (target.language !== undefined || origin.language === undefined) return target;
  return index.translations.get(target.key)?.get(origin.language) ?? target;
}
