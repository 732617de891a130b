import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

/** The headings of a rendered document, in order, with the ids the slug step gave them. */
export function collectHeadings(tree: Root): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node) => {
    const match = /^h([1-6])$/.exec(node.tagName);
    if (!match) return;
    const depth = Number(match[1]);
    const id = node.properties.id;
    headings.push({ depth, id: typeof id === 'string' ? id : '', text: toText(node).trim() });
    return 'skip';
  });
  return headings;
}

/**
 * Every element id of a rendered document (headings, footnotes, raw `<span id>` and `<a name>` anchors):
 * what a `#fragment` may point to.
 */
export function collectIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id === 'string' && id !== '') ids.push(id);
    const name = node.tagName === 'a' ? node.properties.name : undefined;
    if (typeof name === 'string' && name !== '' && name !== id) ids.push(name);
  });
  return ids;
}
