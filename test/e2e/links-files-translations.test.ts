import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount, writeText } from './helpers.js';

const FLAGS = CLI_FLAGS;

type StateArticle = {
  url: string;
  draft_html: string;
  translations: Record<string, { title: string; draft_html: string }>;
};
const state = (emu: RunningEmulator) =>
  emu.snapshot() as unknown as { articles: StateArticle[]; attachments: { sha256: string }[] };
const article = (emu: RunningEmulator, key: string) =>
  state(emu).articles.find(
    (a) => readMarker(a.draft_html)?.key === key && !readMarker(a.draft_html)?.retired,
  );

describe('links, files and translations end to end', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const plan = async () =>
    JSON.parse((await cli('plan', '--json')).stdout) as { operations: { kind: string; key: string }[] };

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('points linkers at the new URL when their target moves', async () => {
    const target = 'guides/keyboard-shortcuts';
    const oldUrl = article(emu, target)?.url ?? '';
    expect(article(emu, 'getting-started/welcome-to-acme-cloud')?.draft_html).toContain(
      `href="${oldUrl}#everywhere"`,
    );
    // A new slug re-creates the article (Pylon cannot change a slug): a move whose URL is new.
    const file = join(ws.docs, 'guides', 'keyboard-shortcuts.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(/^---\n/, '---\nslug: shortcuts-reference\n'),
    );
    const operations = (await plan()).operations.map((o) => `${o.kind} ${o.key}`);
    expect(operations).toContain(`move-article ${target}`);
    expect(operations).toContain('update-article getting-started/welcome-to-acme-cloud');
    expect((await cli('apply')).code).toBe(0);
    const newUrl = article(emu, target)?.url ?? '';
    expect(newUrl).not.toBe(oldUrl);
    const welcome = article(emu, 'getting-started/welcome-to-acme-cloud');
    expect(welcome?.draft_html).toContain(`href="${newUrl}#everywhere"`);
    expect(welcome?.translations.fr?.draft_html).toContain(`href="${newUrl}?lang=fr#everywhere"`);
    expect((await plan()).operations).toEqual([]);
  });

  it("keeps the reader's language through a moved article's redirect: an old ?lang=fr URL lands on the new page in French", async () => {
    const key = 'getting-started/welcome-to-acme-cloud';
    const oldPath = new URL(article(emu, key)?.url ?? '').pathname;
    const file = join(ws.docs, 'getting-started', 'welcome-to-acme-cloud.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^slug: .*$/m, 'slug: welcome'));
    expect((await cli('apply')).code).toBe(0);
    const newPath = new URL(article(emu, key)?.url ?? '').pathname;
    expect(newPath).not.toBe(oldPath);
    const site = `${emu.url}/_site/help-center`;
    const french = await fetch(`${site}${oldPath}?lang=fr`, { redirect: 'manual' });
    expect(french.status).toBe(301);
    expect(french.headers.get('location')).toBe(`/_site/help-center${newPath}?lang=fr`);
    expect(await (await fetch(`${site}${oldPath}?lang=fr`)).text()).toContain('<html lang="fr">');
    const plain = await fetch(`${site}${oldPath}`, { redirect: 'manual' });
    expect(plain.headers.get('location')).toBe(`/_site/help-center${newPath}`);
  });

  it('uploads nothing on a second run, nor from a fresh clone with no cache', async () => {
    const uploads = state(emu).attachments.length;
    expect(uploads).toBeGreaterThanOrEqual(2);
    const fresh = await workspace(false);
    try {
      await cp(ws.docs, fresh.docs, { recursive: true });
      const writes = writeCount(emu);
      for (const dir of [ws.dir, fresh.dir]) {
        const run = await runCli(['apply', ...FLAGS], { cwd: dir, env: envFor(emu) });
        expect(run.code).toBe(0);
      }
      expect(writeCount(emu)).toBe(writes);
      expect(state(emu).attachments).toHaveLength(uploads);
    } finally {
      await fresh.cleanup();
    }
  });

  it('updates a translation when its file changes', async () => {
    const file = join(ws.docs, 'getting-started', 'welcome-to-acme-cloud.fr.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n\nUn paragraphe ajouté à la traduction.\n`);
    const operations = (await plan()).operations;
    expect(operations.map((o) => `${o.kind} ${o.key}`)).toEqual([
      'update-article getting-started/welcome-to-acme-cloud',
    ]);
    expect(operations[0]).toMatchObject({ changes: ['translations'] });
    expect((await cli('apply')).code).toBe(0);
    const fr = article(emu, 'getting-started/welcome-to-acme-cloud')?.translations.fr;
    expect(fr?.draft_html).toContain('Un paragraphe ajouté à la traduction.');
    expect((await plan()).operations).toEqual([]);
  });

  it('holds back a broken link with file and line; publishes an image outside the content directory as written, unread', async () => {
    const writes = writeCount(emu);
    await writeText(
      join(ws.docs, 'guides', 'broken.md'),
      '---\ntitle: Broken\n---\n\nSee [setup](./no-such-page.md).\n',
    );
    const broken = await cli('apply');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/guides\/broken\.md:5:\d+ error \[link\/missing-target\]/);
    await writeText(
      join(ws.docs, 'guides', 'broken.md'),
      '---\ntitle: Broken\n---\n\nText\n\n![x](../../../etc/passwd)\n',
    );
    expect(writeCount(emu)).toBe(writes);
    const escaping = await cli('apply');
    expect(escaping.code, escaping.stderr).toBe(0);
    expect(escaping.stderr).toMatch(/guides\/broken\.md:7:\d+ warning \[asset\/outside-content\]/);
    // The file is never read nor uploaded: the reference stays as written.
    const html = article(emu, 'guides/broken')?.draft_html ?? '';
    expect(html).toContain('src="../../../etc/passwd"');
    expect(html).not.toContain('root:');
  });
});
