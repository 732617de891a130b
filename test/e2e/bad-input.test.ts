import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, runCli, TRANSPORTS, workspace, writeCount, writeText } from './helpers.js';

// `--strict`: any error refuses the whole run (without it, only the documents with errors are held back:
// hold-back.test.ts).
const FLAGS = ['--content-dir', 'docs', '--kb', 'help-center', '--author', 'ada@acme.test', '--strict'];

const good = (title: string, extra = '') =>
  `---\ntitle: ${title}\n${extra}---\n\nSome text about ${title}.\n`;

describe.each(TRANSPORTS)(
  'bad input: a clear error, exit 2, and no write under --strict ($name)',
  ({ env: envFor }) => {
    let emu: RunningEmulator;
    beforeAll(async () => {
      emu = await emulator({
        token: 'secret-token-do-not-print',
        truto: { token: 'secret-truto-token-do-not-print' },
      });
    });
    afterAll(() => emu.close());

    async function attempt(files: Record<string, string>, args: string[] = FLAGS) {
      const ws = await workspace(false);
      try {
        for (const [path, text] of Object.entries(files)) {
          await mkdir(join(ws.dir, path, '..'), { recursive: true });
          await writeText(join(ws.dir, path), text);
        }
        const writesBefore = writeCount(emu);
        const results = [];
        for (const command of ['plan', 'apply']) {
          const run = await runCli([command, ...args], { cwd: ws.dir, env: envFor(emu) });
          expect(run.code, `${command}: ${run.stderr}`).toBe(2);
          expect(`${run.stdout}${run.stderr}`).not.toContain('secret-token-do-not-print');
          expect(`${run.stdout}${run.stderr}`).not.toContain('secret-truto-token-do-not-print');
          results.push(run);
        }
        expect(writeCount(emu)).toBe(writesBefore);
        return `${results[1]?.stdout}${results[1]?.stderr}`;
      } finally {
        await ws.cleanup();
      }
    }

    it('malformed YAML names the file and line', async () => {
      const out = await attempt({
        'docs/ok.md': good('Fine'),
        'docs/guides/broken.md': '---\ntitle: Broken\ntags: [unclosed\n---\n\nBody\n',
      });
      // The line of the bracket that is never closed, not the line after it where the parser gave up.
      expect(out).toContain('guides/broken.md:3:7');
      expect(out).toContain('frontmatter/yaml');
    });

    it('an unknown author names the file, line and the closest users', async () => {
      const out = await attempt({ 'docs/a.md': good('A', 'author: grcae@acme.test\n') });
      expect(out).toContain('a.md:3');
      expect(out).toContain('grace@acme.test');
    });

    it('two files with the same key name both files', async () => {
      const out = await attempt({
        'docs/a.md': good('A', 'id: same\n'),
        'docs/b.md': good('B', 'id: same\n'),
      });
      expect(out).toContain('a.md');
      expect(out).toContain('b.md');
      expect(out).toContain('duplicate-key');
    });

    it('two files with the same slug name both files', async () => {
      const out = await attempt({
        'docs/x/a.md': good('A', 'slug: same\n'),
        'docs/y/b.md': good('B', 'slug: same\n'),
      });
      expect(out).toContain('x/a.md');
      expect(out).toContain('y/b.md');
      expect(out).toContain('duplicate-slug');
    });

    it('an invalid config value names the key and what is allowed', async () => {
      const out = await attempt(
        {
          'docs/a.md': good('A'),
          'pylon-kb.config.ts': "export default { contentDir: 'docs', rateLimits: { preset: 'fast' } };\n",
        },
        ['--kb', 'help-center', '--author', 'ada@acme.test'],
      );
      expect(out).toContain('rateLimits.preset');
      expect(out).toMatch(/documented/);
    });
  },
);
