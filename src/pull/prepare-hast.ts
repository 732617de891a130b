import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { sameTitle } from '../markdown/leading-h1.js';
import { isStrippedTag } from '../markdown/schema.js';
import { type ConversionWarning, hasBlockCells } from './handlers.js';
import { resolveAgainst, unsafeScheme, usableBase } from './unsafe-url.js';

export type UrlKind = 'link' | 'image';

export interface PrepareOptions {
  /** The article title: a leading `<h1>` that repeats it is kept as HTML (Markdown's `# Title` is dropped on publish). */
  title?: string | undefined;
  /** A new URL for a link or image (a relative path into the tree), or undefined to keep it. */
  rewriteUrl?: ((kind: UrlKind, url: string) => string | undefined) | undefined;
}

/** Set on an element that must stay HTML; removed again by the handler that reads it. */
export const KEEP_AS_HTML = 'dataPylonKbPullKeep';
/** Set on a heading whose editor id must be kept as `{#id}`; read by the heading handlers. */
export const KEEP_ID = 'dataPylonKbPullId';

const HEADING = /^h[1-6]$/;
const CUSTOM_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;

/**
 * Shapes Pylon's HTML for the Markdown conversion: URLs resolved against a `<base>` and made local, links
 * and images with a scheme that runs code removed (their text kept), a header row for tables without one,
 * the code language where editors put it on `<pre>`, heading ids that differ from the generated ones as
 * `{#id}`, a leading title heading kept as HTML, and a warning for each element that is removed.
 */
export function prepareHast(tree: Root, options: PrepareOptions, warn: (w: ConversionWarning) => void): void {
  markLeadingTitle(tree, options.title);
  const base = baseOf(tree, warn);
  const slugger = new GithubSlugger();
  visit(tree, 'element', (node, index, parent) => {
    const props = node.properties;
    if (isStrippedTag(node.tagName)) {
      warn({
        code: 'pull/removed-element',
        message: `A <${node.tagName}> element was removed: pylon-kb never publishes <${node.tagName}>.`,
      });
      return;
    }
    if (node.tagName === 'a' && typeof props.href === 'string') {
      const href = resolveAgainst(props.href, base);
      props.href = options.rewriteUrl?.('link', href) ?? href;
    }
    if (node.tagName === 'img' && typeof props.src === 'string') {
      const src = resolveAgainst(props.src, base);
      props.src = options.rewriteUrl?.('image', src) ?? src;
    }
    if (parent && index !== undefined && dropUnsafeUrls(node, parent, index, warn)) return index;
    if (node.tagName === 'pre') moveLanguageToCode(node);
    if (node.tagName === 'table' && !hasBlockCells(node)) ensureHeaderRow(node);
    if (HEADING.test(node.tagName) && props[KEEP_AS_HTML] === undefined) keepHeadingId(node, slugger);
  });
}

/**
 * The first `<base href>`, which relative links and images resolve against (as in a browser). One that is
 * not an absolute URL is ignored with a warning; the `<base>` elements are removed either way (the
 * conversion resolves URLs here, once).
 */
function baseOf(tree: Root, warn: (w: ConversionWarning) => void): URL | undefined {
  let href: string | undefined;
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'base') return;
    if (href === undefined && typeof node.properties.href === 'string') href = node.properties.href;
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
  });
  if (href === undefined) return undefined;
  const base = usableBase(href);
  if (!base) {
    warn({
      code: 'pull/invalid-base',
      message: `The article's <base href="${href}"> is not an absolute http(s) URL; it was ignored and its links are kept as written.`,
    });
  }
  return base;
}

/** URL attributes other than a link's `href` and an image's `src` that a reader's browser may load. */
const OTHER_URL_PROPERTIES = [
  'src',
  'href',
  'poster',
  'cite',
  'longDesc',
  'action',
  'formAction',
  'background',
];

