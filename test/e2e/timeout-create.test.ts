import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, failedResults } from '../../src/apply/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPylonClient } from '../../src/pylon/index.js';
import { planFromConfig } from '../../src/run/index.js';
import { configFor } from '../watch/helpers.js';
import { emulator, managedByKey, workspace, writeText } from './helpers.js';

/**
 * A create the server completes after the client gave up waiting: an unknown outcome, reconciled by
 * re-reading before anything is sent again, so there is never a second copy.
 */
describe('a create that times out', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let config: ResolvedConfig;
  const client = () =>
    createPylonClient({ baseUrl: emu.url, token: emu.token, timeoutMs: 150, rateLimits: { preset: 'off' } });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
    for (const name of ['one', 'two', 'three']) {
      await writeText(join(ws.docs, 'a', `${name}.md`), `---\ntitle: Page ${name}\n---\n\nAbout ${name}.\n`);
    }
    config = configFor(emu, 'docs', ws.dir);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('finds the article the server completed late, and sends nothing twice', async () => {
    emu.setFaults([{ route: 'createArticle', nth: 2, latencyMs: 400 }]);
    const { plan } = await planFromConfig(config, client());
    const results = await applyPlan(plan, client(), { settleDelaysMs: [300, 600] });
    expect(failedResults(results)).toEqual([]);
    const byKey = managedByKey(emu);
    expect([...byKey.keys()].sort()).toEqual(['a/one', 'a/three', 'a/two']);
    expect([...byKey.values()].every((copies) => copies.length === 1)).toBe(true);
    expect(emu.snapshot().requests.counts['POST /knowledge-bases/{id}/articles']).toBe(3);
  });

  it('does not resend a create still unanswered after the pauses; the next run converges', async () => {
    emu.setFaults([{ route: 'createArticle', nth: 1, latencyMs: 900 }]);
    const { plan } = await planFromConfig(config, client());
    const results = await applyPlan(plan, client(), { settleDelaysMs: [50, 100] });
    const failed = failedResults(results);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.status === 'failed' && failed[0].error.message).toMatch(/timed out.*not sent again/);
    expect(emu.snapshot().requests.counts['POST /knowledge-bases/{id}/articles']).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const next = await planFromConfig(config, client());
    expect(next.plan.operations).toEqual([]);
    expect([...managedByKey(emu).values()].every((copies) => copies.length === 1)).toBe(true);
    expect(managedByKey(emu).size).toBe(3);
  });
});
