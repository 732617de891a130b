import type { ServerResponse } from 'node:http';

/**
 * The store's version and who wants to hear about it: every committed write bumps the version; open
 * pages (server-sent events) hear the new version once writes have paused briefly, so one save that
 * makes several writes reloads a page once.
 */
export class ChangeFeed {
  version = 1;
  private readonly listeners = new Set<(version: number) => void>();
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;

  constructor(
    private readonly quietMs = 50,
    private readonly maxWaitMs = 250,
  ) {}

  bump(): void {
    this.version++;
    const now = Date.now();
    if (this.timer === undefined) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstPending + this.maxWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      for (const listener of this.listeners) listener(this.version);
    }, wait);
    this.timer.unref();
  }

  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}

/** `…/_help/events`: an event stream that says the store version now and after every change. */
export function serveEvents(feed: ChangeFeed, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  const send = (version: number) => res.write(`data: ${version}\n\n`);
  res.write('retry: 500\n');
  send(feed.version);
  const unsubscribe = feed.subscribe(send);
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
