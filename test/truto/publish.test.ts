import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan, failedResults } from '../../src/apply/index.js';
import { resolveConfig } from '../../src/config/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { createPylonClient, createTrutoTransport, OutcomeUnknownError } from '../../src/pylon/index.js';
import { planFromConfig } from '../../src/run/plan.js';
import { emulator, envFor, rateLimitBursts, runCli, trutoEnvFor, workspace } from '../e2e/helpers.js';
import { maxInWindow } from './helpers.js';

const FLAGS = ['--content-dir', 'docs', '--kb', 'help-center', '--author', 'ada@acme.test'];
const CREATE_ROUTE = 'POST /custom/knowledge-bases/{id}/articles';

let emu: RunningEmulator | undefined;
let ws: Awaited<ReturnType<typeof workspace>> | undefined;
afterEach(async () => {
  await emu?.close();
  await ws?.cleanup();
  emu = undefined;
  ws = undefined;
});

const facadeLog = (e: RunningEmulator) =>
  e.snapshot().requests.log.filter((r) => r.route.startsWith('/custom/') || r.route.startsWith('/proxy/'));

function trutoClient(e: RunningEmulator, accountLimit?: { limit: number; windowMs: number }, timeScale = 1) {
  const transport = createTrutoTransport({
    apiUrl: e.url,
    token: e.truto.token,
    integratedAccountId: e.truto.accounts[0] ?? '',
    accountLimit,
  });
  return createPylonClient({
    baseUrl: e.url,
    token: e.truto.token,
    transport,
    rateLimits: { preset: 'off', timeScale },
    backoff: { baseMs: 10, maxMs: 40 },
  });
}

describe('a create whose response is lost after the commit', () => {
  it('is re-sent through Truto with the same Idempotency-Key and makes exactly one article', async () => {
    emu = await emulator({ faults: [{ route: CREATE_ROUTE, nth: 1, dropAfterCommit: true }] });
    const client = trutoClient(emu);
    const kb = emu.kb();
    const author = (await client.listUsers())[0]?.id ?? '';
    const created = await client.createArticle(kb.id, {
      title: 'Exactly once',
      body_html: '<p>1</p>',
      author_user_id: author,
    });
    expect(emu.snapshot().articles.map((a) => [a.id, a.title])).toEqual([[created.id, 'Exactly once']]);
    const creates = facadeLog(emu).filter((r) => r.route === '/custom/knowledge-bases/{id}/articles');
    expect(creates.map((r) => [r.status, r.dropped ?? false])).toEqual([
      [200, true],
      [200, false],
    ]);
    expect(client.stats().retries).toBe(1);
  });

  it('re-sends an attachment upload with the same key, whatever its multipart boundary', async () => {
    emu = await emulator({ faults: [{ route: 'POST /proxy/attachments', nth: 1, dropAfterCommit: true }] });
    const client = trutoClient(emu);
    const uploaded = await client.uploadAttachment({ name: 'logo.png', bytes: new Uint8Array([1, 2, 3]) });
    expect(emu.snapshot().attachments.map((a) => [a.id, a.name])).toEqual([[uploaded.id, 'logo.png']]);
    expect(client.stats().retries).toBe(1);
  });

  it('is not re-sent directly to Pylon, which has no idempotency keys (the outcome is unknown instead)', async () => {
    emu = await emulator({
      faults: [{ route: 'POST /knowledge-bases/{id}/articles', nth: 1, dropAfterCommit: true }],
    });
    const client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    const author = (await client.listUsers())[0]?.id ?? '';
    const attempt = client.createArticle(emu.kb().id, {
      title: 'Maybe',
      body_html: '<p>1</p>',
      author_user_id: author,
    });
    await expect(attempt).rejects.toBeInstanceOf(OutcomeUnknownError);
    expect(emu.snapshot().articles).toHaveLength(1);
  });

  it('leaves no duplicate when apply publishes content-example through Truto', async () => {
    emu = await emulator({ faults: [{ route: CREATE_ROUTE, nth: 3, dropAfterCommit: true }] });
    ws = await workspace();
    const run = await runCli(['apply', ...FLAGS, '--rate-limits', 'off'], {
      cwd: ws.dir,
      env: trutoEnvFor(emu),
    });
    expect(run.code, run.stderr).toBe(0);
    const keys = emu.snapshot().articles.map((a) => readMarker(a.draft_html)?.key);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys).not.toContain(undefined);
    expect(new Set(keys).size).toBe(keys.length);
    expect(facadeLog(emu).filter((r) => r.dropped)).toHaveLength(1);
    const plan = await runCli(['plan', '--json', ...FLAGS, '--rate-limits', 'off'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(JSON.parse(plan.stdout).operations).toEqual([]);
  });
});

describe('Truto’s limit while publishing content-example', () => {
  it('is never exceeded with the documented presets on a 0.01 clock (façade limit on)', async () => {
    emu = await emulator({ rateLimits: 'documented', timeScale: 0.01, truto: { rateLimit: true } });
    ws = await workspace();
    const run = await runCli(['apply', ...FLAGS, '--rate-limits', 'documented', '--time-scale', '0.01'], {
      cwd: ws.dir,
      env: trutoEnvFor(emu),
    });
    expect(run.code, run.stderr).toBe(0);
    const log = facadeLog(emu);
    expect(log.length).toBeGreaterThan(30);
    // Pylon's per-endpoint limits are probed once each (at most one burst of Pylon 429s per route);
    // Truto's own limit is paced, never probed.
    const bursts = rateLimitBursts(log, 600);
    expect(
      Object.values(bursts).every((n) => n <= 1),
      JSON.stringify(bursts),
    ).toBe(true);
    // 50 requests per 10 s × 0.01 = 100 ms.
    expect(
      maxInWindow(
        log.map((r) => r.at),
        100,
      ),
    ).toBeLessThanOrEqual(50);
  });

  it('is never exceeded when it is the binding limit (10 per window on both sides, Pylon limits off)', async () => {
    emu = await emulator({ timeScale: 0.01, truto: { rateLimit: true, accountLimit: 10 } });
    ws = await workspace();
    const resolved = resolveConfig({
      flags: {
        contentDir: 'docs',
        kb: 'help-center',
        author: 'ada@acme.test',
        rateLimits: 'off',
        timeScale: 0.01,
      },
      env: trutoEnvFor(emu),
      cwd: ws.dir,
    });
    if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
    expect(resolved.config.target).toMatchObject({ kind: 'truto', integratedAccountId: 'acct-emulator-1' });
    const client = trutoClient(emu, { limit: 10, windowMs: 10_000 }, 0.01);
    const started = performance.now();
    const { plan } = await planFromConfig(resolved.config, client);
    const results = await applyPlan(plan, client);
    const elapsed = performance.now() - started;
    expect(failedResults(results)).toEqual([]);
    const log = facadeLog(emu);
    expect(log.length).toBeGreaterThanOrEqual(30);
    expect(log.filter((r) => r.status === 429)).toEqual([]);
    expect(
      maxInWindow(
        log.map((r) => r.at),
        100,
      ),
    ).toBeLessThanOrEqual(10);
    // 30+ requests at 10 per 100 ms need at least three more windows after the first.
    expect(elapsed).toBeGreaterThanOrEqual(300);
    await client.close();
  });
});
