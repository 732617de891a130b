import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, workspace } from '../e2e/helpers.js';

/**
 * `pylon-kb mcp` started the way an agent's first setup often starts it: no token in its environment. The
 * server serves; check works offline, and every tool that needs the knowledge base answers with the fix.
 */
describe('pylon-kb mcp without a token', () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: Client;
  let stderr = '';

  const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  // biome-ignore lint/suspicious/noExplicitAny: structured results are JSON the assertions read field by field
  const data = (r: CallToolResult) => r.structuredContent as Record<string, any>;
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;

  beforeAll(async () => {
    ws = await workspace();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [
        join(REPO, 'bin', 'pylon-kb.mjs'),
        'mcp',
        '--content-dir',
        'docs',
        '--kb',
        'help-center',
        '--author',
        'ada@acme.test',
      ],
      cwd: ws.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    client = new Client({ name: 'pylon-kb-test', version: '1.0.0' });
    await client.connect(transport);
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    await ws?.cleanup();
  });

  it('checks the docs tree offline', async () => {
    const checked = await call('check');
    expect(checked.isError).toBeFalsy();
    expect(data(checked).errors).toBe(0);
    expect(data(checked).articles).toBeGreaterThan(10);
  });

  it('answers plan and the knowledge-base reads with the missing token and how to set it, and keeps serving', async () => {
    for (const [name, args] of [
      ['plan', {}],
      ['list_collections', {}],
      ['search_articles', { query: 'workspace' }],
    ] as const) {
      const answer = await call(name, args);
      expect(answer.isError).toBe(true);
      expect(data(answer).error.code).toBe('config/invalid');
      expect(text(answer)).toContain('PYLON_API_TOKEN');
    }
    const config = await client.readResource({ uri: 'pylon-kb://config' });
    const shown = JSON.parse(String((config.contents[0] as { text?: string }).text));
    expect(shown.target).toBeNull();
    expect((await call('check')).isError).toBeFalsy();
    expect(stderr).toContain('no publish target');
  });
});
