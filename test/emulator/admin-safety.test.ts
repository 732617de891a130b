import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Emulator } from '../../src/emulator/emulator.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, startTestEmulator } from './helpers.js';

describe('emulator on a shared machine', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let author: string;

  beforeAll(async () => {
    const started = await startTestEmulator();
    ({ emu, api, author } = started);
    kb = started.kb.id;
  });
  afterAll(() => emu.close());

  const adminPost = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${emu.url}/_emulator/${path}`, { method: 'POST', body, headers });

  it('refuses an admin write a web page could send: no JSON content type, or a foreign Origin', async () => {
    await createArticle(api, kb, { title: 'Keep me', body_html: '<p>x</p>', author_user_id: author });
    const attempts = [
      adminPost('reset', '', {}),
      adminPost('reset', '{}', { 'content-type': 'text/plain' }),
      adminPost('reset', 'a=b', { 'content-type': 'application/x-www-form-urlencoded' }),
      adminPost('faults', '{"rules":[]}', {
        'content-type': 'application/json',
        origin: 'https://evil.test',
      }),
      adminPost('reset', '{}', { 'content-type': 'application/json', origin: 'null' }),
      adminPost('reset', '{}', { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
    ];
    const answers = await Promise.all(attempts);
    expect(answers.map((r) => r.status)).toEqual([415, 415, 415, 403, 403, 403]);
    const body = (await answers[3]?.json()) as { errors: string[]; code: string };
    expect(body.code).toBe('forbidden_origin');
    expect(body.errors[0]).toContain('https://evil.test');
    expect(emu.snapshot().articles.map((a) => a.title)).toContain('Keep me');
  });

  it('takes an admin write with JSON from its own origin or from a script without Origin', async () => {
    const own = await adminPost('options', '{"duplicateSlugs":"allow"}', {
      'content-type': 'application/json; charset=utf-8',
      origin: emu.url,
    });
    expect(own.status).toBe(200);
    const script = await adminPost('reset', '{}', { 'content-type': 'application/json' });
    expect(script.status).toBe(200);
    expect(emu.snapshot().articles).toEqual([]);
  });

  it('keys request counters by route template: a scan of random paths adds one key per method', async () => {
    const before = Object.keys(emu.snapshot().requests.counts).length;
    const paths = Array.from({ length: 200 }, (_, i) => `/scan/${i}/x${i}`);
    await Promise.all(paths.map((p) => api.get(p)));
    await Promise.all(paths.slice(0, 50).map((p) => fetch(`${emu.url}/_emulator${p}`)));
    await Promise.all(
      paths.slice(0, 50).map((p) => adminPost(p.slice(1), '{}', { 'content-type': 'application/json' })),
    );
    await Promise.all(paths.slice(0, 50).map((p) => api.get(`/custom${p}`, { token: 'x' })));
    const counts = emu.snapshot().requests.counts;
    expect(Object.keys(counts).length - before).toBeLessThanOrEqual(3);
    expect(counts['GET /{unmatched}']).toBe(200);
    expect(counts['POST /_emulator/{unknown}']).toBe(50);
    expect(counts['GET /custom/{unmatched}']).toBe(50);
  });

  it('serves help-center pages with a CSP that allows no script from stored HTML', async () => {
    const a = await createArticle(api, kb, {
      title: 'Hostile',
      body_html: '<p onclick="alert(1)">x</p><script>alert(2)</script>',
      author_user_id: author,
      is_published: true,
    });
    const res = await fetch(`${emu.url}/_site/help-center${new URL(a.url).pathname}`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`${emu.url}/_site/help-center/articles/999999-none`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(csp);
  });

  it('serves uploaded files sandboxed, so an SVG or HTML attachment runs no script', async () => {
    const form = new FormData();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    form.append('file', new Blob([svg], { type: 'image/svg+xml' }), 'x.svg');
    const upload = (await api.post('/attachments', form)).body.data as { url: string };
    const res = await fetch(`${emu.url}${new URL(upload.url).pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('state file writes', () => {
  it('coalesces a burst of writes into a few atomic saves, all of them in the file after a flush', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-emulator-state-'));
    const statePath = join(dir, 'state.json');
    const started = await startTestEmulator({ statePath });
    try {
      const { api, kb } = started;
      for (let i = 0; i < 50; i++)
        await api.post(`/knowledge-bases/${kb.id}/collections`, { title: `C${i}` });
      await started.emu.flushState();
      const saved = JSON.parse(await readFile(statePath, 'utf8'));
      expect(saved.data.collections).toHaveLength(50);
    } finally {
      await started.emu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('saves fewer times than it is written to (counted by the writer)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-emulator-state-'));
    try {
      const em = new Emulator({ statePath: join(dir, 'state.json') });
      for (let i = 0; i < 50; i++) em.persist();
      await em.flushState();
      expect(em.stateWriter?.saves).toBe(1);
      em.persist();
      await em.flushState();
      expect(em.stateWriter?.saves).toBe(2);
      await em.flushState();
      expect(em.stateWriter?.saves).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
