import { ENDPOINT_TABLE } from '../pylon-api/index.js';
import { articleHandlers } from './articles.js';
import { attachmentHandlers } from './attachments.js';
import { collectionHandlers } from './collections.js';
import type { HandlerDef, RouteDef } from './handler-types.js';
import { knowledgeBaseHandlers } from './knowledge-bases.js';
import { redirectHandlers } from './redirects.js';
import type { EmulatorBehaviour } from './types.js';
import { userHandlers } from './users.js';

/**
 * One route per row of the contract's endpoint table, each with its handler. An endpoint without a
 * handler (or with two) stops the emulator from loading, naming the endpoint.
 */
export function routesFromTable(handlers: readonly HandlerDef[]): RouteDef[] {
  const byName = new Map<string, HandlerDef>();
  for (const def of handlers) {
    if (byName.has(def.endpoint)) throw new Error(`The emulator has two handlers for ${def.endpoint}.`);
    byName.set(def.endpoint, def);
  }
  return ENDPOINT_TABLE.map((row) => {
    const def = byName.get(row.name);
    if (!def) throw new Error(`The emulator has no handler for ${row.name} (${row.method} ${row.path}).`);
    return { ...def, method: row.method, template: row.path };
  });
}

/** Every Pylon API operation the emulator serves. */
export const API_ROUTES: RouteDef[] = routesFromTable([
  ...knowledgeBaseHandlers,
  ...collectionHandlers,
  ...articleHandlers,
  ...redirectHandlers,
  ...userHandlers,
  ...attachmentHandlers,
]);

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

function matchTemplate(template: string, segments: string[]): Record<string, string> | null {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const segment = segments[i] as string;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (segment === '') return null;
      params[part.slice(1, -1)] = segment;
    } else if (part !== segment) return null;
  }
  return params;
}

/** The route for a method and path; literal segments win over parameters (`/users/search` before `/users/{id}`). */
export function matchRoute(
  routes: RouteDef[],
  method: string,
  pathname: string,
  behaviour: EmulatorBehaviour,
): RouteMatch | null {
  let segments: string[];
  try {
    segments = pathname.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return null;
  }
  let best: (RouteMatch & { literals: number }) | null = null;
  for (const route of routes) {
    if (route.method !== method || (route.enabled && !route.enabled(behaviour))) continue;
    const params = matchTemplate(route.template, segments);
    if (!params) continue;
    const literals = segments.length - Object.keys(params).length;
    if (!best || literals > best.literals) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}
