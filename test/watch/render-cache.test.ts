import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { loadContent } from '../../src/run/content.js';
import { openRenderCache, RENDER_CACHE_PATH } from '../../src/run/render-cache.js';
import { startWatch, type WatchEvent } from '../../src/watch/index.js';
import { emulator, workspace } from '../e2e/helpers.js';
import { configFor } from './helpers.js';

describe('watch and the render cache file plan and apply use', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: PylonClient;

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
  });
  afterAll(async () => {
    await client?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  async function session(renderCache: boolean) {
    const events: WatchEvent[] = [];
    const watch = await startWatch({
      config: configFor(emu, 'docs', ws.dir),
      client,
      refreshIntervalMs: 0,
      renderCache,
      onEvent: (event) => events.push(event),
    });
    await watch.initialSync;
    const stats = watch.stats();
    await watch.close();
    return { stats, errors: events.filter((e) => e.type === 'error') };
  }

  it('without it, renders every document and writes no file', async () => {
    const { stats, errors } = await session(false);
    expect(errors).toEqual([]);
    expect(stats.renders).toBeGreaterThan(20);
    expect(existsSync(join(ws.dir, RENDER_CACHE_PATH))).toBe(false);
  });

  it('starts a second session from the first one’s renderings, and a plan starts from the session’s', async () => {
    const first = await session(true);
    expect(first.stats.renders).toBeGreaterThan(20);
    expect(existsSync(join(ws.dir, RENDER_CACHE_PATH))).toBe(true);

    const second = await session(true);
    expect(second.errors).toEqual([]);
    expect(second.stats.files).toBe(first.stats.files);
    expect(second.stats.renders).toBe(0);

    // An edit made while no session runs is the only document rendered again.
    const file = join(ws.docs, 'getting-started', 'invite-your-team.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    const cache = await openRenderCache(ws.dir, { persist: true });
    await loadContent(configFor(emu, 'docs', ws.dir), { renderCache: cache });
    expect(cache.renders).toBe(1);
    expect(cache.hits).toBe(first.stats.renders - 1);
  });
});
