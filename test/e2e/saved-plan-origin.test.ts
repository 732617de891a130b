import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { Plan } from '../../src/plan/types.js';
import { CLI_FLAGS, cliFlagsFor, emulator, envFor, runCli, workspace, writeCount } from './helpers.js';

/**
 * A saved plan records its target, knowledge base and content directory; `apply plan.json` checks them and
 * every file the plan uploads before its first write. A mismatch or a missing file refuses the whole plan:
 * exit 2, a reason per problem, and not one write (not 25 created and then an ENOENT on an image).
 */
describe('a saved plan is applied where it was made, with every file it needs, or not at all', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    const made = await runCli(['plan', '--json', '--out', 'plan.json', ...CLI_FLAGS], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(made.code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  const savedPlan = async () => JSON.parse(await readFile(join(ws.dir, 'plan.json'), 'utf8')) as Plan;
  const apply = (flags = CLI_FLAGS, env = envFor(emu)) =>
    runCli(['apply', 'plan.json', ...flags], { cwd: ws.dir, env });

  it('records the target and the content directory, never the token', async () => {
    const plan = await savedPlan();
    expect(plan.origin).toEqual({ target: `Pylon ${emu.url}`, contentDir: 'docs' });
    expect(JSON.stringify(plan)).not.toContain(emu.token);
    expect(plan.operations.some((op) => op.kind === 'upload-asset')).toBe(true);
  });

  it('refuses with no write when a file it uploads is missing', async () => {
    const upload = (await savedPlan()).operations.find((op) => op.kind === 'upload-asset');
    await rm(join(ws.docs, upload?.key ?? ''));
    const run = await apply();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the file ${upload?.key} it uploads is not in the docs tree`);
    expect(run.stderr).toContain('nothing was written');
    expect(writeCount(emu)).toBe(0);
  });

  it('refuses with no write when applied to another target or from another content directory', async () => {
    const other = await emulator();
    try {
      const elsewhere = await apply(CLI_FLAGS, envFor(other));
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.stderr).toContain(
        `it was made for Pylon ${emu.url}, and this run publishes to Pylon ${other.url}`,
      );
      expect(writeCount(other)).toBe(0);
    } finally {
      await other.close();
    }
    await cp(ws.docs, join(ws.dir, 'copy'), { recursive: true });
    const moved = await apply(cliFlagsFor('copy'));
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain('it was made from the content directory docs, and this run reads copy');
    expect(writeCount(emu)).toBe(0);
  });

  it('refuses a plan that records no origin (an older plan) and applies the recorded one', async () => {
    const { origin: _, ...older } = await savedPlan();
    await writeFile(join(ws.dir, 'older.json'), JSON.stringify(older));
    const refused = await runCli(['apply', 'older.json', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('records no target or content directory');
    expect(writeCount(emu)).toBe(0);
    const applied = await apply();
    expect(applied.code).toBe(0);
    expect(writeCount(emu)).toBeGreaterThan(0);
  });
});
