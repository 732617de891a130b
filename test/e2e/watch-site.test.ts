import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker, stripMarker } from '../../src/identity/marker.js';
import { createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { startWatch, type WatchEvent, type WatchSession } from '../../src/watch/index.js';
import { configFor, waitFor } from '../watch/helpers.js';
import { CLI_FLAGS, emulator, envFor, REPO, runCli } from './helpers.js';

/**
 * Watch mode on a Docusaurus site (README index pages, folder-qualified slugs, `slug:` URLs, a partial in
 * `_partials/` the site leaves out, images in `static/` beside the docs folder), with no pylon-kb config:
 * what the session publishes must be what `apply` publishes, after start-up and after each save.
 */

/** What a knowledge base holds, with ids and URLs replaced by the document keys and file digests they stand for. */
function published(emu: RunningEmulator) {
  const state = emu.snapshot();
  const keyOfArticle = new Map<string, string>();
  const urls: [string, string][] = [];
  for (const a of state.articles) {
    const key = readMarker(a.draft_html)?.key;
    if (!key) continue;
    keyOfArticle.set(a.id, key);
    urls.push([a.url, `article:${key}`], [`/articles/${a.identifier}`, `article:${key}`]);
  }
  urls.sort(([a], [b]) => b.length - a.length);
  // An uploaded file's URL is signed by the server that holds it; its digest names it.
  const normalise = (html: string) =>
    urls
      .reduce((text, [url, name]) => text.split(url).join(name), html)
      .replace(/src="[^"]*\/_assets\/[^"]*"/g, 'src="uploaded"');
  const collectionPath = (id: string | null): string => {
    const collection = state.collections.find((c) => c.id === id);
    return collection ? `${collectionPath(collection.parent_collection_id)}/${collection.slug}` : '';
  };
  const articles = state.articles
    .filter((a) => keyOfArticle.has(a.id) && !readMarker(a.draft_html)?.retired)
    .map((a) => ({
      key: keyOfArticle.get(a.id),
      title: a.title,
      slug: a.slug,
      collection: collectionPath(a.collection_id),
      published: a.is_published,
      body: normalise(stripMarker(a.draft_html)),
    }))
    .sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1));
  const redirects = state.route_redirects
    .map((r) => `${r.from_path} → ${keyOfArticle.get(r.object_id) ?? r.object_id}`)
    .sort();
  return { articles, redirects, files: state.attachments.map((f) => f.sha256).sort() };
}

describe('watch on a Docusaurus site publishes what apply publishes', () => {
  let applied: RunningEmulator;
  let watched: RunningEmulator;
  let dir: string;
  let client: PylonClient;
  let session: WatchSession;
  const events: WatchEvent[] = [];
  const apply = () => runCli(['apply', ...CLI_FLAGS], { env: envFor(applied), cwd: dir });

  beforeAll(async () => {
    applied = await emulator();
    watched = await emulator();
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-watch-site-'));
    await cp(join(REPO, 'test', 'fixtures', 'sites', 'docusaurus'), dir, { recursive: true });
    client = createPylonClient({ baseUrl: watched.url, token: watched.token, rateLimits: { preset: 'off' } });
    session = await startWatch({
      config: configFor(watched, 'docs', dir),
      client,
      publish: true,
      debounceMs: 40,
      refreshIntervalMs: 0,
      onEvent: (event) => events.push(event),
    });
    await session.initialSync;
  });
  afterAll(async () => {
    await session?.close();
    await client?.close();
    await applied?.close();
    await watched?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the start-up sync publishes every page as apply does, and nothing the site leaves out', async () => {
    const run = await apply();
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const want = published(applied);
    expect(want.articles.map((a) => a.key)).toContain('api/README');
    expect(want.articles.map((a) => a.key)).not.toContain('_partials/_support');
    expect(want.files.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'diagnostics' && e.blocked.length > 0)).toEqual([]);
    expect(published(watched)).toEqual(want);
  });

  it('a saved page and a saved partial are published again, as apply would publish them', async () => {
    const mark = events.length;
    const intro = join(dir, 'docs', 'intro.md');
    await writeFile(intro, (await readFile(intro, 'utf8')).replace('## Getting started', '## First steps'));
    await appendFile(join(dir, 'docs', '_partials', '_support.md'), '\nOr write to the maintainers.\n');
    const resultFor = (path: string) =>
      events.slice(mark).find((e) => e.type === 'result' && e.path === path && e.result.status === 'updated');
    await waitFor(() => resultFor('intro.md'), 'the saved page to be updated', 10_000);
    await waitFor(() => resultFor('guides/admonitions.mdx'), 'the page including the partial', 10_000);
    await waitFor(
      () => events.slice(mark).find((e) => e.type === 'settled' && e.reason === 'change'),
      'the batch to settle',
      10_000,
    );
    const run = await apply();
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const want = published(applied);
    const admonitions = want.articles.find((a) => a.key === 'guides/admonitions');
    expect(admonitions?.body).toContain('Or write to the maintainers.');
    expect(want.articles.find((a) => a.key === 'intro')?.body).toContain('First steps');
    expect(published(watched)).toEqual(want);
  });
});
