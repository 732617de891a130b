import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * An article body made safe to show inside the HTML report. Bodies come from our own sanitised renderer and
 * from the remote, but are still filtered defensively with an allowlist: no scripts, styles, frames, forms or
 * event handlers; links only to http(s), mailto, relative or `#` targets; and nothing that loads a resource
 * (the report must stay self-contained), so images other than inlined or uploaded files become a labelled placeholder.
 */
export function sanitizeBodyHtml(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const root: Root = { type: 'root', children: cleanChildren(tree.children) as RootContent[] };
  return toHtml(root);
}

const ALLOWED = new Set(
  (
    'a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 ' +
    'h5 h6 hr i ins kbd li mark ol p pre q s samp small span strong sub summary sup table tbody td tfoot th ' +
    'thead tr u ul var'
  ).split(' '),
);

/** Dropped with their content. */
const DROPPED = new Set(
  (
    'script style iframe frame frameset object embed applet template noscript svg math link meta base form ' +
    'input button select textarea option audio video track canvas source head title dialog portal'
  ).split(' '),
);

const ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'title'],
  img: ['alt', 'title'],
  ol: ['start', 'reversed'],
  td: ['colSpan', 'rowSpan'],
  th: ['colSpan', 'rowSpan'],
  abbr: ['title'],
};

function cleanChildren(nodes: readonly (RootContent | ElementContent)[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ type: 'text', value: node.value });
    else if (node.type === 'element') out.push(...cleanElement(node));
  }
  return out;
}

function cleanElement(node: Element): ElementContent[] {
  const tag = node.tagName.toLowerCase();
  if (DROPPED.has(tag)) return [];
  if (tag === 'img') return [image(node)];
  const children = cleanChildren(node.children);
  if (!ALLOWED.has(tag)) return children; // unknown wrapper: keep its text, drop the element
  const properties: Properties = {};
  for (const name of ATTRIBUTES[tag] ?? []) {
    const value = node.properties[name];
    if (value !== undefined && value !== null) properties[name] = value;
  }
  if (tag === 'a') {
    const href = typeof properties.href === 'string' ? properties.href : '';
    if (isSafeHref(href)) properties.rel = ['noopener', 'noreferrer', 'nofollow'];
    else delete properties.href;
  }
  return [{ type: 'element', tagName: tag, properties, children }];
}

/**
 * A `data:image/…` image (a local file inlined) is shown, and so is a file pylon-kb uploaded (it carries the
 * `data-pylon-kb-asset` digest and an http(s) URL: the report's CSP allows those origins). Any other image
 * would load from elsewhere, so it becomes a label.
 */
function image(node: Element): ElementContent {
  const src = String(node.properties.src ?? '');
  const alt = String(node.properties.alt ?? '');
  const uploaded = node.properties.dataPylonKbAsset !== undefined && /^https?:\/\//i.test(src);
  if (/^data:image\/(png|gif|jpe?g|webp|avif);/i.test(src) || uploaded) {
    return { type: 'element', tagName: 'img', properties: { src, alt }, children: [] };
  }
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['img-placeholder'], title: src },
    children: [{ type: 'text', value: `[image${alt ? `: ${alt}` : ''}]` }],
  };
}

/** No scheme (relative, `#anchor`) or an http(s)/mailto scheme; control characters and spaces ignored. */
export function isSafeHref(href: string): boolean {
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([^/?#]*?):/.exec(compact)?.[1];
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}
