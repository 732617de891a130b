import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CachedRendering, RenderCache } from '../content/desired.js';

/**
 * Renderings kept between runs in `<rootDir>/.pylon-kb/render-cache.json`, so a plan of an unchanged tree
 * re-renders nothing. Entries are keyed by everything a rendering depends on (path, body, title, options);
 * the file also records the pylon-kb version and is ignored after an upgrade. Only the entries a run used
 * are written back, so the file never outgrows the tree. A missing or unreadable file is an empty cache:
 * the cache only saves time, it never decides anything.
 */
const FORMAT = 1;

export interface RenderCacheFile {
  cache: RenderCache;
  /** Renderings reused / made in this run. */
  stats(): { hits: number; misses: number };
  save(): Promise<void>;
}

export const RENDER_CACHE_PATH = join('.pylon-kb', 'render-cache.json');

export async function openRenderCache(rootDir: string, version: string): Promise<RenderCacheFile> {
  const path = join(rootDir, RENDER_CACHE_PATH);
  let stored = new Map<string, CachedRendering>();
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      format?: number;
      version?: string;
      entries?: Record<string, CachedRendering>;
    };
    if (data.format === FORMAT && data.version === version && data.entries)
      stored = new Map(Object.entries(data.entries));
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  const used = new Map<string, CachedRendering>();
  let hits = 0;
  let misses = 0;
  return {
    cache: {
      get(key) {
        const hit = stored.get(key);
        if (hit) {
          hits++;
          used.set(key, hit);
        }
        return hit;
      },
      set(key, rendering) {
        misses++;
        used.set(key, rendering);
      },
    },
    stats: () => ({ hits, misses }),
    async save() {
      if (misses === 0 && used.size === stored.size) return;
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(
        temporary,
        JSON.stringify({ format: FORMAT, version, entries: Object.fromEntries(used) }),
      );
      await rename(temporary, path);
    },
  };
}
