import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, runCli, workspace, writeCount, writeText } from './helpers.js';

interface CheckReport {
  errors: number;
  warnings: number;
  authorsCheckedAgainst?: string;
  diagnostics: {
    severity: string;
    code: string;
    file?: string;
    line?: number;
    field?: string;
    message: string;
  }[];
}

/** `check --remote` resolves the tree's authors against the target's users and teams; plain `check` stays offline. */
describe('check --remote', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const check = (env: Record<string, string>, ...args: string[]) =>
    runCli(['check', '--content-dir', 'docs', ...args], { cwd: ws.dir, env });
  const authorProblems = (report: CheckReport) =>
    report.diagnostics.filter((d) => d.code.startsWith('author/'));

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'guides'), { recursive: true });
    await writeText(
      join(ws.docs, 'guides', 'known.md'),
      '---\ntitle: Known\nauthor: grace@acme.test\n---\n\nText.\n',
    );
    await writeText(
      join(ws.docs, 'guides', 'handle.md'),
      '---\ntitle: Handle\nauthor: parkr\n---\n\nText.\n',
    );
    await writeText(join(ws.docs, 'team.md'), '---\ntitle: Team\nauthor: "team:Docs"\n---\n\nText.\n');
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('reports an unknown frontmatter author with file, line and field, reading only', async () => {
    const remote = await check(envFor(emu), '--remote', '--author', 'ada@acme.test', '--json');
    const report = JSON.parse(remote.stdout) as CheckReport;
    expect(remote.code, remote.stdout).toBe(2);
    expect(report.authorsCheckedAgainst).toBeDefined();
    expect(authorProblems(report)).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'author/unknown',
        file: 'guides/handle.md',
        line: 3,
        field: 'author',
        message: expect.stringContaining('parkr'),
      }),
    ]);
    expect(writeCount(emu)).toBe(0);
    expect(JSON.stringify(report)).not.toContain(emu.token);

    const text = await check(envFor(emu), '--remote', '--author', 'ada@acme.test');
    expect(text.stderr).toContain('guides/handle.md:3');
    expect(text.stdout).toMatch(/Authors were checked against .*: 1 problem\./);
  });

  it('follows the authors map and unknownAuthors: default (a warning naming the fallback)', async () => {
    await writeText(
      join(ws.dir, 'pylon-kb.config.ts'),
      "export default { unknownAuthors: 'default', authors: { nobody: 'nobody@acme.test' } };\n",
    );
    const fallback = JSON.parse(
      (await check(envFor(emu), '--remote', '--author', 'ada@acme.test', '--json')).stdout,
    ) as CheckReport;
    expect(fallback.errors).toBe(0);
    expect(authorProblems(fallback).map((d) => [d.severity, d.file, d.line, d.field])).toEqual([
      ['warning', 'guides/handle.md', 3, 'author'],
      ['warning', 'pylon-kb.config.ts', undefined, 'authors.nobody'],
    ]);
    expect(authorProblems(fallback)[0]?.message).toContain('The default author ada@acme.test is used');

    await writeText(
      join(ws.dir, 'pylon-kb.config.ts'),
      "export default { authors: { parkr: 'alan@acme.test' } };\n",
    );
    const mapped = await check(envFor(emu), '--remote', '--author', 'ada@acme.test', '--json');
    expect(mapped.code, mapped.stdout).toBe(0);
    expect(authorProblems(JSON.parse(mapped.stdout) as CheckReport)).toEqual([]);
  });

  it('reports an unknown default author once, however many documents use it', async () => {
    await writeText(join(ws.docs, 'plain.md'), '---\ntitle: Plain\n---\n\nText.\n');
    await writeText(join(ws.docs, 'other.md'), '---\ntitle: Other\n---\n\nText.\n');
    const remote = await check(envFor(emu), '--remote', '--author', 'nobody@acme.test', '--json');
    const problems = authorProblems(JSON.parse(remote.stdout) as CheckReport);
    expect(problems.map((d) => [d.field, d.file])).toEqual([
      ['defaultAuthor', undefined],
      ['author', 'guides/handle.md'],
    ]);
    expect(remote.code).toBe(2);
    // plan says it once too: the config's problem, not each document's (and nothing is written).
    const planned = await runCli(
      ['plan', '--content-dir', 'docs', '--kb', 'help-center', '--author', 'nobody@acme.test', '--json'],
      { cwd: ws.dir, env: envFor(emu) },
    );
    const plan = JSON.parse(planned.stdout) as {
      diagnostics: CheckReport['diagnostics'];
      operations: unknown[];
    };
    expect(plan.diagnostics.filter((d) => d.field === 'defaultAuthor')).toEqual([
      expect.objectContaining({
        code: 'author/unknown',
        message: expect.stringContaining('nobody@acme.test'),
      }),
    ]);
    expect(planned.stderr.split('nobody@acme.test').length - 1).toBeLessThanOrEqual(1);
    expect(plan.operations).toEqual([]);
  });

  it('stays offline without --remote, and says how to check authors', async () => {
    const offline = await check({}, '--json');
    const report = JSON.parse(offline.stdout) as CheckReport;
    expect(offline.code).toBe(0);
    expect(authorProblems(report)).toEqual([]);
    expect(report.authorsCheckedAgainst).toBeUndefined();
    expect((await check({})).stdout).toContain('check --remote');
    expect(emu.snapshot().requests.counts).toEqual({});
  });

  it('refuses the flags that only say where to check authors when --remote is not given', async () => {
    const refused = await check({}, '--target', 'emulator');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--target applies only with --remote');
    expect(emu.snapshot().requests.counts).toEqual({});
  });

  it('finds offline what plan finds offline: a document with no author and no default author', async () => {
    await writeText(join(ws.docs, 'anonymous.md'), '---\ntitle: Anonymous\n---\n\nText.\n');
    const offline = await check({}, '--json');
    const report = JSON.parse(offline.stdout) as CheckReport;
    expect(offline.code).toBe(2);
    expect(authorProblems(report)).toEqual([
      expect.objectContaining({ severity: 'error', code: 'author/missing', file: 'anonymous.md', line: 1 }),
    ]);
    // --author is read offline: the default author settles it without asking Pylon.
    const withDefault = await check({}, '--author', 'ada@acme.test', '--json');
    expect(withDefault.code, withDefault.stdout).toBe(0);
    expect(emu.snapshot().requests.counts).toEqual({});
  });

  it('with --remote and no target configured, fails with a clear message', async () => {
    const noToken = await check({}, '--remote');
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/PYLON_API_TOKEN/);
  });
});
