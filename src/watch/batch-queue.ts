import type { Batch } from './cycle-context.js';
import type { CycleReason, FileChange } from './types.js';

export interface QueuedBatch extends Batch {
  /** The config file changed (reload it before the cycle). */
  configChanged: boolean;
  /** Resolve these when the cycle is done (`refresh()`, `initialSync`). */
  waiters: (() => void)[];
}

/**
 * Collects file events into batches. A batch of saves is ready `debounceMs` after the last save (its
 * `savedAt`: the time the watcher spent making sure the write had finished counts as quiet time) and at
 * most `maxWaitMs` after its first event, so a steady stream of saves is not starved; a full pass
 * (start-up, refresh) is ready at once and takes the saves collected so far with it.
 */
export class BatchQueue {
  private pending: FileChange[] = [];
  private configChanged = false;
  private full: CycleReason | null = null;
  private waiters: (() => void)[] = [];
  private firstAt: number | null = null;
  /** The latest save of the pending batch. */
  private lastSaveAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly now: () => number,
    /** Called when a batch becomes ready. */
    private readonly onReady: () => void,
    /**
     * The least wait after any event, however long ago its file was written: the other half of a rename
     * (its delete, which the watcher reports late) must still join the batch.
     */
    private readonly minWaitMs = 0,
  ) {}

  addChange(change: FileChange, debounceMs: number): void {
    this.pending.push(change);
    this.arm(debounceMs, Math.min(change.savedAt, this.now()));
  }

  addConfigChange(debounceMs: number): void {
    this.configChanged = true;
    this.arm(debounceMs, this.now());
  }

  /** A full pass (start-up, refresh); the promise resolves when its cycle is done. */
  requestFull(reason: CycleReason): Promise<void> {
    this.full ??= reason;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  hasWork(): boolean {
    return this.full !== null || (this.timer === null && (this.pending.length > 0 || this.configChanged));
  }

  take(): QueuedBatch | null {
    if (!this.hasWork()) return null;
    const quiet = this.timer === null;
    const configChanged = quiet && this.configChanged;
    const reason: CycleReason = this.full ?? (configChanged ? 'config' : 'change');
    const changes = quiet ? this.pending.splice(0) : [];
    if (quiet) {
      this.firstAt = null;
      this.lastSaveAt = null;
      this.configChanged = false;
    }
    this.full = null;
    return { reason, changes, configChanged, waiters: reason === 'change' ? [] : this.waiters.splice(0) };
  }

  /** Stops the timer and releases everyone waiting. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private arm(debounceMs: number, savedAt: number): void {
    const now = this.now();
    this.firstAt ??= now;
    this.lastSaveAt = Math.max(this.lastSaveAt ?? savedAt, savedAt);
    const maxWaitMs = Math.max(1000, 4 * debounceMs);
    const quietFor = Math.max(this.minWaitMs, this.lastSaveAt + debounceMs - now);
    const wait = Math.min(quietFor, Math.max(0, this.firstAt + maxWaitMs - now));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onReady();
    }, wait);
  }
}
