import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, REPO, workspace, writeCount } from '../e2e/helpers.js';

/**
 * `pylon-kb mcp` as an agent reaches it: the built bin spawned over stdio, driven by the MCP SDK's own
 * client, publishing content-example into an emulator over HTTP.
 */
describe('pylon-kb mcp over stdio', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: Client;
  let stderr = '';
  const protocolErrors: Error[] = [];
  const seen: string[] = [];

  async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    seen.push(JSON.stringify(result));
    return result;
  }
  const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  // biome-ignore lint/suspicious/noExplicitAny: structured results are JSON the assertions read field by field
  const data = (r: CallToolResult) => r.structuredContent as Record<string, any>;

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(REPO, 'bin', 'pylon-kb.mjs'), 'mcp', ...CLI_FLAGS],
      cwd: ws.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...envFor(emu) },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    client = new Client({ name: 'pylon-kb-test', version: '1.0.0' });
    client.onerror = (error) => protocolErrors.push(error);
    await client.connect(transport);
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  it('lists the safe verbs with their schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(
      ['apply', 'check', 'get_article', 'list_collections', 'plan', 'pull', 'search_articles'].sort(),
    );
    const apply = tools.find((t) => t.name === 'apply');
    expect(apply?.inputSchema.required).toEqual(['plan_id']);
    expect(tools.find((t) => t.name === 'get_article')?.annotations?.readOnlyHint).toBe(true);
  });

  it('refuses an unknown plan id with no write', async () => {
    const refused = await call('apply', { plan_id: 'plan-made-up' });
    expect(refused.isError).toBe(true);
    expect(data(refused).error.code).toBe('plan/unknown');
    expect(writeCount(emu)).toBe(0);
  });

  it('checks, plans, applies a plan by id, and then plans nothing', async () => {
    const checked = await call('check');
    expect(checked.isError).toBeFalsy();
    expect(data(checked).errors).toBe(0);
    const articles = data(checked).articles as number;
    expect(articles).toBeGreaterThan(10);

    const planned = await call('plan');
    expect(planned.isError).toBeFalsy();
    expect(data(planned).counts['create-article']).toBe(articles);
    expect(text(planned)).toContain('## ');
    // The id is named in results as the apply tool's input names it.
    const planId = data(planned).plan_id as string;
    expect(planId).toEqual(expect.any(String));
    expect(text(planned)).toContain(planId);
    expect(writeCount(emu)).toBe(0);

    const applied = await call('apply', { plan_id: planId });
    expect(applied.isError).toBeFalsy();
    expect(data(applied)).toMatchObject({ plan_id: planId, failed: 0 });
    expect(managedByKey(emu).size).toBe(articles);
    expect([...managedByKey(emu).values()].every((copies) => copies.length === 1)).toBe(true);

    const again = await call('apply', { plan_id: planId });
    expect(data(again).error.code).toBe('plan/applied');

    const second = await call('plan');
    expect(data(second).writes).toBe(0);
  });

  it('reads an article by path, id and URL, and finds it by its words', async () => {
    const byPath = await call('get_article', { path: 'getting-started/create-your-workspace.md' });
    expect(byPath.isError).toBeFalsy();
    const article = data(byPath);
    expect(article.path).toBe('getting-started/create-your-workspace.md');
    expect(article.managed).toBe(true);
    expect(article.text.length).toBeGreaterThan(50);
    const byId = await call('get_article', { id: article.id });
    expect(data(byId).title).toBe(article.title);
    const byUrl = await call('get_article', { url: article.url });
    expect(data(byUrl).id).toBe(article.id);

    const found = await call('search_articles', { query: article.title });
    expect(data(found).results[0].id).toBe(article.id);

    const missing = await call('get_article', { path: 'no/such-file.md' });
    expect(missing.isError).toBe(true);
    const two = await call('get_article', { id: article.id, path: article.path });
    expect(data(two).error.code).toBe('input/invalid');
  });

  it('lists the collection tree as a tool and as a resource', async () => {
    const listed = await call('list_collections');
    expect(data(listed).collections.length).toBeGreaterThanOrEqual(4);
    const resource = await client.readResource({ uri: 'pylon-kb://collections' });
    const textOf = (contents: { uri: string }[]) =>
      String((contents[0] as { text?: string } | undefined)?.text);
    const body = JSON.parse(textOf(resource.contents));
    expect(body.collections).toEqual(data(listed).collections);
    const config = await client.readResource({ uri: 'pylon-kb://config' });
    expect(textOf(config.contents)).toContain('[redacted]');
  });

  it('refuses a stale plan: the article changed in Pylon after plan, and nothing is written', async () => {
    const file = join(ws.docs, 'getting-started', 'create-your-workspace.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n*$/, '\n\nOne more line for agents.\n'));
    const planned = await call('plan');
    expect(data(planned).counts['update-article']).toBe(1);
    // The document's frontmatter id is its key.
    const target = managedByKey(emu).get('getting-started-workspace')?.[0];
    await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles/${target?.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Renamed in Pylon meanwhile' }),
    });
    const writes = writeCount(emu);
    const refused = await call('apply', { plan_id: data(planned).plan_id });
    expect(refused.isError).toBe(true);
    expect(data(refused).error.code).toBe('plan/stale');
    expect(text(refused)).toContain('Renamed in Pylon meanwhile');
    expect(writeCount(emu)).toBe(writes);
  });

  it("pulls Pylon's edit of an article into its file, after which the article plans no write", async () => {
    const target = managedByKey(emu).get('getting-started/invite-your-team')?.[0];
    await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/articles/${target?.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        body_html: (target?.draft_html ?? '').replace(
          'Use this role for contractors',
          'Edited in Pylon: use it for contractors',
        ),
        publish_updated_body_html: true,
      }),
    });
    const drift = await call('plan');
    expect(data(drift).operations).toContainEqual(
      expect.objectContaining({ kind: 'drift', key: 'getting-started/invite-your-team' }),
    );
    const preview = await call('pull', { drifted: true, dry_run: true });
    expect(data(preview).files).toEqual([{ path: 'getting-started/invite-your-team.md', kind: 'article' }]);
    const file = join(ws.docs, 'getting-started', 'invite-your-team.md');
    expect(await readFile(file, 'utf8')).not.toContain('Edited in Pylon');
    const pulled = await call('pull', { drifted: true });
    expect(pulled.isError).toBeFalsy();
    expect(await readFile(file, 'utf8')).toContain('Edited in Pylon: use it for contractors');
    const after = await call('plan');
    const ops = data(after).operations as { key: string }[];
    expect(ops.filter((op) => op.key === 'getting-started/invite-your-team')).toEqual([]);
    const neither = await call('pull', {});
    expect(data(neither).error.code).toBe('input/invalid');
    const both = await call('pull', { collection: 'guides', drifted: true });
    expect(data(both).error.code).toBe('input/invalid');
  });

  it('names the file and line of a broken document, and plans the rest with that document held back', async () => {
    await writeFile(join(ws.docs, 'guides', 'broken.md'), '---\ntitle: [unclosed\n---\n\nBody.\n');
    const checked = await call('check', { files: ['guides/broken.md'] });
    const diagnostics = data(checked).diagnostics as { file: string; line: number; severity: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.file === 'guides/broken.md')).toBe(true);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', line: 2 });
    expect(text(checked)).toContain('guides/broken.md:2');
    const planned = await call('plan');
    expect(text(planned)).toContain('held back');
    const operations = data(planned).operations as unknown[];
    expect(JSON.stringify(operations)).not.toContain('guides/broken');
    await rm(join(ws.docs, 'guides', 'broken.md'));
  });

  it('answers check of a file the docs tree does not hold with an error naming it, not "0 errors"', async () => {
    const checked = await call('check', { files: ['guides/keybaord-shortcuts.md'] });
    expect(checked.isError).toBeFalsy();
    expect(data(checked).errors).toBe(1);
    expect(data(checked).diagnostics[0]).toMatchObject({
      code: 'check/unknown-file',
      file: 'guides/keybaord-shortcuts.md',
    });
    expect(text(checked)).toContain('not a file of the docs tree');
    expect(text(checked)).toContain('Did you mean guides/keyboard-shortcuts.md?');
  });

  it('answers arguments outside a schema with a tool error and keeps serving', async () => {
    const bad = await call('search_articles', { query: 42 });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/query/);
    const wrong = await call('apply', {});
    expect(wrong.isError).toBe(true);
    const { tools } = await client.listTools();
    expect(tools.length).toBe(7);
  });

  it('never shows the token, and keeps stdout for the protocol', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const result of seen) expect(result).not.toContain(emu.token);
    expect(stderr).not.toContain(emu.token);
    expect(stderr).toContain('ready');
    expect(protocolErrors).toEqual([]);
  });
});
