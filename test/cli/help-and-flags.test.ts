import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../e2e/helpers.js';

async function treeWithOneWarning(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pylon-kb-check-'));
  const docs = join(root, 'docs');
  await mkdir(join(docs, 'guides'), { recursive: true });
  await writeFile(join(docs, 'guides', '_index.md'), '---\ntitle: Guides\n---\n');
  await writeFile(join(docs, 'guides', 'a.md'), '---\ntitle: A\n---\nSee [x](./missing.md).\n');
  return docs;
}

describe('CLI wording and flags', () => {
  it('check counts in the singular when there is one: 1 article, 1 collection, 1 warning', async () => {
    const docs = await treeWithOneWarning();
    const run = await runCli(['check', '--content-dir', docs, '--broken-links', 'warn'], { cwd: REPO });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Checked 1 article in 1 collection: 0 errors, 1 warning.');
  });

  it('the main help names --version, and --version prints it', async () => {
    const help = await runCli(['--help'], { cwd: REPO });
    expect(help.stdout).toContain('--version');
    const version = await runCli(['--version'], { cwd: REPO });
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^pylon-kb \d+\.\d+\.\d+/);
  });

  it('plan --help lists --kb once', async () => {
    const plan = (await runCli(['plan', '--help'], { cwd: REPO })).stdout;
    expect(plan.match(/--kb /g)?.length).toBe(1);
  });

  it('apply of a plan file that is not JSON says how to write one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-plan-'));
    const file = join(dir, 'plan.json');
    await writeFile(file, 'Plan: 1 to create, 0 to update\n');
    const run = await runCli(['apply', file], { cwd: dir, env: { PYLON_API_TOKEN: 'x' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not JSON');
    expect(run.stderr).toContain('pylon-kb plan --json --out');
  });

  it('pull refuses the flags it would ignore: --publish, --on-drift, --author', async () => {
    for (const args of [['--publish'], ['--on-drift', 'skip'], ['--author', 'a@b.c']]) {
      const run = await runCli(['pull', ...args], { cwd: REPO });
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr).toContain(`pull does not take ${args[0]}`);
    }
    const help = (await runCli(['pull', '--help'], { cwd: REPO })).stdout;
    for (const absent of ['--publish', '--on-drift', '--author']) expect(help).not.toContain(absent);
  });
});

describe('--json and --format', () => {
  it('refuses --json with another --format instead of printing JSON silently', async () => {
    for (const command of ['plan', 'apply', 'pull']) {
      const run = await runCli([command, '--json', '--format', 'text'], { cwd: REPO });
      expect(run.code, command).toBe(2);
      expect(run.stdout + run.stderr).toContain(
        '--json is short for --format json; it cannot be given with --format text.',
      );
    }
    const markdown = await runCli(['plan', '--format', 'markdown', '--json'], { cwd: REPO });
    expect(markdown.stdout + markdown.stderr).toContain('cannot be given with --format markdown');
  });
});

describe('flag help lines', () => {
  it('name a default once: in the default column, or in the description when there is none', async () => {
    const { COMMANDS } = await import('../../src/cli/command-list.js');
    const { flagsOf } = await import('../../src/cli/command-spec.js');
    const { EMULATOR_FLAGS } = await import('../../src/cli/emulator-flags.js');
    const flags = [...COMMANDS.flatMap((command) => flagsOf(command)), ...EMULATOR_FLAGS];
    // The help adds "(default X)" for a flag with a default: its description must not say it again.
    const twice = flags.filter(
      (flag) => flag.default !== undefined && /\bdefault( \(or [^)]*\))?:|\(default /i.test(flag.description),
    );
    expect(twice.map((flag) => flag.name)).toEqual([]);
  });
});
