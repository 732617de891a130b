/**
 * Plans of a generated tree: unchanged against a knowledge base that already holds it, cold (a fresh CI
 * checkout: no `.pylon-kb/`) and warm (the render cache kept), against a bare render of the same
 * documents; and a plan against an empty knowledge base (every article a create), warm.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPlan } from '../src/apply/index.js';
import type { RenderCache } from '../src/content/desired.js';
import { buildContentTree, buildDesiredState } from '../src/content/index.js';
import { readContentFiles } from '../src/content/read-files.js';
import { startEmulator } from '../src/emulator/index.js';
import { createPlan } from '../src/plan/plan.js';
import { createPylonClient, type PylonClient } from '../src/pylon/index.js';
import { loadCurrentState } from '../src/remote/snapshot.js';
import { openRenderCache } from '../src/run/render-cache.js';
import { bodyOf, writeCorpus } from './corpus.js';
import { bare } from './render.js';
import { alternateClocks, formatMs, formatRatio, ratios, spread } from './stats.js';

const PLAN_OPTIONS = { publish: true, defaultAuthor: 'ada@acme.test' } as const;

async function plan(dir: string, client: PylonClient, renderCache?: RenderCache) {
  const tree = buildContentTree(await readContentFiles(dir, {}));
  const desired = buildDesiredState(tree, renderCache ? { renderCache } : {});
  return createPlan(desired, await loadCurrentState(client, 'help-center'), PLAN_OPTIONS);
}

async function warmPlan(dir: string, client: PylonClient) {
  const file = await openRenderCache(dir, { persist: true });
  const result = await plan(dir, client, file);
  file.sweep();
  await file.save();
  return result;
}

export async function benchPlan(options: { rounds: number; docs: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-plan-'));
  const published = await startEmulator({ port: 0, rateLimits: 'off' });
  const empty = await startEmulator({ port: 0, rateLimits: 'off' });
  const open = (url: string, token: string) =>
    createPylonClient({ baseUrl: url, token, rateLimits: { preset: 'off' }, concurrency: 8 });
  try {
    const docs = await writeCorpus(dir, options.docs);
    const bodies = docs.filter((d) => !d.path.endsWith('_index.md')).map((d) => bodyOf(d.text));
    const setup = open(published.url, published.token);
    const first = await warmPlan(dir, setup);
    const results = await applyPlan(first, setup);
    const failed = results.filter((r) => r.status === 'failed').length;
    await setup.close();
    const toPublished = open(published.url, published.token);
    const toEmpty = open(empty.url, empty.token);
    const check = await warmPlan(dir, toPublished);
    const creates = await warmPlan(dir, toEmpty);
    console.log(
      `\n## Plan of ${bodies.length} documents (${first.operations.length} operations to publish them, ${failed} failed)`,
    );
    console.log(
      `unchanged plan: ${check.summary.unchanged} unchanged of ${check.operations.length}; empty-KB plan: ${JSON.stringify(creates.summary)} operations`,
    );
    const { wall, cpu } = await alternateClocks(options.rounds, {
      cold: () => plan(dir, toPublished),
      warm: () => warmPlan(dir, toPublished),
      bare: () => {
        for (const body of bodies) String(bare.processSync(body));
      },
      empty: () => warmPlan(dir, toEmpty),
    });
    const [cold, warm, bareMs, emptyMs] = [
      wall.cold ?? [],
      wall.warm ?? [],
      wall.bare ?? [],
      wall.empty ?? [],
    ];
    const [coldCpu, warmCpu, bareCpu, emptyCpu] = [
      cpu.cold ?? [],
      cpu.warm ?? [],
      cpu.bare ?? [],
      cpu.empty ?? [],
    ];
    const both = (a: number[], b: number[], aCpu: number[], bCpu: number[]) =>
      `${formatRatio(spread(ratios(aCpu, bCpu)))} CPU, ${formatRatio(spread(ratios(a, b)))} wall`;
    console.log(
      `cold (fresh checkout, no .pylon-kb/): ${formatMs(spread(cold))}; CPU ${formatMs(spread(coldCpu))}`,
    );
    console.log(
      `warm (render cache kept):             ${formatMs(spread(warm))}; CPU ${formatMs(spread(warmCpu))}`,
    );
    console.log(
      `bare render of the same bodies:       ${formatMs(spread(bareMs))}; CPU ${formatMs(spread(bareCpu))}`,
    );
    console.log(`cold / bare render: ${both(cold, bareMs, coldCpu, bareCpu)}`);
    console.log(`warm / cold: ${both(warm, cold, warmCpu, coldCpu)}`);
    console.log(
      `empty KB (every article a create), warm: ${formatMs(spread(emptyMs))}; / unchanged warm: ${both(emptyMs, warm, emptyCpu, warmCpu)}`,
    );
    await toPublished.close();
    await toEmpty.close();
  } finally {
    await published.close();
    await empty.close();
    await rm(dir, { recursive: true, force: true });
  }
}
