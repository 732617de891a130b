import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SiteContext } from '../sites/types.js';
import { normaliseUrlPath } from '../sites/url.js';
import { stripMarkdownExtension } from './markdown-path.js';
import { splitNumberPrefix } from './slug.js';
import type { LocalCollection, LocalDoc } from './types.js';

/** The title the site's navigation gives a folder (a sidebar category, a `nav` section), if it names one. */
export function navFolderTitle(site: SiteContext, folder: string): string | undefined {
  return site.data.nav.find((entry) => entry.target === `${folder}/` && entry.title)?.title;
}

/** A file name that is a folder's index page for this site (`_index.md`, `README.md` …). */
export function isSiteIndexName(name: string, site: SiteContext | undefined): boolean {
  return site?.definition.indexFiles.includes(name.toLowerCase()) === true;
}

/**
 * A folder whose only document is its index page, with no subfolders of documents (a Hugo page bundle,
 * `api/index.md` beside its images), is one article in the parent collection, not a collection of one.
 * Returns the folders that no longer need a collection.
 */
export function hoistLoneIndexPages(docs: LocalDoc[]): Set<string> {
  const hoisted = new Set<string>();
  for (const doc of docs) {
    if (!doc.isIndex || doc.collectionKey === null) continue;
    const folder = doc.collectionKey;
    if (docs.some((other) => other !== doc && other.path.startsWith(`${folder}/`))) continue;
    const at = folder.lastIndexOf('/');
    doc.collectionKey = at < 0 ? null : folder.slice(0, at);
    delete doc.isIndex;
    hoisted.add(folder);
  }
  return hoisted;
}

/**
 * The site's navigation (sidebars, `nav`, SUMMARY.md, docs.json) gives order where the frontmatter gives
 * none, and titles to folders whose metadata has none.
 */
export function applyNavigation(docs: LocalDoc[], collections: LocalCollection[], site: SiteContext): void {
  const docByTarget = new Map<string, LocalDoc>();
  for (const doc of docs)
    for (const name of targetNames(doc.path)) if (!docByTarget.has(name)) docByTarget.set(name, doc);
  const byKey = new Map(collections.map((c) => [c.key, c]));
  for (const entry of site.data.nav) {
    if (entry.target.endsWith('/')) {
      const collection = byKey.get(entry.target.slice(0, -1));
      if (!collection) continue;
      if (collection.order === undefined) collection.order = entry.position;
      continue;
    }
    const doc = docByTarget.get(stripMarkdownExtension(entry.target.replace(/^\.?\//, '')));
    if (doc && doc.order === undefined) doc.order = entry.position;
  }
}

/** The names a navigation entry may use for a document: path stem, number-stripped stem, `folder/index`. */
function targetNames(path: string): string[] {
  const stem = stripMarkdownExtension(path);
  const stripped = stem
    .split('/')
    .map((s) => splitNumberPrefix(s).name)
    .join('/');
  const folder = stem.includes('/') ? stem.slice(0, stem.lastIndexOf('/')) : '';
  const isIndex = /(^|\/)(_?index|readme)$/i.test(stem);
  return [stem, stripped, ...(isIndex ? [folder ? `${folder}/index` : 'index', folder] : [])];
}

/** Redirects from the site's config files become the `redirectFrom` of the document they lead to. */
export function applySiteRedirects(docs: LocalDoc[], site: SiteContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byUrl = new Map<string, LocalDoc>();
  const byPath = new Map<string, LocalDoc>();
  for (const doc of docs) {
    for (const url of doc.siteUrls ?? []) if (!byUrl.has(url)) byUrl.set(url, doc);
    byPath.set(doc.path, doc);
    byPath.set(stripMarkdownExtension(doc.path), doc);
  }
  for (const redirect of site.data.redirects) {
    const to = redirect.to.replace(/^\.\//, '');
    const doc = byPath.get(to) ?? byPath.get(stripMarkdownExtension(to)) ?? byUrl.get(normaliseUrlPath(to));
    if (!doc) {
      diagnostics.push({
        severity: 'warning',
        code: 'site/redirect-target',
        message: `The redirect from "${redirect.from}" to "${redirect.to}" leads to no document of the docs tree; it is not created.`,
        file: redirect.file,
        ...(redirect.line !== undefined && { line: redirect.line }),
        hint: 'Point it at a page that exists, or remove it.',
      });
      continue;
    }
    const from = normaliseUrlPath(redirect.from);
    if (!doc.redirectFrom.includes(from)) doc.redirectFrom.push(from);
  }
  return diagnostics;
}
