import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeText } from './helpers.js';

const FLAGS = CLI_FLAGS;

describe('in GitHub Actions', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });
  const actions = () => ({
    ...envFor(emu),
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: join(ws.dir, 'summary.md'),
  });

  it('plan --detailed-exitcode says 2 for pending changes, 0 for none, and writes the job summary', async () => {
    const pending = await runCli(['plan', '--detailed-exitcode', ...FLAGS], { cwd: ws.dir, env: actions() });
    expect(pending.code).toBe(2);
    const summary = await readFile(join(ws.dir, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| *Articles to create *\| *2\d *\|/);
    expect((await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: actions() })).code).toBe(0);
    expect(await readFile(join(ws.dir, 'summary.md'), 'utf8')).toContain(summary);
    const none = await runCli(['plan', '--detailed-exitcode', ...FLAGS], { cwd: ws.dir, env: actions() });
    expect(none.code).toBe(0);
  });

  it('turns diagnostics into annotations with repository-relative paths and exits 1 with --detailed-exitcode', async () => {
    await writeText(
      join(ws.docs, 'broken.md'),
      '---\ntitle: Broken\nauthor: nobody@acme.test\n---\n\nText\n',
    );
    const run = await runCli(['plan', '--detailed-exitcode', ...FLAGS], { cwd: ws.dir, env: actions() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=docs\/broken\.md,line=3,.*::Unknown author "nobody@acme\.test"/m,
    );
  });
});
