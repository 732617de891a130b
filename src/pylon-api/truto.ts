/**
 * How Pylon paths travel through Truto (docs/truto.md). Users, teams, `/me`, roles and
 * attachments are resources of Truto's Pylon integration, reached through the **proxy** API
 * (`/proxy/users`, `/proxy/user_roles`, …). Knowledge-base paths have no proxy resource Truto documents,
 * so they go through the **custom** API, which forwards the raw Pylon path
 * (`/custom/knowledge-bases/<kb>/articles`). Truto's unified User Directory is not used: it is Beta for
 * Pylon and reshapes the records. The client maps Pylon → Truto; the emulator's façade maps back.
 */

export const DEFAULT_TRUTO_API_URL = 'https://api.truto.one';

/** Truto's documented limit per integrated account: 50 requests per 10 s (then 429, `Retry-After: 10`). */
export const TRUTO_ACCOUNT_LIMIT = 50;
export const TRUTO_WINDOW_MS = 10_000;

/** Pylon path prefix → Truto proxy resource name. */
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

/** The Pylon path prefix a Truto proxy resource stands for, if Truto's Pylon integration has it. */
export function pylonPrefixOfResource(resource: string): string | undefined {
  return TRUTO_PROXY_RESOURCES.find(([, name]) => name === resource)?.[0];
}
