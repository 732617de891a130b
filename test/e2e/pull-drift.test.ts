import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { CLI_FLAGS, emulator, envFor, managedByKey, runCli, workspace, writeCount } from './helpers.js';
import { editInPylon } from './pull-helpers.js';

const KEY = 'getting-started/invite-your-team';
const FILE = 'getting-started/invite-your-team.md';

describe('drift you can read and take in', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  // pull takes no author (it writes no article).
  const pullFlags = CLI_FLAGS.filter((flag, i) => flag !== '--author' && CLI_FLAGS[i - 1] !== '--author');
  const cli = (...args: string[]) =>
    runCli([...args, ...(args[0] === 'pull' ? pullFlags : CLI_FLAGS)], { cwd: ws.dir, env: envFor(emu) });
  let original = '';
  let edited = '';

  beforeEach(async () => {
    emu = await emulator();
    ws = await workspace();
    expect((await cli('apply')).code).toBe(0);
    const article = managedByKey(emu).get(KEY)?.[0];
    const html = article?.draft_html ?? '';
    // The first sentence of the first paragraph: an editor rewrites it in Pylon and publishes.
    original = /<p>([^<.]{20,}\.)/.exec(html)?.[1] ?? '';
    expect(original).not.toBe('');
    edited = 'Someone in support rewrote this sentence in Pylon.';
    await editInPylon(emu, article?.id ?? '', {
      body_html: html.replace(original, edited),
      publish_updated_body_html: true,
    });
  });
  afterEach(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('shows the edit as a diff of readable text in text, Markdown and HTML plans', async () => {
    const text = await cli('plan');
    expect(text.stdout).toContain(`! drift`);
    expect(text.stdout).toContain("Pylon's text (+) against the text pylon-kb last published (−)");
    expect(text.stdout).toContain(`- ${original}`.slice(0, 60));
    expect(text.stdout).toContain(`+ ${edited}`);

    const markdown = await cli('plan', '--format', 'markdown');
    expect(markdown.stdout).toContain('pylon-kb pull --drifted');
    expect(markdown.stdout).toMatch(/```diff\n[\s\S]*\+ Someone in support rewrote this sentence in Pylon\./);

    const html = await cli('plan', '--format', 'html');
    expect(html.stdout).toContain('data-testid="drift-diff"');
    const diff = /data-testid="drift-diff">([\s\S]*?)<\/pre>/.exec(html.stdout)?.[1] ?? '';
    expect(diff).toContain('<ins>Someone</ins>');
    expect(diff).toContain('<ins>Pylon</ins>');
    expect(diff).toContain('<del>Acme</del>');
  });

  it('pull --drifted writes Pylon’s version into the file; the next plan is empty and apply writes nothing', async () => {
    const before = await readFile(join(ws.docs, FILE), 'utf8');
    const dry = await cli('pull', '--drifted', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`article  ${FILE}`);
    expect(await readFile(join(ws.docs, FILE), 'utf8')).toBe(before);

    const pulled = await cli('pull', '--drifted');
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain("Wrote Pylon's version of 1 article into the docs tree");
    const after = await readFile(join(ws.docs, FILE), 'utf8');
    expect(after).toContain(edited);
    expect(after).not.toContain(original);
    // The frontmatter keys the author wrote stay.
    expect(after.split('\n---\n')[0]).toBe(before.split('\n---\n')[0]);

    const plan = JSON.parse((await cli('plan', '--json')).stdout) as {
      operations: unknown[];
      diagnostics: unknown[];
    };
    expect(plan.operations).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
    const writes = writeCount(emu);
    expect((await cli('apply')).code).toBe(0);
    expect(writeCount(emu)).toBe(writes);
  });
});
