import { afterEach, describe, expect, it } from 'vitest';
import {
  createPylonClient,
  createTrutoTransport,
  type PylonApiError,
  type PylonClientOptions,
} from '../../src/pylon/index.js';
import { trutoPathFor } from '../../src/pylon-api/index.js';
import { rawArticle, rawUser } from '../pylon/fixtures.js';
import { type ScriptedServer, type Step, startScriptedServer } from '../pylon/scripted-server.js';

const TRUTO_TOKEN = 'truto_S3cretT0ken_abcdef123456';
const ACCOUNT = 'acct-1';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function trutoClient(url: string, options: Partial<PylonClientOptions> = {}) {
  return createPylonClient({
    baseUrl: url,
    token: TRUTO_TOKEN,
    transport: createTrutoTransport({ apiUrl: url, token: TRUTO_TOKEN, integratedAccountId: ACCOUNT }),
    rateLimits: { preset: 'off' },
    backoff: { baseMs: 10, maxMs: 40 },
    ...options,
  });
}

const list = (result: unknown[], next: string | null = null): Step => ({
  json: {
    result,
    next_cursor: next,
    prev_cursor: null,
    result_count: result.length,
    is_partial_response: false,
  },
});

describe('Truto transport: requests', () => {
  it('maps Pylon paths to the custom API (knowledge base) and the proxy API (users, teams, me, roles, attachments)', () => {
    expect(trutoPathFor('/knowledge-bases/kb1/articles/a1')).toBe('/custom/knowledge-bases/kb1/articles/a1');
    expect(trutoPathFor('/knowledge-bases')).toBe('/custom/knowledge-bases');
    expect(trutoPathFor('/users')).toBe('/proxy/users');
    expect(trutoPathFor('/users/search')).toBe('/proxy/users/search');
    expect(trutoPathFor('/users/u1')).toBe('/proxy/users/u1');
    expect(trutoPathFor('/user-roles')).toBe('/proxy/user_roles');
    expect(trutoPathFor('/teams/t1')).toBe('/proxy/teams/t1');
    expect(trutoPathFor('/me')).toBe('/proxy/me');
    expect(trutoPathFor('/attachments')).toBe('/proxy/attachments');
    expect(trutoPathFor('/members')).toBe('/custom/members');
  });

  it('sends Truto’s token and integrated_account_id on every call, and pages with next_cursor', async () => {
    server = await startScriptedServer((req) => {
      if (req.path === '/custom/knowledge-bases/kb1/articles') {
        return req.query.next_cursor === 'page-2'
          ? list([rawArticle(3)])
          : list([rawArticle(1), rawArticle(2)], 'page-2');
      }
      if (req.path === '/proxy/users/search') return list([rawUser(1)]);
      if (req.path === '/proxy/user_roles') return list([{ id: 'r1', name: 'Admin', slug: 'admin' }]);
      return { status: 404, json: { statusCode: 404, error: 'Not Found', message: 'no route' } };
    });
    const client = trutoClient(server.url);
    const articles = await client.listArticles('kb1');
    expect(articles.map((a) => a.id)).toEqual(['art-1', 'art-2', 'art-3']);
    expect((await client.searchUsersByEmail(['u1@example.com'])).map((u) => u.id)).toEqual(['user-1']);
    expect((await client.listUserRoles()).map((r) => r.slug)).toEqual(['admin']);
    const [first, second, search, roles] = server.requests;
    expect(first?.query).toEqual({ integrated_account_id: ACCOUNT, limit: '999' });
    expect(second?.query).toEqual({ integrated_account_id: ACCOUNT, limit: '999', next_cursor: 'page-2' });
    expect(search?.method).toBe('POST');
    expect(search?.query).toEqual({ integrated_account_id: ACCOUNT, limit: '999' });
    expect(search?.json).toEqual({ filter: { field: 'email', operator: 'equals', value: 'u1@example.com' } });
    expect(roles?.query).toEqual({ integrated_account_id: ACCOUNT });
    for (const req of server.requests) expect(req.headers.authorization).toBe(`Bearer ${TRUTO_TOKEN}`);
  });

  it('sends an Idempotency-Key on creates only, and the same key when a create is retried', async () => {
    let creates = 0;
    server = await startScriptedServer((req) => {
      if (req.method === 'POST') {
        creates++;
        return creates === 1 ? { destroy: true } : { json: { data: rawArticle(1), request_id: 'r' } };
      }
      return { json: { data: rawArticle(1, { title: 'New' }), request_id: 'r' } };
    });
    const client = trutoClient(server.url);
    const created = await client.createArticle('kb1', {
      title: 'A',
      body_html: '<p>a</p>',
      author_user_id: 'u',
    });
    expect(created.id).toBe('art-1');
    await client.updateArticle('kb1', 'art-1', { title: 'New' });
    const [lost, retried, update] = server.requests;
    const key = lost?.headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(retried?.headers['idempotency-key']).toBe(key);
    expect(update?.headers['idempotency-key']).toBeUndefined();
    expect(client.stats().retries).toBe(1);
    expect(client.transport).toMatchObject({ name: 'truto', supportsIdempotencyKeys: true });
  });
});

