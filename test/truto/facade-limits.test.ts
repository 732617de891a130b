import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { startTruto } from './helpers.js';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(options: EmulatorOptions = {}) {
  const started = await startTruto(options);
  emu = started.emu;
  return started;
}

describe('Truto façade: the per-account limit', () => {
  it('admits accountLimit requests per 10 s × timeScale per account, then 429 with a scaled Retry-After: 10', async () => {
    const { truto } = await start({
      timeScale: 0.01,
      // startTruto reads the users with the first account; acct-a and acct-b start with empty windows.
      truto: { accounts: ['acct-setup', 'acct-a', 'acct-b'], rateLimit: true, accountLimit: 3 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await truto.get('/proxy/me', { account: 'acct-a' })).status);
    const limited = await truto.get('/proxy/me', { account: 'acct-a' });
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Rate limit exceeded: at most 3 requests per 10 seconds per integrated account',
    });
    expect(limited.headers.get('retry-after')).toBe('0.1');
    // Another account has its own window.
    expect((await truto.get('/proxy/me', { account: 'acct-b' })).status).toBe(200);
    // The window (100 ms here) frees up again.
    await sleep(120);
    expect((await truto.get('/proxy/me', { account: 'acct-a' })).status).toBe(200);
  });

  it('is off by default', async () => {
    const { truto } = await start();
    const statuses = await Promise.all(Array.from({ length: 60 }, () => truto.get('/proxy/me')));
    expect(statuses.every((r) => r.status === 200)).toBe(true);
  });
});

describe('Truto façade: Idempotency-Key', () => {
  it('answers a repeat (same key and body) with the first response and writes once', async () => {
    const { truto, kb, author } = await start();
    const body = { title: 'Once', body_html: '<p>once</p>', author_user_id: author };
    const headers = { 'idempotency-key': 'key-1' };
    const path = `/custom/knowledge-bases/${kb.id}/articles`;
    const first = await truto.post(path, body, { headers });
    const second = await truto.post(path, body, { headers });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(emu?.snapshot().articles.map((a) => a.title)).toEqual(['Once']);
  });

  it('refuses the same key with a different body (422), and scopes keys by account and path', async () => {
    const { truto, kb, author } = await start({ truto: { accounts: ['acct-a', 'acct-b'] } });
    const path = `/custom/knowledge-bases/${kb.id}/articles`;
    const headers = { 'idempotency-key': 'key-2' };
    const a = { title: 'A', body_html: '<p>a</p>', author_user_id: author };
    expect((await truto.post(path, a, { headers, account: 'acct-a' })).status).toBe(200);
    const changed = await truto.post(path, { ...a, title: 'B' }, { headers, account: 'acct-a' });
    expect(changed.status).toBe(422);
    expect(changed.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: `Idempotency-Key "key-2" was already used on ${path} with a different request`,
    });
    // The same key on another account or another path is a new request.
    expect(
      (await truto.post(path, a, { headers, account: 'acct-b' })).headers.get('idempotent-replayed'),
    ).toBeNull();
    const collection = await truto.post(
      `/custom/knowledge-bases/${kb.id}/collections`,
      { title: 'C' },
      { headers, account: 'acct-a' },
    );
    expect(collection.status).toBe(200);
    expect(emu?.snapshot().articles).toHaveLength(2);
    expect(emu?.snapshot().collections).toHaveLength(1);
  });

  it('forgets failed requests, so a retry with the key runs again', async () => {
    const { truto, kb, author } = await start();
    const path = `/custom/knowledge-bases/${kb.id}/articles`;
    const headers = { 'idempotency-key': 'key-3' };
    emu?.setFaults([{ route: `POST /custom/knowledge-bases/{id}/articles`, nth: 1, status: 503 }]);
    const body = { title: 'Retry', body_html: '<p>r</p>', author_user_id: author };
    const failed = await truto.post(path, body, { headers });
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({
      truto_is_remote_error: true,
      raw_response: { code: 'service_unavailable' },
    });
    const retried = await truto.post(path, body, { headers });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(emu?.snapshot().articles).toHaveLength(1);
  });

  it('keeps the response of a create whose connection was dropped after the commit', async () => {
    const { truto, kb, author } = await start({
      faults: [{ route: 'POST /custom/knowledge-bases/{id}/articles', nth: 1, dropAfterCommit: true }],
    });
    const path = `/custom/knowledge-bases/${kb.id}/articles`;
    const headers = { 'idempotency-key': 'key-4' };
    const body = { title: 'Dropped', body_html: '<p>d</p>', author_user_id: author };
    await expect(truto.post(path, body, { headers })).rejects.toThrow();
    const retried = await truto.post(path, body, { headers });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(emu?.snapshot().articles.map((a) => a.id)).toEqual([retried.body.data.id]);
  });

  it('is cleared by reset()', async () => {
    const { truto, kb, author } = await start();
    const path = `/custom/knowledge-bases/${kb.id}/articles`;
    const headers = { 'idempotency-key': 'key-5' };
    const body = { title: 'R', body_html: '<p>r</p>', author_user_id: author };
    await truto.post(path, body, { headers });
    emu?.reset();
    const again = await truto.post(path, body, { headers });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(emu?.snapshot().articles).toHaveLength(1);
  });
});
