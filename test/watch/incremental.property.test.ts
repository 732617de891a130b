import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import { createBuildMemo } from '../../src/content/build-memo.js';
import { readContent } from '../../src/content/read-files.js';
import type { SourceFile } from '../../src/content/types.js';
import type { CurrentState } from '../../src/remote/types.js';
import { readSiteOf, siteExcludes } from '../../src/run/content.js';
import { makePlan } from '../../src/run/plan.js';
import { memoryRenderCache } from '../../src/run/render-cache.js';
import type { SiteContext } from '../../src/sites/types.js';
import { DesiredCache } from '../../src/watch/desired-cache.js';
import { contentPipeline } from '../../src/watch/pipeline.js';

/**
 * Watch builds through a memo of the last build's per-file results. Whatever the edits, each build must
 * give exactly what the run layer's steps give without any memo (what `plan` and `apply` compute), and so
 * the same plan.
 */

const plainTree: SourceFile[] = [
  { path: 'guides/_category_.yml', text: 'label: Guides\n' },
  {
    path: 'guides/setup.md',
    text: '---\ntitle: Set up\n---\n## Install\n\nSee [billing](../billing.md#pay).\n',
  },
  { path: 'guides/sso.md', text: '---\ntitle: SSO\norder: 2\n---\nRead [setup](setup.md#install).\n' },
  { path: 'guides/sso.fr.md', text: '---\ntitle: SSO (fr)\n---\nLisez [setup](setup.md).\n' },
  { path: 'billing.md', text: '---\ntitle: Billing\n---\n## Pay\n\nBy card. ![logo](img/logo.png)\n' },
  { path: 'help/faq.md', text: '---\ntitle: FAQ\nid: faq\n---\nAsk. [SSO](../guides/sso.md)\n' },
];

/** One edit a writer could make; `target` and `other` pick files of the tree as it is then. */
type Edit = { kind: (typeof KINDS)[number]; target: number; other: number; n: number };
const KINDS = [
  'append',
  'heading',
  'link',
  'title',
  'slug',
  'redirect',
  'break',
  'delete',
  'add',
  'restore',
  'metadata',
  'exclude',
] as const;

function applyEdit(files: Map<string, string>, original: ReadonlyMap<string, string>, edit: Edit): void {
  const markdown = [...files.keys()].filter((p) => /\.mdx?$/.test(p)).sort();
  const path = markdown[edit.target % Math.max(1, markdown.length)];
  const other = markdown[edit.other % Math.max(1, markdown.length)];
  const text = path === undefined ? undefined : files.get(path);
  const setFront = (line: string) =>
    text?.startsWith('---\n') ? text.replace('---\n', `---\n${line}\n`) : `---\n${line}\n---\n${text ?? ''}`;
  switch (edit.kind) {
    case 'append':
      if (path) files.set(path, `${text}\nEdit ${edit.n}.\n`);
      break;
    case 'heading':
      if (path) files.set(path, `${text}\n## Part ${edit.n}\n\nMore.\n`);
      break;
    case 'link': {
      if (!path || !other) break;
      const depth = path.split('/').length - 1;
      const href = `${'../'.repeat(depth)}${other}${edit.n % 2 ? `#part-${edit.n % 3}` : ''}`;
      files.set(path, `${text}\nSee [there](${href}).\n`);
      break;
    }
    case 'title':
      if (path) files.set(path, (text ?? '').replace(/title: .*/, `title: Title ${edit.n}`));
      break;
    case 'slug':
      if (path) files.set(path, setFront(`slug: same-${edit.n % 2}`));
      break;
    case 'redirect':
      if (path)
        files.set(path, setFront(`aliases: [/old/${edit.n % 3}]\nredirect_from: [/was/${edit.n % 3}]`));
      break;
    case 'break':
      if (path) files.set(path, `---\ntitle: [unclosed\n---\n${text}`);
      break;
    case 'delete':
      if (path) files.delete(path);
      break;
    case 'add':
      files.set(
        `new/page-${edit.n % 4}.md`,
        `---\ntitle: New ${edit.n}\n---\n## Part 1\n\nLink [faq](../help/faq.md).\n`,
      );
      break;
    case 'restore': {
      const back = [...original.keys()][edit.target % original.size] as string;
      files.set(back, original.get(back) as string);
      break;
    }
    case 'metadata':
      files.set('guides/_category_.yml', `label: Guides ${edit.n}\nposition: ${edit.n % 5}\n`);
      break;
    case 'exclude':
      break; // handled by the caller: toggles a left-out file
  }
}

