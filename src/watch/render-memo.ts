import type { CachedRendering, RenderCache } from '../content/desired.js';

/**
 * The render cache of a watch session: counts renderings (cache misses) and, after each build, forgets
 * the renderings no document used, so memory follows the tree instead of its edit history.
 */
export class RenderMemo implements RenderCache {
  private readonly entries = new Map<string, CachedRendering>();
  private used = new Set<string>();
  /** Renderings made (each `set` follows a miss). */
  renders = 0;

  get(key: string): CachedRendering | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    return hit;
  }

  set(key: string, rendering: CachedRendering): void {
    this.renders++;
    this.entries.set(key, rendering);
    this.used.add(key);
  }

  /** Drops what the last build did not use. */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used = new Set();
  }

  get size(): number {
    return this.entries.size;
  }
}
