import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace } from './helpers.js';

type Snapshot = {
  articles: { id: string; slug: string; collection_id?: string }[];
  collections: { id: string; slug: string; parent_collection_id?: string | null }[];
};
const snapshot = (emu: RunningEmulator) => emu.snapshot() as unknown as Snapshot;

/** Two CI jobs applying at once: whatever they leave, the next run heals to one of everything. */
describe('two applies at once', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('converge to one article per document and one collection per folder', async () => {
    const before = snapshot(emu).collections.length;
    const runs = await Promise.all([cli('apply'), cli('apply')]);
    expect(runs.map((r) => r.stderr).filter((e) => /^error/m.test(e))).toEqual([]);
    const raced = snapshot(emu);
    const duplicatesAfterRace = [...managedByKey(emu).values()].filter((c) => c.length > 1).length;

    const healed = await cli('apply');
    expect(healed.stderr).not.toMatch(/error/i);
    expect(healed.code).toBe(0);
    const byKey = managedByKey(emu);
    expect([...byKey.values()].filter((copies) => copies.length > 1)).toEqual([]);
    const slots = snapshot(emu).collections.map((c) => `${c.parent_collection_id ?? ''}/${c.slug}`);
    expect(new Set(slots).size).toBe(slots.length);
    const collectionIds = new Set(snapshot(emu).collections.map((c) => c.id));
    for (const copies of byKey.values()) {
      for (const a of copies) if (a.collection_id) expect(collectionIds.has(a.collection_id)).toBe(true);
    }
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
    console.log(
      `race left ${raced.collections.length - before} collections, ${duplicatesAfterRace} duplicated keys; healed to ${snapshot(emu).collections.length - before}`,
    );
  });
});
