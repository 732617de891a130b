import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * pymdownx `mark` (`==text==`) and `caret` insert (`^^text^^`). Pylon keeps no `<mark>` or `<ins>`:
 * marked text is bold (`strong.mark`), inserted text underlined (`u`). The delimiters may enclose other
 * inline nodes of the same paragraph (`==**bold** text==`).
 */
const DELIMITERS = [
  { token: '==', tagName: 'strong', className: 'mark' },
  { token: '^^', tagName: 'u', className: 'insert' },
] as const;
export const MARK_SYNTAX = /==[^=\s]|\^\^[^^\s]/;

export function replaceInlineMarks(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const parent = node as Parent;
    if (
      !parent.children.some(
        (child) => child.type === 'text' && (child.value.includes('==') || child.value.includes('^^')),
      )
    )
      return;
    for (const delimiter of DELIMITERS)
      parent.children = wrapDelimited(parent.children as PhrasingContent[], delimiter) as Parent['children'];
  });
}

function wrapDelimited(
  children: PhrasingContent[],
  delimiter: (typeof DELIMITERS)[number],
): PhrasingContent[] {
  const { token } = delimiter;
  const out: PhrasingContent[] = [];
  let open: { index: number } | null = null;
  const queue = [...children];
  while (queue.length > 0) {
    const child = queue.shift()!;
    if (child.type !== 'text') {
      out.push(child);
      continue;
    }
    const at = findToken(child.value, token, open !== null);
    if (at < 0) {
      out.push(child);
      continue;
    }
    const before: Text = { type: 'text', value: child.value.slice(0, at) };
    const after: Text = { type: 'text', value: child.value.slice(at + token.length) };
    if (before.value) out.push(before);
    if (open === null) {
      open = { index: out.length };
    } else {
      const inner = out.splice(open.index);
      out.push({
        type: 'emphasis',
        children: inner,
        data: { hName: delimiter.tagName, hProperties: { className: [delimiter.className] } },
      });
      open = null;
    }
    if (after.value) queue.unshift(after);
  }
  if (open !== null) out.splice(open.index, 0, { type: 'text', value: token });
  return merge(out);
}

/** An opening token is followed by a non-space, a closing one preceded by one; `===` is not a token. */
function findToken(text: string, token: string, closing: boolean): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(token, from);
    if (at < 0) return -1;
    const before = text[at - 1];
    const after = text[at + token.length];
    const tripled = before === token[0] || after === token[0];
    const ok = closing ? at > 0 && before !== ' ' : after !== undefined && after !== ' ';
    if (!tripled && (ok || (closing && at === 0))) return at;
    from = at + 1;
  }
}

function merge(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node);
  }
  return out;
}
