/**
 * Watch mode on a generated tree: time to start (until the start-up sync is done) and, per save, the time
 * from the save to the server's acknowledgement of the write it causes, with the CPU time the process spent
 * (watch and the in-process emulator together). Rate limits off, watch's default debounce and write-finish
 * detection. Run alone: `node --import tsx bench/watch-latency.ts [docs] [edits]`.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyPlan } from '../src/apply/index.js';
import { resolveConfig } from '../src/config/resolve.js';
import { buildContentTree, buildDesiredState } from '../src/content/index.js';
import { readContentFiles } from '../src/content/read-files.js';
import { startEmulator } from '../src/emulator/index.js';
import { createPlan } from '../src/plan/plan.js';
import { createPylonClient } from '../src/pylon/index.js';
import { loadCurrentState } from '../src/remote/snapshot.js';
import { startWatch, type WatchEvent } from '../src/watch/index.js';
import { writeCorpus } from './corpus.js';
import { percentile } from './stats.js';

export interface WatchFigures {
  docs: number;
  edits: number;
  startMs: number[];
  p50Ms: number;
  p95Ms: number;
  cpuMsPerSave: number;
}

export async function benchWatchLatency(docCount = 2000, edits = 40, starts = 2): Promise<WatchFigures> {
  const emu = await startEmulator({ port: 0, rateLimits: 'off' });
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-watch-bench-'));
  const docsDir = join(dir, 'docs');
  const written = await writeCorpus(docsDir, docCount);
  const articles = written.filter((d) => !d.path.endsWith('_index.md')).map((d) => d.path);
  const resolved = resolveConfig({
    file: { contentDir: 'docs', knowledgeBase: 'help-center', defaultAuthor: 'ada@acme.test' },
    flags: { rateLimits: 'off' },
    env: { PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token },
    cwd: dir,
  });
  if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
  const client = createPylonClient({
    baseUrl: emu.url,
    token: emu.token,
    rateLimits: { preset: 'off' },
    concurrency: 8,
  });
  // Published first, as drafts (what watch writes), so the start-up sync finds the tree in place.
  const desired = buildDesiredState(buildContentTree(await readContentFiles(docsDir, {})), {});
  const options = { publish: false, defaultAuthor: 'ada@acme.test' };
  await applyPlan(createPlan(desired, await loadCurrentState(client, 'help-center'), options), client);

  let waiting: { path: string; resolve: (ackAt: number) => void } | null = null;
  const onEvent = (event: WatchEvent) => {
    if (event.type === 'result' && waiting && event.path === waiting.path) waiting.resolve(performance.now());
    if (event.type === 'error') throw new Error(event.message);
  };
  const startMs: number[] = [];
  const latencies: number[] = [];
  let cpuMs = 0;
  try {
    for (let s = 0; s < starts; s++) {
      const t0 = performance.now();
      // As `pylon-kb watch` runs by default: from and into `.pylon-kb/render-cache.json`, so the first start
      // is cold (nothing rendered yet) and the next one warm.
      const session = await startWatch({
        config: resolved.config,
        client,
        onEvent,
        refreshIntervalMs: 0,
        renderCache: true,
      });
      await session.initialSync;
      startMs.push(performance.now() - t0);
      if (s < starts - 1) {
        await session.close();
        continue;
      }
      try {
        const cpuBefore = process.cpuUsage();
        for (let i = 0; i < edits; i++) {
          const path = articles[(i * 7919) % articles.length] as string;
          const file = join(docsDir, path);
          const text = await readFile(file, 'utf8');
          const acknowledged = new Promise<number>((resolve) => {
            waiting = { path, resolve };
          });
          const savedAt = performance.now();
          await writeFile(file, `${text}\nEdit number ${i + 1}.\n`);
          latencies.push((await acknowledged) - savedAt);
          waiting = null;
        }
        const cpu = process.cpuUsage(cpuBefore);
        cpuMs = (cpu.user + cpu.system) / 1000 / edits;
      } finally {
        await session.close();
      }
    }
  } finally {
    await client.close();
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
  return {
    docs: articles.length,
    edits: latencies.length,
    startMs,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    cpuMsPerSave: cpuMs,
  };
}

export function printWatch(f: WatchFigures): void {
  console.log(`\n## Watch on ${f.docs} documents: save → acknowledged over ${f.edits} edits`);
  console.log(
    `p50 ${f.p50Ms.toFixed(0)} ms, p95 ${f.p95Ms.toFixed(0)} ms; CPU ${f.cpuMsPerSave.toFixed(0)} ms per save (watch + emulator)`,
  );
  console.log(
    `start (until the start-up sync is done): cold ${f.startMs.map((ms) => `${ms.toFixed(0)} ms`).join(', then warm ')}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printWatch(await benchWatchLatency(Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 40)));
}
