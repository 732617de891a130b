import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  CLI_FLAGS,
  emulator,
  envFor,
  managedByKey,
  redirectTarget,
  runCli,
  workspace,
  writeText,
} from './helpers.js';

type StoredArticle = { id: string; title: string; url: string };

/** Issue 25.3: `redirect_from` never takes the path a live article answers, hand-written or pylon-kb's. */
describe('redirect_from and live articles', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
    await writeText(
      join(ws.docs, 'a', 'ours.md'),
      '---\ntitle: Ours\n---\n\nAn article pylon-kb publishes.\n',
    );
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('leaves the paths of a hand-written article and of another document’s article alone, with a warning', async () => {
    const users = (emu.snapshot() as unknown as { users: { id: string }[] }).users;
    const response = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Written by hand',
        slug: 'written-by-hand',
        body_html: '<p>A person wrote this in Pylon.</p>',
        author_user_id: users[0]?.id,
        is_published: true,
      }),
    });
    const handWritten = ((await response.json()) as { data: StoredArticle }).data;
    const ours = managedByKey(emu).get('a/ours')?.[0] as StoredArticle;
    const handPath = new URL(handWritten.url).pathname;
    const oursPath = new URL(ours.url).pathname;
    await writeText(
      join(ws.docs, 'a', 'taker.md'),
      `---\ntitle: Taker\nredirect_from:\n  - ${handPath}\n  - ${oursPath}\n  - /articles/1-gone-long-ago\n---\n\nA new page.\n`,
    );
    const run = await cli('apply');
    expect(run.code, run.stderr).toBe(0);
    expect(await redirectTarget(emu, handWritten.url)).toBeNull();
    expect(await redirectTarget(emu, ours.url)).toBeNull();
    expect(run.stderr).toContain('redirect/path-taken');
    expect(run.stderr).toContain(handPath);
    const taker = managedByKey(emu).get('a/taker')?.[0] as StoredArticle;
    expect(await redirectTarget(emu, 'https://x.test/articles/1-gone-long-ago')).toBe(taker.url);
    expect((await cli('plan', '--detailed-exitcode')).code).toBe(0);
  });
});
