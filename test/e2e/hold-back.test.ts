import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  CLI_FLAGS,
  emulator,
  envFor,
  managedByKey,
  REPO,
  runCli,
  workspace,
  writeCount,
  writeText,
} from './helpers.js';

const page = (title: string, extra = '', body = `Some text about ${title}.`) =>
  `---\ntitle: ${title}\n${extra}---\n\n${body}\n`;

interface Diag {
  severity: string;
  code: string;
  file?: string;
  line?: number;
}

/** One bad document holds back one document: the rest of the tree is written, the run says what was not. */
describe('hold-back: a document with an error is not written, the others are', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const cli = (...args: string[]) => runCli([...args, ...CLI_FLAGS], { cwd: ws.dir, env: envFor(emu) });
  const put = (path: string, text: string) => writeText(join(ws.docs, path), text);

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await put('intro.md', page('Intro'));
    await put('guides/setup.md', page('Setup'));
    await put('guides/usage.md', page('Usage'));
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('publishes the rest, holds back the broken document and the new one that links to it, exits 2 naming file and line', async () => {
    // `published: maybe` cannot be read safely (publish or not?): an error at line 3.
    await put('guides/broken.md', page('Broken', 'published: maybe\n'));
    // A new document whose body links to the held-back one: its link would point nowhere.
    await put('guides/uses-broken.md', page('Uses broken', '', 'Text.\n\nSee [the broken page](broken.md).'));
    const run = await cli('apply');
    expect(run.code, run.stderr).toBe(2);
    const published = managedByKey(emu);
    expect([...published.keys()].sort()).toEqual(['guides/setup', 'guides/usage', 'intro']);
    expect(run.stderr).toContain('guides/broken.md:3');
    expect(run.stderr).toContain('guides/uses-broken.md:7');
    expect(run.stderr).toMatch(/2 documents were held back \(not written\)/);
    expect(run.stderr).toContain('fix:');

    // JSON results list them too, with file, line and fix.
    const json = await cli('apply', '--json');
    expect(json.code).toBe(2);
    const heldBack = (
      JSON.parse(json.stdout) as { heldBack: { file: string; line?: number; hint?: string }[] }
    ).heldBack;
    expect(heldBack.map((h) => [h.file, h.line])).toEqual([
      ['guides/broken.md', 3],
      ['guides/uses-broken.md', 7],
    ]);
    expect(heldBack.every((h) => (h.hint ?? '').length > 0)).toBe(true);

    // Once fixed, both are written.
    await put('guides/broken.md', page('Broken', 'published: true\n'));
    const fixed = await cli('apply');
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(managedByKey(emu).has('guides/uses-broken')).toBe(true);
  });

  it('--strict (and config strict: true) writes nothing when any document has an error', async () => {
    await put('guides/broken.md', page('Broken', 'published: maybe\n'));
    const before = writeCount(emu);
    const strict = await cli('apply', '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('Nothing was written (strict)');
    expect(strict.stderr).toContain('guides/broken.md:3');
    expect(writeCount(emu)).toBe(before);

    await writeText(join(ws.dir, 'pylon-kb.config.ts'), 'export default { strict: true };\n');
    const configured = await cli('apply');
    expect(configured.code).toBe(2);
    expect(writeCount(emu)).toBe(before);
  });

  it('plan shows a held-back document with a live article as an error, and plans no delete or orphan for it', async () => {
    await writeText(join(ws.dir, 'pylon-kb.config.ts'), "export default { orphans: 'delete' };\n");
    expect((await cli('apply')).code).toBe(0);
    const live = managedByKey(emu).get('guides/setup')?.[0];
    expect(live).toBeDefined();
    // Its frontmatter no longer parses: the document is not in the tree at all this run.
    await put('guides/setup.md', '---\ntitle: Setup\ntags: [unclosed\n---\n\nChanged text.\n');
    const plan = await cli('plan', '--json');
    expect(plan.code).toBe(2);
    const report = JSON.parse(plan.stdout) as {
      operations: { kind: string; key: string }[];
      diagnostics: Diag[];
    };
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'guides/setup.md' }),
    );
    expect(report.operations.filter((op) => op.key === 'guides/setup')).toEqual([]);

    const text = await cli('plan');
    expect(text.stdout).toContain('Held back (not written): 1 document');
    expect(text.stdout).toContain('guides/setup.md');

    const applied = await cli('apply');
    expect(applied.code).toBe(2);
    const after = managedByKey(emu).get('guides/setup')?.[0];
    expect(after?.id).toBe(live?.id);
    expect(after?.draft_html).toBe(live?.draft_html);
  });

  it('check and plan report the same errors for a tree', async () => {
    await put('guides/broken.md', page('Broken', 'published: maybe\n'));
    await put('guides/links.md', page('Links', '', 'See [nothing](missing-page.md).'));
    await put('anonymous.md', '---\ntitle: Anonymous\n---\n\nText.\n');
    const errorsOf = (diagnostics: Diag[]) =>
      diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => `${d.file}:${d.line ?? ''} ${d.code}`)
        .sort();
    // No default author: the one document without `author` is an error for both.
    const flags = ['--content-dir', 'docs', '--kb', 'help-center', '--rate-limits', 'off'];
    const check = await runCli(['check', '--json', '--content-dir', 'docs'], { cwd: ws.dir, env: {} });
    const plan = await runCli(['plan', '--json', ...flags], { cwd: ws.dir, env: envFor(emu) });
    const checked = errorsOf((JSON.parse(check.stdout) as { diagnostics: Diag[] }).diagnostics);
    const planned = errorsOf((JSON.parse(plan.stdout) as { diagnostics: Diag[] }).diagnostics);
    expect(check.code).toBe(2);
    expect(plan.code).toBe(2);
    expect(checked.some((e) => e.includes('author/missing'))).toBe(true);
    expect(checked.some((e) => e.startsWith('guides/broken.md:3'))).toBe(true);
    expect(planned).toEqual(checked);
  });
});

