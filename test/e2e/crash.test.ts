import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  CLI_FLAGS,
  emulator,
  envFor,
  managedByKey,
  REPO,
  redirectTarget,
  runCli,
  workspace,
} from './helpers.js';

/**
 * Crash trials: an apply that creates, updates and moves is killed at random moments (SIGKILL), or loses
 * responses after the server committed a write; the next run must converge: one article per document key,
 * every moved document's old URL redirecting to its article, then an empty plan.
 */
const FLAGS = CLI_FLAGS;
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

/**
 * Runs `pylon-kb apply` as a child process. With `killAt`, the child is killed (SIGKILL) once the server
 * has received that many writes from it, plus `extraMs`: a moment inside the apply, whatever Node's start-up
 * and the machine's load.
 */
function runChild(
  emu: RunningEmulator,
  cwd: string,
  env: Record<string, string>,
  killAt: { writes: number; extraMs: number } | null,
): Promise<{ killed: boolean; writes: number }> {
  return new Promise((resolve, reject) => {
    const before = emu.snapshot().requests.log.length;
    const writesSoFar = () =>
      emu
        .snapshot()
        .requests.log.slice(before)
        .filter((r) => r.method !== 'GET').length;
    const child = spawn(process.execPath, [BIN, 'apply', ...FLAGS], {
      cwd,
      env: { ...process.env, ...env, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    let timer: NodeJS.Timeout | undefined;
    const poll = killAt
      ? setInterval(() => {
          if (timer || writesSoFar() < killAt.writes) return;
          timer = setTimeout(() => child.kill('SIGKILL'), killAt.extraMs);
        }, 1)
      : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', writes: writesSoFar() });
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
    const urls = new Map([...managedByKey(emu)].map(([key, list]) => [key, list[0]?.url ?? '']));
    await writeTree(ws.docs, AFTER);
    return urls;
  }

  async function expectConverged(oldUrls: Map<string, string>, label: string): Promise<void> {
    const byKey = managedByKey(emu);
    const keys = Object.keys(AFTER)
      .map((p) => p.replace(/\.md$/, ''))
      .sort();
    expect([...byKey.keys()].sort(), label).toEqual(keys);
    for (const [key, list] of byKey) expect(list, `${label}: ${key}`).toHaveLength(1);
    for (const { from, to } of MOVED) {
      expect(await redirectTarget(emu, oldUrls.get(from) ?? ''), `${label}: ${from} → ${to}`).toBe(
        byKey.get(to)?.[0]?.url,
      );
    }
    const plan = await cli('plan', '--json');
    expect(JSON.parse(plan.stdout).operations, label).toEqual([]);
  }

  it(`converges after SIGKILL at ${TRIALS} random moments during an apply (seed ${SEED})`, async () => {
    // Each request takes a few ms more, so the apply lasts long enough to be interrupted between writes.
    // A full, uninterrupted run counts the writes; each trial kills the child after a random number of them
    // reached the server, plus a random few milliseconds (mid-request, mid-move, between waves).
    await start();
    emu.setFaults([{ latencyMs: 8 }]);
    const full = await runChild(emu, ws.dir, envFor(emu), null);
    const totalWrites = full.writes;
    const random = prng(SEED);
    let interrupted = 0;
    let trial = 0;
    // Trials go on until TRIALS kills landed with writes still to do (a kill after the last write proves
    // less), with a cap so a broken setup cannot loop.
    for (; interrupted < TRIALS && trial < TRIALS * 2; trial++) {
      const oldUrls = await start();
      emu.setFaults([{ latencyMs: 8 }]);
      const killAt = {
        writes: 1 + Math.floor(random() * (totalWrites - 1)),
        extraMs: Math.floor(random() * 12),
      };
      const run = await runChild(emu, ws.dir, envFor(emu), killAt);
      if (run.killed && run.writes < totalWrites) interrupted++;
      emu.setFaults([]);
      const label = `trial ${trial} (killed after write ${killAt.writes} + ${killAt.extraMs} ms)`;
      const next = await cli('apply');
      expect(next.code, `${label}: ${next.stderr}`).toBe(0);
      await expectConverged(oldUrls, label);
    }
    console.info(
      `crash trials: seed ${SEED}, ${trial} trials, ${interrupted} killed with writes still to do (of ${totalWrites})`,
    );
    expect(totalWrites).toBeGreaterThan(10);
    expect(interrupted).toBe(TRIALS);
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
