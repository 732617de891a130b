import { diffWordsWithSpace } from 'diff';
import { escapeHtml } from './escape.js';

export interface WordDiffOptions {
  /** Unchanged lines kept next to each change; longer unchanged stretches are folded (default 3). */
  context?: number;
  /** Give up on a word diff beyond this many edits and show old and new text whole (default 20 000). */
  maxEditLength?: number;
}

export interface WordDiff {
  /** HTML for a `<pre>`: unchanged text, `<ins>` for inserted words, `<del>` for removed words. */
  html: string;
  inserted: number;
  deleted: number;
}

/** Word-level diff of two readable texts (`htmlToText` output) as escaped HTML with `<ins>` / `<del>`. */
export function wordDiffHtml(before: string, after: string, options: WordDiffOptions = {}): WordDiff {
  const context = options.context ?? 3;
  const changes = diffWordsWithSpace(before, after, { maxEditLength: options.maxEditLength ?? 20_000 }) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  let html = '';
  let inserted = 0;
  let deleted = 0;
  changes.forEach((change, i) => {
    if (change.value === '') return;
    if (change.added) {
      inserted++;
      html += `<ins>${escapeHtml(change.value)}</ins>`;
    } else if (change.removed) {
      deleted++;
      html += `<del>${escapeHtml(change.value)}</del>`;
    } else {
      html += fold(change.value, context, i === 0, i === changes.length - 1);
    }
  });
  return { html, inserted, deleted };
}

/** Unchanged text, with runs of more than `2 × context` whole lines folded into a marker. */
function fold(text: string, context: number, first: boolean, last: boolean): string {
  const segments = text.split('\n');
  // segments[0] ends the line a change is on, the last segment starts the line the next change is on.
  const keepHead = first ? 0 : context + 1;
  const keepTail = last ? 0 : context + 1;
  if (segments.length <= keepHead + keepTail + 1) return escapeHtml(text);
  const hidden = segments.length - keepHead - keepTail;
  const head = segments
    .slice(0, keepHead)
    .map((s) => `${escapeHtml(s)}\n`)
    .join('');
  const tail = segments
    .slice(segments.length - keepTail)
    .map(escapeHtml)
    .join('\n');
  const marker = `<span class="fold">… ${hidden} unchanged line${hidden === 1 ? '' : 's'} …</span>`;
  return `${head}${marker}${keepTail > 0 ? '\n' : ''}${tail}`;
}