/**
 * A link whose URL has a scheme that runs code or carries a document (`javascript:`, `data:`, `vbscript:`)
 * is replaced by its content, an image by its alt text; any other element loses that attribute. Each is
 * a warning. Returns whether `node` was replaced in `parent`.
 */
function dropUnsafeUrls(
  node: Element,
  parent: { children: unknown[] },
  index: number,
  warn: (w: ConversionWarning) => void,
): boolean {
  const props = node.properties;
  const said = (what: string, url: string, scheme: string, kept = ', its text kept') =>
    warn({
      code: 'pull/unsafe-url',
      message: `${what} pointing at a ${scheme} URL ("${short(url)}") was removed${kept}: pulled Markdown holds no ${scheme} link or image.`,
    });
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  if (node.tagName === 'a' && typeof props.href === 'string') {
    const scheme = unsafeScheme(props.href);
    if (scheme) {
      const text = toText(node).trim();
      said(text ? `A link "${short(text)}"` : 'A link', props.href, scheme);
      parent.children.splice(index, 1, ...node.children);
      return true;
    }
  }
  if (node.tagName === 'img' && typeof props.src === 'string') {
    const scheme = unsafeScheme(props.src);
    if (scheme) {
      const alt = typeof props.alt === 'string' ? props.alt : '';
      said(alt ? `An image "${short(alt)}"` : 'An image', props.src, scheme);
      parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
      return true;
    }
  }
  for (const key of OTHER_URL_PROPERTIES) {
    const value = props[key];
    const scheme = typeof value === 'string' ? unsafeScheme(value) : undefined;
    if (typeof value === 'string' && scheme) {
      said(`The ${key} of a <${node.tagName}>`, value, scheme, '');
      delete props[key];
    }
  }
  return false;
}

function markLeadingTitle(tree: Root, title: string | undefined): void {
  if (title === undefined) return;
  const first = tree.children.find(
    (c): c is Element => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''),
  );
  if (first?.type === 'element' && first.tagName === 'h1' && sameTitle(toText(first), title)) {
    first.properties[KEEP_AS_HTML] = true;
  }
}

/** `<pre class="language-ts">` or `<pre data-language="ts">` → the class on `<code>`, where Markdown keeps it. */
function moveLanguageToCode(pre: Element): void {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  if (!code) return;
  const codeClasses = classes(code);
  if (codeClasses.some((c) => c.startsWith('language-') || c.startsWith('lang-'))) return;
  const fromPre = classes(pre).find((c) => c.startsWith('language-') || c.startsWith('lang-'));
  const declared =
    pre.properties.dataLanguage ?? code.properties.dataLanguage ?? fromPre?.replace(/^lang(uage)?-/, '');
  if (typeof declared === 'string' && declared)
    code.properties.className = [...codeClasses, `language-${declared}`];
}

function classes(node: Element): string[] {
  return Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
}

/** GFM tables need a header row: an editor's table without `<thead>` gets its first row as the header. */
function ensureHeaderRow(table: Element): void {
  const sections = table.children.filter((c): c is Element => c.type === 'element');
  if (sections.some((s) => s.tagName === 'thead')) return;
  const body = sections.find((s) => s.tagName === 'tbody');
  const rows = (body ?? table).children.filter(
    (c): c is Element => c.type === 'element' && c.tagName === 'tr',
  );
  const first = rows[0];
  if (!first) return;
  for (const cell of first.children)
    if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  const container = body ?? table;
  container.children = container.children.filter((c) => c !== first);
  const thead: Element = { type: 'element', tagName: 'thead', properties: {}, children: [first] };
  table.children.splice(body ? table.children.indexOf(body) : 0, 0, thead as ElementContent);
}

/** A heading id the editor wrote that differs from the one pylon-kb generates is kept (as `{#id}`, see handlers). */
function keepHeadingId(heading: Element, slugger: GithubSlugger): void {
  const generated = slugger.slug(toText(heading));
  const id = heading.properties.id;
  if (typeof id !== 'string' || id === generated || !CUSTOM_ID.test(id)) return;
  heading.properties[KEEP_ID] = id;
}
