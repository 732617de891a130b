import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClientEvent, createPylonClient, createTrutoTransport } from '../../src/pylon/index.js';
import { rawArticle, rawUser } from '../pylon/fixtures.js';
import {
  maxInWindow,
  type ScriptedServer,
  type Step,
  startScriptedServer,
  withRateLimit,
} from '../pylon/scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TOKEN = 'truto_token_for_limit_tests';

function client(
  url: string,
  timeScale: number,
  overrides: Record<string, number> = {},
  events: ClientEvent[] = [],
) {
  return createPylonClient({
    baseUrl: url,
    token: TOKEN,
    transport: createTrutoTransport({
      apiUrl: url,
      token: TOKEN,
      integratedAccountId: 'acct-1',
      accountLimit: { limit: 5, windowMs: 10_000 },
    }),
    rateLimits: { preset: 'off', overrides, timeScale },
    backoff: { baseMs: 10, maxMs: 40 },
    onEvent: (e) => events.push(e),
  });
}

function answer(path: string): Step {
  if (path.startsWith('/custom/knowledge-bases/')) return { json: { data: rawArticle(1), request_id: 'r' } };
  if (path === '/proxy/me') return { json: { data: { id: 'org', name: 'Org' }, request_id: 'r' } };
  if (path.startsWith('/proxy/teams/'))
    return { json: { data: { id: 't1', name: 'T', users: [] }, request_id: 'r' } };
  return { json: { data: rawUser(1), request_id: 'r' } };
}

const trutoLimited = (retryAfter: string): Step => ({
  status: 429,
  headers: { 'Retry-After': retryAfter },
  json: { statusCode: 429, error: 'Too Many Requests', message: 'Rate limit exceeded' },
});

describe('Truto’s per-account limit in the client’s scheduler', () => {
  it('paces all endpoints together: 5 per 10 s × timeScale, never more in any window at the server', async () => {
    // 10 s × 0.03 = 300 ms windows; the server refuses a sixth request in any 300 ms (as Truto would).
    server = await startScriptedServer(withRateLimit(5, 300, (req) => answer(req.path)));
    const c = client(server.url, 0.03);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        if (i % 4 === 0) return c.getArticle('kb', 'a');
        if (i % 4 === 1) return c.getUser('u1');
        if (i % 4 === 2) return c.getTeam('t1');
        return c.getMe();
      }),
    );
    const elapsed = performance.now() - started;
    expect(server.requests).toHaveLength(20);
    expect(
      maxInWindow(
        server.requests.map((r) => r.arrivedAt),
        300,
      ),
    ).toBeLessThanOrEqual(5);
    expect(c.stats().rateLimited).toBe(0);
    // Floor: (20 / 5 - 1) windows of 300 ms.
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(5000);
  });

  it('a 429 from Truto’s own limit pauses every endpoint for Retry-After and lowers no endpoint limit', async () => {
    let first = true;
    server = await startScriptedServer((req) => {
      if (first) {
        first = false;
        return trutoLimited('0.3');
      }
      return answer(req.path);
    });
    const c = client(server.url, 0.01, { getMe: 30, getUser: 30 });
    const me = c.getMe();
    while (server.requests.length === 0) await sleep(5);
    await sleep(30);
    await Promise.all([me, c.getUser('u1')]);
    const [limited, ...rest] = server.requests;
    expect(rest.map((r) => r.path).sort()).toEqual(['/proxy/me', '/proxy/users/u1']);
    for (const r of rest) expect(r.arrivedAt - (limited?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(280);
    expect(c.stats()).toMatchObject({ rateLimited: 1, retries: 1 });
    expect(c.stats().limits).toMatchObject({ getMe: 30, getUser: 30 });
  });

  it('a 429 from Pylon behind Truto pauses only its endpoint and lowers its limit, as with the direct API', async () => {
    let first = true;
    server = await startScriptedServer((req) => {
      if (first) {
        first = false;
        return {
          status: 429,
          headers: { 'Retry-After': '0.3' },
          json: {
            statusCode: 429,
            error: 'Too Many Requests',
            message: 'Rate limit exceeded',
            truto_is_remote_error: true,
            raw_response: { errors: ['Rate limit exceeded'], request_id: 'p', code: 'rate_limited' },
          },
        };
      }
      return answer(req.path);
    });
    const events: ClientEvent[] = [];
    const c = client(server.url, 0.01, { getMe: 30, getUser: 30 }, events);
    const me = c.getMe();
    while (server.requests.length === 0) await sleep(5);
    await sleep(30);
    await c.getUser('u1');
    const userArrival = server.requests.find((r) => r.path === '/proxy/users/u1')?.arrivedAt ?? 0;
    expect(userArrival - (server.requests[0]?.arrivedAt ?? 0)).toBeLessThan(250);
    await me;
    expect(c.stats().limits).toMatchObject({ getMe: 24, getUser: 30 });
    expect(events).toContainEqual({
      type: 'rate-limit-lowered',
      endpoint: 'getMe',
      from: 30,
      to: 24,
      source: '429',
    });
  });
});
