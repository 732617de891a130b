import type { BlockContext, BlockMatch } from './block-context.js';
import { isBlank, type SourceLine } from './lines.js';

/**
 * Raw HTML blocks as kramdown (Jekyll) and Python-Markdown (MkDocs) read them, where CommonMark reads
 * them otherwise: an element with a `markdown` attribute (`<div class="note" markdown="1">`, md_in_html's
 * `markdown`) holds Markdown even with no blank line after its tag; a block element ends at its closing
 * tag, so a fence or a paragraph right after `</div>` is Markdown again; a line that opens an inline
 * element (`<span class="fs-6">`) starts a paragraph. Blank lines are added (and such a tag joined to its
 * next line) so that the CommonMark parser reads the same blocks. Only with the `markdown-in-html` construct.
 */
const BLOCK_TAGS =
  'div|section|article|aside|details|summary|figure|blockquote|nav|header|footer|main|table|ul|ol|dl|center|form';
const OPEN_WITH_MARKDOWN = new RegExp(
  `^[ \\t]{0,3}<(${BLOCK_TAGS})\\b[^>]*\\smarkdown(?:=(?:"[^"]*"|'[^']*'|\\S+))?[^>]*>[ \\t]*$`,
  'i',
);
const CLOSE = new RegExp(`^[ \\t]{0,3}</(${BLOCK_TAGS})>[ \\t]*$`, 'i');
const INLINE_OPEN = /^[ \t]{0,3}<(span|a|button|small|strong|em|b|i|kbd|abbr|mark|sub|sup)\b[^>]*>[ \t]*$/i;
export const HTML_BLOCK_SYNTAX = /^[ \t]{0,3}<\/?[a-z][\w-]*\b[^>]*>[ \t]*$/im;

export function htmlBlock(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  if (!context.syntax.has('markdown-in-html') || context.format !== 'md') return null;
  const line = lines[index]!;
  const blank = { text: '', source: line.source };
  const following = lines[index + 1];
  if (OPEN_WITH_MARKDOWN.test(line.text)) {
    const close = closingLine(lines, index, OPEN_WITH_MARKDOWN.exec(line.text)![1]!.toLowerCase());
    if (close < 0) return null;
    const closing = lines[close]!;
    const body = context.scan(lines.slice(index + 1, close));
    return {
      lines: [
        line,
        blank,
        ...body,
        { text: '', source: closing.source },
        closing,
        ...blankAfter(lines, close),
      ],
      next: close + 1,
    };
  }
  if (CLOSE.test(line.text) && following !== undefined && !isBlank(following.text))
    return { lines: [line, blank], next: index + 1 };
  if (INLINE_OPEN.test(line.text) && following !== undefined && !isBlank(following.text)) {
    const joined = { text: `${line.text.trimEnd()}${following.text.trimStart()}`, source: line.source };
    return { lines: [joined], next: index + 2 };
  }
  return null;
}

/** The line closing the element opened at `start` (same tag, nesting counted), or -1. */
function closingLine(lines: readonly SourceLine[], start: number, tag: string): number {
  const open = new RegExp(`<${tag}\\b`, 'gi');
  const close = new RegExp(`</${tag}>`, 'gi');
  let depth = 0;
  for (let index = start; index < lines.length; index += 1) {
    const text = lines[index]!.text;
    depth += (text.match(open) ?? []).length - (text.match(close) ?? []).length;
    if (depth <= 0 && index > start) return CLOSE.test(text) ? index : -1;
  }
  return -1;
}

function blankAfter(lines: readonly SourceLine[], close: number): SourceLine[] {
  const next = lines[close + 1];
  return next !== undefined && !isBlank(next.text) ? [{ text: '', source: lines[close]!.source }] : [];
}
