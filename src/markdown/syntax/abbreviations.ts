import type { Paragraph, Root, RootContent, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Python-Markdown / PHP Markdown Extra abbreviations: `*[HTML]: Hyper Text Markup Language` lines are
 * removed, and the first use of each abbreviation is followed by its expansion in parentheses (Pylon
 * keeps no `<abbr>` and no `title` attribute, so a reader would otherwise never see it).
 */
const DEFINITION = /^\*\[([^\]]+)\]:[ \t]*(.*)$/;
export const ABBREVIATION_SYNTAX = /^\*\[[^\]]+\]:/m;

export function expandAbbreviations(tree: Root): void {
  const definitions = new Map<string, string>();
  tree.children = tree.children.filter((node: RootContent) => {
    if (node.type !== 'paragraph') return true;
    const lines = mdastToString(node as Paragraph).split('\n');
    const parsed = lines.map((line) => DEFINITION.exec(line.trim()));
    if (!parsed.every(Boolean)) return true;
    for (const match of parsed) definitions.set(match![1]!, match![2]!.trim());
    return false;
  });
  if (definitions.size === 0) return;
  const unused = new Set(definitions.keys());
  visit(tree, 'text', (node: Text) => {
    for (const abbreviation of [...unused]) {
      const pattern = new RegExp(
        `(^|[^\\p{L}\\p{N}_])(${escapeRegExp(abbreviation)})(?![\\p{L}\\p{N}_])`,
        'u',
      );
      const match = pattern.exec(node.value);
      if (!match) continue;
      const end = match.index + match[0].length;
      node.value = `${node.value.slice(0, end)} (${definitions.get(abbreviation)})${node.value.slice(end)}`;
      unused.delete(abbreviation);
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
