import type { StoreData } from './model.js';
import { saveStateAsync, serializeState } from './persistence.js';

/**
 * Keeps the state file up to date without rewriting it on every write: a write marks the store dirty, and
 * the file is replaced (atomically, off the request path) at most once per `intervalMs`, with the store as
 * it is then. `flush()` waits until every write so far is on disk; `close()` of the emulator calls it.
 */
export class StateWriter {
  /** How many times the file was replaced since start. */
  saves = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly path: string,
    private readonly read: () => StoreData,
    private readonly intervalMs = 100,
  ) {}

  /** The store changed: save it soon. */
  schedule(): void {
    this.dirty = true;
    if (!this.timer && !this.running) this.timer = setTimeout(() => this.start(), this.intervalMs);
  }

  /** Resolves when every change scheduled so far is in the file; rejects when a save failed. */
  async flush(): Promise<void> {
    while (this.dirty || this.running) {
      if (!this.running) this.start();
      await this.running;
    }
    if (this.failure) {
      const failure = this.failure;
      this.failure = undefined;
      throw failure;
    }
  }

  private start(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.dirty && !this.timer) this.timer = setTimeout(() => this.start(), this.intervalMs);
    });
  }

  private async drain(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      await saveStateAsync(this.path, serializeState(this.read()));
      this.saves++;
    } catch (error) {
      this.failure = error;
    }
  }
}
