import { mkdir, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_KB_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, REPO, workspace, writeCount } from '../e2e/helpers.js';

/** An agent brings one collection written in Pylon's editor into git, then publishes it back in place. */
describe('pylon-kb mcp: pull a hand-written collection, then adopt it in place', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: Client;

  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const data = (r: CallToolResult) => r.structuredContent as Record<string, unknown>;
  const faqArticles = () =>
    (
      emu.snapshot() as unknown as { articles: { id: string; url: string; collection_id?: string }[] }
    ).articles.filter((a) => a.collection_id === faqId);
  let faqId = '';

  beforeAll(async () => {
    emu = await emulator({ seed: EDITOR_KB_SEED });
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    faqId = (emu.snapshot() as unknown as { collections: { id: string; slug: string }[] }).collections.find(
      (c) => c.slug === 'faq',
    )?.id as string;
    const flags = [
      '--content-dir',
      'docs',
      '--kb',
      'northwind',
      '--author',
      'ada@acme.test',
      '--rate-limits',
      'off',
    ];
    client = new Client({ name: 'pylon-kb-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(REPO, 'bin', 'pylon-kb.mjs'), 'mcp', ...flags],
        cwd: ws.dir,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...envFor(emu) },
        stderr: 'ignore',
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  it('writes the collection as files, and the next apply keeps every id and URL', async () => {
    const before = faqArticles()
      .map((a) => `${a.id} ${a.url}`)
      .sort();
    expect(before.length).toBeGreaterThan(0);
    const pulled = await call('pull', { collection: 'faq' });
    expect(pulled.isError).toBeFalsy();
    expect((await readdir(join(ws.docs, 'faq'))).filter((f) => f.endsWith('.md')).length).toBeGreaterThan(0);
    expect(writeCount(emu)).toBe(0);

    const planned = await call('plan');
    const kinds = (data(planned).operations as { kind: string }[]).map((o) => o.kind);
    expect(kinds).not.toContain('create-article');
    expect(kinds).not.toContain('move-article');
    expect(kinds).not.toContain('retire-article');
    const applied = await call('apply', { plan_id: data(planned).plan_id });
    expect(data(applied).failed).toBe(0);
    expect(
      faqArticles()
        .map((a) => `${a.id} ${a.url}`)
        .sort(),
    ).toEqual(before);

    const again = await call('plan');
    expect(data(again).writes).toBe(0);
  });

  it('refuses to pull a collection the docs tree already has, writing nothing', async () => {
    const files = await readdir(join(ws.docs, 'faq'));
    const refused = await call('pull', { collection: 'faq' });
    expect(refused.isError).toBe(true);
    expect((data(refused).error as { code: string }).code).toBe('pull/exists');
    expect(await readdir(join(ws.docs, 'faq'))).toEqual(files);
  });

  it('refuses a collection whose folder is a symbolic link out of the docs tree, writing nothing', async () => {
    const outside = join(ws.dir, 'outside');
    await mkdir(outside);
    await symlink(outside, join(ws.docs, 'guides'));
    const refused = await call('pull', { collection: 'guides' });
    expect(refused.isError).toBe(true);
    const error = data(refused).error as { code: string; message: string };
    expect(error.code).toBe('pull/outside-target');
    expect(error.message).toContain(
      'guides/_index.md (its folder guides is a symbolic link to outside the target)',
    );
    expect(await readdir(outside)).toEqual([]);
  });
});

describe('pylon-kb mcp: errors carry the CLI codes', () => {
  it('answers an unknown knowledge base with kb/not-found and its hint, and keeps serving', async () => {
    const emu = await emulator();
    const ws = await workspace();
    const client = new Client({ name: 'pylon-kb-test', version: '1.0.0' });
    try {
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: [join(REPO, 'bin', 'pylon-kb.mjs'), 'mcp', '--content-dir', 'docs', '--kb', 'no-such-kb'],
          cwd: ws.dir,
          env: { PATH: process.env.PATH ?? '', ...envFor(emu) },
          stderr: 'ignore',
        }),
      );
      const planned = (await client.callTool({ name: 'plan', arguments: {} })) as CallToolResult;
      expect(planned.isError).toBe(true);
      const error = (planned.structuredContent as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('kb/not-found');
      expect(error.message).toContain('help-center');
      expect(JSON.stringify(planned)).not.toContain(emu.token);
      const checked = (await client.callTool({ name: 'check', arguments: {} })) as CallToolResult;
      expect(checked.isError).toBeFalsy();
    } finally {
      await client.close();
      await emu.close();
      await ws.cleanup();
    }
  }, 30_000);
});