/** Output piped to a slow reader arrives whole: the process waits for its pipes to drain before it exits. */
describe('piped output', () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  beforeEach(async () => {
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    // Thousands of links to missing pages: one diagnostic each, well over 1 MiB of JSON.
    const links = Array.from({ length: 3000 }, (_, i) => `- [page ${i}](missing/page-${i}-of-many.md)`);
    await writeText(join(ws.docs, 'many.md'), page('Many', 'author: ada@acme.test\n', links.join('\n')));
  });
  afterEach(() => ws.cleanup());

  const run = promisify(execFile);
  const bin = join(REPO, 'bin', 'pylon-kb.mjs');

  it('check --json through a pipe to a slow reader is complete JSON over 1 MiB', async () => {
    const pipeline = `node '${bin}' check --json --no-cache --content-dir docs | (sleep 1; cat)`;
    const { stdout } = await run('sh', ['-c', pipeline], { cwd: ws.dir, maxBuffer: 64 * 1024 * 1024 });
    expect(stdout.length).toBeGreaterThan(1024 * 1024);
    const report = JSON.parse(stdout) as { diagnostics: unknown[] };
    expect(report.diagnostics.length).toBeGreaterThanOrEqual(3000);
  });

  it('stderr through a pipe to a slow reader is complete', async () => {
    const pipeline = `node '${bin}' check --no-cache --content-dir docs 2>&1 >/dev/null | (sleep 1; cat)`;
    const { stdout } = await run('sh', ['-c', pipeline], { cwd: ws.dir, maxBuffer: 64 * 1024 * 1024 });
    // Far over the 128 KiB where it used to stop, down to the last diagnostic.
    expect(stdout.length).toBeGreaterThan(512 * 1024);
    expect(stdout).toContain('missing/page-2999-of-many.md');
  });
});