interface Tree {
  files: SourceFile[];
  excluded: string[];
  site?: SiteContext;
  contentDir: string;
}

const hugoDir = join(import.meta.dirname, '../fixtures/sites/hugo/content');

async function hugoTree(): Promise<Tree> {
  const config = { contentDir: hugoDir, site: 'auto' as const };
  const site = await readSiteOf(config);
  const { files, excluded } = await readContent(hugoDir, { siteExclude: siteExcludes(site) });
  return { files, excluded, site, contentDir: hugoDir };
}

const state: CurrentState = {
  knowledgeBase: { id: 'kb', slug: 'kb', title: 'KB' },
  collections: [],
  articles: [],
  users: [],
  teams: [],
};
const resolved = resolveConfig({
  file: { contentDir: '.', knowledgeBase: 'kb', defaultAuthor: 'ada@acme.test' },
  flags: {},
  env: { PYLON_API_TOKEN: 'token' },
  cwd: hugoDir,
});
if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
const planConfig = resolved.config;

async function checkSequence(tree: Tree, edits: Edit[]): Promise<void> {
  const config = { contentDir: tree.contentDir, dropLeadingH1: true, strictLinks: false };
  const memo = createBuildMemo();
  const incremental = new DesiredCache(memoryRenderCache(), memo);
  const reference = new DesiredCache(memoryRenderCache(), null);
  const files = new Map(tree.files.map((f) => [f.path, f.text]));
  const original = new Map(files);
  const excluded = new Set(tree.excluded);
  const known = new Set(files.keys());
  for (const cache of [incremental, reference]) cache.replaceAll(tree.files, tree.excluded);
  await incremental.build(contentPipeline(config, tree.site, memo));
  await reference.build(contentPipeline(config, tree.site, undefined));
  for (const edit of edits) {
    applyEdit(files, original, edit);
    if (edit.kind === 'exclude') {
      const path = `drafts/draft-${edit.n % 2}.md`;
      const present = !excluded.has(path);
      if (present) excluded.add(path);
      else excluded.delete(path);
    }
    // Both caches get the same saves and deletes, as the watcher reports them; only one builds through a memo.
    for (const cache of [incremental, reference]) {
      for (const [path, text] of files) cache.put(path, text);
      for (const path of known) if (!files.has(path)) cache.remove(path);
      if (edit.kind === 'exclude')
        cache.setExcluded(`drafts/draft-${edit.n % 2}.md`, excluded.has(`drafts/draft-${edit.n % 2}.md`));
    }
    for (const path of files.keys()) known.add(path);
    const got = await incremental.build(contentPipeline(config, tree.site, memo));
    const want = await reference.build(contentPipeline(config, tree.site, undefined));
    expect(got.desired).toEqual(want.desired);
    expect(got.broken).toEqual(want.broken);
    expect(makePlan(got.desired, state, planConfig)).toEqual(makePlan(want.desired, state, planConfig));
  }
}

const edits = fc.array(
  fc.record({
    kind: fc.constantFrom(...KINDS),
    target: fc.nat(20),
    other: fc.nat(20),
    n: fc.nat(9),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('incremental watch builds', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('equal a build from scratch after every edit of a plain tree', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-incremental-'));
    await mkdir(join(dir, 'img'));
    await writeFile(join(dir, 'img/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const tree: Tree = { files: plainTree, excluded: [], contentDir: dir };
    await fc.assert(
      fc.asyncProperty(edits, (sequence) => checkSequence(tree, sequence)),
      { numRuns: 25 },
    );
  });

  it('equal a build from scratch after every edit of a Hugo site (its slugs, index pages, aliases)', async () => {
    const tree = await hugoTree();
    await fc.assert(
      fc.asyncProperty(edits, (sequence) => checkSequence(tree, sequence)),
      { numRuns: 15 },
    );
  });
});
