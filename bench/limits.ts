/**
 * Apply against the server's rate-limit floor: N creates (and N updates) through the emulator enforcing
 * the `documented` or the `raised` limits, with the client told the documented limits, the raised ones,
 * or none (`off`). Each figure is the apply's time over the floor the server allows,
 * (ceil(N / limit) - 1) windows, with the number of 429 answers.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan } from '../src/apply/index.js';
import { buildContentTree, buildDesiredState } from '../src/content/index.js';
import { readContentFiles } from '../src/content/read-files.js';
import type { DesiredState } from '../src/content/types.js';
import { startEmulator } from '../src/emulator/index.js';
import { createPlan } from '../src/plan/plan.js';
import { createPylonClient, type LearnedLimit } from '../src/pylon/index.js';
import { type EndpointName, type RateLimitPreset, rateLimitsFor } from '../src/pylon-api/index.js';
import { loadCurrentState } from '../src/remote/snapshot.js';
import { sampleDoc } from './generate.js';
import { formatRatio, spread } from './stats.js';

const PLAN_OPTIONS = { publish: true, defaultAuthor: 'ada@acme.test' } as const;
const TIME_SCALE = 0.01;
const WINDOW_MS = 60_000 * TIME_SCALE;

type Server = 'documented' | 'raised';
type ClientPreset = Exclude<RateLimitPreset, never>;

export interface Pairing {
  server: Server;
  client: ClientPreset;
}

export const PAIRINGS: Pairing[] = [
  { server: 'raised', client: 'documented' },
  { server: 'documented', client: 'raised' },
  { server: 'documented', client: 'off' },
  { server: 'raised', client: 'off' },
  { server: 'documented', client: 'documented' },
  { server: 'raised', client: 'raised' },
];

interface ApplyFigure {
  ratio: number;
  rateLimited: number;
  failed: number;
  learned: Partial<Record<EndpointName, LearnedLimit>>;
}

type Learned = Partial<Record<EndpointName, LearnedLimit>>;

async function writeDocs(dir: string, count: number, edit: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      writeFile(join(dir, `article-${i}.md`), `${sampleDoc(i)}${edit > 0 ? `\nEdit ${edit}.\n` : ''}`),
    ),
  );
}

/**
 * The desired state of `count` generated documents (with edit `edit`), rendered once per bench: every run
 * plans the same documents, and rendering them is not what is measured.
 */
const desiredStates = new Map<string, Promise<DesiredState>>();
function desiredOf(count: number, edit: number): Promise<DesiredState> {
  const key = `${count}/${edit}`;
  let desired = desiredStates.get(key);
  if (!desired) {
    desired = (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-limits-'));
      try {
        await writeDocs(dir, count, edit);
        return buildDesiredState(buildContentTree(await readContentFiles(dir, {})), {});
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })();
    desiredStates.set(key, desired);
  }
  return desired;
}

/** Creates `count` articles, then (with `updates`) changes every one: the figure of the measured step. */
async function applyOnce(
  pairing: Pairing,
  count: number,
  step: 'create' | 'update',
  learned: Learned = {},
): Promise<ApplyFigure> {
  const emu = await startEmulator({ port: 0, rateLimits: pairing.server, timeScale: TIME_SCALE });
  try {
    const open = (preset: RateLimitPreset, start: Learned) =>
      createPylonClient({
        baseUrl: emu.url,
        token: emu.token,
        rateLimits: { preset, timeScale: TIME_SCALE, learned: start },
        concurrency: 4,
      });
    if (step === 'update') {
      // Setup at full speed: the limits are lifted while the articles are created.
      emu.setOptions({ rateLimits: 'off' });
      const setup = open('off', {});
      await applyPlan(
        createPlan(await desiredOf(count, 0), await loadCurrentState(setup, 'help-center'), PLAN_OPTIONS),
        setup,
      );
      await setup.close();
      emu.setOptions({ rateLimits: pairing.server });
    }
    const client = open(pairing.client, learned);
    const plan = createPlan(
      await desiredOf(count, step === 'update' ? 1 : 0),
      await loadCurrentState(client, 'help-center'),
      PLAN_OPTIONS,
    );
    // Reading the remote used the read endpoints' windows, not the measured one's.
    const before = client.stats().rateLimited;
    const start = performance.now();
    const results = await applyPlan(plan, client);
    const ms = performance.now() - start;
    const endpoint = step === 'create' ? 'createArticle' : 'updateArticle';
    const limit = rateLimitsFor(pairing.server)[endpoint] ?? 1;
    const floor = (Math.ceil(count / limit) - 1) * WINDOW_MS;
    const rateLimited = client.stats().rateLimited - before;
    const learnedNow = client.learnedLimits();
    await client.close();
    return {
      ratio: ms / floor,
      rateLimited,
      failed: results.filter((r) => r.status === 'failed').length,
      learned: learnedNow,
    };
  } finally {
    await emu.close();
  }
}

