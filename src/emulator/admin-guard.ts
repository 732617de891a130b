import type { IncomingHttpHeaders } from 'node:http';

/**
 * Admin writes (`POST /_emulator/*`) change or wipe the whole store, and the emulator listens on a port any
 * web page in a browser on the same machine can reach. A cross-site page can send a "simple" POST (a form
 * or `fetch` with `text/plain`) without a CORS preflight; it cannot send `content-type: application/json`
 * without one, and a browser always names the page's origin. So an admin write needs JSON and, when the
 * request names an origin, the emulator's own.
 */

export interface AdminRefusal {
  status: number;
  code: string;
  message: string;
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** Why an admin request must be refused, or undefined when it may run. Reads (GET, HEAD) always may. */
export function refuseAdminWrite(method: string, headers: IncomingHttpHeaders): AdminRefusal | undefined {
  if (method === 'GET' || method === 'HEAD') return undefined;
  const origin = headers.origin;
  if (origin !== undefined && !sameOrigin(origin, headers.host)) {
    return {
      status: 403,
      code: 'forbidden_origin',
      message: `admin writes are refused from another origin (${origin}); send them from a script or a terminal`,
    };
  }
  if (headers['sec-fetch-site'] === 'cross-site') {
    return { status: 403, code: 'forbidden_origin', message: 'admin writes are refused from another site' };
  }
  if (mediaType(headers) !== 'application/json') {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: 'admin writes need content-type: application/json (send {} when there is nothing to say)',
    };
  }
  return undefined;
}
