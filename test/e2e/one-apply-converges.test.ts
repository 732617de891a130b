import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { articleByKey } from '../watch/helpers.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace } from './helpers.js';

/**
 * After one apply the plan is empty, also when a change moves an article's public URL without moving the
 * article: a retitled article (the URL's suffix follows the published title) and an article published for
 * the first time. The articles that link to it are written with its new URL in the same apply.
 */
describe('one apply converges when an article’s URL changes in place', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const edit = async (path: string, change: (text: string) => string) => {
    const file = join(ws.docs, path);
    await writeFile(file, change(await readFile(file, 'utf8')));
  };

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    const first = await cli('apply');
    expect(first.code, first.stderr).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('a title change: the next plan is empty and links use the new URL', async () => {
    const before = articleByKey(emu, 'guides/keyboard-shortcuts')?.url ?? '';
    await edit('guides/keyboard-shortcuts.md', (t) =>
      t.replace('title: Keyboard shortcuts', 'title: Keys and shortcuts'),
    );
    const applied = await cli('apply');
    expect(applied.code, applied.stderr).toBe(0);
    const after = articleByKey(emu, 'guides/keyboard-shortcuts')?.url ?? '';
    expect(after).not.toBe(before);
    const welcome = articleByKey(emu, 'getting-started/welcome-to-acme-cloud');
    expect(welcome?.published_html).toContain(`${after}#everywhere`);
    expect(welcome?.published_html).not.toContain(before);
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('a draft published: the next plan is empty and links use its URL', async () => {
    await edit('guides/keyboard-shortcuts.md', (t) => t.replace('order: 10', 'order: 10\ndraft: true'));
    expect((await cli('apply')).code).toBe(0);
    expect(articleByKey(emu, 'guides/keyboard-shortcuts')?.url).toBe('');
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);

    await edit('guides/keyboard-shortcuts.md', (t) => t.replace('\ndraft: true', ''));
    const applied = await cli('apply');
    expect(applied.code, applied.stderr).toBe(0);
    const url = articleByKey(emu, 'guides/keyboard-shortcuts')?.url ?? '';
    expect(url).toMatch(/^https:\/\//);
    expect(articleByKey(emu, 'getting-started/welcome-to-acme-cloud')?.published_html).toContain(
      `${url}#everywhere`,
    );
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('a new page linking to a page retitled in the same run: written once more with the new URL', async () => {
    await edit('guides/keyboard-shortcuts.md', (t) =>
      t.replace('title: Keyboard shortcuts', 'title: Keys and shortcuts'),
    );
    await writeFile(
      join(ws.docs, 'guides', 'power-users.md'),
      '---\ntitle: For power users\n---\n\nLearn the [shortcuts](keyboard-shortcuts.md) first.\n',
    );
    const applied = await cli('apply');
    expect(applied.code, applied.stderr).toBe(0);
    const url = articleByKey(emu, 'guides/keyboard-shortcuts')?.url ?? '';
    expect(url).toContain('keys-and-shortcuts');
    expect(articleByKey(emu, 'guides/power-users')?.published_html).toContain(`href="${url}"`);
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('a title change through a saved plan: checked, applied, and the next plan is empty', async () => {
    await edit('guides/keyboard-shortcuts.md', (t) =>
      t.replace('title: Keyboard shortcuts', 'title: Keys and shortcuts'),
    );
    expect((await cli('plan', '--json', '--out', 'plan.json')).code).toBe(0);
    const saved = JSON.parse(await readFile(join(ws.dir, 'plan.json'), 'utf8')) as { urlsBefore?: object };
    expect(Object.keys(saved.urlsBefore ?? {})).toEqual(['guides/keyboard-shortcuts']);
    const applied = await cli('apply', 'plan.json');
    expect(applied.code, applied.stderr).toBe(0);
    const plan = await cli('plan', '--detailed-exitcode');
    expect(plan.code, plan.stdout).toBe(0);
  });
});
