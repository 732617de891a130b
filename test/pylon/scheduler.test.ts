import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientEvent,
  createPylonClient,
  PylonNetworkError,
  type Transport,
} from '../../src/pylon/index.js';
import type { EndpointName } from '../../src/pylon-api/index.js';
import { rawArticle, rawCollection, TOKEN, testClient } from './fixtures.js';
import {
  fail,
  maxInWindow,
  ok,
  type ScriptedServer,
  startScriptedServer,
  withRateLimit,
} from './scripted-server.js';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose minute lasts `windowMs`, with per-endpoint limits and everything else unpaced. */
function pacedClient(
  url: string,
  windowMs: number,
  overrides: Partial<Record<EndpointName, number>>,
  events: ClientEvent[] = [],
) {
  return testClient(url, {
    rateLimits: { preset: 'off', overrides, timeScale: windowMs / 60_000 },
    onEvent: (e) => events.push(e),
  });
}

const arrivals = (s: ScriptedServer, path?: string) =>
  s.requests.filter((r) => path === undefined || r.path.startsWith(path)).map((r) => r.arrivedAt);

describe('rate-limit scheduler', () => {
  it('5 per 200 ms: 20 requests never exceed 5 in any 200 ms window at the server, near the floor', async () => {
    server = await startScriptedServer(withRateLimit(5, 200, () => ok(rawArticle(1))));
    const events: ClientEvent[] = [];
    const client = pacedClient(server.url, 200, { getArticle: 5 }, events);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => client.getArticle('kb1', 'art-1')));
    const elapsed = performance.now() - t0;

    expect(server.requests).toHaveLength(20);
    expect(maxInWindow(arrivals(server), 200)).toBeLessThanOrEqual(5);
    expect(client.stats().rateLimited).toBe(0);
    // Floor: (ceil(20/5) - 1) × 200 = 600 ms. Speed is benchmarked in bench/ (and in virtual time below);
    // this bound is loose so a loaded CI machine does not fail it.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(elapsed).toBeLessThan(3000);
    expect(events.some((e) => e.type === 'rate-limit-wait' && e.reason === 'scheduler')).toBe(true);
    expect(client.stats().rateLimitWaitMs).toBeGreaterThan(400);
  });

  it('runs two endpoints in parallel, each under its own limit', async () => {
    server = await startScriptedServer((req) =>
      req.path.includes('/collections/') ? ok(rawCollection(1)) : ok(rawArticle(1)),
    );
    const client = pacedClient(server.url, 300, { getArticle: 1, getCollection: 1 });
    const t0 = performance.now();
    await Promise.all([
      ...Array.from({ length: 3 }, () => client.getArticle('kb1', 'a')),
      ...Array.from({ length: 3 }, () => client.getCollection('kb1', 'c')),
    ]);
    const elapsed = performance.now() - t0;
    const articles = arrivals(server, '/knowledge-bases/kb1/articles').sort((a, b) => a - b);
    const collections = arrivals(server, '/knowledge-bases/kb1/collections').sort((a, b) => a - b);
    expect(maxInWindow(articles, 300)).toBe(1);
    expect(maxInWindow(collections, 300)).toBe(1);
    // In parallel, each endpoint's n-th request goes out before the other's (n+1)-th: neither waits for
    // the other's window. One shared lane would need 5 windows (1500 ms); two take about 2.
    for (let n = 0; n < 2; n++) {
      expect(collections[n]).toBeLessThan(articles[n + 1] ?? 0);
      expect(articles[n]).toBeLessThan(collections[n + 1] ?? 0);
    }
    expect(elapsed).toBeGreaterThanOrEqual(600);
  });

  it('bounds requests in flight by `concurrency`', async () => {
    let active = 0;
    let peak = 0;
    server = await startScriptedServer(async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 60));
      active--;
      return ok(rawArticle(1));
    });
    const client = testClient(server.url, { concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => client.getArticle('kb1', 'a')));
    expect(peak).toBe(2);
  });

  it('lowers the limit after a 429 and waits Retry-After', async () => {
    let n = 0;
    server = await startScriptedServer(() =>
      ++n === 3
        ? {
            status: 429,
            headers: { 'Retry-After': '0.1' },
            json: { errors: ['Rate limit exceeded'], request_id: 'x' },
          }
        : ok(rawArticle(1)),
    );
    const events: ClientEvent[] = [];
    const client = testClient(server.url, {
      rateLimits: { preset: 'off', overrides: { getArticle: 10 }, timeScale: 300 / 60_000 },
      onEvent: (e) => events.push(e),
      // One at a time, so no request is already on its way when the 429 arrives.
      concurrency: 1,
    });
    await Promise.all(Array.from({ length: 6 }, () => client.getArticle('kb1', 'a')));
    // The server took two in the window that ended with the refused third: that is the limit now.
    expect(client.stats().limits.getArticle).toBe(2);
    expect(client.stats()).toMatchObject({ rateLimited: 1, retries: 1 });
    expect(events).toContainEqual({
      type: 'rate-limit-lowered',
      endpoint: 'getArticle',
      from: 10,
      to: 2,
      source: '429',
    });
    // The wait is Retry-After or, longer here, the new limit's window.
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'rate-limit-wait', endpoint: 'getArticle' }),
    );
    // Nothing was sent to the endpoint during the pause.
    const at429 = server.requests[2]?.arrivedAt ?? 0;
    expect(server.requests.slice(3).every((r) => r.arrivedAt - at429 >= 100)).toBe(true);
  });

  it('learns from X-Rate-Limit headers: a lower limit, and a pause when none remain', async () => {
    server = await startScriptedServer([
      {
        ...ok(rawArticle(1)),
        headers: { 'X-Rate-Limit-Limit': '3', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': '0.15' },
      },
      ok(rawArticle(1)),
    ]);
    const events: ClientEvent[] = [];
    const client = pacedClient(server.url, 10_000, { getArticle: 20 }, events);
    await client.getArticle('kb1', 'a');
    await client.getArticle('kb1', 'a');
    expect(client.stats().limits.getArticle).toBe(3);
    expect(events).toContainEqual({
      type: 'rate-limit-lowered',
      endpoint: 'getArticle',
      from: 20,
      to: 3,
      source: 'header',
    });
    const [first, second] = arrivals(server);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(150);
  });

  it('does not pace with preset off', async () => {
    server = await startScriptedServer(() => ok(rawArticle(1)));
    const events: ClientEvent[] = [];
    const client = testClient(server.url, { concurrency: 8, onEvent: (e) => events.push(e) });
    await Promise.all(Array.from({ length: 40 }, () => client.getArticle('kb1', 'a')));
    expect(events.filter((e) => e.type === 'rate-limit-wait')).toEqual([]);
    expect(client.stats()).toMatchObject({ requests: 40, rateLimitWaitMs: 0 });
    expect(client.stats().requestsByEndpoint).toEqual({ getArticle: 40 });
  });

  it('close() rejects requests still waiting for a slot and lets the one in flight finish', async () => {
    server = await startScriptedServer(() => ({ ...ok(rawArticle(1)), delayMs: 50 }));
    const client = pacedClient(server.url, 60_000, { getArticle: 1 });
    const first = client.getArticle('kb1', 'a');
    const second = client.getArticle('kb1', 'b').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 10));
    await client.close();
    expect((await first).id).toBe('art-1');
    const error = await second;
    expect(error).toBeInstanceOf(PylonNetworkError);
    expect(error).toMatchObject({ code: 'client_closed' });
    await expect(client.getMe()).rejects.toMatchObject({ code: 'client_closed' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('rate-limit scheduler in virtual time', () => {
  it('300 creates at the documented 10/min, learning off: within 1.15× of the floor, never more than 10 a minute', async () => {
    let clock = 0;
    const sent: number[] = [];
    const transport: Transport = {
      name: 'virtual',
      supportsIdempotencyKeys: false,
      async send() {
        sent.push(clock);
        return { status: 200, headers: new Headers(), data: rawArticle(sent.length), requestId: null };
      },
    };
    const client = createPylonClient({
      baseUrl: 'http://unused.invalid',
      token: TOKEN,
      rateLimits: { preset: 'documented', learn: false },
      transport,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    const body = { title: 'T', body_html: 'b', author_user_id: 'u' };
    await Promise.all(Array.from({ length: 300 }, () => client.createArticle('kb1', body)));
    const floor = (Math.ceil(300 / 10) - 1) * 60_000;
    expect(sent).toHaveLength(300);
    expect(maxInWindow(sent, 60_000)).toBe(10);
    expect(clock).toBeGreaterThanOrEqual(floor);
    expect(clock).toBeLessThanOrEqual(floor * 1.15);
  });
});

describe('429 bursts', () => {
  it('lowers the limit once for 429s that come back from the same burst', async () => {
    // The server answers the first four together, all 429, as a server would after a burst.
    const held: Array<() => void> = [];
    const allArrived = new Promise<void>((resolve) => {
      held.push(resolve);
    });
    server = await startScriptedServer(async (req) => {
      if (req.index >= 4) return ok(rawArticle(1));
      if (req.index === 3) held[0]?.();
      await allArrived;
      return fail(429, { errors: ['Rate limit exceeded'] }, { 'Retry-After': '0.3' });
    });
    const events: ClientEvent[] = [];
    const client = testClient(server.url, {
      rateLimits: { preset: 'off', overrides: { getArticle: 10 }, timeScale: 300 / 60_000 },
      onEvent: (e) => events.push(e),
      concurrency: 4,
    });
    await Promise.all(Array.from({ length: 4 }, () => client.getArticle('kb1', 'a')));
    expect(client.stats()).toMatchObject({ rateLimited: 4, requests: 8 });
    expect(client.stats().limits.getArticle).toBe(8);
    expect(events.filter((e) => e.type === 'rate-limit-lowered')).toHaveLength(1);
  });
});
