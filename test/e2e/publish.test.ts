import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentTree } from '../../src/content/index.js';
import { readContentFiles } from '../../src/content/read-files.js';
import type { DesiredState } from '../../src/content/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { finalBody } from '../../src/plan/articles.js';
import { resolveAuthor } from '../../src/plan/authors.js';
import { buildContent } from '../../src/run/content.js';
import {
  CLI_FLAGS,
  emulator,
  envFor,
  rateLimitBursts,
  runCli,
  TRANSPORTS,
  workspace,
  writeCount,
  writeText,
} from './helpers.js';

const FLAGS = CLI_FLAGS;

async function desiredFor(docs: string): Promise<DesiredState> {
  const tree = buildContentTree(await readContentFiles(docs, {}));
  const config = { contentDir: docs, dropLeadingH1: true, strictLinks: false };
  return (await buildContent(config, tree)).desired;
}

/** What pylon-kb must have sent for a document: its rendering with the URLs the emulator assigned. */
function expectedBody(emu: RunningEmulator, doc: DesiredState['articles'][number]): string {
  const state = emu.snapshot() as unknown as {
    articles: { url: string; identifier: string; draft_html: string }[];
    attachments: { url: string; sha256: string }[];
  };
  const urls = new Map(
    state.articles.map((a) => [readMarker(a.draft_html)?.key, a.url || `/articles/${a.identifier}`]),
  );
  const files = new Map(state.attachments.map((a) => [a.sha256, a.url]));
  return finalBody(doc, {
    lookup: { articleUrl: (key) => urls.get(key) ?? null, assetUrl: (sha) => files.get(sha) ?? null },
  }).html;
}

type StateArticle = {
  id: string;
  title: string;
  slug: string;
  collection_id: string | null;
  author_user_id: string;
  is_published: boolean;
  draft_html: string;
  published_html: string | null;
  url: string;
};
type StateCollection = { id: string; title: string; slug: string; parent_collection_id: string | null };

function kbState(emu: RunningEmulator) {
  const state = emu.snapshot() as unknown as {
    articles: StateArticle[];
    collections: StateCollection[];
    users: { id: string; name: string; email: string }[];
    teams: { id: string; name: string; users: { id: string }[] }[];
  };
  return state;
}

