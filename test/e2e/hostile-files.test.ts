import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/content/source-limits.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, managedByKey, runCli, workspace } from './helpers.js';

const FLAGS = ['--content-dir', 'docs', '--kb', 'help-center', '--author', 'ada@acme.test'];
const GOOD = '---\ntitle: Fine\n---\n\nSome text.\n';

/** Files no docs team means to publish: each is refused by check, plan and apply with file:line, and held back. */
describe('unreadable or hostile content files: a diagnostic with file and line, exit 2, the file held back', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await emulator();
  });
  afterAll(() => emu.close());

  async function refused(name: string, bytes: Uint8Array | string) {
    const ws = await workspace(false);
    try {
      await mkdir(join(ws.docs, 'guides'), { recursive: true });
      await writeFile(join(ws.docs, 'fine.md'), GOOD);
      await writeFile(join(ws.docs, 'guides', 'page.md'), GOOD);
      await writeFile(join(ws.docs, 'guides', name), bytes);
      const outputs: string[] = [];
      for (const command of ['check', 'plan', 'apply']) {
        const started = performance.now();
        const run = await runCli([command, ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
        const out = `${run.stdout}${run.stderr}`;
        expect(run.code, `${command}: ${out}`).toBe(2);
        // Refused before rendering: well under the time a render of such a file takes.
        expect(performance.now() - started).toBeLessThan(20_000);
        outputs.push(out);
      }
      // The hostile file is held back; the good documents beside it are published.
      const managed = managedByKey(emu);
      expect(managed.has(`guides/${name.replace(/\.md$/, '')}`)).toBe(false);
      expect(managed.has('fine') && managed.has('guides/page')).toBe(true);
      return outputs.join('\n');
    } finally {
      await ws.cleanup();
    }
  }

  it('a binary file named .md', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const out = await refused('logo.md', png);
    expect(out).toMatch(/guides\/logo\.md:\d+ error \[content\/binary\]/);
  });

  it('UTF-16 text, with and without a byte-order mark', async () => {
    const text = '---\ntitle: Sixteen\n---\n\nBody\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await refused('sixteen.md', le)).toContain('guides/sixteen.md:1 error [content/encoding]');
    const bare = Buffer.from(text, 'utf16le');
    expect(await refused('bare.md', bare)).toMatch(/guides\/bare\.md:1 error \[content\/encoding\].*UTF-16/);
  });

  it('invalid UTF-8 names the line of the first bad byte', async () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: Latin\n---\n\nline five\ncaf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    const out = await refused('latin1.md', bytes);
    expect(out).toContain('guides/latin1.md:6 error [content/encoding]');
  });

  it.each([
    ['NUL', '"Title \\0 here"', 'U+0000 (NUL)'],
    ['ESC', '"Red \\e[31m title"', 'U+001B (ESC)'],
    ['BEL', '"Ring \\a"', 'U+0007 (BEL)'],
    ['a newline and a workflow command', '"Fine\\n::error::owned"', 'U+000A (LF)'],
  ])('a title with %s', async (_name, yaml, named) => {
    const out = await refused('title.md', `---\nslug: t\ntitle: ${yaml}\n---\n\nBody\n`);
    expect(out).toContain('guides/title.md:3 error [content/title-control]');
    expect(out).toContain(named);
    expect(out).toContain('(field: title)');
    expect(out).not.toMatch(/\n::error::owned/);
  });

  it('a 100,000-character title', async () => {
    const out = await refused('long.md', `---\ntitle: ${'a'.repeat(100_000)}\n---\n\nBody\n`);
    expect(out).toContain('guides/long.md:2 error [content/title-length]');
    expect(out).toContain('100000 characters');
  });

  it('a heading title with a control character (no title key) names the heading line', async () => {
    const out = await refused('heading.md', '\n\n# Bad \u001b[2J heading\n\nBody\n');
    expect(out).toContain('guides/heading.md:3 error [content/title-control]');
  });

  it('lists nested 1,000 deep in a 2 KB file (was: "Maximum call stack size exceeded")', async () => {
    const out = await refused('nested.md', `---\ntitle: Nested\n---\n\n${'- '.repeat(1000)}x\n`);
    expect(out).toContain('guides/nested.md:5 error [content/nesting]');
    expect(out).not.toContain('call stack');
  });

  it('block quotes, indented lists, emphasis, brackets and HTML nested too deep', async () => {
    const cases: Array<[string, string, number]> = [
      ['quotes.md', `${'> '.repeat(500)}x\n`, 1],
      ['indent.md', Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n'), 33],
      ['emphasis.md', `${'*a '.repeat(3000)}x${' a*'.repeat(3000)}\n`, 1],
      ['brackets.md', `${'['.repeat(3000)}x${'](u)'.repeat(3000)}\n`, 1],
      ['html.md', `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}\n`, 1],
    ];
    for (const [name, body, line] of cases) {
      const out = await refused(name, `---\ntitle: Deep\n---\n${body}`);
      expect(out, name).toContain(`guides/${name}:${line + 3} error [content/nesting]`);
    }
  });

  it(`a document larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB is refused without rendering it`, async () => {
    const para = 'Ordinary documentation text with **bold** and a [link](https://example.test).\n\n';
    const text = `---\ntitle: Huge\n---\n\n${para.repeat(Math.ceil((3 * 1024 * 1024) / para.length))}`;
    const out = await refused('huge.md', text);
    expect(out).toContain('guides/huge.md:1 error [content/too-large]');
  });

  it('a _category_.json that is binary is refused too', async () => {
    const out = await refused('_category_.json', Buffer.from('{"label": "Gui\u0000des", "position": 2}'));
    expect(out).toContain('guides/_category_.json:1 error [content/binary]');
  });
});
