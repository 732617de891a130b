import type { ResolvedConfig } from '../config/types.js';
import { createPlanMemo } from '../plan/article-memo.js';
import { readSiteFiles, readSiteOf, siteExcludes } from '../run/content.js';
import { readRemote } from '../run/remote.js';
import { configRedactor, openRenderCache, type RenderCacheStore } from '../run/render-cache.js';
import { BatchQueue } from './batch-queue.js';
import { compareConfigs, diagnosticsOf, keepSessionKeys } from './config-change.js';
import { pipelineOf, runCycle } from './cycle.js';
import { type CycleContext, emptyMemory } from './cycle-context.js';
import { DesiredCache } from './desired-cache.js';
import type { WatchOptions, WatchSession, WatchStats } from './types.js';
import { type ContentWatcher, RENAME_WINDOW_MS, watchContent } from './watcher.js';
import { gateWrites } from './write-gate.js';

export const DEFAULT_REFRESH_INTERVAL_MS = 300_000;
const DEFAULT_WRITE_FINISH_MS = 40;

/**
 * Watches the docs tree and the config file and applies each batch of saves: read → plan → apply, one
 * cycle at a time. Resolves once the watcher is ready, the files are read and the knowledge base is
 * loaded; the start-up sync then runs as the first cycle (`initialSync`).
 */
export async function startWatch(options: WatchOptions): Promise<WatchSession> {
  const renderCache = await openRenderCache(options.config.rootDir, {
    persist: options.renderCache === true,
    redact: configRedactor(options.config),
  });
  const engine = new WatchEngine(options, renderCache);
  await engine.open();
  return engine;
}

class WatchEngine implements WatchSession {
  initialSync: Promise<void> = Promise.resolve();
  private config: ResolvedConfig;
  private readonly cache: DesiredCache;
  private readonly now: () => number;
  private readonly ctx: CycleContext;
  private readonly queue: BatchQueue;
  private watcher: ContentWatcher | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private cycles = 0;

  constructor(
    private readonly options: WatchOptions,
    private readonly renderCache: RenderCacheStore,
  ) {
    this.cache = new DesiredCache(renderCache);
    this.config = options.config;
    this.now = options.now ?? Date.now;
    this.queue = new BatchQueue(this.now, () => this.kick(), RENAME_WINDOW_MS);
    this.ctx = {
      config: this.config,
      api: gateWrites(options.client, () => this.closed),
      cache: this.cache,
      planMemo: createPlanMemo(),
      site: undefined,
      publish: options.publish ?? this.config.watch.publish,
      memory: emptyMemory(),
      now: this.now,
      emit: (event) => options.onEvent(event),
      isClosed: () => this.closed,
    };
  }

  async open(): Promise<void> {
    try {
      await this.readTree();
      const { desired } = await this.cache.build(pipelineOf(this.ctx));
      // The renderings are written while the knowledge base is read: neither waits for the other.
      const [state] = await Promise.all([
        readRemote(this.ctx.api, this.config, desired),
        this.saveRenderCache(),
      ]);
      this.ctx.memory.state = state;
    } catch (error) {
      await this.close();
      throw error;
    }
    const interval = this.options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    if (interval > 0) this.refreshTimer = setInterval(() => void this.refresh(), interval);
    this.initialSync = this.queue.requestFull('initial');
    this.kick();
  }

  refresh(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const done = this.queue.requestFull('refresh');
    this.kick();
    return done;
  }

  stats(): WatchStats {
    return { renders: this.cache.renders, cycles: this.cycles, files: this.cache.size };
  }

  close(): Promise<void> {
    this.closed = true;
    this.closing ??= (async () => {
      if (this.refreshTimer) clearInterval(this.refreshTimer);
      this.refreshTimer = null;
      await this.watcher?.close();
      await this.running;
      this.queue.clear();
      await this.saveRenderCache();
      this.options.onEvent({ type: 'stopped', at: this.now(), unsent: this.ctx.memory.unsent });
    })();
    return this.closing;
  }

