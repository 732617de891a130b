import { diffArrays } from 'diff';
import { htmlToLines } from './html-to-lines.js';

export interface DiffLine {
  type: ' ' | '+' | '-';
  text: string;
}

/** A unified-diff hunk: 1-based start lines and line counts on each side, with context lines. */
export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  lines: DiffLine[];
}

export interface LineDiff {
  hunks: Hunk[];
  added: number;
  removed: number;
}

/** Line diff of two line arrays, grouped into hunks with `context` unchanged lines around each change. */
export function diffLines(before: readonly string[], after: readonly string[], context = 3): LineDiff {
  const all: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffArrays([...before], [...after])) {
    const type = change.added ? '+' : change.removed ? '-' : ' ';
    if (type === '+') added += change.value.length;
    if (type === '-') removed += change.value.length;
    for (const text of change.value) all.push({ type, text });
  }
  return { hunks: groupHunks(all, context), added, removed };
}

function groupHunks(all: readonly DiffLine[], context: number): Hunk[] {
  // Ranges of indices into `all`: each change widened by `context`, overlapping or touching ranges merged.
  const ranges: { start: number; end: number }[] = [];
  all.forEach((line, i) => {
    if (line.type === ' ') return;
    const start = Math.max(0, i - context);
    const end = Math.min(all.length - 1, i + context);
    const last = ranges[ranges.length - 1];
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else ranges.push({ start, end });
  });

  // Line numbers on each side before each index.
  const oldBefore: number[] = [];
  const newBefore: number[] = [];
  let oldCount = 0;
  let newCount = 0;
  for (const line of all) {
    oldBefore.push(oldCount);
    newBefore.push(newCount);
    if (line.type !== '+') oldCount++;
    if (line.type !== '-') newCount++;
  }

  return ranges.map(({ start, end }) => {
    const lines = all.slice(start, end + 1);
    return {
      oldStart: (oldBefore[start] ?? 0) + 1,
      newStart: (newBefore[start] ?? 0) + 1,
      oldLines: lines.filter((l) => l.type !== '+').length,
      newLines: lines.filter((l) => l.type !== '-').length,
      lines,
    };
  });
}

/** `@@ -3,7 +3,8 @@` as in unified diffs (an empty side starts at the line before, like GNU diff). */
export function hunkHeader(hunk: Hunk): string {
  const side = (start: number, count: number): string =>
    count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
  return `@@ -${side(hunk.oldStart, hunk.oldLines)} +${side(hunk.newStart, hunk.newLines)} @@`;
}

/** Line diff of two article bodies after converting both to readable text lines. */
export function diffBodies(beforeHtml: string, afterHtml: string, context = 3): LineDiff {
  return diffLines(htmlToLines(beforeHtml), htmlToLines(afterHtml), context);
}
