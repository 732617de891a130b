import type { CreateArticleOp, PlanReferences, TranslationDraft, UpdateArticleOp } from '../plan/types.js';
import { escapeHtml as h, isWebUrl } from './escape.js';
import { htmlToText } from './html-to-lines.js';
import { readerPaneHtml, readerTextHtml } from './reader-view.js';
import { sanitizeBodyHtml } from './sanitize.js';
import { ADOPTION_NOTE, draftFlags, fieldChanges, placement } from './summary.js';
import { wordDiffHtml } from './word-diff.js';

/** `<a>` to an http(s) URL, else the URL as code. */
export function link(text: string, url: string): string {
  return isWebUrl(url)
    ? `<a href="${h(url)}" rel="noopener noreferrer">${h(text)}</a>`
    : `<code>${h(url)}</code>`;
}

/** What the panes need to show a reader's view: the plan's references and local images as data URLs. */
export interface ReaderContext {
  refs: PlanReferences | undefined;
  /** Local files inlined, by sha256 (`data:` URLs the CLI read at its edge). */
  images: Readonly<Record<string, string>>;
}

const pane = (html: string, view: ReaderContext): string =>
  sanitizeBodyHtml(readerPaneHtml(html, view.refs, view.images));

/** A word-level diff of the readable text and the rendered bodies side by side. */
function bodyChange(before: string, after: string, view: ReaderContext, label = ''): string {
  const diff = wordDiffHtml(
    htmlToText(readerTextHtml(before, view.refs)),
    htmlToText(readerTextHtml(after, view.refs)),
  );
  const counts =
    diff.inserted + diff.deleted === 0
      ? 'markup changed; the readable text is the same'
      : `${diff.inserted} insertion${diff.inserted === 1 ? '' : 's'}, ${diff.deleted} deletion${diff.deleted === 1 ? '' : 's'}`;
  return (
    `<h4>${label}Text changes (${counts})</h4><pre class="word-diff" data-testid="word-diff">${diff.html}</pre>` +
    '<div class="side-by-side">' +
    `<div class="pane before" data-testid="article-before"><h4>Before: in Pylon now</h4><div class="body">${pane(before, view)}</div></div>` +
    `<div class="pane after" data-testid="article-after"><h4>After: from the docs</h4><div class="body">${pane(after, view)}</div></div>` +
    '</div>'
  );
}

/** A translation that changed, shown like the article's own body change. */
function translationChange(tr: TranslationDraft, view: ReaderContext): string {
  const head = `<h4 class="translation" data-testid="translation-change" data-language="${h(tr.language)}">Translation <code>${h(tr.language)}</code> · <code>${h(tr.path)}</code></h4>`;
  if (!tr.before) {
    return `${head}<p>New translation “${h(tr.title)}”.</p><details><summary>show body</summary><div class="body">${pane(tr.bodyHtml, view)}</div></details>`;
  }
  const title =
    tr.before.title === tr.title
      ? ''
      : `<table class="fields"><tr><th>title</th><td><del>${h(tr.before.title)}</del></td><td><ins>${h(tr.title)}</ins></td></tr></table>`;
  return `<section class="translation-change">${head}${title}${bodyChange(tr.before.bodyHtml, tr.bodyHtml, view, `${h(tr.language)}: `)}</section>`;
}

/**
 * One updated article: changed fields, a word-level diff of the readable text, and the rendered bodies
 * before (the remote now) and after (from the docs) side by side.
 */
export function renderUpdate(op: UpdateArticleOp, index: number, view: ReaderContext): string {
  const fields = fieldChanges(op)
    .map(
      (f) =>
        `<tr><th>${h(f.field)}</th><td><del>${h(f.before)}</del></td><td><ins>${h(f.after)}</ins></td></tr>`,
    )
    .join('');
  const fieldTable = fields
    ? `<table class="fields"><tr><th>Field</th><th>Before</th><th>After</th></tr>${fields}</table>`
    : '';
  let body = op.changes.includes('body') ? bodyChange(op.before.bodyHtml, op.bodyHtml, view) : '';
  for (const tr of op.translations) body += translationChange(tr, view);
  return (
    `<article class="change" id="update-${index}" data-testid="article-change" data-key="${h(op.key)}">` +
    `<h3><span class="badge update">update</span> ${h(op.title)}</h3>` +
    `<p class="meta"><code>${h(op.key)}</code> · ${link('current article', op.url)} · changed: ${h(op.changes.join(', '))}${op.matchedBy === 'adopted' ? ` · ${h(ADOPTION_NOTE)}` : ''}</p>` +
    `${fieldTable}${body}</article>`
  );
}

/** Created articles: a table row each, with the rendered new body behind a disclosure. */
export function renderCreates(ops: readonly CreateArticleOp[], view: ReaderContext): string {
  const rows = ops
    .map((op) => {
      const flags = draftFlags(op).join(', ');
      return (
        `<tr data-testid="create-row"><td><code>${h(op.key)}</code></td><td>${h(op.title)}</td>` +
        `<td><code>${h(placement(op.collectionKey, op.slug))}</code></td><td>${h(flags || 'published')}</td>` +
        `<td><details><summary>show body</summary><div class="body">${pane(op.bodyHtml, view)}</div></details></td></tr>`
      );
    })
    .join('');
  return `<table><tr><th>Document</th><th>Title</th><th>Lands in</th><th>State</th><th>Body</th></tr>${rows}</table>`;
}
