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

/** A run of lines that are equal on both sides, only before (removed) or only after (added). */
export interface LineChange {
  type: ' ' | '+' | '-';
  lines: string[];
}

/**
 * Edits beyond which the minimal diff is not searched for (Myers is O(N·D)): the differing middle is then
 * shown as removed, then added. A rewrite of a 2000-paragraph article stays fast.
 */
export const MAX_LINE_EDITS = 1000;

/** Line-level changes: common prefix and suffix kept, the middle diffed (bounded, see `MAX_LINE_EDITS`). */
export function lineChanges(before: readonly string[], after: readonly string[]): LineChange[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const oldMid = before.slice(head, before.length - tail);
  const newMid = after.slice(head, after.length - tail);
  const middle: LineChange[] = (
    diffArrays(oldMid, newMid, { maxEditLength: MAX_LINE_EDITS }) ?? [
      { value: oldMid, removed: true, added: false, count: oldMid.length },
      { value: newMid, added: true, removed: false, count: newMid.length },
    ]
  ).map((c) => ({ type: c.added ? '+' : c.removed ? '-' : ' ', lines: c.value }));
  return [
    { type: ' ' as const, lines: before.slice(0, head) },
    ...middle,
    { type: ' ' as const, lines: before.slice(before.length - tail) },
  ].filter((c) => c.lines.length > 0);
}

/** Line diff of two line arrays, grouped into hunks with `context` unchanged lines around each change. */
export function diffLines(before: readonly string[], after: readonly string[], context = 3): LineDiff {
  const all: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const change of lineChanges(before, after)) {
    if (change.type === '+') added += change.lines.length;
    if (change.type === '-') removed += change.lines.length;
    for (const text of change.lines) all.push({ type: change.type, text });
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
