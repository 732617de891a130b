import type { LocalReference } from '../markdown/references.js';
import { isIndexPage, isMarkdownExtension, markdownPathsOf } from './markdown-path.js';
import type { LocalCollection, LocalDoc } from './types.js';
import { extensionOf, folderOf, joinPath, splitLocalUrl } from './url-path.js';

/** A page a link can land on: an article, or one of its translations. */
export interface LinkTarget {
  /** Key of the article (for a translation: of its source). */
  key: string;
  /** The Markdown file. */
  path: string;
  /** Element ids of the page (heading ids, `{#custom}` ids, footnotes). */
  anchors: ReadonlySet<string>;
  /** Set when the file is a translation. */
  language?: string;
}

export interface TargetIndex {
  /** Every article and translation file by path. */
  byPath: ReadonlyMap<string, LinkTarget>;
  /** Articles by `<folder>/<slug>`, the URL path site generators give them. */
  bySitePath: ReadonlyMap<string, LinkTarget>;
  /** Folder keys of the collections (a link to one is not an article link). */
  collections: ReadonlySet<string>;
  /** Translations of each article key, by language. */
  translations: ReadonlyMap<string, ReadonlyMap<string, LinkTarget>>;
  /** The translations folder of the `folders` layout (`i18n`), if used. */
  translationFolder?: string;
  /** Article paths, for "did you mean" hints. */
  docPaths: readonly string[];
}

/** The document (or translation) a reference is written in. */
export interface ReferenceOrigin {
  key: string;
  path: string;
  /** Path without extension of the page whose URL site-style links resolve against (`guides/setup`). */
  pageStem: string;
  language?: string;
}

export type Classified =
  | { type: 'ignore' }
  | { type: 'fragment'; anchor: string }
  | { type: 'document'; target: LinkTarget; anchor?: string }
  | { type: 'missing-document'; wanted: string; outside: boolean }
  | { type: 'unresolved'; wanted: string; collection: boolean; outside: boolean }
  | { type: 'asset'; path: string }
  | { type: 'asset-outside'; path: string };

interface Page {
  doc: Pick<LocalDoc, 'key' | 'path' | 'slug'>;
  anchors: readonly string[];
  language?: string;
}

export function buildTargetIndex(
  docs: readonly Page[],
  translations: readonly Page[],
  collections: readonly LocalCollection[],
  translationFolder?: string,
): TargetIndex {
  const byPath = new Map<string, LinkTarget>();
  const bySitePath = new Map<string, LinkTarget>();
  const byLanguage = new Map<string, Map<string, LinkTarget>>();
  for (const { doc, anchors } of docs) {
    const target: LinkTarget = { key: doc.key, path: doc.path, anchors: new Set(anchors) };
    byPath.set(doc.path, target);
    const folder = folderOf(doc.path);
    bySitePath.set(folder ? `${folder}/${doc.slug}` : doc.slug, target);
  }
  for (const { doc, anchors, language } of translations) {
    if (language === undefined) continue;
    const target: LinkTarget = { key: doc.key, path: doc.path, anchors: new Set(anchors), language };
    byPath.set(doc.path, target);
    const languages = byLanguage.get(doc.key) ?? new Map<string, LinkTarget>();
    languages.set(language, target);
    byLanguage.set(doc.key, languages);
  }
  return {
    byPath,
    bySitePath,
    collections: new Set(collections.map((c) => c.key)),
    translations: byLanguage,
    ...(translationFolder !== undefined && { translationFolder }),
    docPaths: docs.map(({ doc }) => doc.path),
  };
}

/** Decides what a local link or image points to. Pure: files are only named here, never read. */
export function classifyReference(
  reference: Pick<LocalReference, 'kind' | 'url'>,
  origin: ReferenceOrigin,
  index: TargetIndex,
): Classified {
  const { path, fragment } = splitLocalUrl(reference.url);
  const fileDir = folderOf(origin.path);
  if (path === '') {
    return reference.kind === 'link' && fragment
      ? { type: 'fragment', anchor: fragment }
      : { type: 'ignore' };
  }
  if (reference.kind === 'image') return asset(joinPath(fileDir, path));

  const extension = path.endsWith('/') ? '' : extensionOf(path);
  const withAnchor = (target: LinkTarget): Classified =>
    fragment ? { type: 'document', target, anchor: fragment } : { type: 'document', target };
  if (isMarkdownExtension(extension)) {
    const joined = joinPath(fileDir, path);
    const target = joined.outside ? undefined : lookup(index, joined.path);
    if (target) return withAnchor(target);
    if (!joined.outside && isIndexPage(joined.path)) {
      return { type: 'unresolved', wanted: joined.path, collection: true, outside: false };
    }
    return { type: 'missing-document', wanted: joined.path, outside: joined.outside };
  }
  const site = resolveSitePath(path, origin, index);
  if (site.target) return withAnchor(site.target);
  if (extension !== '' && extension !== 'html') return asset(joinPath(fileDir, path));
  return { type: 'unresolved', wanted: site.wanted, collection: site.collection, outside: site.outside };
}

function asset(joined: { path: string; outside: boolean }): Classified {
  return joined.outside ? { type: 'asset-outside', path: joined.path } : { type: 'asset', path: joined.path };
}

/**
 * A site-style link (`../setup/`, `setup`, `/guides/setup`, `setup.html`) resolved the way static-site
 * generators publish pages: first against the page's own URL `/<folder>/<name>/` (Hugo's pretty URLs),
 * then against the file's folder (Docusaurus and VitePress, whose page URLs have no trailing slash);
 * a leading `/` is the content root. Each base path `p` is tried as `p.md`, `p.markdown`, `p/README.md`,
 * then as the article whose `<folder>/<slug>` is `p`.
 */
function resolveSitePath(
  path: string,
  origin: ReferenceOrigin,
  index: TargetIndex,
): { target?: LinkTarget; wanted: string; collection: boolean; outside: boolean } {
  const trimmed = path.replace(/\.html$/i, '').replace(/\/+$/, '');
  const bases = path.startsWith('/') ? [''] : [origin.pageStem, folderOf(origin.path)];
  let wanted: string | undefined;
  let collection = false;
  let outside = true;
  for (const base of bases) {
    const joined = joinPath(base, trimmed);
    if (joined.outside || joined.path === '') continue;
    outside = false;
    wanted ??= joined.path;
    const p = joined.path;
    const target =
      [...markdownPathsOf(p), `${p}/README.md`].map((path) => lookup(index, path)).find(Boolean) ??
      index.bySitePath.get(p);
    if (target) return { target, wanted: p, collection: false, outside: false };
    if (index.collections.has(p)) collection = true;
  }
  return { wanted: wanted ?? path, collection, outside: outside && path !== '/' };
}

/** The page at a path; inside the translations folder, `<folder>/<lang>/x.md` falls back to `x.md`. */
function lookup(index: TargetIndex, path: string): LinkTarget | undefined {
  const found = index.byPath.get(path);
  const folder = index.translationFolder;
  if (found || folder === undefined || !path.startsWith(`${folder}/`)) return found;
  const rest = path.slice(folder.length + 1);
  const slash = rest.indexOf('/');
  return slash < 0 ? undefined : index.byPath.get(rest.slice(slash + 1));
}

/** The ids a link's `#fragment` may use: the target page's, in the linking page's language when it has one. */
export function anchorsFor(target: LinkTarget, origin: ReferenceOrigin, index: TargetIndex): LinkTarget {
  if (target.language !== undefined || origin.language === undefined) return target;
  return index.translations.get(target.key)?.get(origin.language) ?? target;
}
