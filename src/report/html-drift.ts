import type { DriftNotice } from '../plan/types.js';
import { escapeHtml as h } from './escape.js';
import { link } from './html-article.js';
import { htmlToText } from './html-to-lines.js';
import { sanitizeBodyHtml } from './sanitize.js';
import { DRIFT_RESOLUTION, driftDiffLabel } from './summary.js';
import { wordDiffHtml } from './word-diff.js';

/** One article edited in Pylon: a word diff of Pylon's text against the last published text, and both bodies. */
export function renderDrift(op: DriftNotice, index: number): string {
  let body = '';
  if (op.localHtml !== undefined && op.pylonHtml !== undefined) {
    const diff = wordDiffHtml(htmlToText(op.localHtml), htmlToText(op.pylonHtml));
    body =
      `<h4>${h(driftDiffLabel(op))}: ${diff.inserted} insertion${diff.inserted === 1 ? '' : 's'}, ${diff.deleted} deletion${diff.deleted === 1 ? '' : 's'}</h4>` +
      `<pre class="word-diff" data-testid="drift-diff">${diff.html}</pre>` +
      '<div class="side-by-side">' +
      `<div class="pane before"><h4>${op.baseIsLastPublish ? 'Last published by pylon-kb' : 'This file'}</h4><div class="body">${sanitizeBodyHtml(op.localHtml)}</div></div>` +
      `<div class="pane after"><h4>In Pylon now</h4><div class="body">${sanitizeBodyHtml(op.pylonHtml)}</div></div>` +
      '</div>' +
      `<p class="meta"><code>pylon-kb pull --drifted</code> writes Pylon's version into <code>${h(op.path)}</code>.</p>`;
  }
  return (
    `<article class="change" id="drift-${index}" data-testid="drift-change" data-key="${h(op.key)}">` +
    `<h3><span class="badge drift">${h(op.resolution)}</span> ${h(op.title)}</h3>` +
    `<p class="meta"><code>${h(op.key)}</code> · ${link('current article', op.url)} · ${h(DRIFT_RESOLUTION[op.resolution])}</p>` +
    `${body}</article>`
  );
}
