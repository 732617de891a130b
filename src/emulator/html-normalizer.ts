import type { Element, Nodes, Parent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { type Schema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/**
 * Stores article HTML the way a rich-text editor would: parsed and re-serialised, so attribute order,
 * whitespace and character references change; `<script>`/`<style>` and their content, event handlers,
 * `javascript:` URLs and comments are removed; unknown tags are unwrapped (their text stays);
 * `class`, `id` and `data-*` attributes are kept on allowed elements. Idempotent.
 */

const TAGS = (
  'h1 h2 h3 h4 h5 h6 p br hr strong b em i u s del ins sub sup mark code pre kbd blockquote ul ol li dl dt dd ' +
  'table thead tbody tfoot tr th td caption colgroup col details summary div span section figure figcaption ' +
  'a img iframe video audio source picture'
).split(' ');

const SCHEMA: Schema = {
  tagNames: TAGS,
  attributes: {
    '*': ['className', 'data*', 'id', 'title', 'lang', 'dir', 'align'],
    a: ['href', 'target', 'rel', 'name'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowFullScreen', 'frameBorder'],
    video: ['src', 'controls', 'preload', 'poster', 'width', 'height', 'muted', 'loop'],
    audio: ['src', 'controls', 'preload'],
    source: ['src', 'srcSet', 'type', 'media'],
    ol: ['start', 'reversed', 'type'],
    td: ['colSpan', 'rowSpan'],
    th: ['colSpan', 'rowSpan', 'scope'],
    col: ['span'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    poster: ['http', 'https'],
  },
  strip: ['script', 'style', 'noscript', 'template', 'title'],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** Containers whose whitespace-only text children carry no meaning. */
const BLOCK_CONTAINERS = new Set(
  'ul ol dl table thead tbody tfoot tr colgroup blockquote div section details figure picture video audio'.split(
    ' ',
  ),
);
const PRESERVE = new Set(['pre', 'code', 'textarea']);

function isBlockContainer(node: Parent): boolean {
  return node.type === 'root' || (node.type === 'element' && BLOCK_CONTAINERS.has((node as Element).tagName));
}

function tidyWhitespace(node: Parent, preserve: boolean): void {
  const kept: Parent['children'] = [];
  for (const child of node.children) {
    if (child.type === 'text' && !preserve) {
      if (isBlockContainer(node) && /^[\t\n\f\r ]*$/.test(child.value)) continue;
      child.value = child.value.replace(/[\t\n\f\r ]+/g, ' ');
    }
    if (child.type === 'element') tidyWhitespace(child, preserve || PRESERVE.has(child.tagName));
    kept.push(child);
  }
  node.children = kept as typeof node.children;
}

function sortAttributes(tree: Nodes): void {
  visit(tree, 'element', (el: Element) => {
    el.properties = Object.fromEntries(
      Object.entries(el.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

export function normalizeHtml(html: string): string {
  const parsed = fromHtml(html, { fragment: true });
  const clean = sanitize(parsed, SCHEMA) as Root;
  tidyWhitespace(clean, false);
  sortAttributes(clean);
  return toHtml(clean).trim();
}
