import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Markers that generators read in code blocks and remove before showing the code, so Pylon gets the code
 * without them:
 * - Shiki's notation comments (VitePress, Mintlify): `// [!code ++]`, `# [!code --]`, `<!-- [!code focus:3] -->`,
 *   `/* [!code highlight] *\/`, `[!code word:x]`, `[!code error]`. The comment goes; a line left empty by it
 *   goes too; in a comment that says more (`// the port [!code ++]`) only the notation goes. `[!!code …]`
 *   is Shiki's escape, shown as `[!code …]`.
 * - Docusaurus' magic comments: a line that is only `// highlight-next-line`, `# highlight-start`,
 *   `<!-- highlight-end -->`, `{/* this-line-is-hidden *\/}` (and the other highlight/hide names) goes.
 */
const COMMENT_OPEN = String.raw`(?:\/\/|#|--|;|%|\/\*|<!--|\{\/\*)`;
const COMMENT_CLOSE = String.raw`(?:\*\/\}|\*\/|-->)?`;
const SHIKI = new RegExp(
  String.raw`[ \t]*${COMMENT_OPEN}[ \t]*(?:\[!code [^\]\n]*\][ \t]*)+${COMMENT_CLOSE}[ \t]*$`,
);
export const SHIKI_NOTATION_SYNTAX = /\[!!?code /;

const MAGIC_NAMES =
  '(?:highlight-next-line|highlight-start|highlight-end|this-line-is-hidden|hide-next-line|hide-start|hide-end|error-next-line|error-start|error-end)';
const MAGIC = new RegExp(String.raw`^[ \t]*${COMMENT_OPEN}[ \t]*${MAGIC_NAMES}[ \t]*${COMMENT_CLOSE}[ \t]*$`);
export const MAGIC_COMMENT_SYNTAX = new RegExp(MAGIC_NAMES);

export function stripShikiNotations(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    if (!SHIKI_NOTATION_SYNTAX.test(node.value)) return;
    const lines: string[] = [];
    for (const line of node.value.split('\n')) {
      const stripped = withoutInnerNotations(line.replace(SHIKI, ''));
      if (stripped !== line && stripped.trim() === '') continue;
      lines.push(stripped.replace(/\[!!code /g, '[!code '));
    }
    node.value = lines.join('\n');
  });
}

const INNER_NOTATION = /[ \t]*\[!code [^\]\n]*\]/g;
const OPENER = new RegExp(COMMENT_OPEN);

/** A notation inside a comment that says more (`// the port [!code highlight]`): the notation alone goes. */
function withoutInnerNotations(line: string): string {
  const at = line.indexOf('[!code ');
  if (at === -1 || !OPENER.test(line.slice(0, at))) return line;
  return line.replace(INNER_NOTATION, '');
}

export function stripMagicComments(tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    if (!MAGIC_COMMENT_SYNTAX.test(node.value)) return;
    node.value = node.value
      .split('\n')
      .filter((line) => !MAGIC.test(line))
      .join('\n');
  });
}
