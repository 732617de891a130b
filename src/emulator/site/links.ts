import type { SiteContext } from './context.js';
import { attributeValue, esc } from './html.js';

/**
 * Stored HTML links to the KB's public host (`https://help.acme.test/articles/…`), to paths Pylon routes
 * (`/articles/<identifier>` for an article not published yet) and to the emulator's own absolute URLs
 * (uploaded files). On the local site every one of them must stay on the local server, so they are
 * rewritten to site paths; links elsewhere are left as they are.
 */

const URL_ATTRIBUTE = /(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)')/gi;
const SITE_PATH = /^\/(?:articles|collections)\//;

function isSameServer(url: URL, origin: string): boolean {
  let own: URL;
  try {
    own = new URL(origin);
  } catch {
    return false;
  }
  const local = (host: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(host);
  return (
    url.port === own.port && (url.hostname === own.hostname || (local(url.hostname) && local(own.hostname)))
  );
}

/** The local form of one URL, or null to keep it. */
export function localUrl(ctx: SiteContext, value: string): string | null {
  if (value.startsWith('/') && !value.startsWith('//')) {
    return SITE_PATH.test(value) ? `${ctx.base}${value}` : null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const rest = `${url.pathname}${url.search}${url.hash}`;
  if (url.hostname.toLowerCase() === ctx.kb.host.toLowerCase()) return `${ctx.base}${rest}`;
  if (isSameServer(url, ctx.origin)) return rest;
  return null;
}

export function localizeLinks(ctx: SiteContext, html: string): string {
  return html.replace(URL_ATTRIBUTE, (whole, open: string, double?: string, single?: string) => {
    const local = localUrl(ctx, attributeValue(double ?? single ?? ''));
    return local === null ? whole : `${open}"${esc(local)}"`;
  });
}
