import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticLocation, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { MoveArticleOp, Plan } from '../plan/types.js';
import { escapeHtml as h } from './escape.js';
import { link, renderCreates, renderUpdate } from './html-article.js';
import { renderDrift } from './html-drift.js';
import { REPORT_CSS } from './html-style.js';
import { renderCollectionTree } from './html-tree.js';
import { uploadedImageOrigins } from './reader-view.js';
import { groupByKind, KIND_LABEL, MOVE_REASON, placement, summaryLine, summaryRows } from './summary.js';

export interface HtmlOptions {
  /** Page title; default `pylon-kb plan: <knowledge base title>`. */
  title?: string;
  /** Shown under the title as given (the caller formats the time: reports read no clock). */
  generatedAt?: string;
  /** Local files the bodies embed, as `data:` URLs by sha256, so the panes show the actual images. */
  images?: Readonly<Record<string, string>>;
}

/**
 * Nothing may load from anywhere: styles inline, no scripts, images only as `data:` URLs or from the hosts
 * the plan's uploaded files live on.
 */
function contentSecurityPolicy(plan: Plan): string {
  const images = ['data:', ...uploadedImageOrigins(plan.references)].join(' ');
  return `default-src 'none'; style-src 'unsafe-inline'; img-src ${images}; base-uri 'none'; form-action 'none'`;
}

/**
 * The plan as one self-contained HTML page: summary, collection tree, every updated article before/after
 * side by side with the text differences highlighted, moves with their redirects, retirements, orphans,
 * drift and diagnostics. Everything user-controlled is escaped; article bodies are sanitised for display.
 */
