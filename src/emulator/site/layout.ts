import { sitePageHeaders } from '../site-policy.js';
import { languageName, type SiteContext, sitePath } from './context.js';
import { esc } from './html.js';
import { siteLabels } from './labels.js';

/** The page shell: header with search and language switch, optional sidebar, the security headers. */

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface PageParts {
  title: string;
  main: string;
  sidebar?: string;
  /** Language switch: the languages this page exists in, with the link to each. */
  languages?: Array<{ lang: string; href: string }>;
  query?: string;
  status?: number;
}

/** A help-center page's headers: the emulator's page policy (CSP with this response's script nonce, if any). */
export function htmlHeaders(nonce?: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...sitePageHeaders(nonce),
  };
}

function languageSwitch(ctx: SiteContext, languages: PageParts['languages']): string {
  if (!languages || languages.length < 2) return '';
  const items = languages.map(({ lang, href }) =>
    lang === ctx.lang
      ? `<li><span aria-current="true" lang="${esc(lang)}">${esc(languageName(lang))}</span></li>`
      : `<li><a href="${esc(href)}" hreflang="${esc(lang)}" lang="${esc(lang)}">${esc(languageName(lang))}</a></li>`,
  );
  return `<nav class="languages" aria-label="${siteLabels(ctx.lang).language}"><ul>${items.join('')}</ul></nav>`;
}

function liveReload(ctx: SiteContext): string {
  if (!ctx.liveReloadNonce) return '';
  const events = JSON.stringify(`${ctx.base}/_help/events`);
  const version = JSON.stringify(String(ctx.version));
  // Reload once the store has changed since this page was rendered (the first event says where it is now).
  return `<script nonce="${ctx.liveReloadNonce}">(()=>{const s=new EventSource(${events});s.onmessage=(e)=>{if(e.data!==${version}){s.close();location.reload();}};})();</script>`;
}

function previewBanner(ctx: SiteContext): string {
  if (!ctx.preview) return '';
  return (
    `<div class="preview-banner" role="note">Preview: drafts are shown and marked. ` +
    `<a href="${esc(sitePath({ ...ctx, base: ctx.publishedBase }, '/'))}">View the published help center</a></div>`
  );
}

export function renderPage(ctx: SiteContext, parts: PageParts): PageResponse {
  const t = siteLabels(ctx.lang);
  const hidden =
    ctx.lang === ctx.kb.default_language ? '' : `<input type="hidden" name="lang" value="${esc(ctx.lang)}">`;
  const header =
    `<header class="site-header"><div class="inner">` +
    `<a class="brand" href="${esc(sitePath(ctx, '/'))}">${esc(ctx.kb.title)}</a>` +
    `<form class="search" role="search" action="${esc(`${ctx.base}/search`)}" method="get">` +
    `<input type="search" name="q" placeholder="${t.searchArticles}" aria-label="${t.searchArticles}" value="${esc(parts.query ?? '')}">${hidden}` +
    `<button type="submit">${t.search}</button></form>` +
    `${languageSwitch(ctx, parts.languages)}</div></header>`;
  const layout = parts.sidebar
    ? `<div class="layout">${parts.sidebar}<main id="content">${parts.main}</main></div>`
    : `<div class="layout single"><main id="content">${parts.main}</main></div>`;
  const footer = `<footer class="site-footer">Served locally by the Pylon emulator · <a href="/_emulator/">Emulator state</a></footer>`;
  const body =
    `<!doctype html>\n<html lang="${esc(ctx.lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="icon" href="data:,"><title>${esc(parts.title)} · ${esc(ctx.kb.title)}</title>` +
    `<link rel="stylesheet" href="${esc(`${ctx.base}/_help/style.css`)}">${liveReload(ctx)}</head>` +
    `<body>${previewBanner(ctx)}${header}${layout}${footer}</body></html>\n`;
  return { status: parts.status ?? 200, headers: htmlHeaders(ctx.liveReloadNonce), body };
}
