import { afterEach, describe, expect, it } from 'vitest';
import { PylonApiError } from '../../src/pylon/index.js';
import { rawArticle, rawUser, testClient } from './fixtures.js';
import { ok, type ScriptedServer, startScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const page = (from: number, to: number, cursor: string, more: boolean) =>
  ok(
    Array.from({ length: to - from }, (_, i) => rawArticle(from + i)),
    { pagination: { cursor, has_next_page: more } },
  );

describe('pagination', () => {
  it('follows three pages of articles with limit=999 and the returned cursors, missing nothing', async () => {
    server = await startScriptedServer([
      page(0, 999, 'c1', true),
      page(999, 1998, 'c2', true),
      page(1998, 2100, '', false),
    ]);
    const articles = await testClient(server.url).listArticles('kb1');
    expect(articles).toHaveLength(2100);
    expect(new Set(articles.map((a) => a.id)).size).toBe(2100);
    expect(articles[2099]?.id).toBe('art-2099');
    expect(server.requests.map((r) => r.query)).toEqual([
      { limit: '999' },
      { limit: '999', cursor: 'c1' },
      { limit: '999', cursor: 'c2' },
    ]);
  });

  it('throws pagination_loop when a cursor repeats', async () => {
    server = await startScriptedServer([
      page(0, 2, 'c1', true),
      page(2, 4, 'c2', true),
      page(4, 6, 'c1', true),
    ]);
    const error = await testClient(server.url)
      .listArticles('kb1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PylonApiError);
    expect(error).toMatchObject({ code: 'pagination_loop', endpoint: 'listArticles' });
    expect(server.requests).toHaveLength(3);
  });

  it('caps the number of pages', async () => {
    let n = 0;
    server = await startScriptedServer(() => page(n, ++n, `c${n}`, true));
    const error = await testClient(server.url, { maxPages: 5 })
      .listArticles('kb1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'pagination_limit' });
    expect(server.requests).toHaveLength(5);
  });

  it('rejects has_next_page without a cursor', async () => {
    server = await startScriptedServer([page(0, 1, '', true)]);
    await expect(testClient(server.url).listArticles('kb1')).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('follows has_next_page on lists that document no cursor (users), and on search via the body', async () => {
    server = await startScriptedServer([
      ok([rawUser(1)], { pagination: { cursor: 'u2', has_next_page: true } }),
      ok([rawUser(2)], { pagination: { cursor: '', has_next_page: false } }),
      ok([rawUser(3)], { pagination: { cursor: 's2', has_next_page: true } }),
      ok([rawUser(4)], { pagination: { cursor: '', has_next_page: false } }),
    ]);
    const client = testClient(server.url);
    expect((await client.listUsers()).map((u) => u.id)).toEqual(['user-1', 'user-2']);
    expect(server.requests.map((r) => r.query)).toEqual([{}, { cursor: 'u2' }]);
    expect((await client.searchUsersByEmail(['a@x.com', 'b@x.com'])).map((u) => u.id)).toEqual([
      'user-3',
      'user-4',
    ]);
    expect(server.requests[3]?.json).toMatchObject({ cursor: 's2', limit: 999, filter: { operator: 'in' } });
    expect(server.requests[3]?.query).toEqual({});
  });

  it('rejects a list whose data is not an array', async () => {
    server = await startScriptedServer([ok({ id: 'x' })]);
    await expect(testClient(server.url).listCollections('kb1')).rejects.toMatchObject({
      code: 'invalid_response',
      endpoint: 'listCollections',
    });
  });
});