export function renderPlanHtml(plan: Plan, options: HtmlOptions = {}): string {
  const title = options.title ?? `pylon-kb plan: ${plan.knowledgeBase.title}`;
  const groups = groupByKind(plan.operations);
  const kb = plan.knowledgeBase;
  const view = { refs: plan.references, images: options.images ?? {} };
  const sections: [id: string, heading: string, html: string][] = [];
  const add = (id: string, heading: string, html: string): void => {
    sections.push([id, heading, html]);
  };
  add('summary', 'Summary', summary(plan));
  if (plan.diagnostics.length > 0)
    add('diagnostics', `Diagnostics (${plan.diagnostics.length})`, diagnostics(plan.diagnostics));
  add('tree', 'Collections and where articles go', renderCollectionTree(plan));
  if (groups['update-article'].length > 0) {
    add(
      'updates',
      `${KIND_LABEL['update-article']} (${groups['update-article'].length})`,
      groups['update-article'].map((op, i) => renderUpdate(op, i, view)).join(''),
    );
  }
  if (groups['create-article'].length > 0) {
    add(
      'creates',
      `${KIND_LABEL['create-article']} (${groups['create-article'].length})`,
      renderCreates(groups['create-article'], view),
    );
  }
  const redirects = redirectRows(plan);
  if (groups['move-article'].length > 0 || redirects !== '') {
    add('moves', 'Moves and redirects', moves(groups['move-article']) + redirectTable(redirects));
  }
  const table = (head: string[], rows: string[][]): string =>
    `<table><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
  const collectionChanges = [...groups['update-collection'], ...groups['delete-collection']];
  if (collectionChanges.length > 0) {
    add(
      'collections',
      `Collections to change (${collectionChanges.length})`,
      table(
        ['Collection', 'Change'],
        collectionChanges.map((op) => [
          `<code>${h(op.key)}</code>`,
          op.kind === 'update-collection'
            ? `${h(op.before.title)} → ${h(op.title)}`
            : `<span class="badge retire">delete</span> ${h(op.title)}: ${op.reason === 'duplicate' ? "a duplicate of the folder's collection" : 'emptied by this run'}`,
        ]),
      ),
    );
  }
  const retire = groups['retire-article'];
  if (retire.length > 0) {
    add(
      'retire',
      `${KIND_LABEL['retire-article']} (${retire.length})`,
      table(
        ['Document', 'Title', 'Action', 'Article'],
        retire.map((op) => [
          `<code>${h(op.key)}</code>`,
          h(op.title),
          `<span class="badge retire">${op.action}</span>`,
          link(op.url, op.url),
        ]),
      ),
    );
  }
  if (groups.orphan.length > 0) {
    add(
      'orphans',
      `${KIND_LABEL.orphan} (${groups.orphan.length})`,
      table(
        ['Document', 'Title', 'Article'],
        groups.orphan.map((op) => [`<code>${h(op.key)}</code>`, h(op.title), link(op.url, op.url)]),
      ),
    );
  }
  if (groups.drift.length > 0) {
    add('drift', `${KIND_LABEL.drift} (${groups.drift.length})`, groups.drift.map(renderDrift).join(''));
  }
  const nav = sections.map(([id, heading]) => `<a href="#${id}">${h(heading)}</a>`).join('');
  const body = sections
    .map(
      ([id, heading, html]) =>
        `<section id="${id}" data-testid="section-${id}"><h2>${h(heading)}</h2>${html}</section>`,
    )
    .join('\n');
  const generated = options.generatedAt ? ` · generated ${h(options.generatedAt)}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(plan)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${h(title)}</h1><p class="meta">Knowledge base <strong>${h(kb.title)}</strong> <code>${h(kb.slug)}</code> <code>${h(kb.id)}</code>${generated}</p><nav>${nav}</nav></header>
<main>
${body}
</main>
<footer>Generated by pylon-kb. This page is self-contained: local images are inlined; it loads nothing from the network except files pylon-kb already uploaded to the knowledge base.</footer>
</body>
</html>
`;
}

function summary(plan: Plan): string {
  const rows = summaryRows(plan)
    .map((r) => `<tr><td>${h(r.label)}</td><td class="num">${r.count}</td></tr>`)
    .join('');
  return (
    `<p class="summary-line" data-testid="summary-line">${h(summaryLine(plan))}</p>` +
    `<table data-testid="summary-table"><tr><th>What changes</th><th>Count</th></tr>${rows}</table>`
  );
}

function diagnostics(list: readonly Diagnostic[]): string {
  const items = sortDiagnostics(list).map((d) => {
    const location = diagnosticLocation(d);
    const field = d.field ? ` (field <code>${h(d.field)}</code>)` : '';
    const hint = d.hint ? `<span class="hint">${h(d.hint)}</span>` : '';
    return (
      `<li class="diag ${d.severity}" data-testid="diagnostic"><span class="badge ${d.severity}">${d.severity}</span> ` +
      `${location ? `<code>${h(location)}</code> ` : ''}<code>${h(d.code)}</code> ${h(d.message)}${field}${hint}</li>`
    );
  });
  return `<ul>${items.join('')}</ul>`;
}

function moves(ops: readonly MoveArticleOp[]): string {
  if (ops.length === 0) return '';
  const rows = ops.map(
    (op) =>
      `<tr data-testid="move-row"><td><code>${h(op.key)}</code><br>${h(op.title)}</td><td>${link(op.from.url || op.from.key, op.from.url)}<br><code>${h(placement(op.from.collectionKey, op.from.slug))}</code></td>` +
      `<td><code>${h(placement(op.collectionKey, op.slug))}</code></td><td>${h(MOVE_REASON[op.reason])}${op.similarity !== undefined ? ` (similarity ${Math.round(op.similarity * 100)}%)` : ''}</td>` +
      `<td>${op.retire === 'delete' ? 'deleted' : 'unlisted'}</td></tr>`,
  );
  return `<table><tr><th>Document</th><th>From</th><th>To</th><th>Why</th><th>Old article</th></tr>${rows.join('')}</table>`;
}

function redirectRows(plan: Plan): string {
  const rows: string[] = [];
  for (const op of plan.operations) {
    if (op.kind !== 'move-article' && op.kind !== 'create-redirects') continue;
    const target =
      op.kind === 'move-article'
        ? `${h(op.title)} <code>${h(placement(op.collectionKey, op.slug))}</code> <span class="badge move">moved</span>`
        : `<code>${h(op.key)}</code> (article <code>${h(op.articleId)}</code>)`;
    for (const path of op.redirectPaths) {
      rows.push(
        `<tr data-testid="redirect-row"><td><code>${h(path)}</code></td><td>→</td><td>${target}</td></tr>`,
      );
    }
  }
  return rows.join('');
}

function redirectTable(rows: string): string {
  if (rows === '') return '';
  return `<h3>Redirects</h3><table><tr><th>From path</th><th></th><th>To</th></tr>${rows}</table>`;
}
