import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace, writeText } from './helpers.js';

type StateArticle = { id: string; title: string; slug: string; collection_id?: string; draft_html: string };
const articles = (emu: RunningEmulator) =>
  (emu.snapshot() as unknown as { articles: StateArticle[]; users: { id: string }[] }).articles;
const words = (topic: string) =>
  Array.from({ length: 5 }, (_, i) => `Paragraph ${i} explains ${topic} in practice.`).join('\n\n');

/** Issue 27.1: a copy made in Pylon's editor (marker and all) is a person's work, never a duplicate to delete. */
describe('copies made in Pylon’s editor', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  /** What Pylon's "duplicate" does: a new article with the original's body (marker included). */
  const copyInEditor = async (
    original: StateArticle,
    title: string,
    slug: string,
    edit: (h: string) => string,
  ) => {
    const users = (emu.snapshot() as unknown as { users: { id: string }[] }).users;
    const response = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title,
        slug,
        body_html: edit(original.draft_html),
        author_user_id: users[0]?.id,
        ...(original.collection_id ? { collection_id: original.collection_id } : {}),
        is_published: true,
      }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { data: StateArticle }).data;
  };
  const shortcuts = () => managedByKey(emu).get('guides/keyboard-shortcuts')?.[0] as StateArticle;

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'guides'), { recursive: true });
    await writeText(
      join(ws.docs, 'guides', 'keyboard-shortcuts.md'),
      `---\ntitle: Keyboard shortcuts\n---\n\n${words('shortcuts')}\n`,
    );
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('keeps a copy that was retitled and edited, and plans nothing for it', async () => {
    const copy = await copyInEditor(
      shortcuts(),
      'Keyboard shortcuts (copy for Mac)',
      'keyboard-shortcuts-mac',
      (html) => html.replace('Paragraph 0 explains shortcuts', 'On a Mac, use Cmd instead of Ctrl'),
    );
    const plan = await cli('plan', '--json');
    const ops = (JSON.parse(plan.stdout) as { operations: { kind: string; articleId?: string }[] })
      .operations;
    expect(ops.filter((o) => o.articleId === copy.id)).toEqual([]);
    expect((await cli('apply')).code).toBe(0);
    expect(articles(emu).find((a) => a.id === copy.id)?.title).toBe('Keyboard shortcuts (copy for Mac)');
  });

  it('keeps a copy only retitled, and one of an article whose marker records its id', async () => {
    const retitled = await copyInEditor(shortcuts(), 'Shortcuts for Mac', 'shortcuts-mac', (h) => h);
    expect((await cli('apply')).code).toBe(0);
    expect(articles(emu).some((a) => a.id === retitled.id)).toBe(true);

    // An update records the article's own id in its marker; a copy then carries another article's id.
    await writeText(
      join(ws.docs, 'guides', 'keyboard-shortcuts.md'),
      `---\ntitle: Keyboard shortcuts\n---\n\n${words('shortcuts')}\n\nOne more line.\n`,
    );
    expect((await cli('apply')).code).toBe(0);
    const original = shortcuts();
    expect(readMarker(original.draft_html)?.articleId).toBe(original.id);
    const verbatim = await copyInEditor(original, original.title, 'keyboard-shortcuts-2', (h) => h);
    expect((await cli('apply')).code).toBe(0);
    expect(articles(emu).some((a) => a.id === verbatim.id)).toBe(true);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });

  it('still heals a duplicate whose text and title are pylon-kb’s own', async () => {
    const original = shortcuts();
    const duplicate = await copyInEditor(original, original.title, 'keyboard-shortcuts-dup', (h) => h);
    expect((await cli('apply')).code).toBe(0);
    expect(articles(emu).some((a) => a.id === duplicate.id)).toBe(false);
    expect(managedByKey(emu).get('guides/keyboard-shortcuts')).toHaveLength(1);
  });
});
