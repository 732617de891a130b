import type { Parent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * MyST's `attrs_inline` spans, `[text]{#id .class key="value"}` (Pandoc's bracketed spans): the text is
 * kept and the attributes, which Pylon cannot show, are removed. CommonMark leaves the brackets as text
 * (no link definition matches), so the span is found in the text nodes of one parent: an opening `[` and,
 * in the same or a later text node, `]{…}`; what lies between (code, emphasis) stays as it is.
 */
export const BRACKETED_SPAN_SYNTAX = /\]\{[ \t]*[#.\w]/;
const CLOSE = /\]\{[ \t]*(?:(?:[#.][\w:-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))[ \t]*)+\}/;

export function removeSpanAttributes(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = (node as Parent).children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type !== 'text') continue;
      let close = CLOSE.exec(child.value);
      while (close) {
        const open = openBefore(children as Parent['children'], index, close.index);
        if (!open) break;
        // The closing `]{…}` first: the opening `[` lies before it.
        child.value = child.value.slice(0, close.index) + child.value.slice(close.index + close[0].length);
        const text = children[open.node] as Text;
        text.value = text.value.slice(0, open.at) + text.value.slice(open.at + 1);
        close = CLOSE.exec(child.value);
      }
    }
  });
}

/** Where the `[` that opens the span closing at `at` in `children[index]` is; undefined when there is none. */
function openBefore(
  children: Parent['children'],
  index: number,
  at: number,
): { node: number; at: number } | undefined {
  let depth = 0;
  for (let i = index; i >= 0; i--) {
    const node = children[i]!;
    if (node.type !== 'text') continue;
    const text = (node as Text).value;
    for (let j = (i === index ? at : text.length) - 1; j >= 0; j--) {
      if (text[j] === ']') depth++;
      else if (text[j] === '[' && depth > 0) depth--;
      else if (text[j] === '[') return { node: i, at: j };
    }
  }
  return undefined;
}
