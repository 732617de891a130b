import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildContentTree } from '../../src/content/index.js';
import { readContentFiles } from '../../src/content/read-files.js';
import type { DesiredState } from '../../src/content/types.js';
import { buildContent } from '../../src/run/content.js';

const ROOT = resolve(import.meta.dirname, '../../content-example');
let desired: DesiredState;
let assetFiles: Map<string, string>;
let sources: Map<string, string>;

beforeAll(async () => {
  const files = await readContentFiles(ROOT, {});
  sources = new Map(files.map((f) => [f.path, f.text]));
  const config = { contentDir: ROOT, dropLeadingH1: true, strictLinks: true };
  ({ desired, assetFiles } = await buildContent(config, buildContentTree(files)));
});

describe('content-example links, images and translations', () => {
  it('builds without a single diagnostic, even with strictLinks', () => {
    expect(desired.diagnostics).toEqual([]);
  });

  it('links across folders with anchors, file-style and site-style, including a {#custom-id} heading', () => {
    const links = desired.articles.flatMap((a) => (a.links ?? []).map((l) => ({ from: a.key, ...l })));
    expect(links.length).toBeGreaterThanOrEqual(8);
    expect(links).toContainEqual(
      expect.objectContaining({
        from: 'guides/integrations/rest-api',
        targetKey: 'getting-started-workspace',
        anchor: 'cli',
      }),
    );
    const texts = [...sources.values()].join('\n');
    expect(texts).toMatch(/\]\(\.\.\/[a-z-]+\/\)/); // ../invite-your-team/
    expect(texts).toMatch(/\]\([a-z-]+\.md#[a-z-]+\)/); // invite-your-team.md#roles
    expect(texts).toContain('{#cli}');
    const workspace = desired.articles.find((a) => a.key === 'getting-started-workspace');
    expect(workspace?.html).toContain('<h2 id="cli">Using the command line</h2>');
  });

  it('embeds two PNGs, one shared by two articles, and hands apply one file per digest', async () => {
    const uses = desired.articles.flatMap((a) => (a.assets ?? []).map((ref) => ({ key: a.key, ...ref })));
    const byDigest = new Map<string, typeof uses>();
    for (const use of uses) byDigest.set(use.sha256, [...(byDigest.get(use.sha256) ?? []), use]);
    expect(byDigest.size).toBe(2);
    expect([...byDigest.values()].some((list) => new Set(list.map((u) => u.key)).size >= 2)).toBe(true);
    expect([...assetFiles.keys()].sort()).toEqual([...byDigest.keys()].sort());
    for (const [sha, path] of assetFiles) {
      const bytes = await readFile(path);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(desired.articles.some((a) => a.html.includes(`data-pylon-kb-asset="${sha}"`))).toBe(true);
      expect(path.startsWith(join(ROOT, '/'))).toBe(true);
    }
  });

  it('has a French translation of the welcome article, with its own title and resolved links', () => {
    const welcome = desired.articles.find((a) => a.key === 'getting-started/welcome-to-acme-cloud');
    const fr = welcome?.translations?.[0];
    expect(welcome?.translations?.map((t) => t.language)).toEqual(['fr']);
    expect(fr?.title).toBe('Bienvenue dans Acme Cloud');
    expect(fr?.links.map((l) => l.targetKey)).toEqual(welcome?.links?.map((l) => l.targetKey));
    expect(fr?.assets.map((a) => a.sha256)).toEqual(welcome?.assets?.map((a) => a.sha256));
    expect(desired.articles.some((a) => a.path.endsWith('.fr.md'))).toBe(false);
  });
});
