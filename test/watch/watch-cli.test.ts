import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulator, envFor, REPO, runCli, workspace, writeCount } from '../e2e/helpers.js';
import {
  articleByKey,
  articlesByKey,
  type CliWatch,
  expectedTree,
  liveHandles,
  logMark,
  requestsSince,
  startCliWatch,
  waitFor,
} from './helpers.js';

const CONFIG = {
  contentDir: 'docs',
  knowledgeBase: 'help-center',
  defaultAuthor: 'ada@acme.test',
  rateLimits: { preset: 'off' },
};

describe('pylon-kb watch, end to end against the emulator over HTTP', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let watch: CliWatch;
  let loadedAt = 0;
  let handlesBefore: Record<string, number>;
  let expected: Awaited<ReturnType<typeof expectedTree>>;
  const doc = (path: string) => join(ws.docs, path);

  beforeAll(async () => {
    handlesBefore = liveHandles();
    emu = await emulator();
    ws = await workspace();
    await writeFile(join(ws.dir, 'pylon-kb.config.json'), JSON.stringify(CONFIG));
    expected = await expectedTree(emu, 'docs', ws.dir);
    watch = startCliWatch(['--rate-limits', 'off', '--debounce', '40', '--refresh-interval', '0'], {
      cwd: ws.dir,
      env: envFor(emu),
    });
    await waitFor(
      () => watch.stdout().includes(`watching ${expected.files} files`),
      'the start-up sync',
      10_000,
    );
    loadedAt = logMark(emu);
  });

  afterAll(async () => {
    await watch.stop();
    await emu.close();
    await ws.cleanup();
  });

  it('applies the docs tree at start, as drafts', () => {
    const { articles, collections } = emu.snapshot();
    expect(expected.desired.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(articles.map((a) => a.title).sort()).toEqual(expected.desired.articles.map((a) => a.title).sort());
    expect(collections).toHaveLength(expected.desired.collections.length);
    expect(articles.filter((a) => a.is_published)).toEqual([]);
    expect(watch.stdout()).toContain('saving drafts (--publish to publish)');
    expect(watch.stderr()).toBe('');
  });

  it('an edit changes the article draft within 1 s, with no list request, and says where to see it', async () => {
    const path = doc('guides/keyboard-shortcuts.md');
    const text = await readFile(path, 'utf8');
    const start = performance.now();
    await writeFile(path, `${text}\nPress Ctrl-K to search.\n`);
    await waitFor(
      () => articleByKey(emu, 'guides/keyboard-shortcuts')?.draft_html.includes('Press Ctrl-K to search.'),
      'the edited draft',
      1000,
    );
    expect(performance.now() - start).toBeLessThan(1000);
    const article = articleByKey(emu, 'guides/keyboard-shortcuts');
    expect(article?.is_published).toBe(false);
    await waitFor(() => watch.stdout().includes('draft, not published'), 'the where-to-see-it line');
    expect(watch.stdout()).toMatch(
      /\d\d:\d\d:\d\d updated guides\/keyboard-shortcuts "Keyboard shortcuts" in \d+ ms\n {9}draft, not published: open article [\w-]+ "Keyboard shortcuts" in Pylon\n/,
    );
    const endpoints = requestsSince(emu, loadedAt).map((r) => r.endpoint);
    expect(endpoints).toEqual(['updateArticle']);
  });

  it('a new file creates an unpublished article', async () => {
    await writeFile(doc('guides/dark-mode.md'), '---\ntitle: Dark mode\n---\nSwitch it on in Settings.\n');
    const created = await waitFor(() => articleByKey(emu, 'guides/dark-mode'), 'the new article', 2000);
    expect(created.title).toBe('Dark mode');
    expect(created.is_published).toBe(false);
    expect(created.draft_html).toContain('Switch it on in Settings.');
  });

  it('a deleted file is reported, and its article is not retired (orphans: report)', async () => {
    const writes = writeCount(emu);
    await unlink(doc('guides/dark-mode.md'));
    await waitFor(() => watch.stdout().includes('orphan guides/dark-mode.md was deleted'), 'the orphan line');
    expect(articleByKey(emu, 'guides/dark-mode')).toBeDefined();
    expect(writeCount(emu)).toBe(writes);
  });

  it('invalid frontmatter is reported with file and line and writes nothing; fixing it applies the change', async () => {
    const path = doc('guides/integrations/slack.md');
    const good = await readFile(path, 'utf8');
    const before = articleByKey(emu, 'guides/integrations/slack')?.draft_html;
    const writes = writeCount(emu);
    await writeFile(path, good.replace('title: Connect Slack', 'title: [Connect Slack\nextra: text'));
    await waitFor(
      () => watch.stderr().includes('nothing written for guides/integrations/slack.md'),
      'the diagnostic',
    );
    expect(watch.stderr()).toMatch(/guides\/integrations\/slack\.md:\d+:\d+ error \[frontmatter\/yaml\]/);
    expect(writeCount(emu)).toBe(writes);
    expect(articleByKey(emu, 'guides/integrations/slack')?.draft_html).toBe(before);
    expect(watch.stdout()).not.toContain('orphan guides/integrations/slack');

    await writeFile(path, `${good}\nMention @acme to create a task.\n`);
    await waitFor(
      () => articleByKey(emu, 'guides/integrations/slack')?.draft_html.includes('Mention @acme'),
      'the fixed article',
      2000,
    );
    expect(watch.stdout()).toContain('fixed guides/integrations/slack.md');
  });

  it('a broken file does not hold back another file saved in the same batch', async () => {
    const broken = doc('troubleshooting/cannot-sign-in.md');
    const good = await readFile(broken, 'utf8');
    const other = doc('troubleshooting/contact-support.md');
    const before = articleByKey(emu, 'troubleshooting/cannot-sign-in')?.draft_html;
    await Promise.all([
      writeFile(broken, good.replace('author: team:Support', 'author: nobody@nowhere.test')),
      writeFile(other, `${await readFile(other, 'utf8')}\nWe answer within a day.\n`),
    ]);
    await waitFor(
      () => articleByKey(emu, 'troubleshooting/contact-support')?.draft_html.includes('within a day'),
      'the good file',
      2000,
    );
    await waitFor(
      () => watch.stderr().includes('troubleshooting/cannot-sign-in.md'),
      'the author diagnostic',
    );
    expect(watch.stderr()).toContain('[author/');
    expect(articleByKey(emu, 'troubleshooting/cannot-sign-in')?.draft_html).toBe(before);
    await writeFile(broken, good);
  });

  it('a file renamed into another folder keeps its frontmatter id and becomes a move', async () => {
    const [old] = articlesByKey(emu, 'billing-invoices');
    await rename(doc('account-and-billing/invoices-and-receipts.md'), doc('guides/invoices-and-receipts.md'));
    await waitFor(() => watch.stdout().includes('moved billing-invoices'), 'the move', 3000);
    const moved = articleByKey(emu, 'billing-invoices');
    const guides = emu.snapshot().collections.find((c) => c.slug === 'guides');
    expect(moved?.collection_id).toBe(guides?.id);
    expect(moved?.id).not.toBe(old?.id);
    expect(emu.snapshot().articles.find((a) => a.id === old?.id)).toBeUndefined();
    expect(watch.stdout()).not.toContain('orphan account-and-billing/invoices-and-receipts.md');
  });

  it('a config change reloads the config and re-plans; a broken config is reported and the old one kept', async () => {
    const configPath = join(ws.dir, 'pylon-kb.config.json');
    await writeFile(configPath, '{ "contentDir": ');
    await waitFor(() => watch.stderr().includes('Keeping the previous configuration'), 'the config error');
    await writeFile(configPath, JSON.stringify({ ...CONFIG, visibility: { visibility: 'internal_only' } }));
    // Every article of the docs tree takes the new default, except those whose frontmatter sets their own.
    const own = expected.desired.articles.flatMap((a) => (a.visibility !== undefined ? [a.visibility] : []));
    const defaulted = expected.desired.articles.length - own.length;
    const visibilities = () =>
      emu
        .snapshot()
        .articles.filter((a) => a.draft_html.includes('data-pylon-kb') && a.title !== 'Dark mode')
        .map((a) => a.visibility_config.visibility);
    await waitFor(
      () =>
        visibilities().filter((v) => v === 'internal_only').length ===
        defaulted + own.filter((v) => v === 'internal_only').length,
      'the articles re-planned with the new visibility',
      5000,
    );
    expect(own.length).toBeGreaterThan(0);
    expect(visibilities().sort()).toEqual([...own, ...Array(defaulted).fill('internal_only')].sort());
    expect(watch.stdout()).toContain('reloaded');
  });

  it('Ctrl-C lets writes finish, exits 0 and leaves no watcher, timer or socket open', async () => {
    expect(await watch.stop()).toBe(0);
    expect(watch.stdout()).toMatch(/stopped\n$/);
    await emu.close();
    const leaked = await waitFor(
      () => {
        const now = liveHandles();
        const extra = Object.entries(now).filter(([kind, n]) => n > (handlesBefore[kind] ?? 0));
        return extra.length === 0 ? 'none' : false;
      },
      'the handles to close',
      2000,
    );
    expect(leaked).toBe('none');
  });
});

describe('pylon-kb watch: help and flags', () => {
  it('is listed in the main help and has its own', async () => {
    const main = await runCli(['--help'], { cwd: REPO });
    expect(main.stdout).toMatch(/^ {2}watch +apply each save to the knowledge base as a draft/m);
    const help = await runCli(['watch', '--help'], { cwd: REPO });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: pylon-kb watch [options]');
    expect(help.stdout).toContain('--refresh-interval <s>');
  });

  it('refuses a refresh interval that is not a number (exit 2, nothing started)', async () => {
    const run = await runCli(['watch', '--refresh-interval', 'soon'], { cwd: REPO });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--refresh-interval must be a number from 0 to 86400 (got "soon")');
  });
});
