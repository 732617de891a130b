import type { Element, Root, RootContent } from 'hast';

/**
 * rehype plugin, after sanitising: removed elements leave their surrounding newlines behind. Runs of
 * whitespace-only text between elements collapse to one newline, and the document is trimmed, so the
 * output does not depend on how much was removed. Text inside `pre` is left untouched.
 */
export function rehypeTidyWhitespace() {
  return (tree: Root): void => {
    tidyChildren(tree);
    trimEnds(tree.children);
  };
}

function tidyChildren(parent: Root | Element): void {
  const out: RootContent[] = [];
  for (const child of parent.children) {
    const previous = out[out.length - 1];
    if (child.type === 'text' && previous?.type === 'text') {
      previous.value += child.value;
      continue;
    }
    out.push(child);
    if (child.type === 'element' && child.tagName !== 'pre') tidyChildren(child);
  }
  for (const node of out) {
    if (node.type === 'text' && node.value.includes('\n') && node.value.trim() === '') node.value = '\n';
  }
  parent.children = out as typeof parent.children;
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
