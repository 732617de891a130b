import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliFlagsFor, emulator, envFor, managedByKey, runCli, writeText } from './helpers.js';

const hrefsOf = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);
const body = (topic: string) =>
  Array.from({ length: 4 }, (_, i) => `Paragraph ${i} explains ${topic} in practice.`).join('\n\n');

/**
 * A Hugo site whose address is in its config directory: a page links a page of the site that is not a
 * document of the tree (its blog) and, with `relref`, a document by its content path.
 */
describe('links to pages of the site that are not documents, over HTTP', () => {
  let emu: RunningEmulator;
  let dir: string;
  const cli = (...args: string[]) =>
    runCli([...args, ...cliFlagsFor('content')], { cwd: dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-site-links-'));
    await mkdir(join(dir, 'config', '_default'), { recursive: true });
    await mkdir(join(dir, 'content', 'guides'), { recursive: true });
    await writeText(join(dir, 'config', '_default', 'hugo.toml'), 'baseURL = "https://docs.acme.test/"\n');
    await writeText(
      join(dir, 'content', 'guides', 'Setup.md'),
      `---\ntitle: Setup\n---\n\n${body('setup')}\n`,
    );
    const linker = [
      '---',
      'title: Linker',
      '---',
      '',
      'Read [the launch post](/blog/launch/#why) and [the setup]({{< relref "guides/setup" >}}).',
      '',
      body('linking'),
    ].join('\n');
    await writeText(join(dir, 'content', 'guides', 'linker.md'), `${linker}\n`);
  });
  afterEach(async () => {
    await emu.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a dead site link becomes the site's absolute URL with a warning; relref lands on the article", async () => {
    const checked = await runCli(['check', '--content-dir', 'content', '--author', 'ada@acme.test'], {
      cwd: dir,
      env: {},
    });
    const said = checked.stdout + checked.stderr;
    expect(checked.code, said).toBe(0);
    expect(said).toContain('guides/linker.md:5');
    expect(said).toContain('link/site-page');
    expect(said).toContain('https://docs.acme.test/blog/launch/#why');

    const applied = await cli('apply');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const managed = managedByKey(emu);
    const setupUrl = managed.get('guides/Setup')?.[0]?.url;
    expect(setupUrl).toBeDefined();
    expect(hrefsOf(managed.get('guides/linker')?.[0]?.draft_html ?? '')).toEqual([
      'https://docs.acme.test/blog/launch/#why',
      setupUrl,
    ]);
    const second = await cli('plan', '--detailed-exitcode');
    expect(second.code, second.stdout + second.stderr).toBe(0);
  });

  it('with no address known, the link keeps its text, and the warning names the setting', async () => {
    await writeText(join(dir, 'config', '_default', 'hugo.toml'), 'title = "Docs"\n');
    const applied = await cli('apply');
    const said = applied.stdout + applied.stderr;
    expect(applied.code, said).toBe(0);
    expect(said).toContain('link/unresolved');
    expect(said).toContain('`baseURL` in hugo.toml');
    const html = managedByKey(emu).get('guides/linker')?.[0]?.draft_html ?? '';
    expect(hrefsOf(html)).toHaveLength(1);
    expect(html).toContain('the launch post');
  });
});
