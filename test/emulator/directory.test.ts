import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { type Api, startTestEmulator } from './helpers.js';

const NO_MORE = { cursor: '', has_next_page: false };

describe('knowledge bases, /me, users, roles and teams', () => {
  let emu: RunningEmulator;
  let api: Api;

  beforeAll(async () => {
    ({ emu, api } = await startTestEmulator());
  });
  afterAll(() => emu.close());

  it('lists the seeded knowledge base with pagination', async () => {
    const res = await api.get('/knowledge-bases');
    expect(res.status).toBe(200);
    expect(res.body.pagination).toEqual(NO_MORE);
    expect(res.body.data).toEqual([
      {
        id: emu.kb().id,
        title: 'Acme Help Center',
        slug: 'help-center',
        default_language: 'en',
        supported_languages: ['en', 'fr', 'de', 'es'],
      },
    ]);
    expect(emu.kb('help-center').host).toBe('help.acme.test');
  });

  it('gets a knowledge base by id, 404 for an unknown id', async () => {
    const ok = await api.get(`/knowledge-bases/${emu.kb().id}`);
    expect(ok.body.data.slug).toBe('help-center');
    const missing = await api.get('/knowledge-bases/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('returns the organisation from /me', async () => {
    const res = await api.get('/me');
    expect(res.body.data.name).toBe('Acme Inc');
    expect(emu.snapshot().organization.id).toBe(res.body.data.id);
  });

  it('lists the five seeded users with emails, and gets one', async () => {
    const res = await api.get('/users');
    expect(res.body.pagination).toEqual(NO_MORE);
    expect(res.body.data.map((u: { name: string; email: string }) => [u.name, u.email])).toEqual([
      ['Ada Lovelace', 'ada@acme.test'],
      ['Grace Hopper', 'grace@acme.test'],
      ['Alan Turing', 'alan@acme.test'],
      ['Katherine Johnson', 'katherine@acme.test'],
      ['Margaret Hamilton', 'margaret@acme.test'],
    ]);
    const grace = res.body.data[1];
    expect(grace).toMatchObject({ emails: ['grace@acme.test'], status: 'active' });
    const one = await api.get(`/users/${grace.id}`);
    expect(one.body.data).toEqual(grace);
    const missing = await api.get('/users/nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('gives seeded objects the same ids on every start', async () => {
    const other = await startTestEmulator();
    try {
      expect(other.emu.snapshot().users.map((u) => u.id)).toEqual(emu.snapshot().users.map((u) => u.id));
      expect(other.emu.kb().id).toBe(emu.kb().id);
      expect(other.emu.snapshot().teams.map((t) => t.id)).toEqual(emu.snapshot().teams.map((t) => t.id));
    } finally {
      await other.emu.close();
    }
    expect(DEFAULT_SEED.users).toHaveLength(5);
  });

  it('searches users by email with equals (case-insensitive), in and not_in', async () => {
    const equals = await api.post('/users/search', {
      filter: { field: 'email', operator: 'equals', value: 'ADA@acme.test' },
    });
    expect(equals.status).toBe(200);
    expect(equals.body.data.map((u: { name: string }) => u.name)).toEqual(['Ada Lovelace']);
    expect(equals.body.pagination).toEqual(NO_MORE);
    const inList = await api.post('/users/search', {
      filter: {
        field: 'email',
        operator: 'in',
        values: ['alan@acme.test', 'margaret@acme.test', 'who@else.test'],
      },
    });
    expect(inList.body.data.map((u: { email: string }) => u.email)).toEqual([
      'alan@acme.test',
      'margaret@acme.test',
    ]);
    const notIn = await api.post('/users/search', {
      filter: { field: 'email', operator: 'not_in', values: ['alan@acme.test', 'margaret@acme.test'] },
    });
    expect(notIn.body.data.map((u: { email: string }) => u.email)).toEqual([
      'ada@acme.test',
      'grace@acme.test',
      'katherine@acme.test',
    ]);
  });

  it('paginates user search with cursor and limit', async () => {
    const filter = { field: 'email', operator: 'not_in', values: [] };
    const first = await api.post('/users/search', { filter, limit: 2 });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.pagination.has_next_page).toBe(true);
    const second = await api.post('/users/search', {
      filter,
      limit: 2,
      cursor: first.body.pagination.cursor,
    });
    const third = await api.post('/users/search', {
      filter,
      limit: 2,
      cursor: second.body.pagination.cursor,
    });
    expect(third.body.pagination).toEqual(NO_MORE);
    const emails = [...first.body.data, ...second.body.data, ...third.body.data].map(
      (u: { email: string }) => u.email,
    );
    expect(new Set(emails).size).toBe(5);
  });

  it('rejects searches outside email with equals/in/not_in, naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'filter is required'],
      [{ filter: { field: 'name', operator: 'equals', value: 'Ada' } }, 'filter.field must be "email"'],
      [
        { filter: { field: 'email', operator: 'contains', value: 'a' } },
        'filter.operator must be one of equals, in, not_in',
      ],
      [{ filter: { field: 'email', operator: 'equals' } }, 'filter.value is required'],
      [{ filter: { field: 'email', operator: 'in', value: 'a' } }, 'filter.values must be an array'],
      [{ filter: { field: 'email', operator: 'in', values: [] }, limit: 0 }, 'limit must be'],
      [{ filter: { field: 'email', operator: 'in', values: [] }, cursor: 'bogus' }, 'cursor is invalid'],
    ];
    for (const [body, message] of cases) {
      const res = await api.post('/users/search', body, { invalid: true });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.errors[0]).toContain(message);
    }
  });

  it('lists the two user roles', async () => {
    const res = await api.get('/user-roles');
    expect(res.body.pagination).toEqual(NO_MORE);
    expect(res.body.data.map((r: { name: string; slug: string }) => [r.name, r.slug])).toEqual([
      ['Admin', 'admin'],
      ['Member', 'member'],
    ]);
    const users = (await api.get('/users')).body.data;
    const roleIds = new Set(res.body.data.map((r: { id: string }) => r.id));
    for (const u of users) expect(roleIds.has(u.role_id)).toBe(true);
  });

  it('lists the Support and Docs teams with their members, and gets one', async () => {
    const res = await api.get('/teams');
    expect(res.body.pagination).toEqual(NO_MORE);
    const byName = Object.fromEntries(
      res.body.data.map((t: { name: string; users: { email: string }[] }) => [
        t.name,
        t.users.map((u) => u.email),
      ]),
    );
    expect(byName).toEqual({
      Support: ['grace@acme.test', 'katherine@acme.test'],
      Docs: ['ada@acme.test', 'margaret@acme.test'],
    });
    const support = res.body.data[0];
    expect((await api.get(`/teams/${support.id}`)).body.data).toEqual(support);
    expect((await api.get('/teams/none')).status).toBe(404);
  });
});
