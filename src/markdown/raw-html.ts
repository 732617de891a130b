import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { elementDepth, htmlNestingRefusal, MAX_HTML_NESTING } from './bounds.js';
import { isAllowedIframeSrc } from './schema.js';

/**
 * rehype plugin: turns the raw HTML that remark-rehype passed through (`allowDangerousHtml`) into real
 * elements, so the sanitizer can judge it element by element.
 *
 * Raw HTML in Markdown arrives in pieces (`<details>`, then Markdown, then `</details>`), so the pieces
 * cannot be parsed one by one. Instead the whole tree is serialised with the raw pieces in place and
 * parsed again as one HTML fragment, the way a browser would read it. This runs only when the document
 * has raw HTML, and always before sanitising. HTML nested deeper than `MAX_HTML_NESTING` is refused
 * (bounds.ts): the tree steps after this one recurse per level.
 */
export function rehypeParseRawHtml() {
  return (tree: Root, file: { data: object }): void => {
    // The render's mdast pass says when the document has no raw HTML at all; otherwise look.
    if ((file.data as RawHtmlData).rawHtml === false || !hasRaw(tree)) return;
    const data = file.data as RawHtmlData;
    let fragment: Root;
    try {
      fragment = fromHtml(toHtml(tree, { allowDangerousHtml: true }), { fragment: true });
    } catch (error) {
      // Converting the parsed HTML recurses per level: thousands of levels overflow the stack.
      if (error instanceof RangeError) throw htmlNestingRefusal(data.firstHtmlLine ?? 1);
      throw error;
    }
    if (elementDepth(fragment) > MAX_HTML_NESTING) throw htmlNestingRefusal(data.firstHtmlLine ?? 1);
    tree.children = fragment.children;
  };
}

/** What a render hands the pipeline through `file.data`. */
export interface RawHtmlData {
  /** false: the Markdown holds no raw HTML, so the tree need not be searched for it. */
  rawHtml?: boolean;
  /** The line of the document's first raw HTML (named when its nesting is refused). */
  firstHtmlLine?: number | undefined;
}

function hasRaw(parent: Root | Element): boolean {
  for (const child of parent.children) {
    if (child.type === 'raw') return true;
    if (child.type === 'element' && hasRaw(child)) return true;
  }
  return false;
}

/**
 * rehype plugin, before sanitising: removes iframes whose source is not https and inputs that are not
 * task-list checkboxes (the sanitizer would only drop their attributes, leaving an empty frame or a
 * bare text box), turns `section` (GFM footnotes) into `div`, which Pylon keeps, and a `<textarea>`
 * into a code block of its text (the text a reader sees in the box, kept as written).
 */
export function rehypePylonAdjustments() {
  return (tree: Root): void => adjust(tree);
}

function adjust(parent: Root | Element): void {
  let removed = false;
  const kept: typeof parent.children = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (isUnwantedElement(child)) {
        removed = true;
        continue;
      }
      if (child.tagName === 'section') child.tagName = 'div';
      if (child.tagName === 'textarea') {
        kept.push(textBlock(child) as never);
        removed = true;
        continue;
      }
      adjust(child);
    }
    kept.push(child as never);
  }
  if (removed) parent.children = kept;
}

function textBlock(textarea: Element): Element {
  const text = textarea.children
    .map((child) => (child.type === 'text' ? child.value : ''))
    .join('')
    .replace(/^\n/, '');
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: {},
    children: [{ type: 'text', value: text }],
  };
  return { type: 'element', tagName: 'pre', properties: {}, children: [code] };
}

function isUnwantedElement(node: Element): boolean {
  if (node.tagName === 'iframe') return !isAllowedIframeSrc(node.properties.src);
  if (node.tagName === 'input') return node.properties.type !== 'checkbox';
  return false;
}