describe.each(TRANSPORTS)('publishing content-example end to end over HTTP ($name)', ({ env: envFor }) => {
  let emu: RunningEmulator;
  let ws: Awaited<ReturnType<typeof workspace>>;
  let desired: DesiredState;

  beforeAll(async () => {
    emu = await emulator();
    ws = await workspace();
    desired = await desiredFor(ws.docs);
  });
  afterAll(async () => {
    await emu.close();
    await ws.cleanup();
  });

  it('applies the docs tree into an empty knowledge base exactly', async () => {
    const run = await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(run.stderr).not.toContain('error');
    expect(run.code).toBe(0);

    const state = kbState(emu);
    expect(desired.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Collections: the same tree of slugs and titles.
    const byId = new Map(state.collections.map((c) => [c.id, c]));
    const pathOf = (c: StateCollection): string => {
      const parent = c.parent_collection_id ? byId.get(c.parent_collection_id) : undefined;
      return parent ? `${pathOf(parent)}/${c.slug}` : c.slug;
    };
    const localPath = (key: string): string =>
      key
        .split('/')
        .map(
          (_, i, parts) => desired.collections.find((c) => c.key === parts.slice(0, i + 1).join('/'))?.slug,
        )
        .join('/');
    expect(state.collections.map((c) => `${pathOf(c)}: ${c.title}`).sort()).toEqual(
      desired.collections.map((c) => `${localPath(c.key)}: ${c.title}`).sort(),
    );

    // Articles: one per document, with its title, slug, collection, published state, author and HTML.
    expect(state.articles).toHaveLength(desired.articles.length);
    const directory = { users: state.users, teams: state.teams, teamLeads: {} };
    for (const doc of desired.articles) {
      const article = state.articles.find((a) => readMarker(a.draft_html)?.key === doc.key);
      expect(article, doc.key).toBeDefined();
      if (!article) continue;
      expect(article.title).toBe(doc.title);
      expect(article.slug).toBe(doc.slug);
      const collection = article.collection_id ? byId.get(article.collection_id) : undefined;
      expect(collection ? pathOf(collection) : null).toBe(
        doc.collectionKey ? localPath(doc.collectionKey) : null,
      );
      expect(article.is_published).toBe(doc.published);
      const author = resolveAuthor(doc.author?.value ?? 'ada@acme.test', directory);
      expect(article.author_user_id).toBe('userId' in author ? author.userId : 'unresolved');
      expect(article.draft_html).toBe(expectedBody(emu, doc));
      expect(article.draft_html).not.toContain('pylon-kb://');
      if (doc.published) expect(article.url).toMatch(/^https:\/\/help\.acme\.test\/articles\/\d{10}-/);
    }
  });

  it('resolves links to articles created in the same run, uploads a shared image once, sends translations', async () => {
    const state = emu.snapshot() as unknown as {
      articles: (StateArticle & { translations: Record<string, { title: string; draft_html: string }> })[];
      attachments: { sha256: string }[];
    };
    const linking = desired.articles.filter((d) => (d.links ?? []).some((l) => l.anchor));
    expect(linking.length).toBeGreaterThan(0);
    for (const doc of linking) {
      const article = state.articles.find((a) => readMarker(a.draft_html)?.key === doc.key);
      for (const link of (doc.links ?? []).filter((l) => l.anchor)) {
        const target = state.articles.find((a) => readMarker(a.draft_html)?.key === link.targetKey);
        expect(article?.draft_html).toContain(`href="${target?.url}#${link.anchor}"`);
      }
    }
    const shas = new Set(desired.articles.flatMap((d) => (d.assets ?? []).map((a) => a.sha256)));
    const uses = desired.articles.flatMap((d) => (d.assets ?? []).map((a) => a.sha256));
    expect(uses.length).toBeGreaterThan(shas.size);
    expect(state.attachments.map((a) => a.sha256).sort()).toEqual([...shas].sort());
    const translated = desired.articles.filter((d) => (d.translations ?? []).length > 0);
    expect(translated.length).toBeGreaterThan(0);
    for (const doc of translated) {
      const article = state.articles.find((a) => readMarker(a.draft_html)?.key === doc.key);
      for (const t of doc.translations ?? []) {
        expect(article?.translations[t.language]?.title).toBe(t.title);
        expect(readMarker(article?.translations[t.language]?.draft_html)?.language).toBe(t.language);
      }
    }
  });

  it('plans nothing and writes nothing the second time', async () => {
    const plan = await runCli(['plan', '--json', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).operations).toEqual([]);
    const writesBefore = writeCount(emu);
    const apply = await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(apply.code).toBe(0);
    expect(writeCount(emu)).toBe(writesBefore);
  });

  it('turns an edit of one file into exactly one update of that article', async () => {
    const file = join(ws.docs, desired.articles[0]?.path ?? '');
    const edited = desired.articles[0];
    await writeText(file, `${await readFile(file, 'utf8')}\n\nOne more paragraph added while editing.\n`);
    const plan = await runCli(['plan', '--json', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    const operations = JSON.parse(plan.stdout).operations as { kind: string; key: string }[];
    expect(operations.map((o) => `${o.kind} ${o.key}`)).toEqual([`update-article ${edited?.key}`]);

    const before = kbState(emu).articles;
    const apply = await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
    expect(apply.code).toBe(0);
    const after = kbState(emu).articles;
    const changed = after.filter((a) => before.find((b) => b.id === a.id)?.draft_html !== a.draft_html);
    expect(changed.map((a) => readMarker(a.draft_html)?.key)).toEqual([edited?.key]);
    expect(changed[0]?.draft_html).toContain('One more paragraph added while editing.');
    expect(changed[0]?.published_html).toContain('One more paragraph added while editing.');
  });
});

describe('with the emulator re-formatting HTML like a rich-text editor', () => {
  it('still plans nothing after a publish', async () => {
    const emu = await emulator({ htmlNormalizer: true });
    const ws = await workspace();
    try {
      expect((await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: envFor(emu) })).code).toBe(0);
      const stored = kbState(emu).articles[0];
      const desired = await desiredFor(ws.docs);
      const doc = desired.articles.find((d) => d.key === readMarker(stored?.draft_html)?.key);
      expect(doc).toBeDefined();
      expect(stored?.draft_html).not.toBe(expectedBody(emu, doc!));
      const plan = await runCli(['plan', '--json', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
      expect(JSON.parse(plan.stdout).operations).toEqual([]);
    } finally {
      await emu.close();
      await ws.cleanup();
    }
  });
});

describe('under the documented rate limits with a time scale', () => {
  it('applies content-example with no failed operation', async () => {
    const emu = await emulator({ rateLimits: 'documented', timeScale: 0.01 });
    const ws = await workspace();
    try {
      const run = await runCli(
        ['apply', ...FLAGS.slice(0, -2), '--rate-limits', 'documented', '--time-scale', '0.01'],
        {
          cwd: ws.dir,
          env: envFor(emu),
        },
      );
      expect(run.stdout).not.toMatch(/\bfailed\b.*[1-9]/);
      expect(run.code).toBe(0);
      // The client starts from the documented limits and probes above them once per endpoint: at most
      // one burst of 429s per endpoint, answered by waiting, never by a failed operation.
      const bursts = rateLimitBursts(emu.snapshot().requests.log, 600);
      expect(
        Object.values(bursts).every((n) => n <= 1),
        JSON.stringify(bursts),
      ).toBe(true);
    } finally {
      await emu.close();
      await ws.cleanup();
    }
  });
});

describe.each(TRANSPORTS)('a missing content directory ($name)', ({ env: envFor }) => {
  it('exits 2 naming the directory, with no write', async () => {
    const emu = await emulator();
    const ws = await workspace();
    try {
      await rm(ws.docs, { recursive: true });
      const run = await runCli(['apply', ...FLAGS], { cwd: ws.dir, env: envFor(emu) });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('docs');
      expect(writeCount(emu)).toBe(0);
    } finally {
      await emu.close();
      await ws.cleanup();
    }
  });
});
