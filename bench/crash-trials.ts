/**
 * SIGKILL trials with files (`npm run bench:crash`, or `npm run bench:crash -- --trials 20 --seed 7`).
 *
 * Each trial resets an emulator, publishes a docs tree that uses images, changes the tree, then runs
 * `pylon-kb apply` as a child process and kills it (SIGKILL) after a random number of writes reached the
 * server (plus a few random milliseconds); a second, uninterrupted apply follows. Half the trials kill the
 * first publish into an empty knowledge base instead. Counted over all trials, at the end of each:
 * - duplicates: live managed articles beyond one per document key, collections beyond one per place;
 * - failed operations: failed results of the apply after the kill;
 * - extra uploads: attachments stored beyond the number of distinct files (by content digest);
 * - not converged: a plan after the second apply that still has operations.
 * Then `--fault-trials` trials (default 12) run an uninterrupted apply against a server whose creates commit
 * late: the answer to one article create is lost (connection reset) or a gateway answers 504, and the write
 * lands 0.1 s, 1 s or 7 s later (after pylon-kb's re-reads gave up); on a first publish a collection create
 * meets a late-committing 504 too. Duplicates are counted once those writes landed, *before* the healing run.
 * Figures only, nothing asserted; the e2e crash test (test/e2e/crash.test.ts) and the late-commit test
 * (test/e2e/late-commit.test.ts) assert convergence and the absence of duplicates.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
// The emulator's seeded PRNG (mulberry32), so a run can be repeated with the same seed.
import { prng } from '../src/emulator/faults.js';
import { type RunningEmulator, startEmulator } from '../src/emulator/index.js';
import { readMarker } from '../src/identity/marker.js';

const REPO = join(import.meta.dirname, '..');
const BIN = join(REPO, 'bin', 'pylon-kb.mjs');
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

const prose = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Paragraph ${i} on ${topic}: how setting ${i} of ${topic} behaves.`,
  ).join('\n\n');
const image = (name: string) => `![${name}](../img/${name}.png)`;
const page = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;

/** Ten images (distinct bytes), some shared by two documents. */
const IMAGES = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => {
    const bytes = Buffer.alloc(600 + i * 37);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let j = 8; j < bytes.length; j++) bytes[j] = (j * (i + 3)) & 0xff;
    return [`img/i${i}.png`, bytes];
  }),
);

const BEFORE: Record<string, string> = {
  'a/x.md': page('Exports', `${prose('exports', 4)}\n\n${image('i0')}`),
  'a/y.md': page('Imports', `${prose('imports', 4)}\n\n${image('i1')}`),
  'b/z.md': page('Zones', `${prose('zones', 4)}\n\n${image('i2')}\n\n${image('i0')}`),
  'b/q.md': page('Queues', prose('queues', 4)),
  'c/w.md': page('Webhooks', `${prose('webhooks', 5)}\n\n${image('i3')}`),
  'c/v.md': page('Views', prose('views', 4)),
  'd/u.md': page('Users', `${prose('users', 4)}\n\n${image('i4')}`),
  'd/t.md': page('Tokens', prose('tokens', 4)),
};

