/**
 * pylon-kb benchmarks (npm run bench). Figures are measured in one run on a generated tree and printed as
 * ratios where a comparison is asked for; nothing here is asserted by the test suite.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { applyPlan } from '../src/apply/index.js';
import type { RenderCache } from '../src/content/desired.js';
import { buildContentTree, buildDesiredState } from '../src/content/index.js';
import { readContentFiles } from '../src/content/read-files.js';
import { startEmulator } from '../src/emulator/index.js';
import { renderMarkdown } from '../src/markdown/index.js';
import { createPlan } from '../src/plan/plan.js';
import { createPylonClient } from '../src/pylon/index.js';
import { loadCurrentState } from '../src/remote/snapshot.js';
import { openRenderCache } from '../src/run/render-cache.js';
import { VERSION } from '../src/version.js';
import { sampleDoc, writeTree } from './generate.js';

const PLAN_OPTIONS = { publish: true, defaultAuthor: 'ada@acme.test' } as const;

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

async function desiredFrom(dir: string, renderCache?: RenderCache) {
  return buildDesiredState(
    buildContentTree(await readContentFiles(dir, {})),
    renderCache ? { renderCache } : {},
  );
}

function renderThroughput(): void {
  const docs = Array.from({ length: 400 }, (_, i) => sampleDoc(i).replace(/^---[\s\S]*?---\n/, ''));
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze();
  for (const d of docs.slice(0, 20)) {
    renderMarkdown(d, { title: 'x' });
    bare.processSync(d);
  }
  const ours = time(() => docs.map((d) => renderMarkdown(d, { title: 'Sample' }).html));
  const baseline = time(() => docs.map((d) => String(bare.processSync(d))));
  console.log('\n## Render throughput (400 documents)');
  console.log(
    `pylon-kb pipeline:           ${(docs.length / (ours.ms / 1000)).toFixed(0)} docs/s (${ours.ms.toFixed(0)} ms)`,
  );
  console.log(
    `bare remark→rehype pipeline: ${(docs.length / (baseline.ms / 1000)).toFixed(0)} docs/s (${baseline.ms.toFixed(0)} ms)`,
  );
  console.log(`ratio (pylon-kb time / bare time): ${(ours.ms / baseline.ms).toFixed(2)}×`);
}

async function planUnchanged(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-'));
  const emu = await startEmulator({ port: 0 });
  try {
    await writeTree(dir, 2000, 100);
    const client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      concurrency: 8,
    });
    const desired = await desiredFrom(dir);
    const first = createPlan(desired, await loadCurrentState(client, 'help-center'), PLAN_OPTIONS);
    const results = await applyPlan(first, client);
    const failed = results.filter((r) => r.status === 'failed').length;

    const measured = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    const logBefore = emu.snapshot().requests.log.length;
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    const desiredAgain = await desiredFrom(dir);
    const afterRead = performance.now();
    const current = await loadCurrentState(measured, 'help-center');
    const afterRemote = performance.now();
    const plan = createPlan(desiredAgain, current, PLAN_OPTIONS);
    const end = performance.now();
    const seen = emu.snapshot().requests.log.slice(logBefore);
    const byRoute: Record<string, number> = {};
    for (const r of seen) byRoute[`${r.method} ${r.route}`] = (byRoute[`${r.method} ${r.route}`] ?? 0) + 1;
    console.log('\n## Plan for 2,000 unchanged documents (20 collections)');
    console.log(`setup: ${results.length} writes, ${failed} failed`);
    console.log(`operations in the plan: ${plan.operations.length} (unchanged: ${plan.summary.unchanged})`);
    console.log(
      `time: ${(end - start).toFixed(0)} ms total = read+render ${(afterRead - start).toFixed(0)} ms + remote ${(afterRemote - afterRead).toFixed(0)} ms + diff ${(end - afterRemote).toFixed(0)} ms`,
    );
    console.log(`requests seen by the server: ${seen.length} ${JSON.stringify(byRoute)}`);
    console.log(
      `heap growth during the plan: ${((process.memoryUsage().heapUsed - heapBefore) / 1048576).toFixed(0)} MiB`,
    );

    // The CLI keeps renderings in .pylon-kb/render-cache.json: a second plan of an unchanged tree.
    const cold = await openRenderCache(dir, { persist: true, version: VERSION });
    await desiredFrom(dir, cold);
    cold.sweep();
    await cold.save();
    const warm = await openRenderCache(dir, { persist: true, version: VERSION });
    const warmStart = performance.now();
    const cached = await desiredFrom(dir, warm);
    const warmPlan = createPlan(cached, await loadCurrentState(measured, 'help-center'), PLAN_OPTIONS);
    const warmMs = performance.now() - warmStart;
    console.log(
      `with a warm render cache: ${warmMs.toFixed(0)} ms (${warm.hits} renderings reused, ` +
        `${warmPlan.operations.length} operations); ratio to the cold plan ${(warmMs / (end - start)).toFixed(2)}×`,
    );
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function applyAgainstFloor(): Promise<void> {
  const timeScale = 0.01;
  const count = 300;
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-bench-'));
  const emu = await startEmulator({ port: 0, rateLimits: 'documented', timeScale });
  try {
    await writeTree(dir, count, 0);
    const client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'documented', timeScale },
      concurrency: 4,
    });
    const plan = createPlan(
      await desiredFrom(dir),
      await loadCurrentState(client, 'help-center'),
      PLAN_OPTIONS,
    );
    const logBefore = emu.snapshot().requests.log.length;
    const start = performance.now();
    const results = await applyPlan(plan, client);
    const ms = performance.now() - start;
    const log = emu.snapshot().requests.log.slice(logBefore);
    const windowMs = 60_000 * timeScale;
    const floor = (Math.ceil(count / 10) - 1) * windowMs;
    console.log(
      `\n## Apply of ${count} creates under the documented limits (10/min), time scale ${timeScale}`,
    );
    console.log(
      `results: ${results.filter((r) => r.status === 'created').length} created, ${results.filter((r) => r.status === 'failed').length} failed`,
    );
    console.log(
      `time: ${ms.toFixed(0)} ms; floor (ceil(${count}/10) - 1 windows of ${windowMs} ms): ${floor} ms`,
    );
    console.log(`ratio (time / floor): ${(ms / floor).toFixed(3)}×`);
    console.log(`429 responses received: ${log.filter((r) => r.status === 429).length}`);
  } finally {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function watchLatency(): Promise<void> {
  const path = join(import.meta.dirname, 'watch-latency.ts');
  if (!existsSync(path)) return;
  const module = './watch-latency.js';
  const { benchWatchLatency } = (await import(module)) as {
    benchWatchLatency: () => Promise<{ edits: number; medianMs: number; p95Ms: number }>;
  };
  const figures = await benchWatchLatency();
  console.log(`\n## Watch: save to acknowledgement over ${figures.edits} edits`);
  console.log(`median ${figures.medianMs.toFixed(0)} ms, 95th percentile ${figures.p95Ms.toFixed(0)} ms`);
}

console.log(`pylon-kb benchmarks, Node ${process.version}, ${new Date().toISOString()}`);
renderThroughput();
await planUnchanged();
await applyAgainstFloor();
await watchLatency();
