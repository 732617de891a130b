import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { emulator, envFor, REPO, runCli, workspace } from './helpers.js';

/**
 * Crash trials: an apply that creates, updates and moves is killed at random moments (SIGKILL), or loses
 * responses after the server committed a write; the next run must converge: one article per document key,
 * every moved document's old URL redirecting to its article, then an empty plan.
 */
const FLAGS = [
  '--content-dir',
  'docs',
  '--kb',
  'help-center',
  '--author',
  'ada@acme.test',
  '--rate-limits',
  'off',
];
const TRIALS = 25;
const SEED = 20261126;
const BIN = join(REPO, 'bin', 'pylon-kb.mjs');
const built = existsSync(join(REPO, 'dist', 'cli', 'main.js'));

const prose = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Paragraph ${i} on ${topic}: how setting ${i} of ${topic} behaves.`,
  ).join('\n\n');
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** The tree before: eight documents in four folders. */
const BEFORE: Record<string, string> = {
  'a/x.md': page('Exports', prose('exports', 6)),
  'a/y.md': page('Imports', prose('imports', 6)),
  'b/z.md': page('Zones', prose('zones', 6)),
  'b/q.md': page('Queues', prose('queues', 6)),
  'c/w.md': page('Webhooks', prose('webhooks', 8)),
  'c/v.md': page('Views', prose('views', 6)),
  'd/u.md': page('Users', prose('users', 6)),
  'd/t.md': page('Tokens', prose('tokens', 6)),
};

/** The tree after: two edits, a move to another folder, a rename with an edit, two new documents. */
const AFTER: Record<string, string> = {
  ...Object.fromEntries(Object.entries(BEFORE).filter(([p]) => !['a/x.md', 'c/w.md'].includes(p))),
  'a/y.md': page('Imports', `${prose('imports', 6)}\n\nA new paragraph about imports.`),
  'b/q.md': page('Queues and workers', prose('queues', 6)),
  'b/x.md': page('Exports', prose('exports', 6)),
  'c/webhook-events.md': page('Webhook events', `${prose('webhooks', 7)}\n\nEvents are retried three times.`),
  'e/new-one.md': page('New one', prose('novelty', 4)),
  'e/new-two.md': page('New two', prose('newness', 4)),
};
const MOVED = [
  { from: 'a/x', to: 'b/x' },
  { from: 'c/w', to: 'c/webhook-events' },
];

async function writeTree(docs: string, files: Record<string, string>): Promise<void> {
  await rm(docs, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(docs, path, '..'), { recursive: true });
    await writeFile(join(docs, path), text);
  }
}

type StateArticle = { id: string; url: string; draft_html: string };
function managed(emu: RunningEmulator): Map<string, StateArticle[]> {
  const byKey = new Map<string, StateArticle[]>();
  for (const a of (emu.snapshot() as unknown as { articles: StateArticle[] }).articles) {
    const marker = readMarker(a.draft_html);
    if (!marker || marker.retired) continue;
    byKey.set(marker.key, [...(byKey.get(marker.key) ?? []), a]);
  }
  return byKey;
}

async function redirectOf(emu: RunningEmulator, url: string): Promise<string | null> {
  const response = await fetch(`${emu.url}/_site/help-center${new URL(url).pathname}`, {
    redirect: 'manual',
  });
  return response.status === 301 ? response.headers.get('location') : null;
}

/** A small seeded PRNG (mulberry32), so a failing trial can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function runChild(
  cwd: string,
  env: Record<string, string>,
  killAfterMs: number | null,
): Promise<{ killed: boolean; started: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'apply', ...FLAGS], {
      cwd,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', started });
    });
  });
}

describe.skipIf(!built)('crash safety', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeAll(async () => {
    if (!built) console.warn('crash trials skipped: run `npm run build` first (npm test does).');
    emu = await emulator();
    ws = await workspace(false);
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  async function start(): Promise<Map<string, string>> {
    emu.reset();
    await writeTree(ws.docs, BEFORE);
    expect((await cli('apply')).code).toBe(0);
    const urls = new Map([...managed(emu)].map(([key, list]) => [key, list[0]?.url ?? '']));
    await writeTree(ws.docs, AFTER);
    return urls;
  }

  async function expectConverged(oldUrls: Map<string, string>, label: string): Promise<void> {
    const byKey = managed(emu);
    const keys = Object.keys(AFTER)
      .map((p) => p.replace(/\.md$/, ''))
      .sort();
    expect([...byKey.keys()].sort(), label).toEqual(keys);
    for (const [key, list] of byKey) expect(list, `${label}: ${key}`).toHaveLength(1);
    for (const { from, to } of MOVED) {
      expect(await redirectOf(emu, oldUrls.get(from) ?? ''), `${label}: ${from} → ${to}`).toBe(
        byKey.get(to)?.[0]?.url,
      );
    }
    const plan = await cli('plan', '--json');
    expect(JSON.parse(plan.stdout).operations, label).toEqual([]);
  }

  it(`converges after SIGKILL at ${TRIALS} random moments (seed ${SEED})`, async () => {
    // Each request takes a few ms more, so the apply lasts long enough to be interrupted anywhere.
    // A full, uninterrupted run tells when the child's first and last writes reach the server; the kills
    // are spread over that span (plus a little either side), not over Node's start-up.
    await start();
    emu.setFaults([{ latencyMs: 8 }]);
    const logBefore = emu.snapshot().requests.log.length;
    const full = await runChild(ws.dir, envFor(emu), null);
    const fullLog = emu.snapshot().requests.log.slice(logBefore);
    const fullWrites = fullLog.filter((r) => r.method !== 'GET');
    const totalWrites = fullWrites.length;
    const first = (fullWrites[0]?.at ?? full.started) - full.started;
    const last = (fullWrites.at(-1)?.at ?? full.started) - full.started;
    const random = prng(SEED);
    let interrupted = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const oldUrls = await start();
      emu.setFaults([{ latencyMs: 8 }]);
      const before = emu.snapshot().requests.log.length;
      const delay = Math.round(first - 20 + random() * (last - first + 40));
      const run = await runChild(ws.dir, envFor(emu), delay);
      const writes = emu
        .snapshot()
        .requests.log.slice(before)
        .filter((r) => r.method !== 'GET').length;
      if (run.killed && writes < totalWrites) interrupted++;
      emu.setFaults([]);
      const next = await cli('apply');
      expect(next.code, `trial ${trial} (kill after ${delay} ms): ${next.stderr}`).toBe(0);
      await expectConverged(oldUrls, `trial ${trial} (kill after ${delay} ms)`);
    }
    console.info(
      `crash trials: ${TRIALS} trials, seed ${SEED}, ${interrupted} killed with writes still to do (of ${totalWrites})`,
    );
    // Most kills must land before the apply finished its writes, or the trials prove little.
    expect(totalWrites).toBeGreaterThan(10);
    expect(interrupted).toBeGreaterThanOrEqual(Math.floor(TRIALS * 0.6));
  }, 180_000);

  it('converges when responses to committed article and redirect creates are lost', async () => {
    const oldUrls = await start();
    emu.setFaults([
      { route: 'createArticle', nth: 1, dropAfterCommit: true },
      { route: 'createArticle', nth: 3, dropAfterCommit: true },
      { route: 'createRouteRedirect', nth: 1, dropAfterCommit: true },
    ]);
    const first = await cli('apply');
    emu.setFaults([]);
    expect(first.stderr).not.toMatch(/outcome_unknown.*create/i);
    const second = await cli('apply');
    expect(second.code).toBe(0);
    await expectConverged(oldUrls, 'lost responses');
    expect(await readFile(join(ws.docs, 'e', 'new-one.md'), 'utf8')).toContain('New one');
  });
});
