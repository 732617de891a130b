import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, FaultRule, RunningEmulator } from '../../src/emulator/index.js';
import { type Api, readJson, startTestEmulator } from './helpers.js';

describe('fault injection', () => {
  let emu: RunningEmulator | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
  });

  async function start(options: EmulatorOptions = {}) {
    const started = await startTestEmulator(options);
    emu = started.emu;
    return started;
  }

  const statuses = async (api: Api, path: string, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await api.get(path)).status);
    return out;
  };

  it('fails the N-th matching request (counted from when the rule was set) with the chosen status', async () => {
    const { api, emu: e } = await start();
    await api.get('/me');
    e.setFaults([{ route: 'GET /me', nth: 2, status: 503 }]);
    const first = await api.get('/me');
    const second = await api.get('/me');
    expect(first.status).toBe(200);
    expect(second.status).toBe(503);
    expect(second.body).toEqual({
      errors: ['Service unavailable'],
      request_id: expect.any(String),
      code: 'service_unavailable',
    });
    expect(await statuses(api, '/me', 3)).toEqual([200, 200, 200]);
    expect(await statuses(api, '/users', 2)).toEqual([200, 200]);
  });

  it('fails every k-th request of an endpoint name, and several times with `times`', async () => {
    const { api, emu: e } = await start({ faults: [{ route: 'getMe', everyNth: 2, status: 502 }] });
    expect(await statuses(api, '/me', 6)).toEqual([200, 502, 200, 502, 200, 502]);
    e.setFaults([{ route: 'listUsers', nth: 2, times: 2, status: 500 }]);
    expect(await statuses(api, '/users', 5)).toEqual([200, 500, 500, 200, 200]);
    expect((await api.get('/me')).status).toBe(200);
  });

  it('fails a deterministic share of requests for a given seed', async () => {
    const rules: FaultRule[] = [{ route: 'GET /me', share: 0.5, seed: 42, status: 500 }];
    const { api } = await start({ faults: rules });
    const run1 = await statuses(api, '/me', 40);
    await emu?.close();
    const again = await start({ faults: rules });
    const run2 = await statuses(again.api, '/me', 40);
    expect(run2).toEqual(run1);
    const failures = run1.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
  });

  it('adds latency without failing', async () => {
    const { api } = await start({ faults: [{ route: 'GET /users', latencyMs: 150 }] });
    const t = performance.now();
    const res = await api.get('/users');
    expect(res.status).toBe(200);
    expect(performance.now() - t).toBeGreaterThanOrEqual(145);
  });

  it('sends a burst of 429s with Retry-After, then recovers', async () => {
    const { api, kb, author } = await start({ timeScale: 0.01 });
    emu?.setFaults([{ route: 'createArticle', nth: 1, times: 3, status: 429 }]);
    const body = { title: 'Burst', body_html: '<p/>', author_user_id: author };
    const path = `/knowledge-bases/${kb.id}/articles`;
    for (let i = 0; i < 3; i++) {
      const res = await api.post(path, body);
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
      expect(res.headers.get('retry-after')).toBe('0.01');
      expect(res.headers.get('x-retry-after')).toBe('0.01');
    }
    expect((await api.post(path, body)).status).toBe(200);
    expect(emu?.snapshot().articles.filter((a) => a.title === 'Burst')).toHaveLength(1);
  });

  it('commit-then-drop: the client sees a socket error, yet the write is applied and saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-emulator-'));
    try {
      const statePath = join(dir, 'state.json');
      const { api, kb, author } = await start({ statePath });
      emu?.setFaults([{ route: 'POST /knowledge-bases/{id}/articles', nth: 1, dropAfterCommit: true }]);
      const request = api.post(`/knowledge-bases/${kb.id}/articles`, {
        title: 'Committed but dropped',
        body_html: '<p>x</p>',
        author_user_id: author,
      });
      await expect(request).rejects.toThrow(/fetch failed/);
      const articles = emu?.snapshot().articles.filter((a) => a.title === 'Committed but dropped') ?? [];
      expect(articles).toHaveLength(1);
      await emu?.flushState();
      const saved = await readFile(statePath, 'utf8');
      expect(saved).toContain('Committed but dropped');
      const log = emu?.snapshot().requests.log.find((e) => e.endpoint === 'createArticle');
      expect(log).toMatchObject({ status: 200, dropped: true });
      // The rule fired once; the next create answers normally.
      const next = await api.post(`/knowledge-bases/${kb.id}/articles`, {
        title: 'Next',
        body_html: '',
        author_user_id: author,
      });
      expect(next.status).toBe(200);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is configured at run time with POST /_emulator/faults; {rules: []} clears', async () => {
    const { api, emu: e } = await start();
    const post = (body: unknown) =>
      fetch(`${e.url}/_emulator/faults`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    const set = await post({ rules: [{ route: 'GET /teams', status: 500 }] });
    expect(set.status).toBe(200);
    expect(await readJson(set)).toEqual({ rules: [{ route: 'GET /teams', status: 500 }] });
    expect(await statuses(api, '/teams', 2)).toEqual([500, 500]);
    expect(e.snapshot().faults).toEqual([{ route: 'GET /teams', status: 500 }]);
    expect((await post({ rules: [] })).status).toBe(200);
    expect(await statuses(api, '/teams', 2)).toEqual([200, 200]);
    for (const bad of [
      {},
      { rules: [{ status: 418 }] },
      { rules: [{ share: 2 }] },
      { rules: [{ nth: 0 }] },
    ]) {
      const res = await post(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await readJson(res)).code).toBe('invalid_request');
    }
    expect(() => e.setFaults([{ status: 404 as 500 }])).toThrow(/status must be one of/);
  });

  it('never applies to the admin surface or the help center', async () => {
    const { emu: e } = await start();
    e.setFaults([{ status: 500 }]);
    expect((await fetch(`${e.url}/_emulator/state`)).status).toBe(200);
    expect((await fetch(`${e.url}/_site/help-center/articles/1234567890-x`)).status).toBe(404);
    const api = await fetch(`${e.url}/me`, { headers: { authorization: `Bearer ${e.token}` } });
    expect(api.status).toBe(500);
  });

  it('counts fault responses in the request log', async () => {
    const { api, emu: e } = await start({ faults: [{ route: 'GET /me', nth: 1, status: 500 }] });
    await api.get('/me');
    await api.get('/me');
    expect(e.snapshot().requests.counts['GET /me']).toBe(2);
    expect(
      e
        .snapshot()
        .requests.log.filter((l) => l.route === '/me')
        .map((l) => l.status),
    ).toEqual([500, 200]);
  });
});
