import { nameToEmoji } from 'gemoji';
import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SyntaxFinding } from './scan-context.js';

/**
 * `:smile:`, `:+1:`, and Material's icon shortcodes `:material-check:`, `:octicons-mark-github-16:`, with
 * the attribute list Material styles an icon with (`:material-clock:{ .lg .middle }`), which goes with it.
 */
const SHORTCODE = /:([a-z0-9_+-]+):(\{:?[ \t]*[.#\w][^}\n]*\})?( ?)/g;
const ICON = /^(material|octicons|fontawesome|simple)-/;
/** The cheap test: every shortcode name has a letter or digit (`:---:` in a table's alignment row has none). */
export const EMOJI_SYNTAX = /:[_+-]*[a-z0-9][a-z0-9_+-]*:/;

/**
 * Emoji shortcodes (GitHub's gemoji names, which MkDocs' emoji extension and most generators share) become
 * the Unicode emoji. Icon shortcodes name an icon font Pylon does not have: they are removed, with a warning.
 * Text inside code is never touched (only text nodes are visited).
 */
export function replaceEmoji(tree: Root, findings: SyntaxFinding[]): void {
  visit(tree, 'text', (node: Text) => {
    if (!node.value.includes(':')) return;
    node.value = node.value.replace(SHORTCODE, (all, name: string, _list, space: string) => {
      const emoji = (nameToEmoji as Record<string, string | undefined>)[name];
      if (emoji) return `${emoji}${space}`;
      if (ICON.test(name)) {
        findings.push({
          line: node.position?.start.line ?? 1,
          code: 'markdown/icon-removed',
          message: `The icon :${name}: has no Unicode emoji: it is removed.`,
          hint: 'Use an emoji shortcode (:white_check_mark:) or the emoji itself.',
        });
        return '';
      }
      return all;
    });
  });
}
