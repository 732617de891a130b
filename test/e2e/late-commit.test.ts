import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, failedResults } from '../../src/apply/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { FaultRule, RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient } from '../../src/pylon/index.js';
import { planFromConfig } from '../../src/run/index.js';
import { configFor } from '../watch/helpers.js';
import { emulator, managedByKey, workspace, writeText } from './helpers.js';

type StoredCollection = { slug: string; parent_collection_id?: string | null };
const collectionsBySlug = (emu: RunningEmulator) => {
  const counts = new Map<string, number>();
  for (const c of (emu.snapshot() as unknown as { collections: StoredCollection[] }).collections) {
    counts.set(c.slug, (counts.get(c.slug) ?? 0) + 1);
  }
  return counts;
};
const articleCopies = (emu: RunningEmulator) => [...managedByKey(emu).values()].map((list) => list.length);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 25.1: a create whose outcome is unknown (the answer lost or a gateway 504) and whose write commits
 * late, after the client's re-reads gave up, is never sent again in the same run: no duplicate, even for a
 * moment; the document fails, and the next run finds what the server completed.
 */
describe('creates that commit late', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let config: ResolvedConfig;
  const client = () =>
    createPylonClient({ baseUrl: emu.url, token: emu.token, rateLimits: { preset: 'off' } });
  const applyWith = async (faults: FaultRule[]) => {
    const { plan } = await planFromConfig(config, client());
    emu.setFaults(faults);
    const results = await applyPlan(plan, client(), { settleDelaysMs: [40, 80] });
    emu.setFaults([]);
    return failedResults(results);
  };

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    for (const folder of ['guides', 'reference']) {
      await mkdir(join(ws.docs, folder), { recursive: true });
      for (const name of ['one', 'two', 'three']) {
        await writeText(
          join(ws.docs, folder, `${folder}-${name}.md`),
          `---\ntitle: ${folder} ${name}\n---\n\nAbout ${name} in ${folder}.\n`,
        );
      }
    }
    config = configFor(emu, 'docs', ws.dir);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('an article whose answer was lost and whose write lands late exists once, right after the run', async () => {
    const failed = await applyWith([
      { route: 'createArticle', nth: 2, dropAfterCommit: true, commitDelayMs: 1500 },
      { route: 'createArticle', nth: 4, statusAfterCommit: 504, commitDelayMs: 1500 },
    ]);
    await wait(1700);
    expect(articleCopies(emu).filter((n) => n !== 1)).toEqual([]);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(await applyWith([])).toEqual([]);
    expect(articleCopies(emu)).toEqual([1, 1, 1, 1, 1, 1]);
    const next = await planFromConfig(config, client());
    expect(next.plan.operations).toEqual([]);
  });

  it('a collection behind a gateway 504 whose create lands late exists once, right after the run', async () => {
    const failed = await applyWith([
      { route: 'createCollection', nth: 1, statusAfterCommit: 504, commitDelayMs: 1500 },
    ]);
    await wait(1700);
    expect([...collectionsBySlug(emu).values()].filter((n) => n !== 1)).toEqual([]);
    expect(failed.length).toBeGreaterThan(0);
    expect(articleCopies(emu).every((n) => n === 1)).toBe(true);
    const healing = await applyWith([]);
    expect(healing).toEqual([]);
    expect([...collectionsBySlug(emu).values()].every((n) => n === 1)).toBe(true);
    expect(managedByKey(emu).size).toBe(6);
  });
});
