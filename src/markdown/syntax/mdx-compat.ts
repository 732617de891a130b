import { closesFence, endOfFence, isBlank, openingFence, type SourceLine } from './lines.js';
import { type Range, rewriteText } from './rewrite.js';

/**
 * What Docusaurus does to a document before MDX reads it (its `mdx1Compat` options, on by default, and
 * its `mdx-code-block` fences), so that real Docusaurus pages parse as MDX instead of falling back to
 * plain Markdown:
 * - a ```` ```mdx-code-block ```` fence is unwrapped: its body is MDX, not code;
 * - an HTML comment `<!-- … -->` outside code becomes an MDX comment `{/* … *\/}`;
 * - `{#custom-id}` is escaped, so that it is text (a heading's is read by custom-ids.ts), not an expression.
 */
export const MDX_COMPAT_SYNTAX = /^[ \t]*(?:`{3,}|~{3,})[ \t]*mdx-code-block|<!--|\{#/m;

export const ESM_SYNTAX = /^(?:import|export)[\s{*]/m;

/** `{#id}` is never a JavaScript expression, so escaping it anywhere outside code changes no meaning. */
const COMMENT_OR_ID = /<!--([\s\S]*?)-->|\{(#[\p{L}\p{N}_][\p{L}\p{N}_.:-]*)\}/gu;

export function applyMdxCompat(
  lines: readonly SourceLine[],
  codeRanges: (text: string) => Range[],
): SourceLine[] {
  const unwrapped = unwrapMdxCodeBlocks(lines);
  const text = unwrapped.map((line) => line.text).join('\n');
  if (!text.includes('<!--') && !text.includes('{#')) return unwrapped;
  return rewriteText(
    unwrapped,
    COMMENT_OR_ID,
    (match, _line, inCode) => {
      if (inCode) return null;
      return match[1] !== undefined ? `{/*${match[1].replaceAll('*/', '* /')}*/}` : `\\{${match[2]}\\}`;
    },
    codeRanges(text),
  );
}

/** The body of each ```` ```mdx-code-block ```` fence in place of the fence (fences inside other fences stay). */
export function unwrapMdxCodeBlocks(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const fence = openingFence(line.text);
    if (!fence) {
      out.push(line);
      index += 1;
      continue;
    }
    const end = endOfFence(lines, index, fence);
    if (/^[ \t]*(?:`{3,}|~{3,})[ \t]*mdx-code-block[ \t]*$/.test(line.text)) {
      const closed = end > index + 1 && closesFence(lines[end - 1]!.text, fence);
      out.push(...unwrapMdxCodeBlocks(lines.slice(index + 1, closed ? end - 1 : end)));
    } else out.push(...lines.slice(index, end));
    index = end;
  }
  return out;
}

/**
 * An `.mdx` file the MDX grammar rejected is read as Markdown: its `import`/`export` statements (an ESM
 * block runs to the next blank line) are left out rather than published as text.
 */
export function dropEsm(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let inEsm = false;
  forEachLine(lines, (line, fenced) => {
    if (fenced) {
      inEsm = false;
      out.push(line);
      return;
    }
    if (inEsm && !isBlank(line.text)) return;
    inEsm = /^(?:import|export)[\s{*]/.test(line.text);
    if (!inEsm) out.push(line);
  });
  return out;
}

/** Calls `visit` on every line, telling whether it belongs to a fenced code block. */
function forEachLine(lines: readonly SourceLine[], visit: (line: SourceLine, fenced: boolean) => void): void {
  let index = 0;
  while (index < lines.length) {
    const fence = openingFence(lines[index]!.text);
    if (!fence) {
      visit(lines[index]!, false);
      index += 1;
      continue;
    }
    const end = endOfFence(lines, index, fence);
    for (const line of lines.slice(index, end)) visit(line, true);
    index = end;
  }
}
