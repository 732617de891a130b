import type { Emulator } from './emulator.js';
import type { EmulatorState, FaultRule } from './types.js';

/** The whole store as JSON (`GET /_emulator/state`, `snapshot()`); attachment bytes are left out. */
export function buildState(emulator: Emulator): EmulatorState {
  const { store } = emulator;
  return structuredClone({
    organization: store.organization,
    knowledge_bases: [...store.knowledgeBases.values()],
    collections: [...store.collections.values()].map(({ seq: _seq, identifier: _identifier, ...c }) => c),
    articles: [...store.articles.values()].map(({ seq: _seq, translations, ...a }) => ({
      ...a,
      translations: Object.fromEntries(
        Object.entries(translations).map(([lang, t]) => [
          lang,
          { title: t.title, draft_html: t.draft_html, published_html: t.published_html },
        ]),
      ),
    })),
    route_redirects: [...store.redirects.values()].map(({ seq: _seq, ...r }) => r),
    attachments: [...store.attachments.values()].map((a) => ({
      id: a.id,
      name: a.name,
      description: a.description,
      url: a.url,
      size: a.size,
      sha256: a.sha256,
      content_type: a.content_type,
    })),
    users: [...store.users.values()].map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      emails: u.emails,
      role_id: u.role_id,
      status: u.status,
    })),
    teams: [...store.teams.values()].map((t) => ({
      id: t.id,
      name: t.name,
      users: t.user_ids.map((id) => ({ id, email: store.users.get(id)?.email ?? '' })),
    })),
    user_roles: [...store.roles.values()],
    faults: emulator.faults.rules(),
    options: emulator.behaviour,
    requests: emulator.log.view(),
  });
}

const ADMIN_PATHS = new Set([
  '/_emulator/state',
  '/_emulator/reset',
  '/_emulator/faults',
  '/_emulator/options',
]);

/** The request-counter key of an admin path: the path itself when it is a route, one key for all others. */
export function adminRouteKey(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return ADMIN_PATHS.has(trimmed) ? trimmed : '/_emulator/{unknown}';
}

export interface AdminResponse {
  status: number;
  body: unknown;
  /** Whether the store changed (so the state file must be saved). */
  wrote?: boolean;
}

function error(status: number, message: string, code: string): AdminResponse {
  return { status, body: { errors: [message], code } };
}

/** `/_emulator/*`: not part of Pylon's API, never rate-limited, no token needed. */
export function handleAdmin(emulator: Emulator, method: string, path: string, body: unknown): AdminResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /_emulator/state':
        return { status: 200, body: buildState(emulator) };
      case 'POST /_emulator/reset':
        emulator.reset();
        return { status: 200, body: { ok: true } };
      case 'GET /_emulator/faults':
        return { status: 200, body: { rules: emulator.faults.rules() } };
      case 'POST /_emulator/faults': {
        const rules = (body as { rules?: unknown } | undefined)?.rules;
        emulator.setFaults(rules as FaultRule[]);
        return { status: 200, body: { rules: emulator.faults.rules() } };
      }
      case 'GET /_emulator/options':
        return { status: 200, body: { options: emulator.behaviour } };
      case 'POST /_emulator/options':
        emulator.setOptions(body as never, true);
        return { status: 200, body: { options: emulator.behaviour } };
      default:
        return error(404, `No admin route ${route}`, 'not_found');
    }
  } catch (e) {
    return error(400, (e as Error).message, 'invalid_request');
  }
}
