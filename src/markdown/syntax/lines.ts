/**
 * The source of a document as lines, each remembering the line of the original Markdown it came from.
 * Rewriting site syntax (dedenting an admonition body, inlining an include, adding a title line) changes
 * the text; diagnostics and references must still name the line the author wrote.
 */
export interface SourceLine {
  text: string;
  /** 1-based line in the Markdown the renderer was given. */
  source: number;
}

export function toLines(markdown: string): SourceLine[] {
  return markdown.split(/\r?\n/).map((text, index) => ({ text, source: index + 1 }));
}

/** The rewritten text and, for each of its lines (0-based), the original line it stands for. */
export function fromLines(lines: readonly SourceLine[]): { text: string; sourceLines: number[] } {
  return { text: lines.map((line) => line.text).join('\n'), sourceLines: lines.map((line) => line.source) };
}

/** Columns of leading white space, a tab reaching the next multiple of 4 (CommonMark's rule). */
export function indentOf(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** Removes `columns` columns of leading white space (fewer when the line has fewer). */
export function dedent(text: string, columns: number): string {
  let removed = 0;
  let index = 0;
  while (index < text.length && removed < columns) {
    const char = text[index];
    if (char === ' ') removed += 1;
    else if (char === '\t') {
      const width = 4 - (removed % 4);
      if (removed + width > columns) return ' '.repeat(removed + width - columns) + text.slice(index + 1);
      removed += width;
    } else break;
    index += 1;
  }
  return text.slice(index);
}

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** An opening code fence: its character, length and indentation. */
export interface Fence {
  char: '`' | '~';
  length: number;
  /** Columns before the opening fence: a closing fence is indented less than four columns more. */
  indent?: number;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;

export function openingFence(text: string): Fence | null {
  const match = FENCE.exec(text);
  if (!match?.[1]) return null;
  const char = match[1][0] as '`' | '~';
  if (char === '`' && match[2]?.includes('`')) return null;
  return { char, length: match[1].length, indent: indentOf(text) };
}

export function closesFence(text: string, fence: Fence): boolean {
  const trimmed = text.trim();
  // CommonMark: a line indented four columns more than the fence is code, not its closing fence.
  if (fence.indent !== undefined && indentOf(text) >= fence.indent + 4) return false;
  return trimmed.length >= fence.length && [...trimmed].every((char) => char === fence.char);
}

/** Index after the fenced code block that opens at `start` (the whole rest when it never closes). */
export function endOfFence(lines: readonly SourceLine[], start: number, fence: Fence): number {
  for (let index = start + 1; index < lines.length; index += 1) {
    if (closesFence(lines[index]!.text, fence)) return index + 1;
  }
  return lines.length;
}

/** The indices of the lines from `start` on that are outside fenced code (each fence is skipped whole). */
export function* outsideFences(lines: readonly SourceLine[], start: number): Generator<number> {
  let index = start;
  while (index < lines.length) {
    const fence = openingFence(lines[index]!.text);
    if (fence) {
      index = endOfFence(lines, index, fence);
      continue;
    }
    yield index;
    index += 1;
  }
}
