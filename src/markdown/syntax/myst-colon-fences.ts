import type { BlockContext, BlockMatch } from './block-context.js';
import { endOfFence, fromLines, openingFence, type SourceLine, toLines } from './lines.js';

/**
 * MyST's colon fence, `:::{note} Title` … `:::` (the `colon_fence` extension): the same directive as
 * ```` ```{note} ````, written so that its body reads as Markdown in other editors. It is rewritten into the
 * backtick fence (directives nested inside first, so the outer fence is longer than any inner one), and the
 * directive itself is rendered from the parsed tree (myst-directives.ts), like every backtick directive.
 */
const OPEN = /^([ \t]*)(:{3,})\{([A-Za-z][\w:.-]*)\}(.*)$/;

export function mystColonFence(
  lines: readonly SourceLine[],
  index: number,
  context: BlockContext,
): BlockMatch | null {
  if (!context.syntax.has('myst-directives')) return null;
  const match = OPEN.exec(lines[index]!.text);
  if (!match) return null;
  return { ...convert(lines, index, match), next: closeOf(lines, index, match[2]!.length) + 1 };
}

function convert(
  lines: readonly SourceLine[],
  index: number,
  match: RegExpExecArray,
): { lines: SourceLine[] } {
  const [, indent = '', colons = '', name = '', rest = ''] = match;
  const close = closeOf(lines, index, colons.length);
  const body = convertAll(lines.slice(index + 1, close));
  // A backtick fence's info string cannot hold a backtick (a role in the title: {octicon}`x`): tildes then.
  const char = rest.includes('`') ? '~' : '`';
  const run = char === '~' ? /^[ \t]*(~+)/ : /^[ \t]*(`+)/;
  const longest = Math.max(2, ...body.map((line) => run.exec(line.text)?.[1]?.length ?? 0));
  const fence = char.repeat(longest + 1);
  const open = lines[index]!;
  const end = lines[close] ?? open;
  return {
    lines: [
      { text: `${indent}${fence}{${name}}${rest}`, source: open.source },
      ...body,
      { text: `${indent}${fence}`, source: end.source },
    ],
  };
}

/** The body's own colon fences, converted; backtick fences in it are left as they are. */
function convertAll(lines: readonly SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let index = 0;
  while (index < lines.length) {
    const fence = openingFence(lines[index]!.text);
    if (fence) {
      const end = endOfFence(lines, index, fence);
      out.push(...lines.slice(index, end));
      index = end;
      continue;
    }
    const match = OPEN.exec(lines[index]!.text);
    if (!match) {
      out.push(lines[index]!);
      index += 1;
      continue;
    }
    out.push(...convert(lines, index, match).lines);
    index = closeOf(lines, index, match[2]!.length) + 1;
  }
  return out;
}

/** The line that closes the fence opened at `index` (as many colons or more, nothing else), or the end. */
function closeOf(lines: readonly SourceLine[], index: number, colons: number): number {
  let depth = 0;
  for (let at = index + 1; at < lines.length; at++) {
    const text = lines[at]!.text;
    const inner = OPEN.exec(text);
    if (inner && inner[2]!.length === colons) depth++;
    const close = /^[ \t]*(:{3,})[ \t]*$/.exec(text);
    if (close && close[1]!.length >= colons) {
      if (depth === 0) return at;
      if (close[1]!.length === colons) depth--;
    }
  }
  return lines.length;
}

/** A directive body's colon fences as backtick fences (a body is parsed again, without the scanner). */
export function colonFencesToBackticks(text: string): string {
  if (!/^[ \t]*:{3,}\{/m.test(text)) return text;
  return fromLines(convertAll(toLines(text))).text;
}
