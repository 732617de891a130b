import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITOR_KB_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, runCli, workspace, writeCount } from './helpers.js';
import { articlesOf, editInPylon, readerText } from './pull-helpers.js';

/**
 * pull → apply → an editor changes an article in Pylon (the editor drops pylon-kb's marker, or keeps it)
 * → plan and apply: the edit is drift, shown as a diff, refused by the default `onDrift: fail` with nothing
 * written, taken into the file by `pull --drifted`, and replaced only with `--on-drift overwrite`.
 */
const FLAGS = [
  '--kb',
  'northwind',
  '--rate-limits',
  'off',
  '--author',
  'ada@acme.test',
  '--content-dir',
  'docs',
];
const PULL_FLAGS = ['--kb', 'northwind', '--rate-limits', 'off', '--content-dir', 'docs'];
const EDIT = 'An editor in support rewrote this article in Pylon after the last apply.';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});

type PlanJson = {
  operations: Array<{ kind: string; articleId?: string; changes?: string[] }>;
  diagnostics: Array<{ severity: string; code: string; file?: string }>;
};

async function pulledAndApplied() {
  const emu: RunningEmulator = await emulator({ seed: EDITOR_KB_SEED });
  const ws = await workspace(false);
  cleanups.push(
    () => emu.close(),
    () => ws.cleanup(),
  );
  const cli = (...args: string[]) =>
    runCli([...args, ...(args[0] === 'pull' ? PULL_FLAGS : FLAGS)], { env: envFor(emu), cwd: ws.dir });
  const pulled = await runCli(['pull', 'docs', '--kb', 'northwind', '--rate-limits', 'off'], {
    env: envFor(emu),
    cwd: ws.dir,
  });
  expect(pulled.code).toBe(0);
  expect((await cli('apply')).code).toBe(0);
  // A published article without translations (a changed source only warns about its translations).
  const article = articlesOf(emu, 'northwind').find(
    (a) => a.is_published && Object.keys(a.translations).length === 0,
  );
  if (!article) throw new Error('the seed has a published article without translations');
  return { emu, ws, cli, article };
}

async function fileOf(dir: string, articleId: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true });
  for (const entry of entries) {
    if (!entry.endsWith('.md')) continue;
    const text = await readFile(join(dir, entry), 'utf8');
    if (text.includes(`article: ${articleId}`)) return entry.split('\\').join('/');
  }
  throw new Error(`no file pulled from ${articleId}`);
}

describe('an editor’s change after pull and apply is drift, never a plain update', () => {
  for (const marker of ['dropped', 'kept'] as const) {
    it(`the editor ${marker} the marker: plan shows drift, apply refuses with nothing written, pull --drifted takes it in`, async () => {
      const { emu, ws, cli, article } = await pulledAndApplied();
      const now = articlesOf(emu, 'northwind').find((a) => a.id === article.id);
      const html = now?.draft_html ?? '';
      const edited =
        marker === 'dropped' ? `<p>${EDIT}</p>` : html.replace(/<p>[\s\S]*?<\/p>/, `<p>${EDIT}</p>`);
      expect(edited).toContain(EDIT);
      await editInPylon(emu, article.id, { body_html: edited, publish_updated_body_html: true });
      const path = await fileOf(join(ws.dir, 'docs'), article.id);

      const plan = await cli('plan', '--json');
      const parsed = JSON.parse(plan.stdout) as PlanJson;
      expect(parsed.operations.filter((o) => o.articleId === article.id).map((o) => o.kind)).toEqual([
        'drift',
      ]);
      expect(
        parsed.diagnostics.some(
          (d) => d.severity === 'error' && d.code.startsWith('drift/') && d.file === path,
        ),
      ).toBe(true);
      expect(plan.code).not.toBe(0);
      const text = await cli('plan');
      expect(text.stdout).toContain('! drift');
      expect(text.stdout).toContain(`+ ${EDIT}`);

      const writes = writeCount(emu);
      const applied = await cli('apply');
      expect(applied.code).not.toBe(0);
      const after = articlesOf(emu, 'northwind').find((a) => a.id === article.id);
      expect(readerText(after?.published_html ?? '')).toContain(EDIT);
      expect(readerText(after?.draft_html ?? '')).toContain(EDIT);
      expect(writeCount(emu)).toBe(writes);

      const taken = await cli('pull', '--drifted');
      expect(taken.code).toBe(0);
      expect(await readFile(join(ws.dir, 'docs', path), 'utf8')).toContain(EDIT);
      const again = await cli('apply');
      expect(again.stderr).not.toMatch(/\berror\b/);
      expect(again.code).toBe(0);
      const final = articlesOf(emu, 'northwind').find((a) => a.id === article.id);
      expect(readerText(final?.published_html ?? '')).toContain(EDIT);
    });
  }

  it('an edit in git and an edit in Pylon at once: drift; --on-drift overwrite replaces it, as asked', async () => {
    const { emu, ws, cli, article } = await pulledAndApplied();
    await editInPylon(emu, article.id, { body_html: `<p>${EDIT}</p>`, publish_updated_body_html: true });
    const path = await fileOf(join(ws.dir, 'docs'), article.id);
    const file = join(ws.dir, 'docs', path);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph added in git.\n`);
    const refused = await cli('apply');
    expect(refused.code).not.toBe(0);
    expect(
      readerText(articlesOf(emu, 'northwind').find((a) => a.id === article.id)?.published_html ?? ''),
    ).toContain(EDIT);
    const overwritten = await cli('apply', '--on-drift', 'overwrite');
    expect(overwritten.code).toBe(0);
    const after = articlesOf(emu, 'northwind').find((a) => a.id === article.id);
    expect(readerText(after?.published_html ?? '')).toContain('A paragraph added in git.');
    expect(readerText(after?.published_html ?? '')).not.toContain(EDIT);
  });

  it('an edit in git alone after pull is published: the article was not changed in Pylon', async () => {
    const { emu, ws, cli, article } = await pulledAndApplied();
    const path = await fileOf(join(ws.dir, 'docs'), article.id);
    const file = join(ws.dir, 'docs', path);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA paragraph added in git.\n`);
    const applied = await cli('apply');
    expect(applied.stderr).not.toMatch(/\berror\b/);
    expect(applied.code).toBe(0);
    const after = articlesOf(emu, 'northwind').find((a) => a.id === article.id);
    expect(readerText(after?.published_html ?? '')).toContain('A paragraph added in git.');
  });
});
