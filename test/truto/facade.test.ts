import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { type Json, startTruto, type Truto } from './helpers.js';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(options: EmulatorOptions = {}) {
  const started = await startTruto(options);
  emu = started.emu;
  return started;
}

const article = (author: string, n: number) => ({
  title: `Article ${n}`,
  body_html: `<p>Body ${n}</p>`,
  author_user_id: author,
});

async function createArticles(truto: Truto, kbId: string, author: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const res = await truto.post(`/custom/knowledge-bases/${kbId}/articles`, article(author, i));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(res.body.data.id);
  }
  return ids;
}

describe('Truto façade: authentication and integrated accounts', () => {
  it('refuses a missing or wrong token with 401 in Truto’s error shape', async () => {
    const { truto } = await start();
    const missing = await truto.get('/custom/knowledge-bases', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Missing API token: send Authorization: Bearer <token>',
    });
    const wrong = await truto.get('/proxy/users', { token: 'pylon-emulator-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Invalid API token' });
  });

  it('requires integrated_account_id (400) and knows only its accounts (404)', async () => {
    const { truto } = await start({ truto: { accounts: ['acct-a', 'acct-b'] } });
    expect(await truto.get('/proxy/me', { account: null })).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'integrated_account_id is required' },
    });
    const unknown = await truto.get('/proxy/me', { account: 'acct-zzz' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Integrated account not found: acct-zzz',
    });
    expect((await truto.get('/proxy/me', { account: 'acct-b' })).status).toBe(200);
  });

  it('takes its token and accounts from options, with documented defaults', async () => {
    const { emu: e } = await start();
    expect(e.truto).toEqual({ token: 'truto-emulator-token', accounts: ['acct-emulator-1'] });
    await expect(start({ truto: { accounts: [] } })).rejects.toThrow('truto.accounts');
  });
});

