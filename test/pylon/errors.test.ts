import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientEvent,
  createPylonClient,
  OutcomeUnknownError,
  PylonApiError,
  PylonNetworkError,
} from '../../src/pylon/index.js';
import { rawArticle, TOKEN, testClient } from './fixtures.js';
import { fail, ok, type ScriptedServer, startScriptedServer } from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectNoSecret(value: unknown, secret: string): void {
  const e = value as Error;
  const renderings = [e.message, e.stack, String(e), JSON.stringify(e), inspect(e, { depth: 6 })];
  for (const text of renderings) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
}

describe('API errors', () => {
  it('maps a 401 invalid_api_token with code, request id, a fix hint, and no token', async () => {
    server = await startScriptedServer([
      {
        status: 401,
        json: { errors: ['Invalid API token!'], code: 'invalid_api_token', request_id: 'req-401' },
      },
    ]);
    const error = await testClient(server.url)
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PylonApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'invalid_api_token',
      requestId: 'req-401',
      errors: ['Invalid API token!'],
      endpoint: 'getMe',
      method: 'GET',
      path: '/me',
    });
    const message = (error as Error).message;
    expect(message).toContain('getMe');
    expect(message).toContain('401');
    expect(message).toContain('Invalid API token!');
    expect(message).toContain('req-401');
    expect(message).toContain('Check PYLON_API_TOKEN');
    expectNoSecret(error, TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it('hints at the EU base URL for wrong_region_token', async () => {
    server = await startScriptedServer([fail(401, { errors: ['wrong region'], code: 'wrong_region_token' })]);
    await expect(testClient(server.url).listKnowledgeBases()).rejects.toThrow(
      /use the EU base URL https:\/\/api\.eu\.usepylon\.com/,
    );
  });

  it('derives a code from the status and keeps exists_id', async () => {
    server = await startScriptedServer([
      fail(400, { errors: ['Route already exists'], exists_id: 'rr-9' }),
      fail(404, { errors: ['Article not found!'] }),
      { status: 500, body: '<html>oops</html>' },
    ]);
    // No retries: a 500 on a read is retried, and this test is about how the final error reads.
    const client = testClient(server.url, { retries: 0 });
    const body = { from_path: '/a', object_id: 'x', object_type: 'article' as const };
    await expect(client.createRouteRedirect('kb1', body)).rejects.toMatchObject({
      status: 400,
      code: 'already_exists',
      existsId: 'rr-9',
    });
    await expect(client.getArticle('kb1', 'nope')).rejects.toMatchObject({ status: 404, code: 'not_found' });
    await expect(client.getArticle('kb1', 'boom')).rejects.toMatchObject({
      status: 500,
      code: 'server_error',
      // A body that is not JSON is summarised, not quoted.
      errors: ['an HTML page (17 bytes)'],
    });
  });

  it('rejects a malformed response with invalid_response naming the field', async () => {
    server = await startScriptedServer([
      ok([rawArticle(1), { ...rawArticle(2), identifier: undefined }], {
        pagination: { cursor: '', has_next_page: false },
      }),
      ok({ ...rawArticle(3), visibility_config: { visibility: 'everyone' } }),
      { status: 200, body: 'not json' },
    ]);
    const client = testClient(server.url);
    const error = await client.listArticles('kb1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_response', status: 200, requestId: 'req-ok' });
    expect((error as Error).message).toContain('data[1].identifier');
    await expect(client.getArticle('kb1', 'a3')).rejects.toThrow(/data\.visibility_config\.visibility/);
    await expect(client.getArticle('kb1', 'a4')).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('the token never leaks', () => {
  it('not when the token is in the path and echoed back in the error body and events', async () => {
    const secret = 'tok/en+with spaces=and?query&S3CRET';
    server = await startScriptedServer([
      fail(404, { errors: [`Article ${secret} not found for token ${secret}`], code: 'not_found' }),
    ]);
    const events: ClientEvent[] = [];
    const client = createPylonClient({
      baseUrl: server.url,
      token: secret,
      rateLimits: { preset: 'off' },
      onEvent: (e) => events.push(e),
    });
    const error = await client.getArticle('kb1', secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PylonApiError);
    expectNoSecret(error, secret);
    expect((error as PylonApiError).errors.join(' ')).toContain('[redacted]');
    expect((error as PylonApiError).path).toBe('/knowledge-bases/kb1/articles/[redacted]');
    expect(JSON.stringify(events)).not.toContain(encodeURIComponent(secret));
    expect(JSON.stringify(events)).not.toContain(secret);
    // It was sent, of course: only as the bearer token.
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${secret}`);
  });

  it('not when fetch rejects the token as a header value', async () => {
    const secret = 'ptk_abc\ndef_S3CRET';
    server = await startScriptedServer([ok({ id: 'o', name: 'n' })]);
    const client = createPylonClient({ baseUrl: server.url, token: secret, rateLimits: { preset: 'off' } });
    const error = await client.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PylonNetworkError);
    expect(error).toMatchObject({ code: 'invalid_request', phase: 'connect', transient: false });
    expectNoSecret(error, secret);
    expectNoSecret(error, 'def_S3CRET');
    expect(server.requests).toHaveLength(0);
  });

  it('not in an OutcomeUnknownError', async () => {
    server = await startScriptedServer([fail(503, { errors: [`busy, ${TOKEN}`] })]);
    const error = await testClient(server.url)
      .createArticle(TOKEN, { title: 't', body_html: 'b', author_user_id: 'u' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expectNoSecret(error, TOKEN);
  });
});

describe('options', () => {
  it('refuses an empty token and an invalid base URL up front', () => {
    expect(() => createPylonClient({ baseUrl: 'http://127.0.0.1:1', token: ' ' })).toThrow(/PYLON_API_TOKEN/);
    expect(() => createPylonClient({ baseUrl: 'not a url', token: TOKEN })).toThrow(/Invalid Pylon base URL/);
  });
});
