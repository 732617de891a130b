import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { isAllowedIframeSrc } from './schema.js';

/**
 * rehype plugin: turns the raw HTML that remark-rehype passed through (`allowDangerousHtml`) into real
 * elements, so the sanitizer can judge it element by element.
 *
 * Raw HTML in Markdown arrives in pieces (`<details>`, then Markdown, then `</details>`), so the pieces
 * cannot be parsed one by one. Instead the whole tree is serialised with the raw pieces in place and
 * parsed again as one HTML fragment, the way a browser would read it. This runs only when the document
 * has raw HTML, and always before sanitising.
 */
export function rehypeParseRawHtml() {
  return (tree: Root): void => {
    if (!hasRaw(tree)) return;
    const fragment = fromHtml(toHtml(tree, { allowDangerousHtml: true }), { fragment: true });
    tree.children = fragment.children;
  };
}

function hasRaw(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return false;
  });
  return found;
}

/**
 * rehype plugin, before sanitising: removes iframes whose source is not https and inputs that are not
 * task-list checkboxes (the sanitizer would only drop their attributes, leaving an empty frame or a
 * bare text box), and turns `section` (GFM footnotes) into `div`, which Pylon keeps.
 */
export function rehypePylonAdjustments() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (isUnwantedElement(node) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      if (node.tagName === 'section') node.tagName = 'div';
      return undefined;
    });
  };
}

function isUnwantedElement(node: Element): boolean {
  if (node.tagName === 'iframe') return !isAllowedIframeSrc(node.properties.src);
  if (node.tagName === 'input') return node.properties.type !== 'checkbox';
  return false;
}
