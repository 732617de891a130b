/**
 * Wakes whoever waits for the next request of a lane (or of the shared window) to finish: the moment a
 * slot's expiry becomes known. Waiting is dropped when the client closes (`signal`).
 */
export class FinishSignal {
  private waiters: Array<() => void> = [];

  constructor(
    private readonly signal: AbortSignal,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {}

  /** A request finished: wakes every waiter. */
  wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when the next request finishes (every slot is held by a request still in flight). */
  next(): Promise<void> {
    const { signal } = this;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** Sleeps `ms`, or less if a request finishes first. */
  async nextWithin(ms: number): Promise<void> {
    const { signal } = this;
    const timer = new AbortController();
    const onAbort = () => timer.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([this.sleep(ms, timer.signal).catch(() => undefined), this.next()]);
    } finally {
      signal.removeEventListener('abort', onAbort);
      timer.abort();
    }
  }
}
