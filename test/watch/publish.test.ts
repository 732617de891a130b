import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { formatWatchEvent, startWatch, type WatchEvent, type WatchSession } from '../../src/watch/index.js';
import { emulator, workspace } from '../e2e/helpers.js';
import { articleByKey, configFor, waitFor } from './helpers.js';

describe('watch with publishing on (--publish, config watch.publish)', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: PylonClient;
  let session: WatchSession;
  const events: WatchEvent[] = [];

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'guides'), { recursive: true });
    await writeFile(join(ws.docs, 'guides', 'setup.md'), '---\ntitle: Set up\n---\nInstall the agent.\n');
    client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    session = await startWatch({
      config: configFor(emu, 'docs', ws.dir, { watch: { publish: true } }),
      client,
      debounceMs: 50,
      refreshIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    await session.initialSync;
  });

  afterAll(async () => {
    await session?.close();
    await client?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  it('publishes creates and updates, and gives the public URL on the first write', async () => {
    expect(articleByKey(emu, 'guides/setup')?.is_published).toBe(true);
    const mark = events.length;
    await writeFile(
      join(ws.docs, 'guides', 'setup.md'),
      '---\ntitle: Set up\n---\nInstall the agent, then sign in.\n',
    );
    const result = await waitFor(
      () => events.slice(mark).find((e) => e.type === 'result'),
      'the update',
      3000,
    );
    const article = articleByKey(emu, 'guides/setup');
    expect(article?.published_html).toContain('then sign in.');
    const lines = formatWatchEvent(result, { clock: () => 'T' }).map((l) => l.text);
    expect(lines[1]).toBe(`         see it at ${article?.url}`);
    expect(article?.url).toMatch(/^http/);
  });
});
