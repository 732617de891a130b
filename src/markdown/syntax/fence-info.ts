import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Fence info strings that are attributes, not a language: SuperFences' `` ``` title="setup.py" `` and
 * `` ``` { .python linenums="1" } ``, Docusaurus-style `` ```js title="a.js" `` keeps its language. The
 * parser takes the first word as the language (`title="setup.py"` as a class); the language is the
 * `.name` of an attribute block, or none.
 */
export const FENCE_INFO_SYNTAX = /^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:\{|[\w-]+=)/m;

export function normaliseFenceInfo(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    const lang = node.lang ?? '';
    if (lang.startsWith('{')) {
      const info = `${lang} ${node.meta ?? ''}`;
      node.lang = /\{[^}]*?(?:^|[\s{])\.([\w+#-]+)/.exec(info)?.[1] ?? null;
      node.meta = info.replace(/^\{|\}\s*$/g, '').trim() || null;
    } else if (lang.includes('=')) {
      node.meta = `${lang} ${node.meta ?? ''}`.trim();
      node.lang = null;
    }
  });
}
