import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failedResults } from '../../src/apply/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { ClientEvent } from '../../src/pylon/index.js';
import { createPylonClient } from '../../src/pylon/index.js';
import { executePlan, planFromConfig } from '../../src/run/index.js';
import { configFor } from '../watch/helpers.js';
import { emulator, managedByKey, workspace, writeText } from './helpers.js';

const FOLDERS = 20;
const PER_FOLDER = 99;
// Long enough that a loaded machine's own pauses during the apply stay under it; the stall is well over it.
const KEEP_ALIVE_MS = 1_500;

/** Blocks the event loop, as planning a large tree does, for longer than the server keeps idle connections. */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

/**
 * A large apply right after a long synchronous step, against a server that closes idle keep-alive
 * connections quickly without saying so: no request goes out on a connection the server has closed
 * ("other side closed"), so no create has an unknown outcome and nothing is re-read to recover.
 */
describe('a 2,000-write apply after a stall, with a short keep-alive timeout', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let config: ResolvedConfig;

  beforeEach(async () => {
    emu = await emulator({ keepAliveTimeoutMs: KEEP_ALIVE_MS });
    ws = await workspace(false);
    for (let f = 0; f < FOLDERS; f++) {
      const folder = join(ws.docs, `section-${f}`);
      await mkdir(folder, { recursive: true });
      await Promise.all(
        Array.from({ length: PER_FOLDER }, (_, i) =>
          writeText(
            join(folder, `page-${f}-${i}.md`),
            `---\ntitle: Page ${f}.${i}\n---\n\nAbout ${f}.${i}.\n`,
          ),
        ),
      );
    }
    config = configFor(emu, 'docs', ws.dir);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('sends every write on a live connection: no retries, no recovery reads', async () => {
    const events: ClientEvent[] = [];
    const client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      onEvent: (event) => events.push(event),
    });
    try {
      const { plan } = await planFromConfig(config, client);
      expect(plan.operations).toHaveLength(FOLDERS + FOLDERS * PER_FOLDER);
      const readsBefore = reads(emu);
      stall(2 * KEEP_ALIVE_MS);
      const results = await executePlan(plan, client, { contentDir: config.contentDir });
      expect(failedResults(results)).toEqual([]);
      expect(reads(emu)).toEqual(readsBefore);
      expect(events.filter((e) => e.type === 'retry')).toEqual([]);
      const counts = emu.snapshot().requests.counts;
      expect(counts['POST /knowledge-bases/{id}/collections']).toBe(FOLDERS);
      expect(counts['POST /knowledge-bases/{id}/articles']).toBe(FOLDERS * PER_FOLDER);
      expect(managedByKey(emu).size).toBe(FOLDERS * PER_FOLDER);
    } finally {
      await client.close();
    }
  }, 120_000);
});

/** GET requests per route on Pylon's API (the re-reads a create with an unknown outcome costs). */
function reads(emu: RunningEmulator): Record<string, number> {
  const counts = emu.snapshot().requests.counts as Record<string, number>;
  return Object.fromEntries(
    Object.entries(counts).filter(([route]) => route.startsWith('GET /knowledge-bases')),
  );
}
