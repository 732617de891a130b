import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace } from './helpers.js';

/**
 * Under GITHUB_ACTIONS a failed run is readable whatever `--format`: an `::error` annotation (file and line
 * where there is one), a job summary section, and the comment file the sticky PR comment shows; apply's
 * warnings are `::warning` annotations. Stdout stays the JSON report.
 */
describe('CI failures a person can read', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let summary: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    summary = join(ws.dir, 'summary.md');
    await writeFile(summary, '');
    env = { ...envFor(emu), GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ws.dir };
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('a wrong knowledge base under --format json: ::error, job summary, comment file; stdout is JSON', async () => {
    const run = await runCli(
      ['plan', '--format', 'json', '--comment-file', 'comment.md', ...CLI_FLAGS, '--kb', 'no-such-kb'],
      { cwd: ws.dir, env },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'kb/not-found' } });
    expect(run.stderr).toMatch(/^::error title=pylon-kb kb\/not-found::.*no-such-kb/m);
    const section = await readFile(summary, 'utf8');
    expect(section).toContain('### pylon-kb failed (`kb/not-found`)');
    expect(section).toContain('no-such-kb');
    expect((await readFile(join(ws.dir, 'comment.md'), 'utf8')).trim()).toBe(section.trim());
    expect(`${run.stdout}${run.stderr}${section}`).not.toContain(emu.token);
  });

  it('a content error on apply: ::error with the file and line; a warning: ::warning', async () => {
    await writeFile(
      join(ws.docs, 'pulled.md'),
      '---\ntitle: Pulled elsewhere\npulled_from:\n  article: not-in-this-kb\n---\n\nText.\n',
    );
    await writeFile(
      join(ws.docs, 'broken.md'),
      '---\ntitle: Broken\nauthor: nobody-known@acme.test\n---\n\nSee [the missing page](./missing-page.md).\n',
    );
    const run = await runCli(['apply', '--format', 'json', '--out', 'results.json', ...CLI_FLAGS], {
      cwd: ws.dir,
      env,
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^::error file=docs\/broken\.md,line=\d+,title=pylon-kb [a-z/-]+::/m);
    expect(run.stderr).toMatch(
      /^::warning file=docs\/pulled\.md,(line=\d+,)?title=pylon-kb pull\/article-not-found::/m,
    );
  });
});
