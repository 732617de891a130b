import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { loadContent } from '../../src/run/content.js';
import { openRenderCache, RENDER_CACHE_PATH } from '../../src/run/render-cache.js';
import { VERSION } from '../../src/version.js';
import { REPO, workspace } from '../e2e/helpers.js';

describe('the render cache file', () => {
  let ws: Awaited<ReturnType<typeof workspace>>;
  let config: ResolvedConfig;
  beforeEach(async () => {
    ws = await workspace();
    const resolved = resolveConfig({
      flags: { contentDir: 'docs', target: 'emulator' },
      env: {},
      cwd: ws.dir,
    });
    if (!('config' in resolved)) throw new Error('config');
    config = resolved.config;
  });
  afterEach(() => ws.cleanup());

  async function load(version = VERSION) {
    const cache = await openRenderCache(config.rootDir, { persist: true, version });
    const { desired } = await loadContent(config, { renderCache: cache });
    await cache.save();
    return { desired, stats: { hits: cache.hits, misses: cache.renders } };
  }

  it('renders nothing the second time, and gives the same desired state', async () => {
    const first = await load();
    expect(first.stats.hits).toBe(0);
    expect(first.stats.misses).toBeGreaterThan(20);
    const second = await load();
    expect(second.stats).toEqual({ hits: first.stats.misses, misses: 0 });
    expect(second.desired).toEqual(first.desired);
  });

  it('renders again what changed, and everything after an upgrade or with an unreadable file', async () => {
    const first = await load();
    const file = join(ws.docs, 'getting-started', 'invite-your-team.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nOne more line.\n`);
    expect((await load()).stats.misses).toBe(1);
    expect((await load('9.9.9')).stats.misses).toBe(first.stats.misses);
    await writeFile(join(ws.dir, RENDER_CACHE_PATH), '{ not json');
    expect((await load()).stats.misses).toBe(first.stats.misses);
  });

  it('keys entries by the version in package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });
});
