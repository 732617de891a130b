import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Material for MkDocs' code annotations: a comment `# (1)!` in a code block points to item 1 of the list
 * after the block, and the `!` asks for the comment itself to go. Pylon has no annotation tooltips, so
 * the list stays a list after the code and such comments are removed from the code; `# (1)` (no `!`)
 * stays, a readable pointer to the list.
 */
const STRIPPED_MARKER = /[ \t]*(?:#|\/\/|--|;|%|\/\*|<!--)[ \t]*\(\d+\)![ \t]*(?:\*\/|-->)?(?=[ \t]*$)/gm;
export const CODE_ANNOTATION_SYNTAX = /\(\d+\)!/;

export function stripCodeAnnotations(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    if (CODE_ANNOTATION_SYNTAX.test(node.value)) node.value = node.value.replace(STRIPPED_MARKER, '');
  });
}
