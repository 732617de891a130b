/**
 * Every Pylon operation pylon-kb calls, written once: the client's methods build their requests from this
 * table, the emulator serves one route per row, the scheduler keeps one queue per name, and config
 * `rateLimits.overrides` keys are these names. Path templates are Pylon's own (its OpenAPI document): the
 * knowledge base parameter is `{id}` even in nested paths.
 */
export const ENDPOINT_TABLE = [
  { name: 'listKnowledgeBases', method: 'GET', path: '/knowledge-bases', rateClass: 'read' },
  { name: 'getKnowledgeBase', method: 'GET', path: '/knowledge-bases/{id}', rateClass: 'read' },
  { name: 'listCollections', method: 'GET', path: '/knowledge-bases/{id}/collections', rateClass: 'list' },
  {
    name: 'getCollection',
    method: 'GET',
    path: '/knowledge-bases/{id}/collections/{collection_id}',
    rateClass: 'collection-read',
  },
  { name: 'createCollection', method: 'POST', path: '/knowledge-bases/{id}/collections', rateClass: 'write' },
  {
    name: 'updateCollection',
    method: 'PATCH',
    path: '/knowledge-bases/{id}/collections/{collection_id}',
    rateClass: 'list',
  },
  {
    name: 'deleteCollection',
    method: 'DELETE',
    path: '/knowledge-bases/{id}/collections/{collection_id}',
    rateClass: 'write',
  },
  { name: 'listArticles', method: 'GET', path: '/knowledge-bases/{id}/articles', rateClass: 'list' },
  {
    name: 'getArticle',
    method: 'GET',
    path: '/knowledge-bases/{id}/articles/{article_id}',
    rateClass: 'read',
  },
  { name: 'createArticle', method: 'POST', path: '/knowledge-bases/{id}/articles', rateClass: 'write' },
  {
    name: 'updateArticle',
    method: 'PATCH',
    path: '/knowledge-bases/{id}/articles/{article_id}',
    rateClass: 'list',
  },
  {
    name: 'deleteArticle',
    method: 'DELETE',
    path: '/knowledge-bases/{id}/articles/{article_id}',
    rateClass: 'article-delete',
  },
  {
    name: 'createRouteRedirect',
    method: 'POST',
    path: '/knowledge-bases/{id}/route-redirects',
    rateClass: 'write',
  },
  { name: 'getMe', method: 'GET', path: '/me', rateClass: 'read' },
  { name: 'listUsers', method: 'GET', path: '/users', rateClass: 'read' },
  { name: 'getUser', method: 'GET', path: '/users/{id}', rateClass: 'read' },
  { name: 'searchUsers', method: 'POST', path: '/users/search', rateClass: 'list', readOnly: true },
  { name: 'listUserRoles', method: 'GET', path: '/user-roles', rateClass: 'read' },
  { name: 'listTeams', method: 'GET', path: '/teams', rateClass: 'read' },
  { name: 'getTeam', method: 'GET', path: '/teams/{id}', rateClass: 'read' },
  { name: 'createAttachment', method: 'POST', path: '/attachments', rateClass: 'write' },
] as const satisfies readonly EndpointRow[];

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The rate-limit class of an endpoint: its column in the presets of rate-limits.ts. */
export const RATE_CLASSES = ['read', 'list', 'write', 'collection-read', 'article-delete'] as const;
export type RateClass = (typeof RATE_CLASSES)[number];

export interface EndpointRow {
  name: string;
  method: HttpMethod;
  /** Pylon's path template, parameters in braces. */
  path: string;
  rateClass: RateClass;
  /** A POST that only reads (a search): not a write, though not a GET. */
  readOnly?: boolean;
}

/** Whether calling the endpoint changes the knowledge base (every method but GET, except read-only POSTs). */
export function isWriteEndpoint(row: EndpointRow): boolean {
  return row.method !== 'GET' && row.readOnly !== true;
}

export type Endpoint = (typeof ENDPOINT_TABLE)[number];
export type EndpointName = Endpoint['name'];

/** The endpoint names, in table order. */
export const ENDPOINTS: readonly EndpointName[] = ENDPOINT_TABLE.map((row) => row.name);

const BY_NAME = new Map<string, Endpoint>(ENDPOINT_TABLE.map((row) => [row.name, row]));

export function endpoint<N extends EndpointName>(name: N): Extract<Endpoint, { name: N }> {
  return BY_NAME.get(name) as Extract<Endpoint, { name: N }>;
}

/** The parameter names of a path template, in order: `/knowledge-bases/{id}/articles/{article_id}` → id, article_id. */
export function pathParams(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
}

/** A concrete path: each `{param}` replaced by its value, URI-encoded as one segment. */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`${template}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
