import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Range } from './rewrite.js';

const CODE = new Set(['code', 'inlineCode', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** Offsets of code blocks, inline code (and, in MDX, imports and expressions): text never rewritten. */
export function codeRangesOf(tree: Root): Range[] {
  const ranges: Range[] = [];
  visit(tree, (node) => {
    if (!CODE.has(node.type)) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
    return 'skip';
  });
  return ranges;
}
