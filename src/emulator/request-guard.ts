import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the emulator checks before it reads a request body: a server users leave running must not be a way
 * for a web page or an unauthenticated client to change it or fill its memory.
 *
 * - Admin routes (`/_emulator…`) answer only when the `Host` header names this machine (127.0.0.1,
 *   localhost, [::1]) or the host it was told to listen on: a page on another name that resolves to
 *   127.0.0.1 (DNS rebinding) is refused, whatever its method.
 * - An API write (a body-bearing method outside the admin and site routes) must carry a bearer token the
 *   emulator knows before its body is read; without one it is answered 401 and the connection closed.
 * - Bodies are capped by route: attachments at the attachment limit, admin and JSON API routes far lower.
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The host name of a `Host` header (`localhost:8080` → `localhost`, `[::1]:80` → `[::1]`). */
function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : null;
  }
  return value.split(':')[0] ?? null;
}

/** Whether an admin request may be answered: its `Host` names this machine or the configured host. */
export function adminHostAllowed(headers: IncomingHttpHeaders, configuredHost: string | undefined): boolean {
  const name = hostName(headers.host);
  if (name === null) return false;
  if (LOOPBACK_HOSTS.has(name)) return true;
  const configured = configuredHost?.toLowerCase();
  return configured !== undefined && configured !== '0.0.0.0' && configured !== '::' && name === configured;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the request carries one of these bearer tokens (checked before its body is read). */
export function hasKnownBearer(headers: IncomingHttpHeaders, tokens: readonly string[]): boolean {
  const bearer = /^Bearer +(\S+) *$/i.exec(headers.authorization ?? '');
  return bearer?.[1] !== undefined && tokens.includes(bearer[1]);
}

/** Whether this is an API write, whose token is checked before its body is read. */
export function isApiWrite(method: string, path: string): boolean {
  if (!BODY_METHODS.has(method)) return false;
  return !(
    path === '/_emulator' ||
    path.startsWith('/_emulator/') ||
    path.startsWith('/_site/') ||
    path.startsWith('/_preview')
  );
}

/** JSON request bodies (articles, collections, admin commands) are far smaller than this. */
export const MAX_JSON_BODY_BYTES = 16 * 1024 * 1024;

/** The largest body a route reads: attachment uploads take a file, everything else JSON. */
export function bodyCapFor(path: string, maxAttachmentBytes: number): number {
  if (/\/attachments\/?$/.test(path) || path.includes('/attachments/'))
    return maxAttachmentBytes + 2 * 1024 * 1024;
  return MAX_JSON_BODY_BYTES;
}
