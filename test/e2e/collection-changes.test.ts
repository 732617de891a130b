import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount, writeText } from './helpers.js';

type Snapshot = {
  collections: { id: string; slug: string; title: string }[];
  articles: { collection_id?: string }[];
};
const snapshot = (emu: RunningEmulator) => emu.snapshot() as unknown as Snapshot;

/** A folder's metadata changed in git: sent where the API takes it, said plainly where it does not. */
describe('collection title changes and emptied collections', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    for (const dir of ['a', 'b']) await mkdir(join(ws.docs, dir), { recursive: true });
    await writeText(join(ws.docs, 'a', '_category_.json'), '{ "label": "Alpha" }\n');
    await writeText(join(ws.docs, 'a', 'page.md'), '---\ntitle: Page\n---\n\nA page about alpha things.\n');
    await writeText(join(ws.docs, 'b', 'other.md'), '---\ntitle: Other\n---\n\nAnother page.\n');
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('reports a new title the API cannot take, and sends it when collectionUpdates is on', async () => {
    await writeText(join(ws.docs, 'a', '_category_.json'), '{ "label": "Alpha guides" }\n');
    const reported = await cli('plan');
    expect(reported.code).toBe(0);
    expect(reported.stdout).toContain('a/_category_.json:1 warning [collection/cannot-update]');
    expect(reported.stdout).toContain('No changes');

    emu.setOptions({ collectionPatch: true });
    await writeText(join(ws.dir, 'pylon-kb.config.ts'), 'export default { collectionUpdates: true };\n');
    const applied = await cli('apply');
    expect(applied.code).toBe(0);
    expect(snapshot(emu).collections.find((c) => c.slug === 'a')?.title).toBe('Alpha guides');
    const writes = writeCount(emu);
    expect((await cli('apply')).code).toBe(0);
    expect(writeCount(emu)).toBe(writes);
  });

  it('deletes the collection a move empties under orphans delete', async () => {
    const before = snapshot(emu).collections.map((c) => c.slug);
    expect(before).toEqual(expect.arrayContaining(['a', 'b']));
    await writeText(join(ws.dir, 'pylon-kb.config.ts'), "export default { orphans: 'delete' };\n");
    const text = '---\ntitle: Page\n---\n\nA page about alpha things.\n';
    await writeText(join(ws.docs, 'b', 'page.md'), text);
    await rm(join(ws.docs, 'a'), { recursive: true });
    const planned = await cli('plan');
    expect(planned.stdout).toContain('1 collection to delete');
    expect((await cli('apply')).code).toBe(0);
    expect(snapshot(emu).collections.map((c) => c.slug)).not.toContain('a');
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});
