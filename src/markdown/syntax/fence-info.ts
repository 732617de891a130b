import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * A fence's info string read into its language and its meta, for the info strings where the parser's
 * "first word is the language" is wrong:
 * - VitePress options glued to the language (`js{4}`, `ts:line-numbers`, `ts:line-numbers=2`): the
 *   language is the part before them, the rest moves to the meta;
 * - attributes instead of a language: SuperFences' `` ``` title="setup.py" `` and
 *   `` ``` { .python linenums="1" } `` (the language is the `.name` of the attribute block, or none).
 *   Docusaurus-style `` ```js title="a.js" `` already has its language.
 */
const GLUED_SYNTAX = /^[ \t]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]+[{:]/m;
const ATTRIBUTES_SYNTAX = /^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:\{|[\w-]+=)/m;

const GLUED = /^([\w+#.-]+?)((?:\{[^}]*\}|:[\w-]+(?:=\d+)?)+)$/;

export function hasFenceInfoSyntax(source: string): boolean {
  return GLUED_SYNTAX.test(source) || ATTRIBUTES_SYNTAX.test(source);
}

export function normaliseFenceInfo(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    splitGluedOptions(node);
    readAttributeInfo(node);
  });
}

function splitGluedOptions(node: Code): void {
  const match = node.lang ? GLUED.exec(node.lang) : null;
  if (!match) return;
  node.lang = match[1]!;
  node.meta = node.meta ? `${match[2]} ${node.meta}` : match[2]!;
}

function readAttributeInfo(node: Code): void {
  const lang = node.lang ?? '';
  if (lang.startsWith('{')) {
    const info = `${lang} ${node.meta ?? ''}`;
    node.lang = /\{[^}]*?(?:^|[\s{])\.([\w+#-]+)/.exec(info)?.[1] ?? null;
    node.meta = info.replace(/^\{|\}\s*$/g, '').trim() || null;
  } else if (lang.includes('=')) {
    node.meta = `${lang} ${node.meta ?? ''}`.trim();
    node.lang = null;
  }
}
