import type { Team, User, UserRole } from '../pylon-api/index.js';
import { badRequest, notFound } from './errors.js';
import { type HandlerDef, object } from './handler-types.js';
import type { TeamRecord, UserRecord } from './model.js';
import { paginate, parseLimit } from './pagination.js';
import type { Store } from './store.js';
import { jsonObject, stringArray } from './validate.js';

export function userView(u: UserRecord): User {
  const view: User = {
    id: u.id,
    name: u.name,
    email: u.email,
    emails: [...u.emails],
    role_id: u.role_id,
    status: u.status,
  };
  if (u.avatar_url) view.avatar_url = u.avatar_url;
  return view;
}

function teamView(t: TeamRecord, store: Store): Team {
  return {
    id: t.id,
    name: t.name,
    users: t.user_ids.map((id) => {
      const email = store.users.get(id)?.email;
      return email === undefined ? { id } : { id, email };
    }),
  };
}

const everything = { cursor: '', has_next_page: false };

/** `POST /users/search`: only `field: "email"` with `equals`, `in` or `not_in` (case-insensitive, any of the user's emails). */
function emailMatcher(filterValue: unknown): (u: UserRecord) => boolean {
  if (filterValue === undefined || filterValue === null) throw badRequest('filter is required');
  const filter = jsonObject(filterValue);
  if (filter.field !== 'email')
    throw badRequest('filter.field must be "email" (the only filterable user field)');
  const emailsOf = (u: UserRecord) => new Set([u.email, ...u.emails].map((e) => e.toLowerCase()));
  switch (filter.operator) {
    case 'equals': {
      if (typeof filter.value !== 'string')
        throw badRequest('filter.value is required for operator "equals"');
      const wanted = filter.value.toLowerCase();
      return (u) => emailsOf(u).has(wanted);
    }
    case 'in':
    case 'not_in': {
      const values = new Set(stringArray(filter.values, 'filter.values').map((v) => v.toLowerCase()));
      const inSet = (u: UserRecord) => [...emailsOf(u)].some((e) => values.has(e));
      return filter.operator === 'in' ? inSet : (u) => !inSet(u);
    }
    default:
      throw badRequest('filter.operator must be one of equals, in, not_in');
  }
}

export const userHandlers: HandlerDef[] = [
  {
    endpoint: 'getMe',
    handler: (_req, ctx) => object({ id: ctx.store.organization.id, name: ctx.store.organization.name }),
  },
  {
    endpoint: 'listUsers',
    handler: (_req, ctx) => ({
      kind: 'list',
      data: [...ctx.store.users.values()].map(userView),
      pagination: everything,
    }),
  },
  {
    endpoint: 'getUser',
    handler: (req, ctx) => {
      const user = ctx.store.users.get(req.params.id ?? '');
      if (!user) throw notFound('User');
      return object(userView(user));
    },
  },
  {
    endpoint: 'searchUsers',
    readOnly: true,
    handler: (req, ctx) => {
      const body = jsonObject(req.body);
      const matches = emailMatcher(body.filter);
      const limit = parseLimit(body.limit);
      const page = paginate([...ctx.store.users.values()].filter(matches), body.cursor, limit);
      return { kind: 'list', data: page.items.map(userView), pagination: page.pagination };
    },
  },
  {
    endpoint: 'listUserRoles',
    handler: (_req, ctx) => ({
      kind: 'list',
      data: [...ctx.store.roles.values()].map((r): UserRole => ({ id: r.id, name: r.name, slug: r.slug })),
      pagination: everything,
    }),
  },
  {
    endpoint: 'listTeams',
    handler: (_req, ctx) => ({
      kind: 'list',
      data: [...ctx.store.teams.values()].map((t) => teamView(t, ctx.store)),
      pagination: everything,
    }),
  },
  {
    endpoint: 'getTeam',
    handler: (req, ctx) => {
      const team = ctx.store.teams.get(req.params.id ?? '');
      if (!team) throw notFound('Team');
      return object(teamView(team, ctx.store));
    },
  },
];
