import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { startWatch, type WatchEvent, type WatchSession } from '../../src/watch/index.js';
import { emulator, workspace } from '../e2e/helpers.js';
import { articleByKey, configFor, logMark, requestsSince, waitFor } from './helpers.js';

const FOLDERS = 10;
const PER_FOLDER = 50;

describe('watch over a 500-document tree', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: PylonClient;
  let session: WatchSession;
  const events: WatchEvent[] = [];

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace(false);
    for (let f = 0; f < FOLDERS; f++) {
      await mkdir(join(ws.docs, `section-${f}`), { recursive: true });
      for (let d = 0; d < PER_FOLDER; d++) {
        const text = `---\ntitle: Page ${f}-${d}\n---\nThis is page ${d} of section ${f}.\n\n- one\n- two\n`;
        await writeFile(join(ws.docs, `section-${f}`, `page-${f}-${d}.md`), text);
      }
    }
    client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      concurrency: 8,
    });
    session = await startWatch({
      config: configFor(emu, 'docs', ws.dir),
      client,
      debounceMs: 20,
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

  it('renders every document once at start', () => {
    expect(emu.snapshot().articles).toHaveLength(FOLDERS * PER_FOLDER);
    expect(session.stats()).toMatchObject({ renders: FOLDERS * PER_FOLDER, cycles: 1, files: 500 });
  });

  it('an edit re-renders only that file and sends one write and no list request', async () => {
    const since = logMark(emu);
    const mark = events.length;
    await writeFile(join(ws.docs, 'section-3', 'page-3-7.md'), '---\ntitle: Page 3-7\n---\nRewritten.\n');
    await waitFor(
      () => events.slice(mark).some((e) => e.type === 'result' && e.path === 'section-3/page-3-7.md'),
      'the update result',
      3000,
    );
    expect(articleByKey(emu, 'section-3/page-3-7')?.draft_html).toContain('Rewritten.');
    expect(session.stats().renders).toBe(FOLDERS * PER_FOLDER + 1);
    const endpoints = requestsSince(emu, since).map((r) => r.endpoint);
    expect(endpoints).toEqual(['updateArticle']);
  });

  it('a second edit of another file renders one more document, still with no list request', async () => {
    const since = logMark(emu);
    const mark = events.length;
    await writeFile(
      join(ws.docs, 'section-9', 'page-9-0.md'),
      '---\ntitle: Page 9-0 renamed\n---\nNew words.\n',
    );
    await waitFor(
      () => events.slice(mark).some((e) => e.type === 'result' && e.path === 'section-9/page-9-0.md'),
      'the second update',
      3000,
    );
    expect(articleByKey(emu, 'section-9/page-9-0')?.title).toBe('Page 9-0 renamed');
    expect(session.stats().renders).toBe(FOLDERS * PER_FOLDER + 2);
    expect(requestsSince(emu, since).map((r) => r.endpoint)).toEqual(['updateArticle']);
  });
});
