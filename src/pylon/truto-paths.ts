import type { TransportRequest } from './transport.js';

/**
 * Which of Truto's APIs carries a Pylon path. Users, teams, `/me`, roles and attachments are resources of
 * Truto's Pylon integration, reached through the **proxy** API (`/proxy/users`, `/proxy/user_roles`, …).
 * Knowledge-base paths have no proxy resource Truto documents, so they go through the **custom** API,
 * which forwards the raw Pylon path (`/custom/knowledge-bases/<kb>/articles`). Truto's unified User
 * Directory is not used: it is Beta for Pylon and reshapes the records.
 */
export const TRUTO_PROXY_RESOURCES: ReadonlyArray<readonly [pylonPrefix: string, resource: string]> = [
  ['/me', 'me'],
  ['/users', 'users'],
  ['/user-roles', 'user_roles'],
  ['/teams', 'teams'],
  ['/attachments', 'attachments'],
];

/** The Truto path for a Pylon path: `/proxy/<resource>[/rest]` or `/custom<path>`. */
export function trutoPathFor(pylonPath: string): string {
  for (const [prefix, resource] of TRUTO_PROXY_RESOURCES) {
    if (pylonPath === prefix || pylonPath.startsWith(`${prefix}/`)) {
      return `/proxy/${resource}${pylonPath.slice(prefix.length)}`;
    }
  }
  return `/custom${pylonPath}`;
}

/**
 * The full Truto URL: `integrated_account_id` on every call; a page is asked for with Truto's own
 * parameters (`next_cursor`, `limit`), as query parameters whatever the method.
 */
export function trutoUrl(base: string, req: TransportRequest, integratedAccountId: string): string {
  const params = new URLSearchParams(req.query);
  params.set('integrated_account_id', integratedAccountId);
  if (req.page?.cursor !== undefined) params.set('next_cursor', req.page.cursor);
  if (req.page?.limit !== undefined) params.set('limit', String(req.page.limit));
  return `${base}${trutoPathFor(req.path)}?${params.toString()}`;
}
