import type { CreateArticleOp, UpdateArticleOp } from '../plan/types.js';
import { escapeHtml as h, isWebUrl } from './escape.js';
import { htmlToText } from './html-to-lines.js';
import { sanitizeBodyHtml } from './sanitize.js';
import { draftFlags, fieldChanges, placement } from './summary.js';
import { wordDiffHtml } from './word-diff.js';

/** `<a>` to an http(s) URL, else the URL as code. */
export function link(text: string, url: string): string {
  return isWebUrl(url)
    ? `<a href="${h(url)}" rel="noopener noreferrer">${h(text)}</a>`
    : `<code>${h(url)}</code>`;
}

/**
 * One updated article: changed fields, a word-level diff of the readable text, and the rendered bodies
 * before (the remote now) and after (from the docs) side by side.
 */
export function renderUpdate(op: UpdateArticleOp, index: number): string {
  const fields = fieldChanges(op)
    .map(
      (f) =>
        `<tr><th>${h(f.field)}</th><td><del>${h(f.before)}</del></td><td><ins>${h(f.after)}</ins></td></tr>`,
    )
    .join('');
  const fieldTable = fields
    ? `<table class="fields"><tr><th>Field</th><th>Before</th><th>After</th></tr>${fields}</table>`
    : '';
  let body = '';
  if (op.changes.includes('body')) {
    const diff = wordDiffHtml(htmlToText(op.before.bodyHtml), htmlToText(op.bodyHtml));
    const counts =
      diff.inserted + diff.deleted === 0
        ? 'markup changed; the readable text is the same'
        : `${diff.inserted} insertion${diff.inserted === 1 ? '' : 's'}, ${diff.deleted} deletion${diff.deleted === 1 ? '' : 's'}`;
    body =
      `<h4>Text changes (${counts})</h4><pre class="word-diff" data-testid="word-diff">${diff.html}</pre>` +
      '<div class="side-by-side">' +
      `<div class="pane before" data-testid="article-before"><h4>Before: in Pylon now</h4><div class="body">${sanitizeBodyHtml(op.before.bodyHtml)}</div></div>` +
      `<div class="pane after" data-testid="article-after"><h4>After: from the docs</h4><div class="body">${sanitizeBodyHtml(op.bodyHtml)}</div></div>` +
      '</div>';
  }
  return (
    `<article class="change" id="update-${index}" data-testid="article-change" data-key="${h(op.key)}">` +
    `<h3><span class="badge update">update</span> ${h(op.title)}</h3>` +
    `<p class="meta"><code>${h(op.key)}</code> · ${link('current article', op.url)} · changed: ${h(op.changes.join(', '))}</p>` +
    `${fieldTable}${body}</article>`
  );
}

/** Created articles: a table row each, with the rendered new body behind a disclosure. */
export function renderCreates(ops: readonly CreateArticleOp[]): string {
  const rows = ops
    .map((op) => {
      const flags = draftFlags(op).join(', ');
      return (
        `<tr data-testid="create-row"><td><code>${h(op.key)}</code></td><td>${h(op.title)}</td>` +
        `<td><code>${h(placement(op.collectionKey, op.slug))}</code></td><td>${h(flags || 'published')}</td>` +
        `<td><details><summary>show body</summary><div class="body">${sanitizeBodyHtml(op.bodyHtml)}</div></details></td></tr>`
      );
    })
    .join('');
  return `<table><tr><th>Document</th><th>Title</th><th>Lands in</th><th>State</th><th>Body</th></tr>${rows}</table>`;
}