describe('Truto transport: responses', () => {
  it('accepts a single resource as Pylon’s {data} body, bare, or wrapped in {result}', async () => {
    const raw = rawArticle(7);
    server = await startScriptedServer([
      { json: { data: raw, request_id: 'req-1' } },
      { json: raw },
      { json: { result: raw } },
    ]);
    const client = trutoClient(server.url);
    const got = [
      await client.getArticle('kb', 'a'),
      await client.getArticle('kb', 'a'),
      await client.getArticle('kb', 'a'),
    ];
    expect(got[0]).toMatchObject({ id: 'art-7', identifier: raw.identifier, title: 'Article 7' });
    expect(got[1]).toEqual(got[0]);
    expect(got[2]).toEqual(got[0]);
  });

  it('accepts deletes answered with {request_id}, {} or nothing', async () => {
    server = await startScriptedServer([{ json: { request_id: 'r' } }, { json: {} }, { body: '' }]);
    const client = trutoClient(server.url);
    for (let i = 0; i < 3; i++) await expect(client.deleteArticle('kb', 'a')).resolves.toBeUndefined();
  });

  it('fails clearly on a body that is not JSON', async () => {
    server = await startScriptedServer([{ body: '<html>gateway</html>' }]);
    await expect(trutoClient(server.url).getArticle('kb', 'a')).rejects.toMatchObject({
      name: 'PylonApiError',
      code: 'invalid_response',
    });
  });
});

describe('Truto transport: errors', () => {
  it('maps Pylon’s error in raw_response to PylonApiError with its code, request id and exists_id', async () => {
    server = await startScriptedServer([
      {
        status: 400,
        json: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'slug already exists',
          truto_is_remote_error: true,
          raw_response: {
            errors: ['slug already exists'],
            request_id: 'pylon-req-9',
            code: 'already_exists',
            exists_id: 'art-existing',
          },
        },
      },
    ]);
    const error = (await trutoClient(server.url)
      .createArticle('kb1', { title: 'A', body_html: '<p/>', author_user_id: 'u' })
      .catch((e: unknown) => e)) as PylonApiError;
    expect(error).toMatchObject({
      name: 'PylonApiError',
      status: 400,
      code: 'already_exists',
      requestId: 'pylon-req-9',
      existsId: 'art-existing',
      errors: ['slug already exists'],
    });
    expect(error.message).toBe(
      'Pylon createArticle (POST /knowledge-bases/kb1/articles) failed with 400 already_exists through Truto: ' +
        'slug already exists (existing id art-existing) (request id pylon-req-9)',
    );
  });

  it('says when Truto does not know the integrated account', async () => {
    server = await startScriptedServer([
      {
        status: 404,
        json: { statusCode: 404, error: 'Not Found', message: 'Integrated account not found: acct-1' },
      },
    ]);
    const error = (await trutoClient(server.url)
      .getMe()
      .catch((e: unknown) => e)) as PylonApiError;
    expect(error).toMatchObject({ status: 404, code: 'truto_unknown_account' });
    expect(error.message).toMatch(/^Truto does not know integrated account acct-1: check --truto-account/);
  });

  it('names Truto and TRUTO_API_TOKEN for a refused token, and never shows the token', async () => {
    server = await startScriptedServer([
      {
        status: 401,
        json: { statusCode: 401, error: 'Unauthorized', message: `Invalid API token ${TRUTO_TOKEN}` },
      },
    ]);
    const error = (await trutoClient(server.url)
      .listUsers()
      .catch((e: unknown) => e)) as PylonApiError;
    expect(error).toMatchObject({ status: 401, code: 'truto_unauthorized' });
    expect(error.message).toMatch(/^Truto refused listUsers \(GET \/users\) with 401 truto_unauthorized: /);
    expect(error.message).toContain('Check TRUTO_API_TOKEN');
    expect(JSON.stringify(error)).not.toContain(TRUTO_TOKEN);
    expect(error.message).not.toContain(TRUTO_TOKEN);
    expect(error.stack).not.toContain(TRUTO_TOKEN);
  });

  it('names Truto’s URL when nothing answers', async () => {
    const client = trutoClient('http://127.0.0.1:9', { retries: 0 });
    const error = (await client.getMe().catch((e: unknown) => e)) as Error;
    expect(error.name).toBe('PylonNetworkError');
    expect(error.message).toMatch(/^Truto getMe \(GET \/me\) got no response from http:\/\/127\.0\.0\.1:9: /);
  });

  it('refuses an empty token or account id up front', () => {
    expect(() => createTrutoTransport({ token: ' ', integratedAccountId: ACCOUNT })).toThrow(
      'TRUTO_API_TOKEN',
    );
    expect(() => createTrutoTransport({ token: TRUTO_TOKEN, integratedAccountId: '' })).toThrow(
      '--truto-account',
    );
  });
});
