import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
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

const FLAGS = CLI_FLAGS;

type StateArticle = {
  id: string;
  title: string;
  slug: string;
  collection_id?: string;
  url: string;
  draft_html: string;
};
type StateCollection = { id: string; slug: string };

const words = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Paragraph ${i} about ${topic} explains how option ${i} of ${topic} works in practice.`,
  ).join('\n\n');

function articles(emu: RunningEmulator): StateArticle[] {
  return (emu.snapshot() as unknown as { articles: StateArticle[] }).articles;
}
function collections(emu: RunningEmulator): StateCollection[] {
  return (emu.snapshot() as unknown as { collections: StateCollection[] }).collections;
}
describe('moves and renames', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const plan = async () =>
    JSON.parse((await cli('plan', '--json')).stdout) as { operations: Record<string, unknown>[] };

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
    await mkdir(join(ws.docs, 'b'), { recursive: true });
    await writeText(join(ws.docs, 'a', 'x.md'), `---\ntitle: Exports\n---\n\n${words('exports', 8)}\n`);
    await writeText(join(ws.docs, 'a', 'y.md'), `---\ntitle: Imports\n---\n\n${words('imports', 8)}\n`);
    await writeText(join(ws.docs, 'b', 'z.md'), `---\ntitle: Zebra\n---\n\n${words('zebras', 8)}\n`);
    expect((await cli('apply')).code).toBe(0);
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('turns a file moved to another folder into one move with a redirect from the old URL', async () => {
    const handWritten = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Written in Pylon',
        body_html: '<p>Hand-made</p>',
        author_user_id: (emu.snapshot() as unknown as { users: { id: string }[] }).users[0]?.id,
        collection_id: collections(emu).find((c) => c.slug === 'a')?.id,
        is_published: true,
      }),
    }).then((r) => r.json() as Promise<{ data: StateArticle }>);
    const oldUrl = managedByKey(emu).get('a/x')?.[0]?.url ?? '';
    await rename(join(ws.docs, 'a', 'x.md'), join(ws.docs, 'b', 'x.md'));

    const { operations } = await plan();
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({
      kind: 'move-article',
      key: 'b/x',
      redirectPaths: [new URL(oldUrl).pathname],
      from: { key: 'a/x', collectionKey: 'a' },
    });
    expect((await cli('apply')).code).toBe(0);

    const byKey = managedByKey(emu);
    expect(byKey.has('a/x')).toBe(false);
    const moved = byKey.get('b/x') ?? [];
    expect(moved).toHaveLength(1);
    expect(moved[0]?.collection_id).toBe(collections(emu).find((c) => c.slug === 'b')?.id);
    expect(articles(emu).filter((a) => a.url === oldUrl)).toEqual([]);
    expect(await redirectTarget(emu, oldUrl)).toBe(moved[0]?.url);
    expect((await plan()).operations).toEqual([]);
    const stillThere = articles(emu).find((a) => a.id === handWritten.data.id);
    expect(stillThere?.draft_html).toBe('<p>Hand-made</p>');
  });

  async function moveTwice(): Promise<{ first: string; second: string; newest: string }> {
    const first = managedByKey(emu).get('a/x')?.[0]?.url ?? '';
    await rename(join(ws.docs, 'a', 'x.md'), join(ws.docs, 'b', 'x.md'));
    expect((await cli('apply')).code).toBe(0);
    const second = managedByKey(emu).get('b/x')?.[0]?.url ?? '';
    await rename(join(ws.docs, 'b', 'x.md'), join(ws.docs, 'exports.md'));
    expect((await cli('apply')).code).toBe(0);
    const newest = managedByKey(emu).get('exports')?.[0]?.url ?? '';
    expect(newest).toMatch(/^https:/);
    expect((await plan()).operations).toEqual([]);
    return { first, second, newest };
  }

  it('redirects both old paths to the newest article when a document moves twice', async () => {
    emu.setOptions({ duplicateRedirects: 'allow' });
    const { first, second, newest } = await moveTwice();
    expect(await redirectTarget(emu, first)).toBe(newest);
    expect(await redirectTarget(emu, second)).toBe(newest);
    expect(managedByKey(emu).size).toBe(3);
  });

  it('keeps a forwarding page when the server refuses to re-point an existing redirect', async () => {
    emu.setOptions({ duplicateRedirects: 'reject' });
    const { first, second, newest } = await moveTwice();
    expect(await redirectTarget(emu, second)).toBe(newest);
    // The first path still redirects to the intermediate article, which now links to the newest one.
    const intermediate = await redirectTarget(emu, first);
    expect(intermediate).toBe(second);
    const page = await fetch(`${emu.url}/_site/help-center${new URL(second).pathname}`, {
      redirect: 'manual',
    });
    expect(page.status).toBe(301);
    const stub = articles(emu).find((a) => a.url === second);
    expect(stub?.draft_html).toContain(`This article has moved: <a href="${newest}">`);
    expect(readMarker(stub?.draft_html)?.retired).toBe(true);
  });

  it('recognises a renamed and edited file (about 70% kept) as a move, with no orphan and no duplicate', async () => {
    const oldUrl = managedByKey(emu).get('a/y')?.[0]?.url ?? '';
    const text = await readFile(join(ws.docs, 'a', 'y.md'), 'utf8');
    const kept = text.split('\n\n').slice(0, 7).join('\n\n');
    await rm(join(ws.docs, 'a', 'y.md'));
    await writeText(
      join(ws.docs, 'a', 'importing-data.md'),
      `${kept}\n\nA new closing paragraph written for the renamed page, with new advice.\n`,
    );
    const { operations } = await plan();
    expect(operations.map((o) => o.kind)).toEqual(['move-article']);
    expect(operations[0]).toMatchObject({ reason: 'renamed', key: 'a/importing-data', from: { key: 'a/y' } });
    expect(operations[0]?.similarity).toBeGreaterThan(0.5);
    expect((await cli('apply')).code).toBe(0);
    expect(managedByKey(emu).get('a/importing-data')).toHaveLength(1);
    expect(managedByKey(emu).has('a/y')).toBe(false);
    expect(await redirectTarget(emu, oldUrl)).toBe(managedByKey(emu).get('a/importing-data')?.[0]?.url);
  });

  it('recognises the rename in a depth-1 git clone the same way (no history needed)', async () => {
    const git = (args: string[], cwd: string) => execFileSync('git', args, { cwd, stdio: 'pipe' });
    git(['init', '-q', '-b', 'main'], ws.dir);
    git(['-c', 'user.email=ci@acme.test', '-c', 'user.name=CI', 'add', 'docs'], ws.dir);
    git(['-c', 'user.email=ci@acme.test', '-c', 'user.name=CI', 'commit', '-q', '-m', 'docs'], ws.dir);
    const clone = join(ws.dir, 'clone');
    git(['clone', '-q', '--depth', '1', `file://${ws.dir}`, clone], ws.dir);
    expect(git(['rev-parse', '--is-shallow-repository'], clone).toString().trim()).toBe('true');
    const text = await readFile(join(clone, 'docs', 'a', 'y.md'), 'utf8');
    await rm(join(clone, 'docs', 'a', 'y.md'));
    await writeText(
      join(clone, 'docs', 'a', 'importing.md'),
      `${text.split('\n\n').slice(0, 8).join('\n\n')}\n\nA new ending.\n`,
    );
    const run = await runCli(['plan', '--json', ...FLAGS], { cwd: clone, env: envFor(emu) });
    const operations = JSON.parse(run.stdout).operations as Record<string, unknown>[];
    expect(operations.map((o) => o.kind)).toEqual(['move-article']);
    expect(operations[0]).toMatchObject({ reason: 'renamed', key: 'a/importing', from: { key: 'a/y' } });
  });

  it('stops on an article edited in Pylon, naming it, and repairs it with --on-drift overwrite', async () => {
    const target = managedByKey(emu).get('b/z')?.[0];
    await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles/${target?.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        body_html: (target?.draft_html ?? '').replace(
          'Paragraph 0 about zebras',
          'Someone rewrote this in Pylon',
        ),
        publish_updated_body_html: true,
      }),
    });
    const failing = await cli('apply');
    expect(failing.code).toBe(2);
    expect(failing.stderr).toContain('drift/detected');
    expect(failing.stderr).toContain('Zebra');
    expect(failing.stderr).toContain('b/z.md');
    const repaired = await cli('apply', '--on-drift', 'overwrite');
    expect(repaired.code).toBe(0);
    const after = managedByKey(emu).get('b/z')?.[0]?.draft_html ?? '';
    expect(after).toContain('Paragraph 0 about zebras');
    expect((await plan()).operations).toEqual([]);
  });

  it('applies a saved plan, and refuses one whose articles changed since', async () => {
    await writeText(join(ws.docs, 'b', 'z.md'), `---\ntitle: Zebras\n---\n\n${words('zebras', 9)}\n`);
    expect((await cli('plan', '--json', '--out', 'plan.json')).code).toBe(0);
    const applied = await runCli(['apply', 'plan.json', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(applied.code).toBe(0);
    expect(managedByKey(emu).get('b/z')?.[0]?.title).toBe('Zebras');

    await writeText(
      join(ws.docs, 'b', 'z.md'),
      `---\ntitle: Zebra crossings\n---\n\n${words('zebras', 9)}\n`,
    );
    expect((await cli('plan', '--json', '--out', 'plan.json')).code).toBe(0);
    const target = managedByKey(emu).get('b/z')?.[0];
    await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles/${target?.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Renamed by someone in Pylon' }),
    });
    const refused = await runCli(['apply', 'plan.json', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/out of date: article "Renamed by someone in Pylon"/);
  });

  it('reports orphans, retires them only as the policy says, and guards against mass retirement', async () => {
    await rm(join(ws.docs, 'b', 'z.md'));
    const reported = await plan();
    expect(reported.operations.map((o) => `${o.kind} ${o.key}`)).toEqual(['orphan b/z']);
    await writeText(
      join(ws.dir, 'pylon-kb.config.ts'),
      "export default { orphans: 'delete', maxRetireRatio: 0.2 };\n",
    );
    const guarded = await cli('apply');
    expect(guarded.code).toBe(2);
    expect(guarded.stderr).toContain('orphans/too-many');
    expect(managedByKey(emu).has('b/z')).toBe(true);
    const forced = await cli('apply', '--force');
    expect(forced.code).toBe(0);
    expect(managedByKey(emu).has('b/z')).toBe(false);
    expect((await plan()).operations).toEqual([]);
  });
});
