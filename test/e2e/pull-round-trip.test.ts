import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EDITOR_KB_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { textDigest } from '../../src/identity/text-digest.js';
import { CLI_FLAGS, emulator, envFor, runCli, trutoEnvFor, workspace } from './helpers.js';
import { articlesOf, readerText, seenText, textsByKey, writesByMethod } from './pull-helpers.js';

const EDITOR_FLAGS = ['--kb', 'northwind', '--rate-limits', 'off'];
const PUBLISH_FLAGS = [...EDITOR_FLAGS, '--author', 'ada@acme.test'];
const PULL_FLAGS = ['--kb', 'help-center', '--rate-limits', 'off'];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const done of cleanups.splice(0)) await done();
});

async function setUp(seed?: typeof EDITOR_KB_SEED) {
  const emu = await emulator(seed ? { seed } : {});
  const ws = await workspace(false);
  cleanups.push(
    () => emu.close(),
    () => ws.cleanup(),
  );
  return { emu, ws };
}

type PlanJson = {
  summary: Record<string, number>;
  operations: Array<Record<string, unknown>>;
  diagnostics: Array<{ severity: string; code: string }>;
};

describe('pull, then apply: the hand-written knowledge base is adopted in place', () => {
  it('keeps every id, URL and visible text; the first apply writes only markers, the second nothing', async () => {
    const { emu, ws } = await setUp(EDITOR_KB_SEED);
    const env = envFor(emu);
    const cli = (...args: string[]) => runCli([...args, ...PUBLISH_FLAGS], { env, cwd: ws.dir });
    const before = articlesOf(emu, 'northwind');
    expect(before.length).toBe(7);

    // pull takes no author (it writes no article).
    const pulled = await runCli(['pull', 'docs', ...EDITOR_FLAGS], { env, cwd: ws.dir });
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toContain('Wrote 7 articles, 1 translation, 4 collections and 3 files');
    // Each attachment once, by digest, even though two articles and a translation use dashboard.png.
    const pngs = (await readdir(join(ws.docs, 'guides/integrations'))).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(2);

    const planned = await cli('plan', '--content-dir', 'docs', '--json');
    expect(planned.code).toBe(0);
    const plan = JSON.parse(planned.stdout) as PlanJson;
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const kinds = new Set(plan.operations.map((o) => o.kind));
    for (const kind of [
      'create-article',
      'create-collection',
      'move-article',
      'retire-article',
      'upload-asset',
      'orphan',
      'drift',
    ]) {
      expect(kinds.has(kind), kind).toBe(false);
    }
    expect(plan.operations.every((o) => o.kind === 'update-article' && o.matchedBy === 'pulled')).toBe(true);
    expect(
      plan.operations.every((o) =>
        (o.changes as string[]).every((c) => c === 'body' || c === 'translations'),
      ),
    ).toBe(true);

    const applied = await cli('apply', '--content-dir', 'docs');
    expect(applied.code).toBe(0);
    // Only PATCHes of the articles that were there: no create, no upload, no redirect, no delete.
    expect(writesByMethod(emu)).toEqual({ PATCH: expect.any(Number) });
    const after = articlesOf(emu, 'northwind');
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    for (const old of before) {
      const now = after.find((a) => a.id === old.id);
      expect(now, old.title).toMatchObject({
        identifier: old.identifier,
        url: old.url,
        slug: old.slug,
        title: old.title,
        collection_id: old.collection_id,
        is_published: old.is_published,
        is_unlisted: old.is_unlisted,
        visibility_config: old.visibility_config,
      });
      expect(seenText(now!), old.title).toBe(seenText(old));
      for (const [language, t] of Object.entries(old.translations)) {
        expect(readerText(now!.translations[language]?.published_html ?? null)).toBe(
          readerText(t.published_html),
        );
      }
      // Images still point at the attachments Pylon already had.
      expect(now!.published_html ?? now!.draft_html).not.toContain('pylon-kb://');
    }
    expect((emu.snapshot() as unknown as { attachments: unknown[] }).attachments).toHaveLength(3);

    const writes = writesByMethod(emu).PATCH;
    const second = await cli('apply', '--content-dir', 'docs');
    expect(second.code).toBe(0);
    expect(writesByMethod(emu).PATCH).toBe(writes);
    const again = JSON.parse((await cli('plan', '--content-dir', 'docs', '--json')).stdout) as PlanJson;
    expect(again.operations).toEqual([]);
  });

  it('writes Markdown, frontmatter and relative references a docs team can read', async () => {
    const { emu, ws } = await setUp(EDITOR_KB_SEED);
    expect((await runCli(['pull', 'docs', ...EDITOR_FLAGS], { env: envFor(emu), cwd: ws.dir })).code).toBe(0);
    const read = (path: string) => readFile(join(ws.docs, path), 'utf8');
    const welcome = await read('getting-started/welcome.md');
    const id = articlesOf(emu, 'northwind').find((a) => a.slug === 'welcome')?.id;
    expect(welcome).toMatch(
      /^---\ntitle: Welcome to Northwind\nslug: welcome\nid: getting-started\/welcome\n/,
    );
    expect(welcome).toContain(
      `pulled_from:\n  article: ${id}\n  text: ${textDigest(articlesOf(emu, 'northwind').find((a) => a.id === id)?.published_html ?? '')}\n  files:\n    ../guides/integrations/dashboard-`,
    );
    expect(welcome).toContain('[install the agent](./install-the-agent.md)');
    expect(welcome).toContain('[connect Slack](../guides/integrations/connect-slack.md#before-you-start)');
    expect(welcome).toContain('> [!NOTE]\n> New here?');
    expect(welcome).toMatch(
      /!\[The Northwind dashboard\]\(\.\.\/guides\/integrations\/dashboard-[0-9a-f]{8}\.png\)/,
    );
    const install = await read('getting-started/install-the-agent.md');
    expect(install).toContain('```bash\ncurl -fsSL');
    expect(install).toContain('```powershell\n');
    expect(install).toContain('| Setting  | Default | Meaning');
    expect(install).toContain('> [!WARNING]\n> Keep the token secret');
    expect(install).toContain('1. Run `northwind-agent status`.\n\n   1. It prints **connected**.');
    expect(install).toContain('<details>\n<summary>Troubleshooting an older agent</summary>');
    const slack = await read('guides/integrations/connect-slack.md');
    expect(slack).toContain('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"');
    expect(slack).toContain('| Scope         | Why');
    expect(slack).toContain('<u>workspace owner</u>');
    expect(slack).toContain('10<sup>3</sup>');
    expect(await read('guides/roadmap-notes.md')).toContain('published: false');
    const runbook = await read('faq/escalation-runbook.md');
    expect(runbook).toContain('visibility: internal_only\nunlisted: true\npublished: true');
    expect(await read('faq/billing-questions.md')).toMatch(
      /\[a sample invoice\]\(\.\/sample-invoice-[0-9a-f]{8}\.pdf\)/,
    );
    expect(await read('getting-started/welcome.fr.md')).toMatch(
      /^---\ntitle: Bienvenue chez Northwind\n---\n/,
    );
    expect(await read('guides/integrations/_index.md')).toBe(
      '---\ntitle: Integrations\nslug: integrations\ndescription: Connect the tools your team uses.\n---\n',
    );
    expect(await read('service-status.md')).toContain('slug: service-status');
  });
});

