import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, runCli, workspace } from './helpers.js';
import { createArticleInPylon, createCollectionInPylon } from './pull-helpers.js';

const FLAGS = ['--kb', 'help-center', '--rate-limits', 'off', '--collection', 'guides'];

describe('pull never writes through a symbolic link to outside its folder', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const pull = (...args: string[]) =>
    runCli(['pull', 'out', ...FLAGS, ...args], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    const guides = await createCollectionInPylon(emu, 'Guides', 'guides');
    await createArticleInPylon(emu, {
      title: 'Overview',
      slug: 'overview',
      collection_id: guides,
      body_html: '<p>The overview.</p>',
    });
    await createArticleInPylon(emu, {
      title: 'Install',
      slug: 'install',
      collection_id: guides,
      body_html: '<p>Install it.</p>',
    });
    await mkdir(join(ws.dir, 'outside'));
    await writeFile(join(ws.dir, 'outside', 'overview.md'), 'not pull’s to write\n');
    await mkdir(join(ws.dir, 'out'));
    await writeFile(join(ws.dir, 'out', 'notes.txt'), 'mine');
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('a folder of the tree linked outside: its files are refused and named, nothing written there (--force)', async () => {
    await symlink(join(ws.dir, 'outside'), join(ws.dir, 'out', 'guides'));
    const run = await pull('--force');
    expect(run.code).toBe(1);
    expect(await readdir(join(ws.dir, 'outside'))).toEqual(['overview.md']);
    expect(await readFile(join(ws.dir, 'outside', 'overview.md'), 'utf8')).toBe('not pull’s to write\n');
    for (const path of ['guides/_index.md', 'guides/install.md', 'guides/overview.md']) {
      expect(run.stderr).toContain(
        `error [pull/outside-target] ${path}: not written, its folder guides is a symbolic link to outside the target.`,
      );
    }
    expect(run.stdout).toContain('Wrote 0 articles, 0 translations, 0 collections and 0 files');
  });

  it('a file of the tree linked outside is refused; the other files are written', async () => {
    await mkdir(join(ws.dir, 'out', 'guides'));
    await symlink(join(ws.dir, 'outside', 'overview.md'), join(ws.dir, 'out', 'guides', 'overview.md'));
    const run = await pull('--force');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error [pull/outside-target] guides/overview.md: not written, the file there is a symbolic link to outside the target.',
    );
    expect(await readFile(join(ws.dir, 'outside', 'overview.md'), 'utf8')).toBe('not pull’s to write\n');
    expect(await readFile(join(ws.dir, 'out', 'guides', 'install.md'), 'utf8')).toContain('Install it.');
    expect(run.stdout).toContain('Wrote 1 article, 0 translations, 1 collection and 0 files');
  });

  it('a folder linked inside the target is followed; the target itself may be a link', async () => {
    await mkdir(join(ws.dir, 'out', 'real-guides'));
    await symlink(join(ws.dir, 'out', 'real-guides'), join(ws.dir, 'out', 'guides'));
    await symlink(join(ws.dir, 'out'), join(ws.dir, 'linked-out'));
    const run = await runCli(['pull', 'linked-out', ...FLAGS, '--force'], { cwd: ws.dir, env: envFor(emu) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await readdir(join(ws.dir, 'out', 'real-guides'))).sort()).toEqual([
      '_index.md',
      'install.md',
      'overview.md',
    ]);
  });
});
