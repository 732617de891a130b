import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { CachedRendering } from '../../src/content/document-rendering.js';
import { headingIdRuleOf } from '../../src/content/render-tree.js';
import { buildContent, readContentTree } from '../../src/run/content.js';
import { prerenderInWorkers, renderThreads } from '../../src/run/render-pool.js';

const SITES = resolve(import.meta.dirname, '../fixtures/sites');
// Site syntax with includes and shortcodes; and translations, images and links across folders.
const TREES = [join(SITES, 'hugo/content'), resolve(import.meta.dirname, '../../content-example')];

function configFor(contentDir: string) {
  const resolved = resolveConfig({
    file: {},
    flags: { contentDir, target: 'emulator' },
    env: {},
    cwd: contentDir,
  });
  if ('errors' in resolved) throw new Error('the test config is invalid');
  return resolved.config;
}

describe('rendering in worker threads', () => {
  it.each(TREES)('builds the same desired state as the main thread alone: %s', async (contentDir) => {
    const config = configFor(contentDir);
    const { tree } = await readContentTree(config);
    const alone = await buildContent(config, tree, { pool: { threads: 0 } });
    const pooled = await buildContent(config, tree, { pool: { threads: 2, minDocuments: 1 } });
    expect(pooled.desired).toEqual(alone.desired);
    expect([...pooled.assetFiles]).toEqual([...alone.assetFiles]);
  });

  it('puts every document it renders into the cache, where the build then finds it', async () => {
    const config = configFor(TREES[0] ?? '');
    const { tree } = await readContentTree(config);
    const cache = new Map<string, CachedRendering>();
    const settings = { dropLeadingH1: true, syntax: undefined, headingIds: headingIdRuleOf(tree) };
    const rendered = await prerenderInWorkers(tree.docs, cache, settings, { threads: 2, minDocuments: 1 });
    expect(rendered).toBe(tree.docs.length);
    expect(cache.size).toBe(tree.docs.length);
    // Everything is held now: a second call has nothing left to render.
    expect(await prerenderInWorkers(tree.docs, cache, settings, { threads: 2, minDocuments: 1 })).toBe(0);
  });

  it('stays on the main thread for small trees and when threads are turned off', async () => {
    const config = configFor(TREES[0] ?? '');
    const { tree } = await readContentTree(config);
    const settings = { dropLeadingH1: true, syntax: undefined, headingIds: headingIdRuleOf(tree) };
    expect(await prerenderInWorkers(tree.docs, new Map(), settings, { threads: 2 })).toBe(0);
    expect(await prerenderInWorkers(tree.docs, new Map(), settings, { threads: 1, minDocuments: 1 })).toBe(0);
    expect(renderThreads(undefined, { PYLON_KB_RENDER_THREADS: '0' })).toBe(0);
    expect(renderThreads(undefined, { PYLON_KB_RENDER_THREADS: '3' })).toBe(3);
    expect(renderThreads(4, { PYLON_KB_RENDER_THREADS: '0' })).toBe(4);
  });
});
