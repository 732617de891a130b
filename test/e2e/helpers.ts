import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { readMarker } from '../../src/identity/marker.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const EXAMPLE = join(REPO, 'content-example');

/** Flags every end-to-end run passes: a content folder, the seed's KB and author, no pacing. */
export function cliFlagsFor(contentDir: string): string[] {
  return [
    '--content-dir',
    contentDir,
    '--kb',
    'help-center',
    '--author',
    'ada@acme.test',
    '--rate-limits',
    'off',
  ];
}

/** The end-to-end flags for the workspace's `docs/`. */
export const CLI_FLAGS = cliFlagsFor('docs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, the way the bin does, with its own env and cwd. */
export async function runCli(
  args: string[],
  options: { env?: Record<string, string>; cwd: string },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd,
  });
  return { code, stdout, stderr };
}

export interface CliSession {
  stdout(): string;
  stderr(): string;
  /** Ctrl-C: aborts the signal and resolves with the exit code. */
  stop(): Promise<number>;
  done: Promise<number>;
}

/** Runs a long-lived command (`watch`, `preview`) in-process, with an abort signal standing in for Ctrl-C. */
export function startCliSession(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): CliSession {
  let stdout = '';
  let stderr = '';
  const interrupt = new AbortController();
  const done = main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1', ...options.env },
    cwd: options.cwd,
    signal: interrupt.signal,
  });
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    done,
    stop: () => {
      interrupt.abort();
      return done;
    },
  };
}

/** A temporary folder, optionally holding a copy of content-example as `docs/`. */
export async function workspace(
  withExample = true,
): Promise<{ dir: string; docs: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pylon-kb-'));
  const docs = join(dir, 'docs');
  if (withExample) await cp(EXAMPLE, docs, { recursive: true });
  return { dir, docs, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a file, creating its folders. */
export async function writeText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, ...options });
}

/** The env that points the CLI at an emulator, as a CI job would point it at Pylon. */
export function envFor(emu: RunningEmulator): Record<string, string> {
  return { PYLON_API_URL: emu.url, PYLON_API_TOKEN: emu.token };
}

/**
 * The env that points the CLI at the emulator's Truto façade, as a product that reaches its customers'
 * Pylon through Truto would: Truto's URL, token and integrated account, and no Pylon token.
 */
export function trutoEnvFor(emu: RunningEmulator): Record<string, string> {
  return {
    TRUTO_API_URL: emu.url,
    TRUTO_API_TOKEN: emu.truto.token,
    TRUTO_INTEGRATED_ACCOUNT_ID: emu.truto.accounts[0] ?? '',
  };
}

/** How a test reaches the emulator: directly, or through its Truto façade. */
export const TRANSPORTS = [
  { name: 'direct', env: envFor },
  { name: 'truto', env: trutoEnvFor },
] as const;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Write requests the emulator received on Pylon's API or on its Truto façade (`/custom/…`, `/proxy/…`);
 * admin routes excluded.
 */
export function writeCount(emu: RunningEmulator): number {
  const counts = emu.snapshot().requests.counts as Record<string, number>;
  return Object.entries(counts)
    .filter(([route]) => {
      const [method, path = ''] = route.split(' ');
      const facade = path.startsWith('/custom/') || path.startsWith('/proxy/');
      return WRITE_METHODS.has(method ?? '') && (facade || !path.startsWith('/_emulator'));
    })
    .reduce((sum, [, n]) => sum + n, 0);
}

export interface StoredArticle {
  id: string;
  title: string;
  slug: string;
  collection_id?: string;
  url: string;
  draft_html: string;
}

/** The emulator's articles that pylon-kb manages (marker present, not retired), by document key. */
export function managedByKey(emu: RunningEmulator): Map<string, StoredArticle[]> {
  const byKey = new Map<string, StoredArticle[]>();
  for (const a of (emu.snapshot() as unknown as { articles: StoredArticle[] }).articles) {
    const marker = readMarker(a.draft_html);
    if (!marker || marker.retired) continue;
    byKey.set(marker.key, [...(byKey.get(marker.key) ?? []), a]);
  }
  return byKey;
}

/**
 * Where the help-center page of an old URL redirects to (301 `Location`) as a public URL of the KB's host,
 * or null when it does not. The local site answers with its own path (`/_site/help-center/articles/…`).
 */
export async function redirectTarget(emu: RunningEmulator, url: string): Promise<string | null> {
  const site = '/_site/help-center';
  const response = await fetch(`${emu.url}${site}${new URL(url).pathname}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 301 || !location?.startsWith(`${site}/`)) return null;
  return `https://${emu.kb().host}${location.slice(site.length)}`;
}

/**
 * 429 answers per route, grouped into bursts (a burst ends when a window passes without one). A client
 * that learns its limits upward may meet one burst per endpoint the first time it talks to a server.
 */
export function rateLimitBursts(
  log: readonly { route: string; status: number; at: number }[],
  windowMs: number,
): Record<string, number> {
  const last = new Map<string, number>();
  const bursts: Record<string, number> = {};
  for (const entry of log) {
    if (entry.status !== 429) continue;
    const previous = last.get(entry.route);
    if (previous === undefined || entry.at - previous > windowMs) {
      bursts[entry.route] = (bursts[entry.route] ?? 0) + 1;
    }
    last.set(entry.route, entry.at);
  }
  return bursts;
}
