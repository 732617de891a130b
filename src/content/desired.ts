import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import { renderMarkdown } from '../markdown/render.js';
import type { ContentTree, DesiredArticle, DesiredState, LocalDoc } from './types.js';

/** What rendering one document produced: all `buildDesiredState` keeps of a `renderMarkdown` result. */
export interface CachedRendering {
  html: string;
  diagnostics: Diagnostic[];
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
}

/** The cache key of a document's rendering: its path, body digest, title, body line and the options. */
export function renderCacheKey(doc: LocalDoc, dropLeadingH1: boolean): string {
  return [
    doc.path,
    digestOf(doc.markdown),
    digestOf(doc.title),
    String(doc.bodyStartLine),
    dropLeadingH1 ? 'h1' : '-',
  ].join('\0');
}

function render(doc: LocalDoc, dropLeadingH1: boolean): CachedRendering {
  const rendered = renderMarkdown(doc.markdown, {
    title: doc.title,
    dropLeadingH1,
    file: doc.path,
    lineOffset: doc.bodyStartLine - 1,
  });
  return { html: rendered.html, diagnostics: rendered.diagnostics };
}

/** Renders every document of the tree: what pylon-kb wants the knowledge base to hold. */
export function buildDesiredState(tree: ContentTree, options: BuildDesiredStateOptions = {}): DesiredState {
  const diagnostics = [...tree.diagnostics];
  const dropLeadingH1 = options.dropLeadingH1 !== false;
  const cache = options.renderCache;
  const articles = tree.docs.map((doc) => {
    let rendered: CachedRendering;
    if (cache) {
      const key = renderCacheKey(doc, dropLeadingH1);
      const hit = cache.get(key);
      rendered = hit ?? render(doc, dropLeadingH1);
      if (!hit) cache.set(key, rendered);
    } else {
      rendered = render(doc, dropLeadingH1);
    }
    diagnostics.push(...rendered.diagnostics);
    return toArticle(doc, rendered.html);
  });
  return { collections: tree.collections, articles, diagnostics: sortDiagnostics(diagnostics) };
}

function toArticle(doc: LocalDoc, html: string): DesiredArticle {
  return {
    key: doc.key,
    path: doc.path,
    collectionKey: doc.collectionKey,
    title: doc.title,
    slug: doc.slug,
    html,
    digest: digestOf(doc.title, html),
    published: doc.published,
    unlisted: doc.unlisted,
    redirectFrom: doc.redirectFrom,
    ...(doc.author && { author: doc.author }),
    ...(doc.visibility !== undefined && { visibility: doc.visibility }),
    ...(doc.order !== undefined && { order: doc.order }),
  };
}