function label(p: Pairing): string {
  return `server ${p.server.padEnd(10)} client ${p.client === 'off' ? 'unset' : p.client}`.padEnd(38);
}

function line(name: string, runs: ApplyFigure[]): string {
  const r429 = spread(runs.map((f) => f.rateLimited));
  const failed = runs.reduce((a, f) => a + f.failed, 0);
  return (
    `  ${name} ${formatRatio(spread(runs.map((f) => f.ratio)))} of the floor; ` +
    `429s ${r429.median} (${r429.min}–${r429.max})${failed > 0 ? `; ${failed} FAILED` : ''}`
  );
}

/**
 * Runs `work` for each pairing: against the documented server side by side, then against the raised one
 * one after another. A documented server takes 10 creates a minute, so its runs spend nearly all their
 * time waiting for their windows (about 17 requests a second each at this time scale): run together they
 * cost a third of the wall time and barely load the machine. The raised server's runs are three times as
 * busy, so no two of them overlap, and none overlaps the documented ones.
 */
async function eachPairing(
  pairings: readonly Pairing[],
  work: (pairing: Pairing) => Promise<void>,
): Promise<void> {
  await Promise.all(pairings.filter((p) => p.server === 'documented').map(work));
  for (const pairing of pairings.filter((p) => p.server === 'raised')) await work(pairing);
}

/**
 * Each pairing first as a first contact (nothing learned), then, where the client was told the wrong
 * limits, again starting from what the first run learned (what `.pylon-kb/rate-limits.json` gives the
 * next CI run). The order of the pairings is reversed every other round.
 */
export async function benchLimits(options: {
  rounds: number;
  count: number;
  updates: boolean;
}): Promise<void> {
  const { rounds, count } = options;
  console.log(
    `\n## Apply against the server's floor (${count} writes, time scale ${TIME_SCALE}: a minute is ${WINDOW_MS} ms)`,
  );
  console.log('(runs against the documented server side by side, then against the raised one one at a time)');
  const first = new Map<Pairing, ApplyFigure[]>(PAIRINGS.map((p) => [p, []]));
  const remembered = new Map<Pairing, ApplyFigure[]>(PAIRINGS.map((p) => [p, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? PAIRINGS : [...PAIRINGS].reverse();
    await eachPairing(order, async (pairing) => {
      const figure = await applyOnce(pairing, count, 'create');
      first.get(pairing)?.push(figure);
      if (pairing.server !== pairing.client) {
        remembered.get(pairing)?.push(await applyOnce(pairing, count, 'create', figure.learned));
      }
    });
  }
  console.log('creates, first contact:');
  for (const [pairing, runs] of first) console.log(line(label(pairing), runs));
  console.log('creates, starting from what the first run learned:');
  for (const [pairing, runs] of remembered) if (runs.length > 0) console.log(line(label(pairing), runs));
  if (!options.updates) return;
  const updates = new Map<Pairing, ApplyFigure[]>(PAIRINGS.map((p) => [p, []]));
  await eachPairing(PAIRINGS, async (pairing) => {
    updates.get(pairing)?.push(await applyOnce(pairing, count, 'update'));
  });
  console.log('updates, first contact:');
  for (const [pairing, runs] of updates) console.log(line(label(pairing), runs));
}
