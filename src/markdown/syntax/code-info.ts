import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * A fence's language written with VitePress's options glued on (`js{4}`, `ts:line-numbers`,
 * `ts:line-numbers=2`): the language is the part before them, the rest moves to the meta.
 */
export const CODE_INFO_SYNTAX = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]+[{:]/m;

const GLUED = /^([\w+#.-]+?)((?:\{[^}]*\}|:[\w-]+(?:=\d+)?)+)$/;

export function splitCodeInfo(tree: Root): void {
  visit(tree, 'code', (node) => {
    const match = node.lang ? GLUED.exec(node.lang) : null;
    if (!match) return;
    node.lang = match[1]!;
    node.meta = node.meta ? `${match[2]} ${node.meta}` : match[2]!;
  });
}