/** Edits that add images, a move, a rename with an edit, new documents with new images. */
const AFTER: Record<string, string> = {
  ...Object.fromEntries(Object.entries(BEFORE).filter(([p]) => !['a/x.md', 'c/w.md'].includes(p))),
  'a/y.md': page('Imports', `${prose('imports', 4)}\n\n${image('i1')}\n\n${image('i5')}`),
  'b/q.md': page('Queues and workers', `${prose('queues', 4)}\n\n${image('i6')}`),
  'b/x.md': page('Exports', `${prose('exports', 4)}\n\n${image('i0')}`),
  'c/webhook-events.md': page(
    'Webhook events',
    `${prose('webhooks', 5)}\n\n${image('i3')}\n\n${image('i7')}`,
  ),
  'd/t.md': page('Tokens', `${prose('tokens', 4)}\n\n${image('i8')}`),
  'e/new-one.md': page('New one', `${prose('novelty', 3)}\n\n${image('i9')}\n\n${image('i5')}`),
  'e/new-two.md': page('New two', `${prose('newness', 3)}\n\n${image('i7')}`),
};

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} takes a positive whole number`);
    process.exit(2);
  }
  return value;
}

async function writeTree(docs: string, files: Record<string, string>): Promise<void> {
  await rm(docs, { recursive: true, force: true });
  for (const [path, bytes] of [...Object.entries(IMAGES), ...Object.entries(files)]) {
    await mkdir(join(docs, path, '..'), { recursive: true });
    await writeFile(join(docs, path), bytes);
  }
}

async function cli(dir: string, emu: RunningEmulator, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, ...FLAGS], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const writesSince = (emu: RunningEmulator, from: number) =>
  emu
    .snapshot()
    .requests.log.slice(from)
    .filter((r) => r.method !== 'GET').length;

/** `pylon-kb apply` as a child; killed once the server has seen `killAt.writes` writes from it (+ ms). */
function runChild(
  emu: RunningEmulator,
  cwd: string,
  killAt: { writes: number; extraMs: number } | null,
): Promise<{ killed: boolean; writes: number }> {
  return new Promise((resolve, reject) => {
    const from = emu.snapshot().requests.log.length;
    const child = spawn(process.execPath, [BIN, 'apply', ...FLAGS], {
      cwd,
      env: { ...process.env, PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token, NO_COLOR: '1' },
      stdio: 'ignore',
    });
    let timer: NodeJS.Timeout | undefined;
    const poll = killAt
      ? setInterval(() => {
          if (timer || writesSince(emu, from) < killAt.writes) return;
          timer = setTimeout(() => child.kill('SIGKILL'), killAt.extraMs);
        }, 1)
      : undefined;
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', writes: writesSince(emu, from) });
    });
  });
}

interface StoreView {
  articles: { draft_html: string }[];
  collections: { parent_collection_id?: string | null; slug: string; knowledge_base_id?: string }[];
  attachments: { sha256: string }[];
}

function countFailed(json: string): number {
  try {
    const data = JSON.parse(json) as { results?: { status: string }[] };
    return (data.results ?? []).filter((r) => r.status === 'failed').length;
  } catch {
    return Number.NaN;
  }
}

function tally(emu: RunningEmulator) {
  const store = emu.snapshot() as unknown as StoreView;
  const keys = new Map<string, number>();
  for (const a of store.articles) {
    const marker = readMarker(a.draft_html);
    if (marker && !marker.retired) keys.set(marker.key, (keys.get(marker.key) ?? 0) + 1);
  }
  const places = new Map<string, number>();
  for (const c of store.collections) {
    const place = `${c.knowledge_base_id ?? ''} ${c.parent_collection_id ?? '-'} ${c.slug}`;
    places.set(place, (places.get(place) ?? 0) + 1);
  }
  const over = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + Math.max(0, n - 1), 0);
  const digests = new Set(store.attachments.map((a) => a.sha256));
  return {
    articleDuplicates: over(keys),
    collectionDuplicates: over(places),
    extraUploads: store.attachments.length - digests.size,
  };
}

if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) {
  console.error('Build first (npm run build): the trials run the built CLI as a child process.');
  process.exit(2);
}
const trials = option('trials', 66);
const seed = option('seed', 20261201);
const random = prng(seed);
const emu = await startEmulator({ port: 0 });
const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-crash-'));
const docs = join(dir, 'docs');
const faultTrials = option('fault-trials', 12);
const totals = { articleDuplicates: 0, collectionDuplicates: 0, extraUploads: 0, failed: 0, notConverged: 0 };
/** Duplicates counted right after the interrupted or faulted run, before the healing run. */
const beforeHealing = { articleDuplicates: 0, collectionDuplicates: 0 };
const fullWrites = new Map<string, number>();
let interrupted = 0;
try {
  for (let trial = 0; trial < trials; trial++) {
    const firstPublish = trial % 2 === 0;
    const scenario = firstPublish ? 'first publish' : 'update';
    emu.reset();
    emu.setFaults([]);
    await rm(join(dir, '.pylon-kb'), { recursive: true, force: true });
    if (!firstPublish) {
      await writeTree(docs, BEFORE);
      const before = await cli(dir, emu, 'apply');
      if (before.code !== 0) throw new Error(`setup apply failed: ${before.stderr}`);
    }
    await writeTree(docs, AFTER);
    // Each request takes a few ms more, so an apply lasts long enough to be interrupted between writes.
    emu.setFaults([{ latencyMs: 8 }]);
    let total = fullWrites.get(scenario);
    if (total === undefined) {
      // The first trial of a scenario counts the writes of an uninterrupted run, then starts again.
      total = (await runChild(emu, dir, null)).writes;
      fullWrites.set(scenario, total);
      emu.reset();
      emu.setFaults([]);
      if (!firstPublish) {
        await writeTree(docs, BEFORE);
        await cli(dir, emu, 'apply');
        await writeTree(docs, AFTER);
      }
      emu.setFaults([{ latencyMs: 8 }]);
    }
    const killAt = { writes: 1 + Math.floor(random() * (total - 1)), extraMs: Math.floor(random() * 12) };
    const run = await runChild(emu, dir, killAt);
    if (run.killed && run.writes < total) interrupted++;
    emu.setFaults([]);
    const early = tally(emu);
    beforeHealing.articleDuplicates += early.articleDuplicates;
    beforeHealing.collectionDuplicates += early.collectionDuplicates;
    const next = await cli(dir, emu, 'apply', '--json');
    totals.failed += countFailed(next.stdout);
    const plan = await cli(dir, emu, 'plan', '--json');
    const pending = (JSON.parse(plan.stdout) as { operations: unknown[] }).operations.length;
    if (pending > 0) totals.notConverged++;
    const t = tally(emu);
    totals.articleDuplicates += t.articleDuplicates;
    totals.collectionDuplicates += t.collectionDuplicates;
    totals.extraUploads += t.extraUploads;
  }
  for (let trial = 0; trial < faultTrials; trial++) {
    const firstPublish = trial % 2 === 0;
    emu.reset();
    emu.setFaults([]);
    await rm(join(dir, '.pylon-kb'), { recursive: true, force: true });
    if (!firstPublish) {
      await writeTree(docs, BEFORE);
      const before = await cli(dir, emu, 'apply');
      if (before.code !== 0) throw new Error(`setup apply failed: ${before.stderr}`);
    }
    await writeTree(docs, AFTER);
    const commitDelayMs = [100, 1000, 7000][trial % 3] ?? 100;
    const lost = trial % 4 < 2 ? { dropAfterCommit: true } : { statusAfterCommit: 504 as const };
    emu.setFaults([
      { route: 'createArticle', nth: 1 + Math.floor(random() * 3), ...lost, commitDelayMs },
      ...(firstPublish
        ? [
            {
              route: 'createCollection',
              nth: 1 + Math.floor(random() * 3),
              statusAfterCommit: 504 as const,
              commitDelayMs,
            },
          ]
        : []),
    ]);
    await runChild(emu, dir, null);
    emu.setFaults([]);
    // Whatever the server still had to commit lands before the count.
    await new Promise((resolve) => setTimeout(resolve, commitDelayMs + 300));
    const early = tally(emu);
    beforeHealing.articleDuplicates += early.articleDuplicates;
    beforeHealing.collectionDuplicates += early.collectionDuplicates;
    const next = await cli(dir, emu, 'apply', '--json');
    totals.failed += countFailed(next.stdout);
    const plan = await cli(dir, emu, 'plan', '--json');
    if ((JSON.parse(plan.stdout) as { operations: unknown[] }).operations.length > 0) totals.notConverged++;
    const t = tally(emu);
    totals.articleDuplicates += t.articleDuplicates;
    totals.collectionDuplicates += t.collectionDuplicates;
    totals.extraUploads += t.extraUploads;
  }
} finally {
  await emu.close();
  await rm(dir, { recursive: true, force: true });
}
console.log(
  `crash trials: seed ${seed}, ${trials} kill trials (${interrupted} killed with writes still to do), ${faultTrials} late-commit trials`,
);
console.log(
  `writes of an uninterrupted run: ${[...fullWrites].map(([s, n]) => `${s} ${n}`).join(', ')}; ${Object.keys(IMAGES).length} distinct files`,
);
console.log(`before the healing run, duplicate articles:    ${beforeHealing.articleDuplicates}`);
console.log(`before the healing run, duplicate collections: ${beforeHealing.collectionDuplicates}`);
console.log(`duplicate articles (beyond one per key):     ${totals.articleDuplicates}`);
console.log(`duplicate collections (beyond one per place): ${totals.collectionDuplicates}`);
console.log(`failed operations (apply after the kill):     ${totals.failed}`);
console.log(`extra uploads (beyond one per file):          ${totals.extraUploads}`);
console.log(`trials not converged (plan not empty):        ${totals.notConverged}`);
