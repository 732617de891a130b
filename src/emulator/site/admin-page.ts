import type { EmulatorState } from '../types.js';
import { esc } from './html.js';
import { htmlHeaders, type PageResponse } from './layout.js';

/** `GET /_emulator/`: the emulator's state as a page a person can read; `/_emulator/state` stays the JSON. */

const LOG_ROWS = 200;

function table(caption: string, head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<div class="table-scroll"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const code = (text: string) => `<code>${esc(text)}</code>`;
const link = (href: string, text: string) => `<a href="${esc(href)}">${esc(text)}</a>`;

function localPath(url: string, host: string, base: string): string {
  try {
    const u = new URL(url);
    return u.hostname === host ? `${base}${u.pathname}${u.search}` : url;
  } catch {
    return url;
  }
}

export function adminPage(state: EmulatorState): PageResponse {
  const kbs = new Map(state.knowledge_bases.map((kb) => [kb.id, kb]));
  const collections = new Map(state.collections.map((c) => [c.id, c]));
  const articles = new Map(state.articles.map((a) => [a.id, a]));
  const users = new Map(state.users.map((u) => [u.id, u]));
  const siteOf = (kbId: string) => `/_site/${encodeURIComponent(kbs.get(kbId)?.slug ?? '')}`;
  const previewOf = (kbId: string) => `/_preview/${encodeURIComponent(kbs.get(kbId)?.slug ?? '')}`;

  const kbRows = state.knowledge_bases.map((kb) => [
    esc(kb.title),
    code(kb.slug),
    code(kb.host),
    esc([kb.default_language, ...kb.supported_languages.filter((l) => l !== kb.default_language)].join(', ')),
    `${link(`/_site/${encodeURIComponent(kb.slug)}/`, 'Help center')} · ${link(`/_preview/${encodeURIComponent(kb.slug)}/`, 'Preview (drafts)')}`,
  ]);
  const collectionRows = state.collections.map((c) => [
    esc(c.title),
    code(c.slug),
    esc(
      c.parent_collection_id
        ? (collections.get(c.parent_collection_id)?.title ?? c.parent_collection_id)
        : '—',
    ),
    String(state.articles.filter((a) => a.collection_id === c.id).length),
    code(c.id),
  ]);
  const articleRows = state.articles.map((a) => {
    const kb = kbs.get(a.kb_id);
    const status = [a.is_published ? 'published' : 'draft', a.is_unlisted ? 'unlisted' : '']
      .filter(Boolean)
      .join(', ');
    const href =
      a.url && kb
        ? localPath(a.url, kb.host, siteOf(a.kb_id))
        : `${previewOf(a.kb_id)}/articles/${a.identifier}`;
    return [
      link(href, a.title),
      esc(a.collection_id ? (collections.get(a.collection_id)?.title ?? a.collection_id) : '—'),
      esc(status),
      esc(Object.keys(a.translations).sort().join(', ') || '—'),
      esc(users.get(a.author_user_id)?.name ?? a.author_user_id),
      `<time datetime="${esc(a.updated_at)}">${esc(a.updated_at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'))}</time>`,
      code(a.identifier),
    ];
  });
  const redirectRows = state.route_redirects.map((r) => {
    const target =
      r.object_type === 'article'
        ? (articles.get(r.object_id)?.title ?? `missing article ${r.object_id}`)
        : (collections.get(r.object_id)?.title ?? `missing collection ${r.object_id}`);
    return [
      link(`${siteOf(r.kb_id)}${r.from_path}`, r.from_path),
      `${esc(r.object_type)}: ${esc(target)}`,
      esc(r.language),
      esc(r.created_at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')),
    ];
  });
  const attachmentRows = state.attachments.map((a) => [
    link(new URL(a.url).pathname, a.name),
    esc(a.content_type),
    `${a.size.toLocaleString('en-US')} B`,
  ]);
  const log = state.requests.log.slice(-LOG_ROWS).reverse();
  const logRows = log.map((e) => [
    esc(new Date(e.at).toISOString().slice(11, 23)),
    esc(e.method),
    code(e.route),
    `<span class="status s${Math.floor(e.status / 100)}">${e.status}${e.dropped ? ' (dropped)' : ''}</span>`,
  ]);
  const counts = Object.entries(state.requests.counts)
    .sort((a, b) => b[1] - a[1])
    .map(([route, n]) => [code(route), String(n)]);

  const main =
    `<h1>Pylon emulator: ${esc(state.organization.name)}</h1>` +
    `<p class="lead">Everything the emulator holds. The same as JSON: ${link('/_emulator/state', '/_emulator/state')}.</p>` +
    `<nav class="toc"><a href="#collections">Collections</a> · <a href="#articles">Articles</a> · <a href="#redirects">Redirects</a> · <a href="#attachments">Files</a> · <a href="#requests">Request log</a></nav>` +
    `<h2>Knowledge bases</h2>${table('Knowledge bases', ['Title', 'Slug', 'Host', 'Languages', 'Open'], kbRows, 'No knowledge base.')}` +
    `<h2 id="collections">Collections (${collectionRows.length})</h2>${table('Collections', ['Title', 'Slug', 'Parent', 'Articles', 'Id'], collectionRows, 'No collection yet.')}` +
    `<h2 id="articles">Articles (${articleRows.length})</h2>${table('Articles', ['Title', 'Collection', 'Status', 'Translations', 'Author', 'Updated', 'Identifier'], articleRows, 'No article yet.')}` +
    `<h2 id="redirects">Route redirects (${redirectRows.length})</h2>${table('Route redirects', ['From', 'To', 'Language', 'Created'], redirectRows, 'No redirect yet.')}` +
    `<h2 id="attachments">Files (${attachmentRows.length})</h2>${table('Files', ['Name', 'Type', 'Size'], attachmentRows, 'No file uploaded yet.')}` +
    `<h2 id="requests">Request log</h2>${table('Requests by route', ['Route', 'Count'], counts, 'No request yet.')}` +
    `${table(`Latest ${log.length} requests, newest first`, ['Time (UTC)', 'Method', 'Route', 'Status'], logRows, '')}`;
  const body =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">` +
    `<title>Emulator state · ${esc(state.organization.name)}</title><link rel="stylesheet" href="/_emulator/style.css"></head>` +
    `<body class="admin"><div class="layout single"><main id="content">${main}</main></div></body></html>\n`;
  return { status: 200, headers: htmlHeaders(), body };
}
