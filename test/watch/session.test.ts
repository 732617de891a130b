import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { ClientEvent } from '../../src/pylon/api.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { startWatch, type WatchEvent, type WatchSession } from '../../src/watch/index.js';
import { emulator, workspace } from '../e2e/helpers.js';
import {
  articleByKey,
  articlesByKey,
  configFor,
  expectedTree,
  logMark,
  requestsSince,
  waitFor,
} from './helpers.js';

describe('a watch session (library API) against the emulator', () => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let client: PylonClient;
  let session: WatchSession;
  const events: WatchEvent[] = [];
  let expected: Awaited<ReturnType<typeof expectedTree>>;
  let onClientEvent: (event: ClientEvent) => void = () => {};
  const doc = (path: string) => join(ws.docs, path);
  const eventsFrom = (mark: number) => events.slice(mark);
  const settledAfter = (mark: number) =>
    eventsFrom(mark).find((e) => e.type === 'settled' && e.reason === 'change');

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    expected = await expectedTree(emu, 'docs', ws.dir);
    client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      retries: 0,
      onEvent: (event) => onClientEvent(event),
    });
    session = await startWatch({
      config: configFor(emu, 'docs', ws.dir),
      client,
      debounceMs: 40,
      refreshIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    await session.initialSync;
  });

  afterEach(() => {
    emu.setFaults([]);
    onClientEvent = () => {};
  });

  afterAll(async () => {
    await session?.close();
    await client?.close();
    await emu?.close();
    await ws?.cleanup();
  });

  it('starts with one full cycle that creates the tree and reports ready', () => {
    expect(events.filter((e) => e.type === 'cycle').map((e) => e.type === 'cycle' && e.reason)).toEqual([
      'initial',
    ]);
    expect(events.find((e) => e.type === 'ready')).toMatchObject({
      documents: expected.files,
      publish: false,
    });
    expect(emu.snapshot().articles).toHaveLength(expected.desired.articles.length);
  });

  it("an editor's write-then-rename save is one change and one write", async () => {
    const mark = events.length;
    const since = logMark(emu);
    const path = doc('guides/projects/automations.md');
    const text = await readFile(path, 'utf8');
    // The way many editors save: write a temporary file, then rename it over the original.
    await writeFile(`${path}.tmp-save`, `${text}\nRules run in order.\n`);
    await rename(`${path}.tmp-save`, path);
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    expect(articleByKey(emu, 'guides/projects/automations')?.draft_html).toContain('Rules run in order.');
    const results = eventsFrom(mark).filter((e) => e.type === 'result');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ path: 'guides/projects/automations.md', firstWrite: true });
    expect(requestsSince(emu, since).map((r) => r.endpoint)).toEqual(['updateArticle']);
  });

  it('a save that changes nothing is reported as such and writes nothing', async () => {
    const mark = events.length;
    const path = doc('guides/projects/automations.md');
    await writeFile(path, await readFile(path, 'utf8'));
    const unchanged = await waitFor(
      () => eventsFrom(mark).find((e) => e.type === 'unchanged'),
      'the unchanged report',
      3000,
    );
    expect(unchanged).toMatchObject({ paths: ['guides/projects/automations.md'] });
    expect(eventsFrom(mark).filter((e) => e.type === 'result')).toEqual([]);
  });

  it('a renamed file without an id is paired with its article and moved, not created anew', async () => {
    const mark = events.length;
    const before = articlesByKey(emu, 'guides/projects/boards-and-views');
    expect(before).toHaveLength(1);
    await rename(doc('guides/projects/boards-and-views.md'), doc('guides/projects/boards.md'));
    const moved = await waitFor(
      () => eventsFrom(mark).find((e) => e.type === 'result' && e.result.status === 'moved'),
      'the move',
      3000,
    );
    expect(moved).toMatchObject({ path: 'guides/projects/boards.md' });
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    expect(eventsFrom(mark).filter((e) => e.type === 'cycle')).toHaveLength(1);
    expect(eventsFrom(mark).filter((e) => e.type === 'notice')).toEqual([]);
    // A file nobody saved still links to the old path: as in plan, the link follows the move, with a
    // warning naming the file, and the file is not held.
    const shown = eventsFrom(mark).find((e) => e.type === 'diagnostics');
    expect(shown).toMatchObject({
      diagnostics: [{ code: 'link/old-path', file: 'getting-started/your-first-project.md' }],
      blocked: [],
    });
    const titled = emu.snapshot().articles.filter((a) => a.title === 'Boards and views');
    expect(titled).toHaveLength(1);
    expect(titled[0]?.slug).toBe('boards');
    expect(titled[0]?.draft_html).toContain('f=guides%2Fprojects%2Fboards-and-views');
    const linker = articleByKey(emu, 'getting-started/your-first-project');
    expect(linker?.draft_html).toContain(`href="${titled[0]?.url}`);
  });

  it('a deleted folder reports each of its documents as an orphan and retires nothing', async () => {
    const mark = events.length;
    const mark0 = logMark(emu);
    await rm(doc('troubleshooting'), { recursive: true });
    await waitFor(
      () => eventsFrom(mark).filter((e) => e.type === 'notice' && e.notice.kind === 'orphan').length === 4,
      'four orphan notices',
      3000,
    );
    const paths = eventsFrom(mark)
      .flatMap((e) => (e.type === 'notice' ? [e.path] : []))
      .sort();
    expect(paths).toEqual([
      'troubleshooting/cannot-sign-in.md',
      'troubleshooting/changes-not-syncing.md',
      'troubleshooting/contact-support.md',
      'troubleshooting/notifications-not-arriving.md',
    ]);
    expect(requestsSince(emu, mark0)).toEqual([]);
    expect(articlesByKey(emu, 'troubleshooting/cannot-sign-in')).toHaveLength(1);
  });

  it('writing the new path in the link clears the warning, and the article needs no write', async () => {
    const mark = events.length;
    const since = logMark(emu);
    const path = doc('getting-started/your-first-project.md');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replaceAll('boards-and-views.md', 'boards.md'));
    await waitFor(() => eventsFrom(mark).some((e) => e.type === 'cycle'), 'the cycle', 3000);
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    expect(eventsFrom(mark).filter((e) => e.type === 'diagnostics')).toEqual([]);
    expect(requestsSince(emu, since).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a duplicate slug holds back the new file and leaves the article it collides with alone', async () => {
    const mark = events.length;
    const since = logMark(emu);
    const copy = doc('guides/shortcuts-copy.md');
    await writeFile(copy, '---\ntitle: Shortcuts again\nslug: keyboard-shortcuts\n---\nDuplicate.\n');
    const shown = await waitFor(
      () => eventsFrom(mark).find((e) => e.type === 'diagnostics'),
      'the duplicate-slug diagnostic',
      3000,
    );
    expect(shown).toMatchObject({
      diagnostics: [{ code: 'content/duplicate-slug', file: 'guides/shortcuts-copy.md', line: 3 }],
      blocked: ['guides/shortcuts-copy.md'],
    });
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    expect(requestsSince(emu, since)).toEqual([]);
    await rm(copy);
  });

  it('a saved translation updates that language only, read back with a simple read, no list', async () => {
    const mark = events.length;
    const since = logMark(emu);
    const path = doc('getting-started/welcome-to-acme-cloud.fr.md');
    await writeFile(path, `${await readFile(path, 'utf8')}\nUne phrase de plus.\n`);
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    const article = articleByKey(emu, 'getting-started/welcome-to-acme-cloud');
    expect(article?.translations.fr?.draft_html).toContain('Une phrase de plus.');
    expect(article?.draft_html).not.toContain('Une phrase de plus.');
    expect(requestsSince(emu, since).map((r) => r.endpoint)).toEqual(['updateArticle', 'getArticle']);
    expect(eventsFrom(mark).filter((e) => e.type === 'unchanged')).toEqual([]);

    // The next save of another file plans against the translation as read back: nothing more to send.
    const next = events.length;
    const other = logMark(emu);
    const en = doc('guides/integrations/webhooks.md');
    await writeFile(en, `${await readFile(en, 'utf8')}\nSigned with HMAC.\n`);
    await waitFor(() => settledAfter(next), 'the next batch', 3000);
    expect(requestsSince(emu, other).map((r) => r.endpoint)).toEqual(['updateArticle']);
  });

  it('a changed image is uploaded again and the article that shows it is updated', async () => {
    const mark = events.length;
    const since = logMark(emu);
    const before = articleByKey(emu, 'guides/projects/boards')?.draft_html;
    const png = doc('guides/projects/img/board-columns.png');
    await writeFile(png, Buffer.concat([await readFile(png), Buffer.from([0])]));
    await waitFor(() => settledAfter(mark), 'the batch to settle', 3000);
    expect(requestsSince(emu, since).map((r) => r.endpoint)).toEqual(['createAttachment', 'updateArticle']);
    const after = articleByKey(emu, 'guides/projects/boards')?.draft_html;
    expect(after).not.toBe(before);
    const upload = eventsFrom(mark).find((e) => e.type === 'result' && e.result.op.kind === 'upload-asset');
    expect(upload).toMatchObject({ result: { status: 'created' } });
  });

  it('refresh() re-reads the knowledge base and repairs a change made by someone else', async () => {
    const victim = articleByKey(emu, 'guides/integrations/webhooks');
    expect(victim).toBeDefined();
    const kbId = emu.kb().id;
    const before = emu.snapshot().articles.length;
    await client.deleteArticle(kbId, victim?.id ?? '');
    const since = logMark(emu);
    const mark = events.length;
    await session.refresh();
    const recreated = articleByKey(emu, 'guides/integrations/webhooks');
    expect(recreated?.id).not.toBe(victim?.id);
    expect(eventsFrom(mark).find((e) => e.type === 'refreshed')).toMatchObject({ articles: before - 1 });
    const endpoints = requestsSince(emu, since).map((r) => r.endpoint);
    expect(endpoints).toContain('listArticles');
    expect(endpoints.filter((e) => e === 'createArticle')).toHaveLength(1);
  });

  it('a failed write is reported and the next batch re-reads the knowledge base first', async () => {
    emu.setFaults([{ route: 'updateArticle', status: 503, times: 1, nth: 1 }]);
    const path = doc('guides/integrations/github.md');
    const text = await readFile(path, 'utf8');
    let mark = events.length;
    await writeFile(path, `${text}\nFirst try.\n`);
    const failed = await waitFor(
      () => eventsFrom(mark).find((e) => e.type === 'result' && e.result.status === 'failed'),
      'the failed write',
      3000,
    );
    expect(failed).toMatchObject({ path: 'guides/integrations/github.md' });

    const since = logMark(emu);
    mark = events.length;
    await writeFile(path, `${text}\nSecond try.\n`);
    await waitFor(() => settledAfter(mark), 'the retry batch', 3000);
    expect(articleByKey(emu, 'guides/integrations/github')?.draft_html).toContain('Second try.');
    const endpoints = requestsSince(emu, since).map((r) => r.endpoint);
    expect(endpoints).toContain('listArticles');
    expect(endpoints.filter((e) => e === 'updateArticle')).toHaveLength(1);
  });

  it('close() lets a write in flight finish, then stops', async () => {
    emu.setFaults([{ route: 'updateArticle', latencyMs: 250 }]);
    const path = doc('guides/integrations/rest-api.md');
    const mark = events.length;
    let closing: Promise<void> | undefined;
    onClientEvent = (event) => {
      if (event.type === 'request' && event.endpoint === 'updateArticle') closing ??= session.close();
    };
    await writeFile(path, `${await readFile(path, 'utf8')}\nPaginate with cursors.\n`);
    await waitFor(() => closing !== undefined, 'the write to be sent', 3000);
    await closing;
    expect(articleByKey(emu, 'guides/integrations/rest-api')?.draft_html).toContain('Paginate with cursors.');
    const tail = eventsFrom(mark).map((e) => (e.type === 'result' ? `result:${e.result.status}` : e.type));
    expect(tail.slice(-2)).toEqual(['settled', 'stopped']);
    expect(tail).toContain('result:updated');
  });
});