  /** The renderings of the last build, for the next session's start (a failed save only costs time). */
  private async saveRenderCache(): Promise<void> {
    try {
      await this.renderCache.save();
    } catch (error) {
      const message = `Could not save the render cache: ${(error as Error).message}`;
      this.options.onEvent({ type: 'error', at: this.now(), message });
    }
  }

  private debounceMs(): number {
    return Math.max(RENAME_WINDOW_MS, this.options.debounceMs ?? this.config.watch.debounceMs);
  }

  /**
   * The site's conventions, then the watcher, then every file (a save made while reading is not lost):
   * the same files and conventions `plan` and `apply` read.
   */
  private async readTree(): Promise<void> {
    const site = await readSiteOf(this.config);
    this.ctx.site = site;
    await this.startWatcher(siteExcludes(site));
    const { files, excluded } = await readSiteFiles(this.config, site);
    this.cache.replaceAll(files, excluded);
  }

  private async startWatcher(siteExclude: readonly string[]): Promise<void> {
    await this.watcher?.close();
    this.watcher = await watchContent({
      contentDir: this.config.contentDir,
      include: this.config.include,
      exclude: this.config.exclude,
      siteExclude,
      configPath: this.options.reloadConfig ? this.config.configPath : null,
      writeFinishMs: this.options.writeFinishMs ?? DEFAULT_WRITE_FINISH_MS,
      now: this.now,
      onChange: (change) => {
        if (!this.closed) this.queue.addChange(change, this.debounceMs());
      },
      onConfigChange: () => {
        if (!this.closed) this.queue.addConfigChange(this.debounceMs());
      },
      onError: (error) => this.options.onEvent({ type: 'error', at: this.now(), message: error.message }),
    });
  }

  private kick(): void {
    if (this.running || this.closed) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      // Work that became ready while the last cycle was finishing.
      if (this.queue.hasWork()) this.kick();
    });
  }

  private async loop(): Promise<void> {
    for (let batch = this.queue.take(); batch && !this.closed; batch = this.queue.take()) {
      let writes = 0;
      try {
        // A config that does not load is reported; the saves of the batch still run under the old one.
        const reloaded = batch.configChanged ? await this.reloadConfig() : true;
        writes = await runCycle(this.ctx, reloaded ? batch : { ...batch, reason: 'change' });
      } catch (error) {
        this.ctx.memory.stale = true;
        if (this.closed) break; // a read refused because the client is closing: not news
        const message = error instanceof Error ? error.message : String(error);
        this.options.onEvent({ type: 'error', at: this.now(), message });
      }
      this.cycles++;
      this.options.onEvent({ type: 'settled', at: this.now(), reason: batch.reason, writes });
      if (batch.reason === 'initial') {
        const kb = this.ctx.memory.state.knowledgeBase;
        this.options.onEvent({
          type: 'ready',
          at: this.now(),
          documents: this.cache.size,
          knowledgeBase: kb.title || kb.slug,
          publish: this.ctx.publish,
        });
      }
      for (const resolve of batch.waiters) resolve();
    }
  }

  /** Loads the changed config; a broken one is reported and the previous one kept. True when applied. */
  private async reloadConfig(): Promise<boolean> {
    const path = this.config.configPath ?? 'config';
    let next: ResolvedConfig;
    try {
      next = await (this.options.reloadConfig as () => Promise<ResolvedConfig>)();
    } catch (error) {
      const diagnostics = diagnosticsOf(error);
      if (diagnostics.length > 0) {
        this.options.onEvent({ type: 'diagnostics', at: this.now(), diagnostics, blocked: [] });
      }
      const note = `${(error as Error).message} Keeping the previous configuration.`;
      this.options.onEvent({ type: 'config', at: this.now(), path, applied: false, note });
      return false;
    }
    const change = compareConfigs(this.config, next);
    this.config = keepSessionKeys(this.config, next);
    this.ctx.config = this.config;
    this.ctx.publish = this.options.publish ?? this.config.watch.publish;
    if (change.rereadFiles) await this.readTree();
    const note =
      change.needsRestart.length > 0 ? `restart watch to apply ${change.needsRestart.join(', ')}` : undefined;
    this.options.onEvent({ type: 'config', at: this.now(), path, applied: true, ...(note ? { note } : {}) });
    return true;
  }
}
