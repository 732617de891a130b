import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, workspace } from './helpers.js';

const UNSAFE = '---\ntitle: Links\n---\n\nA [bad link](javascript:alert(1)) here.\n';
const ARGS = ['check', '--json', '--content-dir', 'docs', '--author', 'ada@acme.test'];

type Workspace = Awaited<ReturnType<typeof workspace>>;

async function cacheEntries(ws: Workspace): Promise<string[]> {
  const data = JSON.parse(await readFile(join(ws.dir, '.pylon-kb', 'render-cache.json'), 'utf8')) as {
    entries: Record<string, unknown>;
  };
  return Object.keys(data.entries);
}

describe('check keeps the render cache plan and apply keep', () => {
  let ws: Workspace | undefined;
  afterEach(async () => {
    await ws?.cleanup();
    ws = undefined;
  });

  it('writes a rendering per document and reports a cached rendering’s warnings as a fresh one’s', async () => {
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    await writeFile(join(ws.docs, 'links.md'), UNSAFE);
    await writeFile(join(ws.docs, 'plain.md'), '---\ntitle: Plain\n---\n\nText.\n');
    const first = await runCli(ARGS, { cwd: ws.dir });
    expect(first.code).toBe(0);
    expect((await cacheEntries(ws)).map((key) => key.split('\0')[0]).sort()).toEqual([
      'links.md',
      'plain.md',
    ]);
    const second = await runCli(ARGS, { cwd: ws.dir });
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(second.stdout) as {
      warnings: number;
      diagnostics: Array<{ code: string; file: string; line: number }>;
    };
    expect(report.warnings).toBe(1);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ code: 'markdown/unsafe-url', file: 'links.md', line: 5 }),
    ]);
  });

  it('renders again when a document changes, and writes nothing with --no-cache', async () => {
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    await writeFile(join(ws.docs, 'links.md'), UNSAFE);
    const none = await runCli([...ARGS, '--no-cache'], { cwd: ws.dir });
    expect(none.code).toBe(0);
    await expect(stat(join(ws.dir, '.pylon-kb'))).rejects.toThrow(/ENOENT/);
    await runCli(ARGS, { cwd: ws.dir });
    await writeFile(
      join(ws.docs, 'links.md'),
      '---\ntitle: Links\n---\n\nA [good link](https://example.com).\n',
    );
    const changed = JSON.parse((await runCli(ARGS, { cwd: ws.dir })).stdout) as { warnings: number };
    expect(changed.warnings).toBe(0);
    expect(await cacheEntries(ws)).toHaveLength(1);
  });
});
