import { describe, expect, it } from 'vitest';
import {
  CEILING_HOLD_WINDOWS,
  type ClientEvent,
  createPylonClient,
  EndpointLimit,
  type LearnedLimit,
  type RateLimitOptions,
} from '../../src/pylon/index.js';
import { rateLimitsFor } from '../../src/pylon-api/index.js';
import { TOKEN } from './fixtures.js';
import { maxInWindow } from './scripted-server.js';
import { virtualClock, virtualServer } from './virtual-server.js';

const W = 60_000;

describe('EndpointLimit (the learning policy)', () => {
  const make = (
    configured: number | null,
    extra: Partial<ConstructorParameters<typeof EndpointLimit>[0]> = {},
  ) => new EndpointLimit({ configured, fixed: false, learn: true, windowMs: W, now: 0, ...extra });

  it('before any 429, doubles once the server accepted a whole limit in one window', () => {
    const limit = make(10);
    expect(limit.saturated(5, 9)).toBeNull();
    expect(limit.saturated(6, 10)).toEqual({ from: 10, to: 20 });
    expect(limit.saturated(7, 19)).toBeNull();
    expect(limit.saturated(8, 20)).toEqual({ from: 20, to: 40 });
  });

  it('after a 429 takes what the server admitted, keeps below the refused count, and adds a tenth later', () => {
    const limit = make(40);
    expect(limit.refused(100, 30, 10)).toEqual({ from: 40, to: 30 });
    expect(limit.learned()).toEqual({ limit: 30, ceiling: 31 });
    // At the ceiling: nothing to gain for the hold time.
    expect(limit.saturated(100 + 5 * W, 30)).toBeNull();
    const later = 100 + CEILING_HOLD_WINDOWS * W;
    expect(limit.saturated(later, 30)).toEqual({ from: 30, to: 33 });
    // After a 429, only a whole window at the new limit counts.
    expect(limit.saturated(later + W - 1, 33)).toBeNull();
    expect(limit.saturated(later + W, 33)).toEqual({ from: 33, to: 37 });
  });

  it('without a count to go by lowers by a fifth; with no limit at all sets none unless given a fallback', () => {
    expect(make(10).refused(0, 0, 10)).toEqual({ from: 10, to: 8 });
    expect(make(null).refused(0, 0, 10)).toEqual({ from: null, to: 10 });
    expect(make(null).refused(0, 12, null)).toBeNull();
    expect(make(1).refused(0, 0, 10)).toBeNull();
  });

  it('never raises an override or with learning off, but lowers both', () => {
    for (const limit of [make(10, { fixed: true }), make(10, { learn: false })]) {
      expect(limit.saturated(10 * W, 10)).toBeNull();
      expect(limit.refused(10 * W, 6, 10)).toEqual({ from: 10, to: 6 });
    }
    expect(make(10, { fixed: true }).stated(0, 30)).toBeNull();
    expect(make(10, { fixed: true }).stated(0, 5)).toEqual({ from: 10, to: 5 });
  });

  it('takes a stated limit as it is and does not probe above it', () => {
    const limit = make(10);
    expect(limit.stated(0, 30)).toEqual({ from: 10, to: 30 });
    expect(limit.saturated(10 * W, 30)).toBeNull();
    expect(limit.learned()).toEqual({ limit: 30, ceiling: 31, fromHeader: true });
  });

  it('starts from what an earlier run learned, except where an override is configured', () => {
    const learned: LearnedLimit = { limit: 30, ceiling: 31 };
    expect(make(10, { learned }).limit).toBe(30);
    expect(make(10, { learned }).saturated(10 * W, 30)).toBeNull();
    expect(make(10, { learned, fixed: true }).limit).toBe(10);
    expect(make(10).learned()).toBeUndefined();
  });
});

/** N creates through a virtual server that admits `serverLimit` a minute; the client starts from `rateLimits`. */
async function run(count: number, serverLimit: number, rateLimits: RateLimitOptions, headers = false) {
  const clock = virtualClock();
  const server = virtualServer({
    limits: { createArticle: serverLimit },
    windowMs: W,
    now: clock.now,
    headers,
  });
  const events: ClientEvent[] = [];
  const client = createPylonClient({
    baseUrl: 'http://unused.invalid',
    token: TOKEN,
    rateLimits,
    transport: server.transport,
    now: clock.now,
    sleep: clock.sleep,
    onEvent: (e) => events.push(e),
  });
  const body = { title: 'T', body_html: 'b', author_user_id: 'u' };
  await Promise.all(Array.from({ length: count }, () => client.createArticle('kb1', body)));
  const floor = (Math.ceil(count / serverLimit) - 1) * W;
  const accepted = server.log.filter((r) => r.status === 200).map((r) => r.at);
  return {
    ratio: clock.now() / floor,
    refused: server.log.filter((r) => r.status === 429).length,
    bursts: events.filter((e) => e.type === 'rate-limit-lowered').length,
    accepted,
    events,
    learned: client.learnedLimits(),
    limit: client.stats().limits.createArticle,
  };
}

