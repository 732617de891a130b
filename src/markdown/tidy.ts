import type { Element, Root, RootContent } from 'hast';

/**
 * rehype plugin, after sanitising. Removing elements leaves debris behind: paragraphs with nothing in
 * them, images whose only URL was unsafe, and the newlines that surrounded removed blocks. This removes
 * the first two, collapses blank lines in text to one newline and trims the
 * document, so the output does not depend on how much was removed. Text inside `pre` and `code` is untouched.
 */
export function rehypeTidy() {
  return (tree: Root): void => {
    tidyChildren(tree);
    trimEnds(tree.children);
  };
}

const PRESERVE_WHITESPACE = new Set(['pre', 'code']);
/** Two or more line breaks with only spaces between them: left where a block was removed. */
const BLANK_LINES = /\n[ \t\n]*\n/g;

function tidyChildren(parent: Root | Element): void {
  const out: RootContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (!PRESERVE_WHITESPACE.has(child.tagName)) tidyChildren(child);
      if (isHollow(child)) continue;
    }
    const previous = out[out.length - 1];
    if (child.type === 'text' && previous?.type === 'text') {
      previous.value += child.value;
      continue;
    }
    out.push(child);
  }
  for (const node of out) {
    if (node.type === 'text') node.value = node.value.replace(BLANK_LINES, '\n');
  }
  parent.children = out as typeof parent.children;
}

function isHollow(element: Element): boolean {
  if (element.tagName === 'img') return typeof element.properties.src !== 'string';
  if (element.tagName !== 'p') return false;
  return element.children.every((child) => child.type === 'text' && child.value.trim() === '');
}

function trimEnds(children: RootContent[]): void {
  while (isBlank(children[0])) children.shift();
  while (isBlank(children[children.length - 1])) children.pop();
  const first = children[0];
  const last = children[children.length - 1];
  if (first?.type === 'text') first.value = first.value.trimStart();
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

function isBlank(node: RootContent | undefined): boolean {
  return node?.type === 'text' && node.value.trim() === '';
}
