import { afterEach, describe, expect, it } from 'vitest';
import type { PylonClient } from '../../src/pylon/index.js';
import { rawArticle, rawCollection, rawUser, TOKEN, testClient } from './fixtures.js';
import { ok, type ScriptedServer, type Step, startScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function withServer(steps: Step[]): Promise<{ client: PylonClient; srv: ScriptedServer }> {
  server = await startScriptedServer(steps);
  return { client: testClient(server.url), srv: server };
}

const noMore = { pagination: { cursor: '', has_next_page: false } };

describe('envelopes and unwrapping', () => {
  it('knowledge bases', async () => {
    const kb = {
      id: 'kb1',
      title: 'Docs',
      slug: 'docs',
      default_language: 'en',
      supported_languages: ['en'],
    };
    const { client, srv } = await withServer([ok([kb], noMore), ok(kb)]);
    expect(await client.listKnowledgeBases()).toEqual([kb]);
    expect(await client.getKnowledgeBase('kb1')).toEqual(kb);
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /knowledge-bases',
      'GET /knowledge-bases/kb1',
    ]);
    const headers = srv.requests[0]?.headers;
    expect(headers?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(headers?.accept).toBe('application/json');
    expect(srv.requests[0]?.query).toEqual({});
  });

  it('collections: list without pagination, get, create, update, delete', async () => {
    const col = rawCollection(1);
    const { client, srv } = await withServer([
      ok([col, rawCollection(2)]),
      ok(col),
      ok(col),
      ok({ ...col, title: 'Renamed' }),
      { json: { request_id: 'r-del' } },
    ]);
    const list = await client.listCollections('kb 1');
    expect(list.map((c) => c.id)).toEqual(['col-1', 'col-2']);
    expect(list[0]).toEqual({ ...col });
    expect(await client.getCollection('kb 1', 'col-1')).toEqual(col);
    expect(await client.createCollection('kb 1', { title: 'Collection 1', slug: 'collection-1' })).toEqual(
      col,
    );
    expect((await client.updateCollection('kb 1', 'col-1', { title: 'Renamed' })).title).toBe('Renamed');
    expect(await client.deleteCollection('kb 1', 'col-1')).toBeUndefined();
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /knowledge-bases/kb%201/collections',
      'GET /knowledge-bases/kb%201/collections/col-1',
      'POST /knowledge-bases/kb%201/collections',
      'PATCH /knowledge-bases/kb%201/collections/col-1',
      'DELETE /knowledge-bases/kb%201/collections/col-1',
    ]);
    expect(srv.requests[2]?.json).toEqual({ title: 'Collection 1', slug: 'collection-1' });
    expect(srv.requests[2]?.headers['content-type']).toBe('application/json');
    expect(srv.requests[3]?.json).toEqual({ title: 'Renamed' });
  });

  it('articles: list, get with language, create, update, delete; normalises optional fields', async () => {
    const sparse = {
      id: 'a1',
      identifier: 2042382281,
      title: 'T',
      slug: 't',
      current_draft_content_html: null,
    };
    const full = rawArticle(2, { url: 'https://help.example.com/articles/2042382202-a', is_published: true });
    const { client, srv } = await withServer([
      ok([sparse, full], noMore),
      ok(full),
      ok(full),
      ok(full),
      { json: { request_id: 'r' } },
    ]);
    const [a, b] = await client.listArticles('kb1', { language: 'fr' });
    expect(a).toEqual({
      id: 'a1',
      identifier: '2042382281',
      title: 'T',
      slug: 't',
      url: '',
      is_published: false,
      is_unlisted: false,
      current_draft_content_html: '',
    });
    expect(b).toEqual(full);
    expect(srv.requests[0]?.query).toEqual({ limit: '999', language: 'fr' });
    await client.getArticle('kb1', 'art-2', { language: 'fr' });
    expect(srv.requests[1]?.query).toEqual({ language: 'fr' });
    const body = { title: 'T', body_html: '<p>x</p>', author_user_id: 'u1', is_published: true };
    expect(await client.createArticle('kb1', body)).toEqual(full);
    expect(srv.requests[2]?.json).toEqual(body);
    await client.updateArticle('kb1', 'art-2', { body_html: '<p>y</p>', publish_updated_body_html: true });
    expect(srv.requests[3]?.json).toEqual({ body_html: '<p>y</p>', publish_updated_body_html: true });
    await client.deleteArticle('kb1', 'art-2');
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /knowledge-bases/kb1/articles',
      'GET /knowledge-bases/kb1/articles/art-2',
      'POST /knowledge-bases/kb1/articles',
      'PATCH /knowledge-bases/kb1/articles/art-2',
      'DELETE /knowledge-bases/kb1/articles/art-2',
    ]);
  });

  it('route redirects: missing response fields come from the request', async () => {
    const { client, srv } = await withServer([ok({ id: 'rr1', created_at: '2026-11-01T00:00:00Z' })]);
    const body = { from_path: '/articles/1-old', object_id: 'art-2', object_type: 'article' as const };
    expect(await client.createRouteRedirect('kb1', body)).toEqual({
      id: 'rr1',
      ...body,
      created_at: '2026-11-01T00:00:00Z',
    });
    expect(srv.requests[0]?.path).toBe('/knowledge-bases/kb1/route-redirects');
    expect(srv.requests[0]?.json).toEqual(body);
  });

  it('me, users, roles, teams', async () => {
    const team = {
      id: 't1',
      name: 'Docs',
      users: [{ id: 'user-1', email: 'u1@example.com' }, { id: 'user-2' }],
    };
    const { client, srv } = await withServer([
      ok({ id: 'org1', name: 'Acme' }),
      ok([rawUser(1), { id: 'user-2', name: 'B', emails: ['b@example.com'] }], noMore),
      ok(rawUser(1)),
      ok([{ id: 'r1', name: 'Admin', slug: 'admin' }], noMore),
      ok([team], noMore),
      ok(team),
    ]);
    expect(await client.getMe()).toEqual({ id: 'org1', name: 'Acme' });
    expect(await client.listUsers()).toEqual([
      rawUser(1),
      { id: 'user-2', name: 'B', email: 'b@example.com', emails: ['b@example.com'] },
    ]);
    expect(await client.getUser('user-1')).toEqual(rawUser(1));
    expect(await client.listUserRoles()).toEqual([{ id: 'r1', name: 'Admin', slug: 'admin' }]);
    expect(await client.listTeams()).toEqual([team]);
    expect(await client.getTeam('t1')).toEqual(team);
    expect(srv.requests.map((r) => r.path)).toEqual([
      '/me',
      '/users',
      '/users/user-1',
      '/user-roles',
      '/teams',
      '/teams/t1',
    ]);
    // Lists that document no parameters get none.
    expect(srv.requests[1]?.query).toEqual({});
  });

  it('searchUsersByEmail: equals for one, in for several, limit in the body', async () => {
    const { client, srv } = await withServer([
      ok([rawUser(1)], noMore),
      ok([rawUser(1), rawUser(2)], noMore),
    ]);
    expect(await client.searchUsersByEmail(['u1@example.com'])).toEqual([rawUser(1)]);
    expect(
      await client.searchUsersByEmail(['u1@example.com', 'u2@example.com', 'u1@example.com']),
    ).toHaveLength(2);
    expect(await client.searchUsersByEmail([])).toEqual([]);
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /users/search',
      'POST /users/search',
    ]);
    expect(srv.requests[0]?.json).toEqual({
      filter: { field: 'email', operator: 'equals', value: 'u1@example.com' },
      limit: 999,
    });
    expect(srv.requests[1]?.json).toEqual({
      filter: { field: 'email', operator: 'in', values: ['u1@example.com', 'u2@example.com'] },
      limit: 999,
    });
  });

  it('uploadAttachment sends multipart with the file name and description', async () => {
    const data = {
      id: 'att1',
      name: 'shot.png',
      url: 'https://assets.example/org%2F1-shot.png?Expires=253370764800',
    };
    const { client, srv } = await withServer([ok(data)]);
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const result = await client.uploadAttachment({
      name: 'shot.png',
      bytes,
      contentType: 'image/png',
      description: 'A shot',
    });
    expect(result).toEqual(data);
    const req = srv.requests[0];
    expect(req?.path).toBe('/attachments');
    const contentType = String(req?.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(req?.rawBody, { headers: { 'content-type': contentType } }).formData();
    const file = form.get('file');
    expect(file).toBeInstanceOf(Blob);
    expect((file as File).name).toBe('shot.png');
    expect((file as File).type).toBe('image/png');
    expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(bytes);
    expect(form.get('description')).toBe('A shot');
  });
});
