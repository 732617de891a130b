import type { Html, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Text that pylon-kb's renderer would read as site syntax rather than as words: Liquid and Hugo
 * (`{{ … }}`, `{% … %}`), `{#id}` and `{: .class}` attribute lists, `:emoji:` shortcodes, `==marks==`,
 * and, at the start of a line, containers (`:::`), admonitions (`!!!`, `???`), abbreviations (`*[`) and
 * definitions (`: `). Each is broken up so no step finds its marker: see `split` and `reference`.
 */
const INLINE = /\{(?=[{%#:])|:(?=[a-z0-9_+-]+:)|=(?==[^=\s])|\^(?=\^[^^\s])/g;
const LINE_START = /(^|\n)([ \t]*)(:::|!!!|\?\?\?|\*\[|:[ \t])/g;

const reference = (char: string): string => `&#${char.codePointAt(0)};`;
/**
 * Inside a line, an empty comment after the first character (dropped on publish) keeps a marker apart:
 * some steps look at the parsed text, where a character reference is already decoded. At the start of a
 * line a comment would open an HTML block, so there the first character becomes a reference.
 */
const split = (char: string): string => `${char}<!-- -->`;

/**
 * ` {#id}` after a heading's text: a custom id pull means, not text to neutralise. A private-use character
 * marks it (text nodes are merged after the handlers run); the neutraliser removes the mark.
 */
const CUSTOM_ID_MARK = '\uE000';
export function customIdText(id: string): Text {
  return { type: 'text', value: ` ${CUSTOM_ID_MARK}{#${id}}` };
}

/** remark plugin for the pull pipeline: rewrites text nodes so they stay text when published. */
export function remarkNeutraliseSiteSyntax() {
  return (tree: Root): void => {
    // A heading ending in `{#…}` would lose it as a custom id: an empty comment after it keeps it text
    // (the id step reads only a heading's last text; the sanitiser drops the comment).
    visit(tree, 'heading', (node) => {
      const last = node.children.at(-1);
      if (last?.type === 'text' && /(?<!\uE000)\{#[^}]*\}[ \t]*$/.test(last.value)) {
        node.children.push({ type: 'html', value: '<!-- -->' });
      }
    });
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined) return undefined;
      const previous = parent.children[index - 1];
      if (previous?.type === 'break' && LINE_START.test(node.value.replace(/\n[\s\S]*$/, ''))) {
        // After a hard break the line cannot start with a character reference (the serialiser would fold
        // the break into a space), so the break becomes `<br>` and the text stays on the same line.
        parent.children[index - 1] = { type: 'html', value: '<br>' } satisfies Html;
      }
      LINE_START.lastIndex = 0;
      const before = parent.children[index - 1];
      const pieces = neutralise(
        node.value,
        index === 0 || (before?.type === 'text' && before.value.endsWith('\n')),
      );
      const only = pieces[0];
      if (pieces.length === 1 && only?.type === 'text') {
        node.value = only.value;
        return undefined;
      }
      parent.children.splice(index, 1, ...(pieces as PhrasingContent[]));
      return index + pieces.length;
    });
  };
}

/** A text value as text and character-reference pieces. */
export function neutralise(marked: string, atLineStart: boolean): Array<Text | Html> {
  const kept = marked.indexOf(CUSTOM_ID_MARK);
  const value = marked.replace(CUSTOM_ID_MARK, '');
  const positions = new Map<number, (char: string) => string>();
  for (const match of value.matchAll(INLINE)) {
    if (match.index === kept) continue;
    const lineStart = match.index === 0 ? atLineStart : value[match.index - 1] === '\n';
    // At a line start `=` would underline the line before (a setext heading): a reference, then the comment.
    positions.set(match.index, lineStart ? (char) => `${reference(char)}<!-- -->` : split);
  }
  for (const match of value.matchAll(LINE_START)) {
    const start = match.index + (match[1]?.length ?? 0) + (match[2]?.length ?? 0);
    if (match.index > 0 || atLineStart || (match[1] ?? '') !== '') positions.set(start, reference);
  }
  if (positions.size === 0) return [{ type: 'text', value }];

  const pieces: Array<Text | Html> = [];
  let from = 0;
  for (const [at, write] of [...positions].sort(([a], [b]) => a - b)) {
    if (at > from) pieces.push({ type: 'text', value: value.slice(from, at) });
    pieces.push({ type: 'html', value: write(value[at] ?? '') });
    from = at + 1;
  }
  if (from < value.length) pieces.push({ type: 'text', value: value.slice(from) });
  return pieces;
}
