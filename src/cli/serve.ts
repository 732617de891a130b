import type { RunningEmulator } from '../emulator/index.js';
import type { CliIO } from './io.js';

/** Keeping an embedded emulator up after a command, so what it published can be opened in a browser. */

/** Serve only for a person at a terminal: not in CI, not when asked not to, not without a way to stop. */
export function shouldServe(io: CliIO, noServe: boolean): boolean {
  const ci = io.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return !noServe && !inCi && io.stdout.isTTY === true && io.signal !== undefined;
}

/** Resolves when the user interrupts (the bin aborts `io.signal` on Ctrl-C / SIGTERM). */
export function untilInterrupted(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** The help center's home page on the emulator, for the knowledge base with this slug. */
export function helpCenterUrl(emulator: RunningEmulator, kbSlug: string, preview = false): string {
  return `${emulator.url}/${preview ? '_preview' : '_site'}/${encodeURIComponent(kbSlug)}/`;
}

export interface SitePages {
  /** The help center's home, drafts included (`/_preview/<kb>/`). */
  home: string;
  /** An article's page, drafts included. */
  page(article: { identifier: string; url?: string }): string;
}

/** Preview URLs of the knowledge base the config names (slug or id; default: the emulator's first). */
export function sitePages(emulator: RunningEmulator, kbRef: string | null): SitePages {
  const kbs = emulator.snapshot().knowledge_bases;
  const kb = kbs.find((k) => k.slug === kbRef || k.id === kbRef) ?? kbs[0];
  const home = helpCenterUrl(emulator, kb?.slug ?? '', true);
  const page = (article: { identifier: string; url?: string }) => {
    const path = article.url ? new URL(article.url).pathname.slice(1) : '';
    return path.startsWith('articles/')
      ? `${home}${path}`
      : `${home}articles/${encodeURIComponent(article.identifier)}`;
  };
  return { home, page };
}
