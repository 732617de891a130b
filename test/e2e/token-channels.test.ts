import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { cliFlagsFor, emulator, REPO, runCli, workspace, writeText } from './helpers.js';

/** A token with characters every escaping changes: `_` (Markdown), `-`, `+`, `/` (URLs), a trailing `=`. */
const TOKEN = 'pyl_tok_Ab3x9QzR7mN2+kL5/Vw8_Yp4=';

/** Every form of the token a message could carry; written out here, not taken from the code under test. */
function forms(): string[] {
  const bare = TOKEN.replace(/=+$/, '');
  const markdown = (t: string) => t.replace(/[\\`*_{}[\]()#+\-.!|~@:<>]/g, (c) => `\\${c}`);
  const slug = TOKEN.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const windows: string[] = [];
  for (let i = 0; i + 8 <= bare.length; i++) {
    const part = bare.slice(i, i + 8);
    if (/[0-9A-Z]/.test(part) && /[a-z]/.test(part)) windows.push(part);
  }
  return [
    TOKEN,
    bare,
    encodeURIComponent(TOKEN),
    JSON.stringify(TOKEN).slice(1, -1),
    markdown(TOKEN),
    markdown(bare),
    slug,
    ...windows,
  ];
}

function leaks(text: string): string[] {
  return forms().filter((form) => text.includes(form));
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if ((await stat(path)).isFile()) out.push(path);
  }
  return out;
}

/**
 * Issue 25.4: the API token in no form — raw, trimmed, URL-encoded, JSON-, HTML- and Markdown-escaped,
 * slugified, or any 8-character run of it — on any output channel, even when the docs tree quotes it.
 */
describe('the token on every output channel', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const channels = new Map<string, string>();
  const env = () => ({
    PYLON_API_URL: emu.url,
    PYLON_API_TOKEN: TOKEN,
    GITHUB_ACTIONS: 'true',
    GITHUB_STEP_SUMMARY: join(ws.dir, 'summary.md'),
  });
  const record = async (name: string, args: string[]) => {
    const run = await runCli([...args, ...cliFlagsFor('docs')], { cwd: ws.dir, env: env() });
    channels.set(`${name} stdout`, run.stdout);
    channels.set(`${name} stderr`, run.stderr);
    return run;
  };

  beforeAll(async () => {
    emu = await emulator({ token: TOKEN });
    ws = await workspace(false);
    await mkdir(join(ws.docs, 'a'), { recursive: true });
    // A tree that quotes the token (a pasted secret): in a title, a body, a link and a file name.
    await writeText(
      join(ws.docs, 'a', 'setup.md'),
      `---\ntitle: Set ${TOKEN} up\n---\n\nPaste ${TOKEN} here, or see [the key](./${TOKEN}.md).\n`,
    );
    await writeText(join(ws.docs, 'a', `${TOKEN.replace(/\//g, '-')}.md`), `# Key ${TOKEN}\n\nText.\n`);
    channels.set(
      'check',
      JSON.stringify(await runCli(['check', '--content-dir', 'docs'], { cwd: ws.dir, env: env() })),
    );
    await record('plan markdown', [
      'plan',
      '--format',
      'markdown',
      '--out',
      'plan.md',
      '--comment-file',
      'comment.md',
    ]);
    await record('plan html', ['plan', '--format', 'html', '--out', 'plan.html']);
    await record('plan json', ['plan', '--json', '--out', 'plan.json']);
    await record('apply', ['apply', '--json']);
    await record('unknown flag', ['plan', `--tok=${TOKEN}`]);
    for (const file of ['plan.md', 'comment.md', 'plan.html', 'plan.json', 'summary.md']) {
      channels.set(file, await readFile(join(ws.dir, file), 'utf8').catch(() => ''));
    }
    for (const file of await filesUnder(join(ws.dir, '.pylon-kb'))) {
      channels.set(file.slice(ws.dir.length + 1), await readFile(file, 'utf8'));
    }
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(REPO, 'bin', 'pylon-kb.mjs'), 'mcp', ...cliFlagsFor('docs')],
      cwd: ws.dir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', PYLON_API_URL: emu.url, PYLON_API_TOKEN: TOKEN },
      stderr: 'pipe',
    });
    let mcpStderr = '';
    transport.stderr?.on('data', (chunk) => {
      mcpStderr += String(chunk);
    });
    const client = new Client({ name: 'pylon-kb-test', version: '1.0.0' });
    await client.connect(transport);
    for (const tool of ['check', 'plan', 'search_articles']) {
      const result = await client.callTool({
        name: tool,
        arguments: tool === 'search_articles' ? { query: 'Key' } : {},
      });
      channels.set(`mcp ${tool}`, JSON.stringify(result));
    }
    await client.close();
    channels.set('mcp stderr', mcpStderr);
  }, 120_000);
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('reaches every channel (the content does quote it)', () => {
    expect(channels.get('plan.md'), channels.get('plan markdown stderr')).toContain('Key');
    expect(channels.get('plan.html')).toContain('Key');
    expect(channels.get('summary.md')).toContain('Key');
    expect(channels.get('comment.md')).toContain('Key');
    expect([...channels.keys()].some((k) => k.startsWith('.pylon-kb'))).toBe(true);
  });

  it('never carries the token in any form', () => {
    const found = [...channels].flatMap(([name, text]) => leaks(text).map((form) => `${name}: ${form}`));
    expect(found.join('\n')).toBe('');
  });
});
