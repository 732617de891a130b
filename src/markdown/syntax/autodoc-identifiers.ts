import type { BlockContext, BlockMatch } from './block-context.js';
import type { SourceLine } from './lines.js';
import { warn } from './scan-context.js';

/**
 * mkdocstrings' `::: package.module.Object`, optionally followed by indented YAML options: the generator
 * writes API documentation from the Python source there, which pylon-kb does not have. The identifier is
 * kept as inline code, so readers still see what is documented, and a warning says the rest is not built.
 */
const AUTODOC = /^([ \t]*):::[ \t]+([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)[ \t]*$/;

export function autodocIdentifier(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  if (!context.syntax.has('autodoc-identifiers')) return null;
  const line = lines[index]!;
  const match = AUTODOC.exec(line.text);
  if (!match) return null;
  const [, indent = '', identifier = ''] = match;
  // The options block: the lines indented deeper than the marker, blank lines between them included.
  let next = index + 1;
  for (let at = index + 1; at < lines.length; at++) {
    const text = lines[at]!.text;
    if (text.trim() === '') continue;
    if (text.length - text.trimStart().length <= indent.length) break;
    next = at + 1;
  }
  warn(
    context,
    line.source,
    'markdown/autodoc-not-rendered',
    `"::: ${identifier}" asks mkdocstrings for API documentation built from the source code, which pylon-kb does not read: the identifier is published as code, without the generated documentation.`,
    'Write the reference in Markdown, or link to the API reference the site builds.',
  );
  return { lines: [{ text: `${indent}\`${identifier}\``, source: line.source }], next };
}
