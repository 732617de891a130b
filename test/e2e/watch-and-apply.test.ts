import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/apply/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient } from '../../src/pylon/index.js';
import { planFromConfig } from '../../src/run/index.js';
import { configFor, startCliWatch, waitFor } from '../watch/helpers.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace } from './helpers.js';

type Snapshot = { collections: { id: string; slug: string; parent_collection_id?: string | null }[] };

/**
 * `watch` and `apply` on one docs tree and one knowledge base at once, while files are edited, added and
 * moved: whatever they leave (each writer created what the other had not written yet when it read the
 * knowledge base), one healing apply leaves one article per document, one collection per folder and a plan
 * with nothing to do, as after two applies at once (concurrent-applies.test.ts).
 */
describe('watch and apply at once', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const doc = (path: string) => join(ws.docs, path);
  const edit = async (path: string, change: (text: string) => string) =>
    writeFile(doc(path), change(await readFile(doc(path), 'utf8')));
  const duplicatedKeys = () =>
    [...managedByKey(emu)].filter(([, copies]) => copies.length > 1).map(([k]) => k);

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    await mkdir(doc('reference'), { recursive: true });
    for (let i = 1; i <= 20; i++) {
      await writeFile(
        doc(`reference/endpoint-${i}.md`),
        `---\ntitle: Endpoint ${i}\n---\n\nWhat call ${i} does.\n`,
      );
    }
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('one healing apply converges after an apply that read the knowledge base before the watch wrote', async () => {
    const collectionsBefore = (emu.snapshot() as unknown as Snapshot).collections.length;
    // The apply reads the knowledge base (empty) first; the watch's start-up sync then writes every draft.
    const client = createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
    const { plan } = await planFromConfig(configFor(emu, 'docs', ws.dir), client);
    const watch = startCliWatch([...CLI_FLAGS, '--debounce', '30', '--refresh-interval', '0'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    await waitFor(() => /watching \d+ files/.test(watch.stdout()), 'the watch start-up sync', 20_000);
    // The apply writes while the watch takes in saves: a retitle, a new page, a page moved to a new folder.
    const applying = applyPlan(plan, client);
    await edit('guides/keyboard-shortcuts.md', (t) =>
      t.replace('title: Keyboard shortcuts', 'title: Shortcuts'),
    );
    await edit('reference/endpoint-3.md', (t) => t.replace('title: Endpoint 3', 'title: The third endpoint'));
    await writeFile(
      doc('troubleshooting/slow-boards.md'),
      '---\ntitle: Slow boards\n---\n\nReload the board.\n',
    );
    await mkdir(doc('guides/workflows'), { recursive: true });
    await rename(doc('guides/projects/automations.md'), doc('guides/workflows/automations.md'));
    await edit('getting-started/your-first-project.md', (t) =>
      t.replace('../guides/projects/automations.md', '../guides/workflows/automations.md'),
    );
    const applied = await applying;
    expect(applied.filter((r) => r.status === 'failed')).toEqual([]);
    const duplicatesAfterApply = duplicatedKeys().length;
    await waitFor(
      () => watch.stdout().includes('created troubleshooting/slow-boards'),
      'the watch to publish the new page',
      10_000,
    );
    let seen = -1;
    await waitFor(
      async () => {
        const now = watch.stdout().length;
        if (now === seen) return true;
        seen = now;
        await new Promise((resolve) => setTimeout(resolve, 500));
        return false;
      },
      'the watch to settle',
      15_000,
    );
    expect(await watch.stop()).toBe(0);
    await client.close();
    const duplicatesAfterRace = duplicatedKeys().length;
    expect(duplicatesAfterApply).toBeGreaterThan(0);

    const healed = await cli('apply');
    expect(healed.code, healed.stderr).toBe(0);
    expect(duplicatedKeys()).toEqual([]);
    const collections = (emu.snapshot() as unknown as Snapshot).collections;
    const slots = collections.map((c) => `${c.parent_collection_id ?? ''}/${c.slug}`);
    expect(slots.filter((s, i) => slots.indexOf(s) !== i)).toEqual([]);
    const again = await cli('plan', '--detailed-exitcode');
    expect(again.code, again.stdout).toBe(0);
    console.log(
      `apply left ${duplicatesAfterApply} duplicated keys, ${duplicatesAfterRace} when the watch stopped; ` +
        `one healing apply: ${duplicatedKeys().length} left, ${collections.length - collectionsBefore} new collections`,
    );
  }, 60_000);
});
