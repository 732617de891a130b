import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { digestOf } from '../identity/digest.js';
import { textDigest, textDigestOfText } from '../identity/text-digest.js';
import type { HeadingIdRule } from '../markdown/heading-slugs.js';
import type { LocalReference } from '../markdown/references.js';
import { renderDocument } from '../markdown/render.js';
import { type BuildMemo, memoized } from './build-memo.js';
import { type SyntaxInputs, syntaxCacheKey, syntaxOptionsFor } from './render-syntax.js';
import type { LocalDoc } from './types.js';

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
  /** Whether a rendering is held, without counting it as reused. */
  has?(key: string): boolean;
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

/** Renders one document as `cachedRender` would, with no cache (a render worker's job). */
export function renderForCache(
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
    headings: false,
    compactText: true,
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

/** Renders a document, or reuses the cache's rendering of it when nothing it depends on changed. */
export function cachedRender(
  doc: Renderable,
  dropLeadingH1: boolean,
  cache: RenderCache | undefined,
  syntax: SyntaxInputs | undefined,
  headingIds: HeadingIdRule,
  memo?: BuildMemo,
) {
  if (!cache) return renderForCache(doc, dropLeadingH1, syntax, headingIds);
  const { markdown, title, bodyStartLine, frontmatter } = doc;
  const inputs = [markdown, title, bodyStartLine, frontmatter, dropLeadingH1, syntax, headingIds];
  const key = memoized(memo, `key\0${doc.path}`, inputs, () =>
    renderCacheKey(doc, dropLeadingH1, syntax, headingIds),
  );
  const hit = cache.get(key);
  if (hit) return hit;
  const rendered = renderForCache(doc, dropLeadingH1, syntax, headingIds);
  cache.set(key, rendered);
  return rendered;
}
