import type { SourceLine } from './lines.js';

/** A half-open range of character offsets in the joined text. */
export type Range = readonly [number, number];

/**
 * Replaces every match of `pattern` (global) in the joined lines, except where a match starts inside one
 * of `skip` (code). A replacement may hold newlines: its lines stand for the line the match began on.
 */
export function rewriteText(
  lines: readonly SourceLine[],
  pattern: RegExp,
  replace: (match: RegExpExecArray, line: number, inSkipped: boolean) => string | null,
  skip: readonly Range[] = [],
): SourceLine[] {
  const text = lines.map((line) => line.text).join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const sourceAt = (at: number) => lines[lineIndexAt(lineStarts, at)]?.source ?? 1;

  let output = '';
  const sources: number[] = [lines[0]?.source ?? 1];
  let last = 0;
  const append = (piece: string, sourceOfNewLines: (i: number) => number) => {
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1))
      sources.push(sourceOfNewLines(at));
    output += piece;
  };
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const inSkipped = skip.some(([a, b]) => start >= a && start < b);
    const replacement = replace(match as RegExpExecArray, sourceAt(start), inSkipped);
    if (replacement === null) continue;
    const before = text.slice(last, start);
    append(before, (i) => sourceAt(last + i + 1));
    append(replacement, () => sourceAt(start));
    last = start + match[0].length;
  }
  const tail = text.slice(last);
  append(tail, (i) => sourceAt(last + i + 1));
  return output
    .split('\n')
    .map((line, i) => ({ text: line, source: sources[i] ?? sources[sources.length - 1] ?? 1 }));
}

function lineIndexAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Replaces ranges of the joined lines (offsets, in order, not overlapping) with new text: the lines of a
 * replacement stand for the line its range began on.
 */
export function replaceRanges(
  lines: readonly SourceLine[],
  replacements: readonly { start: number; end: number; text: string }[],
): SourceLine[] {
  const text = lines.map((line) => line.text).join('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.text.length + 1;
  }
  const sourceAt = (at: number) => lines[lineIndexAt(lineStarts, at)]?.source ?? 1;
  let output = '';
  const sources: number[] = [lines[0]?.source ?? 1];
  const append = (piece: string, sourceOfNewLine: (i: number) => number) => {
    for (let at = piece.indexOf('\n'); at >= 0; at = piece.indexOf('\n', at + 1))
      sources.push(sourceOfNewLine(at));
    output += piece;
  };
  let last = 0;
  for (const { start, end, text: replacement } of replacements) {
    const from = last;
    append(text.slice(from, start), (i) => sourceAt(from + i + 1));
    append(replacement, () => sourceAt(start));
    last = end;
  }
  append(text.slice(last), (i) => sourceAt(last + i + 1));
  return output
    .split('\n')
    .map((line, i) => ({ text: line, source: sources[i] ?? sources[sources.length - 1] ?? 1 }));
}
