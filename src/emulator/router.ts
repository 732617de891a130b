import { articleRoutes } from './articles.js';
import { attachmentRoutes } from './attachments.js';
import { collectionRoutes } from './collections.js';
import type { RouteDef } from './handler-types.js';
import { knowledgeBaseRoutes } from './knowledge-bases.js';
import { redirectRoutes } from './redirects.js';
import type { EmulatorBehaviour } from './types.js';
import { userRoutes } from './users.js';

/** Every Pylon API operation the emulator serves. */
export const API_ROUTES: RouteDef[] = [
  ...knowledgeBaseRoutes,
  ...collectionRoutes,
  ...articleRoutes,
  ...redirectRoutes,
  ...userRoutes,
  ...attachmentRoutes,
];

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