describe('Truto façade: envelopes', () => {
  it('wraps lists in {result, next_cursor, prev_cursor, result_count, is_partial_response}', async () => {
    const { truto, kb } = await start();
    const res = await truto.get('/custom/knowledge-bases');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      result: [expect.objectContaining({ id: kb.id, slug: kb.slug })],
      next_cursor: null,
      prev_cursor: null,
      result_count: 1,
      is_partial_response: false,
    });
    const collections = await truto.get(`/custom/knowledge-bases/${kb.id}/collections`);
    expect(collections.body).toMatchObject({ result: [], next_cursor: null, result_count: 0 });
  });

  it('pages with Truto’s limit and next_cursor, derived from Pylon’s cursor', async () => {
    const { truto, kb, author } = await start();
    const ids = await createArticles(truto, kb.id, author, 5);
    const seen: string[] = [];
    const cursors: (string | null)[] = [];
    let next: string | null = null;
    do {
      const query: Record<string, string | number> = { limit: 2 };
      if (next) query.next_cursor = next;
      const page = await truto.get(`/custom/knowledge-bases/${kb.id}/articles`, { query });
      expect(page.status).toBe(200);
      expect(page.body.result_count).toBe(page.body.result.length);
      seen.push(...page.body.result.map((a: Json) => a.id));
      next = page.body.next_cursor;
      cursors.push(next);
    } while (next);
    expect(seen).toEqual(ids);
    expect(cursors).toHaveLength(3);
    expect(cursors.at(-1)).toBeNull();
    const bad = await truto.get(`/custom/knowledge-bases/${kb.id}/articles`, {
      query: { next_cursor: 'abc' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.truto_is_remote_error).toBeUndefined();
    expect(bad.body.message).toMatch(/^next_cursor is invalid/);
  });

  it('returns single resources and deletes as Pylon’s body, verbatim', async () => {
    const { truto, kb, author } = await start();
    const got = await truto.get(`/custom/knowledge-bases/${kb.id}`);
    expect(got.body).toEqual({
      data: expect.objectContaining({ id: kb.id }),
      request_id: expect.any(String),
    });
    const created = await truto.post(`/custom/knowledge-bases/${kb.id}/articles`, article(author, 1));
    expect(created.body).toEqual({
      data: expect.objectContaining({ title: 'Article 1', slug: 'article-1' }),
      request_id: expect.any(String),
    });
    const id = created.body.data.id;
    const patched = await truto.patch(`/custom/knowledge-bases/${kb.id}/articles/${id}`, {
      title: 'Renamed',
    });
    expect(patched.body.data.title).toBe('Renamed');
    const deleted = await truto.delete(`/custom/knowledge-bases/${kb.id}/articles/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ request_id: expect.any(String) });
    expect(emu?.snapshot().articles).toEqual([]);
  });

  it('serves users, teams, me, roles and attachments through the proxy', async () => {
    const { truto } = await start();
    const users = await truto.get('/proxy/users');
    expect(users.body.result.map((u: Json) => u.email)).toContain('ada@acme.test');
    const me = await truto.get('/proxy/me');
    expect(me.body).toEqual({
      data: { id: expect.any(String), name: 'Acme Inc' },
      request_id: expect.any(String),
    });
    const roles = await truto.get('/proxy/user_roles');
    expect(roles.body.result.length).toBeGreaterThan(0);
    const teams = await truto.get('/proxy/teams');
    const team = teams.body.result[0];
    expect((await truto.get(`/proxy/teams/${team.id}`)).body.data).toEqual(team);
    const user = users.body.result[1];
    expect((await truto.get(`/proxy/users/${user.id}`)).body.data).toEqual(user);
    const search = await truto.post(
      '/proxy/users/search',
      {
        filter: {
          field: 'email',
          operator: 'in',
          values: ['ada@acme.test', 'grace@acme.test', 'alan@acme.test'],
        },
      },
      { query: { limit: 2 } },
    );
    expect(search.body.result).toHaveLength(2);
    const rest = await truto.post(
      '/proxy/users/search',
      {
        filter: {
          field: 'email',
          operator: 'in',
          values: ['ada@acme.test', 'grace@acme.test', 'alan@acme.test'],
        },
      },
      { query: { limit: 2, next_cursor: search.body.next_cursor } },
    );
    expect(rest.body).toMatchObject({ result_count: 1, next_cursor: null });
    const form = new FormData();
    form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
    const upload = await truto.post('/proxy/attachments', form);
    expect(upload.body.data).toMatchObject({ name: 'hello.txt', url: expect.stringContaining('/_assets/') });
  });

  it('answers 404 in Truto’s shape for a resource its Pylon integration lacks', async () => {
    const { truto } = await start();
    const res = await truto.get('/proxy/tickets');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Resource "tickets" is not available on Truto\'s Pylon integration',
    });
  });
});

describe('Truto façade: Pylon errors', () => {
  it('wraps them with truto_is_remote_error and Pylon’s body in raw_response', async () => {
    const { truto, kb, author } = await start({ duplicateSlugs: 'reject' });
    const invalid = await truto.post(`/custom/knowledge-bases/${kb.id}/articles`, {
      body_html: '<p>x</p>',
      author_user_id: author,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'title is required',
      truto_is_remote_error: true,
      raw_response: {
        errors: ['title is required'],
        request_id: expect.any(String),
        code: 'invalid_request',
      },
    });
    const [first] = await createArticles(truto, kb.id, author, 1);
    const duplicate = await truto.post(`/custom/knowledge-bases/${kb.id}/articles`, article(author, 1));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.raw_response).toMatchObject({ code: 'already_exists', exists_id: first });
    const missing = await truto.get(`/custom/knowledge-bases/${kb.id}/articles/nope`);
    expect(missing.body).toMatchObject({
      statusCode: 404,
      truto_is_remote_error: true,
      raw_response: { code: 'not_found' },
    });
    const unknownPath = await truto.get('/custom/tickets');
    expect(unknownPath.body).toMatchObject({
      statusCode: 404,
      truto_is_remote_error: true,
      raw_response: { code: 'not_found' },
    });
  });

  it('applies Pylon’s per-endpoint limits behind the façade, forwarding Retry-After', async () => {
    const { truto, kb, author } = await start({
      rateLimits: { preset: 'off', overrides: { createArticle: 2 } },
      timeScale: 0.01,
    });
    await createArticles(truto, kb.id, author, 2);
    const limited = await truto.post(`/custom/knowledge-bases/${kb.id}/articles`, article(author, 3));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      truto_is_remote_error: true,
      raw_response: { code: 'rate_limited', errors: ['Rate limit exceeded'] },
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(0.6);
  });

  it('logs façade requests under Truto’s paths with Pylon’s endpoint names', async () => {
    const { truto, kb, author } = await start();
    await createArticles(truto, kb.id, author, 1);
    const state = emu?.snapshot();
    expect(state?.requests.counts).toMatchObject({
      'GET /proxy/users': 1,
      'POST /custom/knowledge-bases/{id}/articles': 1,
    });
    expect(state?.requests.log.at(-1)).toMatchObject({
      method: 'POST',
      route: '/custom/knowledge-bases/{id}/articles',
      endpoint: 'createArticle',
      status: 200,
    });
  });
});