describe('pull through Truto', () => {
  it('writes the same tree as pulling from Pylon directly', async () => {
    const { emu, ws } = await setUp(EDITOR_KB_SEED);
    const direct = await runCli(['pull', 'direct', ...EDITOR_FLAGS], { env: envFor(emu), cwd: ws.dir });
    const truto = await runCli(['pull', 'truto', ...EDITOR_FLAGS], { env: trutoEnvFor(emu), cwd: ws.dir });
    expect(truto.stderr).toBe('');
    expect([direct.code, truto.code]).toEqual([0, 0]);
    const files = async (dir: string) => (await readdir(join(ws.dir, dir), { recursive: true })).sort();
    const names = await files('direct');
    expect(await files('truto')).toEqual(names);
    for (const name of names.filter((n) => n.endsWith('.md'))) {
      expect(await readFile(join(ws.dir, 'truto', name), 'utf8'), name).toBe(
        await readFile(join(ws.dir, 'direct', name), 'utf8'),
      );
    }
  });
});

describe('pull round trip on content-example', () => {
  it('publishes the pulled tree into a fresh knowledge base with the same visible text', async () => {
    const first = await setUp();
    const example = await workspace(true);
    cleanups.push(() => example.cleanup());
    const published = await runCli(['apply', ...CLI_FLAGS], { env: envFor(first.emu), cwd: example.dir });
    expect(published.code).toBe(0);
    const expected = textsByKey(first.emu);
    expect(expected.size).toBeGreaterThan(5);

    const pulled = await runCli(['pull', 'pulled', ...PULL_FLAGS], {
      env: envFor(first.emu),
      cwd: first.ws.dir,
    });
    expect(pulled.code).toBe(0);

    const fresh: RunningEmulator = await emulator();
    cleanups.push(() => fresh.close());
    const flags = CLI_FLAGS.map((f) => (f === 'docs' ? 'pulled' : f));
    const republished = await runCli(['apply', ...flags], { env: envFor(fresh), cwd: first.ws.dir });
    expect(republished.stderr).not.toContain('error');
    expect(republished.code).toBe(0);
    expect(textsByKey(fresh)).toEqual(expected);
    // The fresh KB holds its own copies of the files, not links to the first one.
    for (const a of articlesOf(fresh)) expect(a.draft_html).not.toContain(first.emu.url);
    const again = await runCli(['plan', '--json', ...flags], { env: envFor(fresh), cwd: first.ws.dir });
    expect((JSON.parse(again.stdout) as PlanJson).operations).toEqual([]);
  });
});
