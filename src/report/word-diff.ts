import { diffWordsWithSpace } from 'diff';
import { escapeHtml } from './escape.js';
import { lineChanges } from './line-diff.js';

export interface WordDiffOptions {
  /** Unchanged lines kept next to each change; longer unchanged stretches are folded (default 3). */
  context?: number;
  /** Edits beyond which a changed block is shown removed-then-added instead of word by word (default 2000). */
  maxEditLength?: number;
}

export interface WordDiff {
  /** HTML for a `<pre>`: unchanged text, `<ins>` for inserted words, `<del>` for removed words. */
  html: string;
  inserted: number;
  deleted: number;
}

/**
 * Word-level diff of two readable texts (`htmlToText` output) as escaped HTML with `<ins>` / `<del>`.
 * Lines are matched first; only a block of removed lines followed by a block of added lines is compared
 * word by word, which keeps a rewrite of a long article fast.
 */
export function wordDiffHtml(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  const context = options.context ?? 3;
  const maxEditLength = options.maxEditLength ?? 2000;
  const changes = lineChanges(before === '' ? [] : before.split('\n'), after === '' ? [] : after.split('\n'));
  const pieces: string[] = [];
  let inserted = 0;
  let deleted = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const next = changes[i + 1];
    if (change.type === ' ') {
      pieces.push(fold(change.lines, context, i === 0, i === changes.length - 1));
    } else if (change.type === '-' && next?.type === '+') {
      // Same number of lines: most likely each line was edited in place, so compare them pair by pair.
      const pairs =
        change.lines.length === next.lines.length
          ? change.lines.map((line, j) => [line, next.lines[j] ?? ''] as const)
          : [[change.lines.join('\n'), next.lines.join('\n')] as const];
      const html = pairs
        .map(([a, b]) => {
          const words = diffWordsWithSpace(a, b, { maxEditLength }) ?? [
            { value: a, removed: true, added: false, count: 1 },
            { value: b, added: true, removed: false, count: 1 },
          ];
          let out = '';
          for (const word of words) {
            if (word.added) inserted++;
            if (word.removed) deleted++;
            out += word.added ? ins(word.value) : word.removed ? del(word.value) : escapeHtml(word.value);
          }
          return out;
        })
        .join('\n');
      pieces.push(html);
      i++;
    } else if (change.type === '-') {
      deleted++;
      pieces.push(del(change.lines.join('\n')));
    } else {
      inserted++;
      pieces.push(ins(change.lines.join('\n')));
    }
  }
  return { html: pieces.join('\n'), inserted, deleted };
}

const ins = (text: string): string => `<ins>${escapeHtml(text)}</ins>`;
const del = (text: string): string => `<del>${escapeHtml(text)}</del>`;

/** Unchanged lines, keeping `context` lines next to each neighbouring change and folding the rest. */
function fold(lines: readonly string[], context: number, first: boolean, last: boolean): string {
  const keepHead = first ? 0 : context;
  const keepTail = last ? 0 : context;
  if (lines.length <= keepHead + keepTail + 1) return lines.map(escapeHtml).join('\n');
  const hidden = lines.length - keepHead - keepTail;
  const marker = `<span class="fold">… ${hidden} unchanged line${hidden === 1 ? '' : 's'} …</span>`;
  return [
    ...lines.slice(0, keepHead).map(escapeHtml),
    marker,
    ...lines.slice(lines.length - keepTail).map(escapeHtml),
  ].join('\n');
}
