import { resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedConfig, UserConfig } from '../../src/config/types.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';
import { loadContent } from '../../src/run/content.js';
import { type CliSession, envFor, startCliSession } from '../e2e/helpers.js';

type StateArticle = ReturnType<RunningEmulator['snapshot']>['articles'][number];

/** Polls until `probe` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The emulator's article whose pylon-kb marker holds `key` (and is not retired). */
export function articleByKey(emu: RunningEmulator, key: string): StateArticle | undefined {
  return emu.snapshot().articles.find((a) => {
    const marker = readMarker(a.draft_html);
    return marker?.key === key && !marker.retired;
  });
}

export function articlesByKey(emu: RunningEmulator, key: string): StateArticle[] {
  return emu.snapshot().articles.filter((a) => readMarker(a.draft_html)?.key === key);
}

/** A mark in the emulator's request log: `requestsSince(emu, mark)` lists the API requests logged after it. */
export function logMark(emu: RunningEmulator): number {
  return emu.snapshot().requests.log.length;
}

/** API requests (admin and help-center routes left out) the emulator logged after `mark`. */
export function requestsSince(emu: RunningEmulator, mark: number) {
  return emu
    .snapshot()
    .requests.log.slice(mark)
    .filter((entry) => entry.endpoint !== null);
}

export type { CliSession as CliWatch } from '../e2e/helpers.js';

/** Runs `pylon-kb watch` in-process, as the bin does, with an abort signal standing in for Ctrl-C. */
export function startCliWatch(
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): CliSession {
  return startCliSession(['watch', ...args], options);
}

/** Handles that would keep the process alive, by kind (timers, file watchers, sockets, servers). */
export function liveHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** The resolved config of a watch session against `emu` (rate limits off), as the CLI would build it. */
export function configFor(
  emu: RunningEmulator,
  contentDir: string,
  cwd: string,
  extra: UserConfig = {},
): ResolvedConfig {
  const resolved = resolveConfig({
    file: {
      contentDir,
      knowledgeBase: 'help-center',
      defaultAuthor: 'ada@acme.test',
      rateLimits: { preset: 'off' },
      ...extra,
    },
    flags: {},
    env: envFor(emu),
    cwd,
  });
  if ('errors' in resolved) throw new Error(JSON.stringify(resolved.errors));
  return resolved.config;
}

/** What the official pipeline (`loadContent`, as `plan` and `apply` use it) makes of a docs tree. */
export async function expectedTree(emu: RunningEmulator, docs: string, cwd: string) {
  const { files, desired } = await loadContent(configFor(emu, docs, cwd));
  return { files: files.length, desired };
}
