/**
 * Where a Truto path leads on Pylon. `/custom/<path>` forwards `<path>` raw to Pylon (the custom API);
 * `/proxy/<resource>[/<id or method>]` reaches Pylon's native resource of that name (the proxy API).
 */

import { pylonPrefixOfResource } from '../../pylon-api/index.js';

export type FacadePath =
  | { api: 'custom'; pylonPath: string }
  | { api: 'proxy'; resource: string; pylonPath: string }
  | { api: 'proxy'; resource: string; pylonPath: null };

export function isTrutoPath(pathname: string): boolean {
  return pathname.startsWith('/custom/') || pathname.startsWith('/proxy/');
}

/** The Pylon path behind a Truto path (`pylonPath: null` for a proxy resource Pylon's integration lacks). */
export function facadePath(pathname: string): FacadePath {
  if (pathname.startsWith('/custom/')) return { api: 'custom', pylonPath: pathname.slice('/custom'.length) };
  const rest = pathname.slice('/proxy/'.length);
  const slash = rest.indexOf('/');
  const resource = slash === -1 ? rest : rest.slice(0, slash);
  const base = pylonPrefixOfResource(resource);
  if (base === undefined) return { api: 'proxy', resource, pylonPath: null };
  return { api: 'proxy', resource, pylonPath: base + (slash === -1 ? '' : rest.slice(slash)) };
}

/** The log route of a request: Pylon's template under Truto's path (`/custom/knowledge-bases/{id}/articles`). */
export function facadeRoute(path: FacadePath, pylonTemplate: string): string {
  if (path.api === 'custom') return `/custom${pylonTemplate}`;
  const base = pylonPrefixOfResource(path.resource) ?? '';
  return `/proxy/${path.resource}${pylonTemplate.slice(base.length)}`;
}
