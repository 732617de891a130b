import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { createBuildMemo } from '../../src/content/build-memo.js';
import { readContent } from '../../src/content/read-files.js';
import type { SourceFile } from '../../src/content/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { createPlanMemo } from '../../src/plan/article-memo.js';
import type { CurrentState } from '../../src/remote/types.js';
import { readSiteOf, siteExcludes } from '../../src/run/content.js';
import { executePlan, loadContent, makePlan, openTarget, readRemote } from '../../src/run/index.js';
import { memoryRenderCache } from '../../src/run/render-cache.js';
import type { SiteContext } from '../../src/sites/types.js';
import { DesiredCache } from '../../src/watch/desired-cache.js';
import { contentPipeline } from '../../src/watch/pipeline.js';
import { emulator, envFor } from '../e2e/helpers.js';

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

interface Published {
  config: ResolvedConfig;
  /** The knowledge base after publishing the tree as it was first written. */
  state: CurrentState;
}

/** Publishes the tree into the emulator (over HTTP, as `apply` does) and reads the knowledge base back. */
async function publish(emu: RunningEmulator, contentDir: string, cwd: string): Promise<Published> {
  const resolved = resolveConfig({
    file: { contentDir, knowledgeBase: 'help-center', defaultAuthor: 'ada@acme.test' },
    flags: { rateLimits: 'off' },
    env: envFor(emu),
    cwd,
  });
  if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
  const { config } = resolved;
  const target = await openTarget(config);
  try {
    const content = await loadContent(config);
    const before = await readRemote(target.client, config, content.desired);
    await executePlan(makePlan(content.desired, before, config), target.client, {
      contentDir: config.contentDir,
      site: config.site,
    });
    return { config, state: await readRemote(target.client, config, content.desired) };
  } finally {
    await target.client.close();
    await target.close();
  }
}

async function checkSequence(tree: Tree, published: Published, edits: Edit[]): Promise<void> {
  const { state, config: planConfig } = published;
  const config = { contentDir: tree.contentDir, dropLeadingH1: true, strictLinks: false };
  const planMemo = createPlanMemo();
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
    const incrementalPlan = makePlan(got.desired, state, planConfig, { publish: false, planMemo });
    expect(incrementalPlan).toEqual(makePlan(want.desired, state, planConfig, { publish: false }));
  }
}

/** The edit that gives `path` a new slug (`target` counts the tree's Markdown files in path order). */
function slugEditOf(tree: Tree, path: string): Edit {
  const markdown = tree.files
    .map((f) => f.path)
    .filter((p) => /\.mdx?$/.test(p))
    .sort();
  const target = markdown.indexOf(path);
  if (target < 0) throw new Error(`${path} is not in the tree`);
  return { kind: 'slug', target, other: 0, n: 1 };
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

describe('incremental watch builds and plans', () => {
  let emu: RunningEmulator;
  let dir: string;
  let plain: Tree;
  let plainKb: Published;
  let hugo: Tree;
  let hugoKb: Published;
  beforeAll(async () => {
    emu = await emulator({ rateLimits: 'off' });
    dir = await mkdtemp(join(tmpdir(), 'pylon-kb-incremental-'));
    await mkdir(join(dir, 'img'));
    await writeFile(join(dir, 'img/logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    for (const file of plainTree) {
      await mkdir(join(dir, file.path, '..'), { recursive: true });
      await writeFile(join(dir, file.path), file.text);
    }
    plain = { files: plainTree, excluded: [], contentDir: dir };
    plainKb = await publish(emu, dir, dir);
    hugo = await hugoTree();
    const second = await emulator({ rateLimits: 'off' });
    try {
      hugoKb = await publish(second, hugoDir, join(hugoDir, '..'));
    } finally {
      await second.close();
    }
  });
  afterAll(async () => {
    await emu?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('equal a build and a plan from scratch after every edit of a plain tree', async () => {
    expect(plainKb.state.articles.length).toBeGreaterThanOrEqual(4);
    await fc.assert(
      fc.asyncProperty(edits, (sequence) => checkSequence(plain, plainKb, sequence)),
      // Besides random sequences: a linked page moves, so the pages linking to it are planned again.
      { numRuns: 25, examples: [[[slugEditOf(plain, 'billing.md')]]] },
    );
  }, 120_000);

  it('equal a build and a plan from scratch after every edit of a Hugo site (slugs, index pages, aliases)', async () => {
    expect(hugoKb.state.articles.length).toBeGreaterThanOrEqual(9);
    await fc.assert(
      fc.asyncProperty(edits, (sequence) => checkSequence(hugo, hugoKb, sequence)),
      { numRuns: 15, examples: [[[slugEditOf(hugo, 'docs/dev/setup.md')]]] },
    );
  }, 120_000);
});
