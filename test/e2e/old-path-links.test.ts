import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace, writeText } from './helpers.js';

const body = (topic: string) =>
  Array.from({ length: 6 }, (_, i) => `Paragraph ${i} explains ${topic} in practice.`).join('\n\n');

const hrefsOf = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);

/** A document moved with `redirect_from`; another document still links to where it used to be. */
describe("links to a moved document's old path, over HTTP", () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    for (const folder of ['old', 'guides', 'notes']) await mkdir(join(ws.docs, folder), { recursive: true });
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('resolves the old path to the new article, says so with file and line, and the second plan is empty', async () => {
    await writeText(join(ws.docs, 'old', 'setup.md'), `---\ntitle: Setup\n---\n\n${body('the setup')}\n`);
    const linker =
      '---\ntitle: Linker\n---\n\nRead [the setup](../old/setup.md) first.\n\nOr [this](/old/setup/).\n';
    await writeText(join(ws.docs, 'notes', 'linker.md'), linker);
    expect((await cli('apply')).code).toBe(0);
    const before = managedByKey(emu);
    const oldUrl = before.get('old/setup')?.[0]?.url;
    expect(hrefsOf(before.get('notes/linker')?.[0]?.draft_html ?? '')[0]).toBe(oldUrl);

    // The move: the file now lives in guides/ and declares its old location; the linker is unchanged.
    await rm(join(ws.docs, 'old'), { recursive: true });
    await writeText(
      join(ws.docs, 'guides', 'setup.md'),
      `---\ntitle: Setup\nredirect_from: ["/old/setup"]\n---\n\n${body('the setup')}\n`,
    );
    const checked = await runCli(['check', '--content-dir', 'docs', '--author', 'ada@acme.test'], {
      cwd: ws.dir,
      env: {},
    });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    const said = checked.stdout + checked.stderr;
    expect(said).toContain('notes/linker.md:5');
    expect(said).toContain('notes/linker.md:7');
    expect(said).toContain('link/old-path');
    expect(said).toContain('Update the link to "../guides/setup.md"');

    const planned = await cli('plan');
    expect(planned.stdout + planned.stderr).toContain('link/old-path');
    const applied = await cli('apply');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);

    const after = managedByKey(emu);
    const newUrl = after.get('guides/setup')?.[0]?.url;
    expect(newUrl).toBeDefined();
    expect(newUrl).not.toBe(oldUrl);
    expect(after.get('old/setup')).toBeUndefined();
    expect(hrefsOf(after.get('notes/linker')?.[0]?.draft_html ?? '')).toEqual([newUrl, newUrl]);

    const second = await cli('plan', '--detailed-exitcode');
    expect(second.code, second.stdout + second.stderr).toBe(0);
  });

  it('resolves a link to where pylon-kb itself moved a document from (a rename with no redirect key), run after run', async () => {
    await writeText(join(ws.docs, 'old', 'setup.md'), `---\ntitle: Setup\n---\n\n${body('the setup')}\n`);
    const linker = '---\ntitle: Linker\n---\n\nRead [the setup](../old/setup.md#top) first.\n';
    await writeText(join(ws.docs, 'notes', 'linker.md'), linker);
    expect((await cli('apply')).code).toBe(0);
    const oldUrl = managedByKey(emu).get('old/setup')?.[0]?.url;

    // A plain rename: same text, new folder, nothing in the frontmatter says where it was.
    await rm(join(ws.docs, 'old'), { recursive: true });
    await writeText(join(ws.docs, 'guides', 'setup.md'), `---\ntitle: Setup\n---\n\n${body('the setup')}\n`);
    const planned = await cli('plan');
    const said = planned.stdout + planned.stderr;
    expect(planned.code, said).toBe(0);
    expect(said).toContain('link/old-path');
    expect(said).toContain('where guides/setup.md was before pylon-kb moved it');
    expect(said).not.toContain('link/missing-target');

    const applied = await cli('apply');
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    const after = managedByKey(emu);
    const moved = after.get('guides/setup')?.[0];
    expect(moved?.url).toBeDefined();
    expect(moved?.url).not.toBe(oldUrl);
    expect(moved?.draft_html).toContain('f=old%2Fsetup');
    const hrefs = hrefsOf(after.get('notes/linker')?.[0]?.draft_html ?? '');
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]?.startsWith(moved?.url ?? '?')).toBe(true);

    // The next runs know the old path from the moved article's marker: still resolved, nothing to write.
    for (let run = 0; run < 2; run++) {
      const again = await cli('plan', '--detailed-exitcode');
      expect(again.code, again.stdout + again.stderr).toBe(0);
      expect(again.stdout + again.stderr).toContain('link/old-path');
    }
  });

  it('a link to an old path no document declares stays a broken-link error, and its document is held back', async () => {
    await writeText(join(ws.docs, 'guides', 'setup.md'), `---\ntitle: Setup\n---\n\n${body('the setup')}\n`);
    await writeText(join(ws.docs, 'notes', 'linker.md'), '---\ntitle: Linker\n---\n\n[x](../old/setup.md)\n');
    const applied = await cli('apply');
    expect(applied.code).toBe(2);
    expect(applied.stdout + applied.stderr).toContain('link/missing-target');
    expect([...managedByKey(emu).keys()]).toEqual(['guides/setup']);
  });
});
