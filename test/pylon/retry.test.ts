import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientEvent,
  createPylonClient,
  OutcomeUnknownError,
  PylonApiError,
  PylonNetworkError,
  type Transport,
  type TransportRequest,
} from '../../src/pylon/index.js';
import { rawArticle, rawCollection, TOKEN, testClient } from './fixtures.js';
import { fail, freePort, ok, type ScriptedServer, startScriptedServer } from './scripted-server.js';

let servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function serve(...args: Parameters<typeof startScriptedServer>): Promise<ScriptedServer> {
  const s = await startScriptedServer(...args);
  servers.push(s);
  return s;
}

const createBody = { title: 'T', body_html: '<p>x</p>', author_user_id: 'u1' };
const gap = (s: ScriptedServer, i: number) =>
  (s.requests[i]?.arrivedAt ?? 0) - (s.requests[i - 1]?.arrivedAt ?? 0);

describe('429', () => {
  it('waits Retry-After (fractional seconds) then succeeds', async () => {
    const s = await serve([
      fail(429, { errors: ['Rate limit exceeded'], code: 'rate_limited' }, { 'Retry-After': '0.2' }),
      ok(rawArticle(1)),
    ]);
    const events: ClientEvent[] = [];
    const client = testClient(s.url, { onEvent: (e) => events.push(e) });
    expect((await client.getArticle('kb1', 'art-1')).id).toBe('art-1');
    expect(s.requests).toHaveLength(2);
    expect(gap(s, 1)).toBeGreaterThanOrEqual(195);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, rateLimited: 1 });
    expect(client.stats().rateLimitWaitMs).toBeGreaterThanOrEqual(190);
    expect(events).toContainEqual(expect.objectContaining({ type: 'rate-limit-wait', reason: '429' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', attempt: 1, delayMs: 200 }));
  });

  it('honours X-Retry-After when it is the only header', async () => {
    const s = await serve([
      fail(429, { errors: ['slow down'] }, { 'X-Retry-After': '0.25' }),
      ok(rawArticle(1)),
    ]);
    await testClient(s.url).getArticle('kb1', 'art-1');
    expect(gap(s, 1)).toBeGreaterThanOrEqual(245);
  });

  it('retries a create after a 429 (the server rejected it before processing)', async () => {
    const s = await serve([
      fail(429, { errors: ['slow down'] }, { 'Retry-After': '0.05' }),
      ok(rawArticle(1)),
    ]);
    expect((await testClient(s.url).createArticle('kb1', createBody)).id).toBe('art-1');
    expect(s.requests.map((r) => r.json)).toEqual([createBody, createBody]);
  });

  it('gives up after the configured retries with a hint', async () => {
    const s = await serve(() => fail(429, { errors: ['no'] }, { 'Retry-After': '0.01' }));
    const error = await testClient(s.url, { retries: 2 })
      .listTeams()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((error as Error).message).toContain('lower rateLimits');
    expect(s.requests).toHaveLength(3);
  });
});

describe('5xx and network errors on requests safe to repeat', () => {
  it('retries a 503 on GET', async () => {
    const s = await serve([fail(503, { errors: ['unavailable'] }), fail(502, {}), ok(rawCollection(1))]);
    const client = testClient(s.url);
    expect((await client.getCollection('kb1', 'col-1')).id).toBe('col-1');
    expect(s.requests).toHaveLength(3);
    expect(client.stats().retries).toBe(2);
  });

  it('retries a PATCH after a reset socket, and a GET after a timeout', async () => {
    const s = await serve([
      { destroy: true },
      ok(rawArticle(1)),
      { delayMs: 1000, ...ok(rawArticle(1)) },
      ok(rawArticle(1)),
    ]);
    const client = testClient(s.url, { timeoutMs: 400 });
    await client.updateArticle('kb1', 'art-1', { title: 'x' });
    await client.getArticle('kb1', 'art-1');
    expect(s.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH', 'GET', 'GET']);
  });

  it('treats a 404 on a retried DELETE as success, but not on the first attempt', async () => {
    const s = await serve([fail(504, {}), fail(404, { errors: ['Article not found!'] }), fail(404, {})]);
    const client = testClient(s.url);
    await expect(client.deleteArticle('kb1', 'art-1')).resolves.toBeUndefined();
    await expect(client.deleteArticle('kb1', 'art-2')).rejects.toMatchObject({ status: 404 });
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry a 400 on GET', async () => {
    const s = await serve([fail(400, { errors: ['bad'] })]);
    await expect(testClient(s.url).getMe()).rejects.toMatchObject({ status: 400 });
    expect(s.requests).toHaveLength(1);
  });

  it('retries a 500 on a read like a 502 (one 500 does not abort a run), but not on a PATCH', async () => {
    const s = await serve([fail(500, { errors: ['bug'] }), ok({ id: 'org1', name: 'Acme' }), fail(500, {})]);
    const events: ClientEvent[] = [];
    const client = testClient(s.url, { onEvent: (e) => events.push(e) });
    expect(await client.getMe()).toMatchObject({ id: 'org1' });
    expect(events).toContainEqual(expect.objectContaining({ type: 'retry', reason: '500 server_error' }));
    await expect(client.updateArticle('kb1', 'art-1', { title: 'T' })).rejects.toMatchObject({ status: 500 });
    expect(s.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH']);
  });
});

describe('creates are never sent twice when they may have been committed', () => {
  it('503 on POST create: OutcomeUnknownError after exactly one request', async () => {
    const s = await serve([
      fail(503, { errors: ['unavailable'] }, { 'Retry-After': '0' }),
      ok(rawArticle(1)),
    ]);
    const error = await testClient(s.url)
      .createArticle('kb1', createBody)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({
      code: 'outcome_unknown',
      reason: 'server_error',
      status: 503,
      requestId: 'req-err',
      endpoint: 'createArticle',
      method: 'POST',
      path: '/knowledge-bases/kb1/articles',
    });
    expect((error as Error).message).toContain('re-read');
    expect(s.requests).toHaveLength(1);
  });

  it('socket destroyed after the POST: OutcomeUnknownError, not re-sent', async () => {
    const s = await serve([{ destroy: true }, ok(rawCollection(1))]);
    const error = await testClient(s.url)
      .createCollection('kb1', { title: 'C' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ endpoint: 'createCollection', reason: 'UND_ERR_SOCKET' });
    expect((error as OutcomeUnknownError).status).toBeUndefined();
    expect(s.requests).toHaveLength(1);
  });

  it('timeout after sending a create: OutcomeUnknownError', async () => {
    const s = await serve([{ delayMs: 1000, ...ok(rawArticle(1)) }]);
    const error = await testClient(s.url, { timeoutMs: 400 })
      .createArticle('kb1', createBody)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'outcome_unknown', reason: 'timeout' });
    expect(s.requests).toHaveLength(1);
  });

  it('connection refused on POST: retried, since nothing was sent', async () => {
    const port = await freePort();
    let started: ScriptedServer | undefined;
    const client = createPylonClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      rateLimits: { preset: 'off' },
      // The backoff sleep is where the server comes up, so the retry finds it.
      sleep: async () => {
        started ??= await serve([ok(rawArticle(7))], port);
      },
    });
    expect((await client.createArticle('kb1', createBody)).id).toBe('art-7');
    expect(started?.requests).toHaveLength(1);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
  });

  it('connection refused everywhere: a PylonNetworkError with a hint after the retries', async () => {
    const port = await freePort();
    const client = testClient(`http://127.0.0.1:${port}`, { retries: 1 });
    const error = await client.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PylonNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', phase: 'connect' });
    expect((error as Error).message).toContain('Is the server');
  });

  it('a transport with idempotency keys lets creates be retried with the same key', async () => {
    const seen: TransportRequest[] = [];
    const transport: Transport = {
      name: 'fake-truto',
      supportsIdempotencyKeys: true,
      async send(req) {
        seen.push(req);
        if (seen.length === 1) {
          throw new PylonApiError({
            endpoint: req.endpoint,
            method: req.method,
            path: req.path,
            status: 503,
          });
        }
        return { status: 200, headers: new Headers(), data: rawArticle(1), requestId: 'r' };
      },
    };
    const client = testClient('http://unused.invalid', { transport });
    expect((await client.createArticle('kb1', createBody)).id).toBe('art-1');
    expect(seen).toHaveLength(2);
    expect(seen[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[1]?.idempotencyKey).toBe(seen[0]?.idempotencyKey);
  });
});
