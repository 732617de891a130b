import { autodocIdentifier } from './autodoc-identifiers.js';
import type { BlockContext, BlockMatch, Recognizer } from './block-context.js';
import { colonContainer } from './colon-containers.js';
import { definitionList } from './definition-lists.js';
import { HTML_BLOCK_SYNTAX, htmlBlock } from './html-blocks.js';
import { indentedBlock } from './indented-blocks.js';
import { endOfFence, indentOf, isBlank, openingFence, type SourceLine } from './lines.js';
import { mystColonFence } from './myst-colon-fences.js';
import { pairedTag } from './paired-tags.js';
import type { ScanContext } from './scan-context.js';

/** One line test per recognizer: a document without any of these pays one regular expression. */
export const BLOCK_SYNTAX = new RegExp(
  `${/^[ \t]*(?::{3}|!!!|\?\?\?|===|\{%-?\s*\w|\{\{[<%])|^[ \t]{0,3}:[ \t]/.source}|${HTML_BLOCK_SYNTAX.source}`,
  'im',
);

const RECOGNIZERS: readonly Recognizer[] = [
  mystColonFence,
  autodocIdentifier,
  colonContainer,
  indentedBlock,
  pairedTag,
  definitionList,
  htmlBlock,
];

/**
 * Finds the block containers of every generator (`:::`, `!!!`, `???`, `===`, paired Liquid and Hugo
 * tags, definition lists) line by line, leaving fenced code alone, and rewrites them into markers and
 * plain Markdown (see markers.ts).
 */
export function scanBlocks(lines: readonly SourceLine[], context: ScanContext): SourceLine[] {
  const out: SourceLine[] = [];
  const block: BlockContext = {
    ...context,
    findings: context.findings,
    emitted: out,
    scan: (body) => scanBlocks(body, context),
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const fence = openingFence(line.text);
    if (fence) {
      const end = endOfFence(lines, index, fence);
      out.push(...lines.slice(index, end));
      index = end;
      continue;
    }
    // MDX has no indented code: a container indented inside a component (`<TabItem>`) is one.
    const indentedCode = indentOf(line.text) >= 4 && context.format !== 'mdx' && !inListItem(lines, index);
    const match = indentedCode ? null : recognise(lines, index, block);
    if (match) {
      out.push(...match.lines);
      index = match.next;
    } else {
      out.push(line);
      index += 1;
    }
  }
  return out;
}

const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * A line indented four columns or more is an indented code block, unless it continues a list item (the
 * nearest less-indented line above it starts one, or continues the item's text at a smaller indentation
 * and has such a line above it): MkDocs writes `!!!` and `===` inside list items that way.
 */
function inListItem(lines: readonly SourceLine[], index: number): boolean {
  let indent = indentOf(lines[index]!.text);
  for (let above = index - 1; above >= 0; above -= 1) {
    const text = lines[above]!.text;
    if (isBlank(text) || indentOf(text) >= indent) continue;
    if (LIST_ITEM.test(text)) return true;
    indent = indentOf(text);
    if (indent === 0) return false;
  }
  return false;
}

function recognise(lines: readonly SourceLine[], index: number, context: BlockContext): BlockMatch | null {
  for (const recognizer of RECOGNIZERS) {
    const match = recognizer(lines, index, context);
    if (match) return match;
  }
  return null;
}
