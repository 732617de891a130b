import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CachedRendering, RenderCache } from '../content/desired.js';
import { createRedactor } from '../diagnostics/redact.js';
import { VERSION } from '../version.js';

/**
 * The one render cache of every front (plan, apply, start, watch): renderings keyed by everything they
 * depend on (path, body, title, options; see `renderCacheKey`). After each build it keeps only what that
 * build used (`sweep`), so memory and the file follow the tree, not its edit history. Opened with
 * `persist`, it starts from `<rootDir>/.pylon-kb/render-cache.json` and `save` writes back what the last
 * build used. The file records the pylon-kb version and is ignored after an upgrade; a missing or unreadable
 * file is an empty cache: the cache only saves time, it never decides anything.
 */
export interface RenderCacheStore extends RenderCache {
  /** Renderings reused since the store was opened. */
  readonly hits: number;
  /** Renderings made (cache misses) since the store was opened. */
  readonly renders: number;
  /** Renderings held now. */
  readonly size: number;
  /** A build finished: forget the renderings it did not use. */
  sweep(): void;
  /** Writes what the last build used to the cache file (nothing when not persistent or nothing changed). */
  save(): Promise<void>;
}

export const RENDER_CACHE_PATH = join('.pylon-kb', 'render-cache.json');
// 2: renderings carry their text digest.
const FORMAT = 2;

export interface RenderCacheOptions {
  /** Read and write `<rootDir>/.pylon-kb/render-cache.json`. Default false: memory only. */
  persist?: boolean | undefined;
  /** The pylon-kb version entries belong to. Default: this version. */
  version?: string | undefined;
  /**
   * The secrets' redactor: a rendering that quotes a secret (a token pasted into a document) is kept in memory
   * but never written to `.pylon-kb/`, so the file holds the token in no form. Default: nothing is secret.
   */
  redact?: ((text: string) => string) | undefined;
}

class Store implements RenderCacheStore {
  hits = 0;
  renders = 0;
  private used = new Set<string>();
  /** The entries differ from what the file holds. */
  private dirty = false;

  constructor(
    private entries: Map<string, CachedRendering>,
    private readonly path: string | null,
    private readonly version: string,
    private readonly redact?: (text: string) => string,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): CachedRendering | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.used.add(key);
    }
    return hit;
  }

  set(key: string, rendering: CachedRendering): void {
    this.renders++;
    this.entries.set(key, rendering);
    this.used.add(key);
    this.dirty = true;
  }

  sweep(): void {
    for (const key of this.entries.keys()) {
      if (this.used.has(key)) continue;
      this.entries.delete(key);
      this.dirty = true;
    }
    this.used = new Set();
  }

  async save(): Promise<void> {
    if (this.path === null || !this.dirty) return;
    await mkdir(dirname(this.path), { recursive: true });
    // Unique per save: two runs in one process (or one checkout) must not rename each other's file.
    const temporary = `${this.path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    const redact = this.redact;
    const entries = [...this.entries].filter(([key, rendering]) => {
      if (!redact) return true;
      const text = JSON.stringify([key, rendering]);
      return redact(text) === text;
    });
    const data = { format: FORMAT, version: this.version, entries: Object.fromEntries(entries) };
    await writeFile(temporary, JSON.stringify(data));
    await rename(temporary, this.path);
    this.dirty = false;
  }
}

async function readEntries(path: string, version: string): Promise<Map<string, CachedRendering>> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as {
      format?: number;
      version?: string;
      entries?: Record<string, CachedRendering>;
    };
    if (data.format === FORMAT && data.version === version && data.entries) {
      return new Map(Object.entries(data.entries));
    }
  } catch {
    // No cache yet, or one that cannot be read: start empty.
  }
  return new Map();
}

/** A render cache held in memory only. */
export function memoryRenderCache(version = VERSION): RenderCacheStore {
  return new Store(new Map(), null, version);
}

/** A render cache for a run or a watch session, kept in `.pylon-kb/` between runs when `persist` is set. */
export async function openRenderCache(
  rootDir: string,
  options: RenderCacheOptions = {},
): Promise<RenderCacheStore> {
  const version = options.version ?? VERSION;
  if (!options.persist) return memoryRenderCache(version);
  const path = join(rootDir, RENDER_CACHE_PATH);
  return new Store(await readEntries(path, version), path, version, options.redact);
}

/** The redactor of a config's secrets (its API token), for the render cache file. */
export function configRedactor(config: {
  target: { kind: string; token?: string };
}): (text: string) => string {
  return createRedactor([config.target.kind === 'emulator' ? undefined : config.target.token]);
}
