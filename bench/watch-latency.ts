/**
 * Watch mode: time from a save to the server's acknowledgement of the write it causes, over 50 edits of
 * content-example against an in-process emulator with rate limits off, with watch's default debounce and
 * write-finish detection. Run: `node --import tsx bench/watch-latency.ts`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../src/config/resolve.js';
import { startEmulator } from '../src/emulator/index.js';
import { createPylonClient } from '../src/pylon/index.js';
import { startWatch, type WatchEvent } from '../src/watch/index.js';

const EXAMPLE = join(import.meta.dirname, '..', 'content-example');
const FILES = [
  'guides/keyboard-shortcuts.md',
  'guides/integrations/slack.md',
  'getting-started/invite-your-team.md',
  'troubleshooting/contact-support.md',
  'account-and-billing/plans-and-pricing.md',
];

export interface WatchLatency {
  edits: number;
  medianMs: number;
  p95Ms: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export async function benchWatchLatency(edits = 50): Promise<WatchLatency> {
  const emu = await startEmulator({ port: 0, rateLimits: 'off' });
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-watch-bench-'));
  const docs = join(dir, 'docs');
  await cp(EXAMPLE, docs, { recursive: true });
  const resolved = resolveConfig({
    file: { contentDir: 'docs', knowledgeBase: 'help-center', defaultAuthor: 'ada@acme.test' },
    flags: { rateLimits: 'off' },
    env: { PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token },
    cwd: dir,
  });
  if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
  const client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
  let waiting: { path: string; resolve: (ackAt: number) => void } | null = null;
  const onEvent = (event: WatchEvent) => {
    if (event.type === 'result' && waiting && event.path === waiting.path) waiting.resolve(performance.now());
    if (event.type === 'error') throw new Error(event.message);
  };
  const session = await startWatch({ config: resolved.config, client, onEvent, refreshIntervalMs: 0 });
  const latencies: number[] = [];
  try {
    await session.initialSync;
    for (let i = 0; i < edits; i++) {
      const path = FILES[i % FILES.length] as string;
      const file = join(docs, path);
      const text = await readFile(file, 'utf8');
      const acknowledged = new Promise<number>((resolve) => {
        waiting = { path, resolve };
      });
      const savedAt = performance.now();
      await writeFile(file, `${text}\nEdit number ${i + 1}.\n`);
      latencies.push((await acknowledged) - savedAt);
      waiting = null;
    }
  } finally {
    await session.close();
    await client.close();
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { edits: latencies.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchWatchLatency();
  console.log(
    `watch: save → acknowledgement over ${figures.edits} edits (content-example, emulator, rate limits off,`,
  );
  console.log('default debounce 150 ms and write-finish detection)');
  console.log(`median ${figures.medianMs.toFixed(0)} ms, 95th percentile ${figures.p95Ms.toFixed(0)} ms`);
}
