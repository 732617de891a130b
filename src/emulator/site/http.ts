import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildState } from '../admin.js';
import type { Emulator } from '../emulator.js';
import type { KbRecord } from '../model.js';
import { newScriptNonce } from '../site-policy.js';
import { adminPage } from './admin-page.js';
import type { SiteContext } from './context.js';
import type { PageResponse } from './layout.js';
import { serveEvents } from './live-reload.js';
import { sitePage } from './routes.js';
import { SITE_CSS } from './style.js';

/**
 * The help center on the emulator's HTTP server. Published pages live under `/_site/<kb-slug>/`, drafts under
 * `/_preview/<kb-slug>/`; a request whose `Host` is a KB's public host is served from `/` (and `/_preview/`).
 * `GET /` opens the only KB's help center (or the state page when there are several), `GET /_emulator/`
 * is the state as a page.
 */

interface Located {
  kb: KbRecord | undefined;
  /** Path below the site's base. */
  sub: string;
  base: string;
  publishedBase: string;
  previewBase: string;
  preview: boolean;
  hostRouted: boolean;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function locate(em: Emulator, host: string, path: string): Located | null {
  const hostKb = em.store.kbByHost(host.replace(/:\d+$/, ''));
  if (hostKb) {
    const preview = path === '/_preview' || path.startsWith('/_preview/');
    return {
      kb: hostKb,
      sub: preview ? path.slice('/_preview'.length) || '/' : path,
      base: preview ? '/_preview' : '',
      publishedBase: '',
      previewBase: '/_preview',
      preview,
      hostRouted: true,
    };
  }
  const site = /^\/(_site|_preview)\/([^/]+)(\/.*)?$/.exec(path);
  if (!site) return null;
  const slug = site[2] as string;
  return {
    kb: em.store.kbBySlug(decode(slug)),
    sub: site[3] ?? '/',
    base: `/${site[1]}/${slug}`,
    publishedBase: `/_site/${slug}`,
    previewBase: `/_preview/${slug}`,
    preview: site[1] === '_preview',
    hostRouted: false,
  };
}

function write(res: ServerResponse, page: PageResponse, head: boolean): void {
  res.writeHead(page.status, { 'content-length': String(Buffer.byteLength(page.body)), ...page.headers });
  res.end(head ? undefined : page.body);
}

function css(): PageResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' },
    body: SITE_CSS,
  };
}

/** Answers the request when it is a help-center, root or state-page request; returns whether it did. */
export function handleSite(em: Emulator, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const readOnly = method === 'GET' || method === 'HEAD';
  const head = method === 'HEAD';
  const log = (route: string, status: number) => {
    em.log.count(method, route);
    em.log.record(em.nowMs(), method, route, null, status);
  };
  if (readOnly && (path === '/_emulator' || path === '/_emulator/')) {
    write(res, adminPage(buildState(em)), head);
    return true;
  }
  if (readOnly && path === '/_emulator/style.css') {
    write(res, css(), head);
    return true;
  }
  if (readOnly && path === '/') {
    const kbs = [...em.store.knowledgeBases.values()];
    const location = kbs.length === 1 ? `/_site/${encodeURIComponent(kbs[0]?.slug ?? '')}/` : '/_emulator/';
    res.writeHead(302, { location, 'content-length': '0' });
    res.end();
    return true;
  }
  const where = locate(em, req.headers.host ?? '', path);
  if (!where) return false;
  const route = where.preview ? '/_preview/{kb_slug}/{path}' : '/_site/{kb_slug}/{path}';
  if (!where.kb || !readOnly) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(head ? undefined : 'Not found\n');
    log(route, 404);
    return true;
  }
  if (where.sub === '/_help/events') {
    if (!em.liveReload) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Live reload is off (start the emulator with --live-reload, or use pylon-kb preview)\n');
      return true;
    }
    serveEvents(em.changes, res);
    return true;
  }
  const lang = url.searchParams.get('lang');
  const ctx: SiteContext = {
    store: em.store,
    kb: where.kb,
    suffix: em.behaviour.urlSuffix,
    base: where.base,
    publishedBase: where.publishedBase,
    previewBase: where.previewBase,
    preview: where.preview,
    lang: lang && where.kb.supported_languages.includes(lang) ? lang : where.kb.default_language,
    origin: em.baseUrl,
    version: em.changes.version,
    ...(em.liveReload ? { liveReloadNonce: newScriptNonce() } : {}),
  };
  const page = sitePage(ctx, where.sub, url.searchParams);
  // Routed by the KB's own host, a redirect names the canonical URL, as Pylon's would.
  if (where.hostRouted && page.headers.location?.startsWith('/')) {
    page.headers.location = `https://${where.kb.host}${page.headers.location}`;
  }
  write(res, page, head);
  log(route, page.status);
  return true;
}
