import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeText } from './helpers.js';

/**
 * What `apply` prints, read as a person reads a CI log (stdout and stderr together): each published
 * article once with its URL, the unchanged count the plan gave, and no rate-limit wait it did not make.
 */
describe('apply report over HTTP', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
  });
  afterAll(async () => {
    await emu?.close();
    await ws?.cleanup();
  });

  it('publishes a tree into a server with room to spare: no wait announced, each URL listed once', async () => {
    // The client starts from Pylon's documented limits (10 creates a minute) and learns that this server
    // takes more: announcing "waiting 61 s" there describes a wait that never happens.
    const flags = CLI_FLAGS.map((flag) => (flag === 'off' ? 'documented' : flag));
    const run = await runCli(['apply', ...flags], { cwd: ws.dir, env: envFor(emu) });
    expect(run.code, run.stderr).toBe(0);
    const log = `${run.stdout}\n${run.stderr}`;
    expect(log).not.toMatch(/waiting [\d.]+ ?s/);
    const urls = [...new Set(log.match(/https:\/\/help\.acme\.test\/articles\/\S+/g) ?? [])];
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(log.split(url).length - 1, url).toBe(1);
    // The plan names each article before; the progress lines do not name them again.
    expect(log.split('"Keyboard shortcuts"').length - 1).toBe(2);
  });

  it('counts the unchanged articles as the plan did', async () => {
    const file = join(ws.docs, 'guides', 'keyboard-shortcuts.md');
    await writeText(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Shortcuts'));
    const plan = await runCli(['plan', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    const unchanged = /(\d+) unchanged\./.exec(plan.stdout)?.[1];
    expect(Number(unchanged)).toBeGreaterThan(10);
    const apply = await runCli(['apply', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(
      new RegExp(`^Apply: .* 0 failed\\. ${unchanged} unchanged, 0 skipped\\.$`, 'm'),
    );
  });

  it('heads a Markdown plan that only reports an orphan with a sentence', async () => {
    // Start from a knowledge base that matches the tree, whatever the rename above touched.
    await runCli(['apply', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    await rm(join(ws.docs, 'account-and-billing', 'legacy-plan-migration.md'));
    const plan = await runCli(['plan', ...CLI_FLAGS, '--format', 'markdown'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(
      /\*\*Plan: nothing to write\. \d+ unchanged\. Reported: 1 orphaned article\.\*\*/,
    );
  });

  it('names where a moved article was, in text and in Markdown', async () => {
    await rename(
      join(ws.docs, 'troubleshooting', 'cannot-sign-in.md'),
      join(ws.docs, 'guides', 'cannot-sign-in.md'),
    );
    const text = await runCli(['plan', ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(text.stdout).toMatch(
      /troubleshooting\/cannot-sign-in → guides\/cannot-sign-in {2}\(was https:\/\/help\.acme\.test\/articles\/\d+-i-cannot-sign-in\)/,
    );
    const markdown = await runCli(['plan', ...CLI_FLAGS, '--format', 'markdown'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(markdown.stdout).toContain('moves from `troubleshooting/cannot-sign-in` ([old article](');
  });
});
