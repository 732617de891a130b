import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, runCli, workspace } from './helpers.js';

const FLAGS = ['--kb', 'help-center', '--rate-limits', 'off'];
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );
/** What the staging step would leave if a pull were interrupted: nothing, after any run. */
const leftovers = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('.pylon-kb-pull-'));

describe('pull refuses bad input with a clear message and writes nothing', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator({
      seed: {
        ...DEFAULT_SEED,
        knowledgeBases: [
          {
            ...(DEFAULT_SEED.knowledgeBases[0] as (typeof DEFAULT_SEED.knowledgeBases)[0]),
            collections: [
              { title: 'Guides', slug: 'guides' },
              { title: 'Setup', slug: 'setup', parent: 'guides' },
              { title: 'FAQ', slug: 'faq' },
            ],
            articles: [
              {
                title: 'Install',
                slug: 'install',
                collection: 'setup',
                is_published: true,
                body_html: '<p>Install it.</p>',
              },
              {
                title: 'Prices',
                slug: 'prices',
                collection: 'faq',
                is_published: true,
                body_html: '<p>Cheap.</p>',
              },
              {
                title: 'Broken picture',
                slug: 'broken-picture',
                collection: 'guides',
                is_published: true,
                body_html:
                  '<p>See <img src="{{emulator}}/_assets/gone%2F1-missing.png?Expires=1" alt="missing"> here.</p>',
              },
            ],
          },
        ],
      },
    });
    ws = await workspace(false);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('an unknown knowledge base', async () => {
    const run = await runCli(['pull', 'out', '--kb', 'nope', '--rate-limits', 'off'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Knowledge base "nope" was not found. Available: help-center');
    expect(await exists(join(ws.dir, 'out'))).toBe(false);
  });

  it('a collection that does not exist', async () => {
    const run = await cli('pull', 'out', '--collection', 'nope');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'The knowledge base has no collection "nope". Collections (by slug): faq, guides, setup.',
    );
    expect(await exists(join(ws.dir, 'out'))).toBe(false);
  });

  it('a directory that cannot be written', async () => {
    await writeFile(join(ws.dir, 'a-file'), 'not a folder');
    const run = await cli('pull', 'a-file/out');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error: .*a-file/);
    expect(await readFile(join(ws.dir, 'a-file'), 'utf8')).toBe('not a folder');
    expect(await leftovers(ws.dir)).toEqual([]);
  });

  it('a directory that is not empty, unless --force (which keeps the other files)', async () => {
    await mkdir(join(ws.dir, 'out'));
    await writeFile(join(ws.dir, 'out', 'notes.txt'), 'mine');
    const refused = await cli('pull', 'out');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty (1 entry)');
    expect(refused.stderr).toContain('--force');
    expect(await readdir(join(ws.dir, 'out'))).toEqual(['notes.txt']);

    const forced = await cli('pull', 'out', '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(join(ws.dir, 'out', 'notes.txt'), 'utf8')).toBe('mine');
    expect(await exists(join(ws.dir, 'out', 'guides', 'setup', 'install.md'))).toBe(true);
    expect(await leftovers(ws.dir)).toEqual([]);
  });

  it('an attachment that cannot be downloaded: a warning naming the article, the remote URL kept', async () => {
    const run = await cli('pull', 'out');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning [pull/download-failed] guides/broken-picture.md:');
    expect(run.stderr).toContain('(HTTP 404)');
    expect(run.stderr).toContain('(article "Broken picture"');
    const file = await readFile(join(ws.dir, 'out', 'guides', 'broken-picture.md'), 'utf8');
    expect(file).toContain(`![missing](${emu.url}/_assets/gone%2F1-missing.png?Expires=1)`);
    expect(await leftovers(ws.dir)).toEqual([]);
  });

  it('--dry-run lists the files and writes none; --collection pulls one subtree', async () => {
    const dry = await cli('pull', 'out', '--dry-run', '--collection', 'setup');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('collection  guides/_index.md');
    expect(dry.stdout).toContain('article     guides/setup/install.md');
    expect(dry.stdout).not.toContain('prices');
    expect(dry.stdout).not.toContain('broken-picture');
    expect(dry.stdout).toContain('Would write 1 article, 0 translations, 2 collections and 0 files');
    expect(await exists(join(ws.dir, 'out'))).toBe(false);
  });
});