describe('limits learned against a server, in virtual time', () => {
  it('raised server, documented client: learns up to the real limit in one burst, near the floor', async () => {
    const first = await run(300, 30, { preset: 'documented' });
    expect(first.accepted).toHaveLength(300);
    expect(first.limit).toBe(30);
    expect(first.bursts).toBe(1);
    expect(first.ratio).toBeLessThanOrEqual(1.15);
    expect(first.events).toContainEqual(
      expect.objectContaining({ type: 'rate-limit-raised', endpoint: 'createArticle', from: 10, to: 20 }),
    );
    expect(first.refused).toBeLessThanOrEqual(4);
    expect(first.learned.createArticle).toEqual({ limit: 30, ceiling: 31 });
    // The next run starts from what was learned: no 429 at all.
    const second = await run(300, 30, { preset: 'documented', learned: first.learned });
    expect(second.refused).toBe(0);
    expect(maxInWindow(second.accepted, W)).toBe(30);
    expect(second.ratio).toBeLessThanOrEqual(first.ratio);
  });

  it('documented server, raised client: one burst of 429s, then the server limit', async () => {
    const result = await run(300, 10, { preset: 'raised' });
    expect(result.accepted).toHaveLength(300);
    expect(result.bursts).toBe(1);
    expect(result.limit).toBe(10);
    expect(result.ratio).toBeLessThanOrEqual(1.15);
  });

  it('no limits told (off): no client-side limit, the server’s Retry-After paces every request', async () => {
    const result = await run(300, 10, { preset: 'off' });
    expect(result.accepted).toHaveLength(300);
    expect(result.bursts).toBe(0);
    expect(result.limit).toBeNull();
    expect(maxInWindow(result.accepted, W)).toBeLessThanOrEqual(10);
    expect(result.ratio).toBeLessThanOrEqual(1.1);
  });

  it('a server that states its limit in headers is followed at once, without a 429', async () => {
    const result = await run(300, 30, { preset: 'documented' }, true);
    expect(result.refused).toBe(0);
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'rate-limit-raised', from: 10, to: 30, source: 'header' }),
    );
  });

  it('with learning off keeps the configured limit (never more than 10 a minute)', async () => {
    const result = await run(300, 30, { preset: 'documented', learn: false });
    expect(maxInWindow(result.accepted, W)).toBe(10);
    expect(result.refused).toBe(0);
    expect(result.learned).toEqual({});
  });

  it('an override is a cap the client never raises', async () => {
    const result = await run(60, 30, { preset: 'documented', overrides: { createArticle: 5 } });
    expect(maxInWindow(result.accepted, W)).toBe(5);
    expect(result.learned).toEqual({});
  });

  it('the fallback for an unpaced endpoint is the documented limit', () => {
    expect(rateLimitsFor('documented').createArticle).toBe(10);
  });
});

describe('announced waits', () => {
  it('a server with room to spare: the client probing above the documented limit announces no wait it does not make', async () => {
    // The emulator with its limits off answers every request (each in 50 ms); the client starts at the
    // documented 10 a minute and learns up while answers are on their way. A wait it announces must be one
    // it makes, or the terminal shows "waiting 61 s" during a run that takes two.
    const clock = virtualClock();
    const server = virtualServer({ limits: {}, windowMs: W, now: clock.now });
    const events: ClientEvent[] = [];
    const client = createPylonClient({
      baseUrl: 'http://unused.invalid',
      token: TOKEN,
      rateLimits: { preset: 'documented' },
      transport: {
        ...server.transport,
        send: async (request) => {
          await clock.sleep(50);
          return server.transport.send(request);
        },
      },
      now: clock.now,
      sleep: clock.sleep,
      onEvent: (e) => events.push(e),
    });
    const body = { title: 'T', body_html: 'b', author_user_id: 'u' };
    await Promise.all(Array.from({ length: 40 }, () => client.createArticle('kb1', body)));
    expect(client.stats().limits.createArticle).toBeGreaterThan(10);
    const announced = events.flatMap((e) => (e.type === 'rate-limit-wait' ? [e.ms] : []));
    expect(clock.now()).toBeLessThan(W);
    expect(announced.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(clock.now());
  });
});
