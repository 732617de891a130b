import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { type Api, startTestEmulator } from './helpers.js';

describe('rate limits (sliding window per token and endpoint)', () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  async function start(options: EmulatorOptions): Promise<{ api: Api; kb: string; author: string }> {
    const started = await startTestEmulator(options);
    emu = started.emu;
    return { api: started.api, kb: started.kb.id, author: started.author };
  }

  it('admits the documented 10 creates per scaled minute, then 429 with Retry-After under the time scale', async () => {
    // A 1.2 s window: long enough that ten creates fit in it even on a loaded machine.
    const { api, kb } = await start({ rateLimits: 'documented', timeScale: 0.02 });
    const path = `/knowledge-bases/${kb}/collections`;
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect((await api.post(path, { title: `C${i}` })).status).toBe(200);
    const limited = await api.post(path, { title: 'one too many' });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      errors: ['Rate limit exceeded'],
      request_id: expect.any(String),
      code: 'rate_limited',
    });
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(limited.headers.get('x-retry-after')).toBe(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(1.2);
    const elapsed = performance.now() - started;
    expect(retryAfter * 1000).toBeGreaterThanOrEqual(1200 - elapsed - 5);
    // Other endpoints have their own windows.
    expect((await api.get('/me')).status).toBe(200);
    await sleep(retryAfter * 1000 + 5);
    expect((await api.post(path, { title: 'after the wait' })).status).toBe(200);
    const titles = emu?.snapshot().collections.map((c) => c.title);
    expect(titles).not.toContain('one too many');
    const log = emu?.snapshot().requests.log.filter((e) => e.endpoint === 'createCollection') ?? [];
    expect(log.map((e) => e.status)).toEqual([...Array(10).fill(200), 429, 200]);
  });

  it('states its limits in X-RateLimit headers only with rateLimitHeaders', async () => {
    const quiet = await start({ rateLimits: { preset: 'off', overrides: { getMe: 2 } } });
    expect((await quiet.api.get('/me')).headers.get('x-rate-limit-limit')).toBeNull();
    await emu?.close();
    const { api } = await start({
      rateLimits: { preset: 'off', overrides: { getMe: 2 } },
      rateLimitHeaders: true,
      timeScale: 0.5,
    });
    const first = await api.get('/me');
    expect(first.headers.get('x-rate-limit-limit')).toBe('2');
    expect(first.headers.get('x-rate-limit-remaining')).toBe('1');
    expect(Number(first.headers.get('x-rate-limit-reset'))).toBeGreaterThan(29);
    expect((await api.get('/me')).headers.get('x-rate-limit-remaining')).toBe('0');
    const refused = await api.get('/me');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(refused.headers.get('x-rate-limit-reset')).toBe(refused.headers.get('retry-after'));
    // Endpoints without a limit state none.
    expect((await api.get('/teams')).headers.get('x-rate-limit-limit')).toBeNull();
  });

  it('does not count rejected requests in the window', async () => {
    // A 1.2 s window: three admitted at t0, then 429s for most of the window, then three admitted again.
    const { api } = await start({ rateLimits: { preset: 'off', overrides: { getMe: 3 } }, timeScale: 0.02 });
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) expect((await api.get('/me')).status).toBe(200);
    const t1 = performance.now(); // all three were admitted before t1
    let rejected = 0;
    while (performance.now() < t0 + 800) {
      const before = performance.now();
      const res = await api.get('/me');
      expect(res.status).toBe(429);
      // The wait is set by the oldest admitted request, not pushed back by the rejected ones.
      expect(Number(res.headers.get('retry-after')) * 1000).toBeLessThanOrEqual(t1 + 1200 - before + 1);
      rejected++;
    }
    expect(rejected).toBeGreaterThan(3);
    await sleep(Math.max(0, t1 + 1220 - performance.now()));
    for (let i = 0; i < 3; i++) expect((await api.get('/me')).status).toBe(200);
  });

  it('applies per-endpoint overrides over a preset, leaving other endpoints at the preset', async () => {
    const { api } = await start({ rateLimits: { preset: 'off', overrides: { listTeams: 2 } } });
    expect((await api.get('/teams')).status).toBe(200);
    expect((await api.get('/teams')).status).toBe(200);
    const third = await api.get('/teams');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(Number.isInteger(Number(third.headers.get('retry-after')))).toBe(true);
    for (let i = 0; i < 20; i++) expect((await api.get('/users')).status).toBe(200);
  });

  it('uses the raised preset (30 creates per minute)', async () => {
    const { api } = await start({ rateLimits: 'raised', timeScale: 0.05 });
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob(['x']), 'x.txt');
      return f;
    };
    for (let i = 0; i < 30; i++) expect((await api.post('/attachments', form())).status).toBe(200);
    expect((await api.post('/attachments', form())).status).toBe(429);
  });

  it('limits nothing with off (the default)', async () => {
    const { api } = await start({});
    for (let i = 0; i < 80; i++) expect((await api.get('/me')).status).toBe(200);
  });

  it('never limits the admin surface', async () => {
    await start({ rateLimits: { preset: 'off', overrides: { getMe: 1 } } });
    for (let i = 0; i < 10; i++) expect((await fetch(`${emu?.url}/_emulator/state`)).status).toBe(200);
  });
});
