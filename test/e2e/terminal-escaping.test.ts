import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/cli/terminal.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, runCli, workspace, writeCount } from './helpers.js';

const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A file name (or title, or URL) from content never becomes a workflow command or a terminal control. */
describe('nothing from content reaches the terminal unescaped', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  const evil = 'evil\n::error title=owned::injected\u001b]0;pwned\u0007\u001b[2J.md';
  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace(false);
    await mkdir(ws.docs, { recursive: true });
    await writeFile(join(ws.docs, 'fine.md'), '---\ntitle: Fine\n---\n\nText.\n');
    await writeFile(join(ws.docs, evil), 'Text without a title: the file name gives it.\n');
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it.each([
    ['check', ['--content-dir', 'docs']],
    ['plan', CLI_FLAGS],
    // --strict: nothing is written, so the output is only the refusal (without it the rest is published).
    ['apply', [...CLI_FLAGS, '--strict']],
    ['plan', [...CLI_FLAGS, '--json']],
  ])('%s %s: no raw control character, no line that starts a workflow command', async (command, args) => {
    const before = writeCount(emu);
    const run = await runCli([command, ...args], {
      cwd: ws.dir,
      env: { ...envFor(emu), GITHUB_ACTIONS: 'true' },
    });
    expect(run.code).toBe(2);
    expect(writeCount(emu)).toBe(before);
    const out = `${run.stdout}\n${run.stderr}`;
    expect(out).not.toMatch(RAW_CONTROLS);
    const commandLines = out.split('\n').filter((line) => line.trimStart().startsWith('::'));
    // pylon-kb's own lines only: the annotation of the file (its name's newline encoded as %0A), and under
    // Actions a refused apply's failure line, which names no file.
    const failureLine = /^::error title=pylon-kb [\w/-]+::[^\n]*$/;
    const fileAnnotations = commandLines.filter((line) => !failureLine.test(line));
    for (const line of fileAnnotations)
      expect(line).toMatch(
        /^::error file=docs\/evil%0A%3A%3Aerror title=owned%3A%3Ainjected\\u001b\]0;pwned/,
      );
    expect(fileAnnotations.length).toBe(command === 'check' ? 0 : 1);
    expect(commandLines.length - fileAnnotations.length).toBe(command === 'apply' ? 1 : 0);
    expect(out).toContain('\\u001b]0;pwned\\u0007');
  });

  it('keeps colours, carriage returns and erase-line on a terminal, and nothing else', () => {
    expect(escapeControls('\u001b[31mred\u001b[39m\r\u001b[2K', true)).toBe(
      '\u001b[31mred\u001b[39m\r\u001b[2K',
    );
    expect(escapeControls('\u001b[31mred\u001b[39m', false)).toBe('\\u001b[31mred\\u001b[39m');
    expect(escapeControls('\u001b]8;;https://x\u0007link\u001b[1A\u0085', true)).toBe(
      '\\u001b]8;;https://x\\u0007link\\u001b[1A\\u0085',
    );
    expect(escapeControls('tab\tand\nnewline', false)).toBe('tab\tand\nnewline');
  });
});
