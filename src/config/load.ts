import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UserConfig } from './types.js';

/** File names looked for in the working directory, in this order. */
export const CONFIG_FILE_NAMES = [
  'pylon-kb.config.ts',
  'pylon-kb.config.mts',
  'pylon-kb.config.js',
  'pylon-kb.config.mjs',
  'pylon-kb.config.json',
] as const;

/**
 * How long a default export that is a promise may take to settle. A promise that never settles would
 * otherwise leave Node with nothing to wait for, and it would exit (code 13) without a word.
 */
export const CONFIG_SETTLE_TIMEOUT_MS = 10_000;
/**
 * How long importing the config module may take (compiling TypeScript, its imports, top-level awaits):
 * longer than the settle timeout, as compiling alone can take seconds on a busy CI machine.
 */
export const CONFIG_IMPORT_TIMEOUT_MS = 60_000;

export interface LoadConfigOptions {
  /** Milliseconds a promise default export may take to settle. Default `CONFIG_SETTLE_TIMEOUT_MS`. */
  settleTimeoutMs?: number | undefined;
  /** Milliseconds importing the module may take. Default `CONFIG_IMPORT_TIMEOUT_MS`. */
  importTimeoutMs?: number | undefined;
}

export interface LoadedConfigFile {
  /** The file's default export, not yet validated (`resolveConfig` does that). */
  config: UserConfig | undefined;
  /** Absolute path of the file that was loaded. */
  path?: string;
}

/**
 * The first line of an underlying error plus the position in `file` when the error gives one; never a
 * code frame, which could quote a secret from the file.
 */
function reason(error: unknown, file: string): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = (text.split('\n').find((l) => l.trim() !== '') ?? 'unknown error').trim().slice(0, 300);
  const at = text.split(file)[1]?.match(/^:(\d+):(\d+)/);
  return at ? `${first} (line ${at[1]}, column ${at[2]})` : first;
}

async function importModule(
  path: string,
  timeouts: { importMs: number; settleMs: number },
): Promise<unknown> {
  if (path.endsWith('.json')) {
    const text = await readFile(path, 'utf8');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${path} is not valid JSON (${reason(error, path)}). Fix the syntax and run again.`);
    }
  }
  let mod: unknown;
  try {
    // Imported as a namespace (not `{ default: true }`) so a missing default export is reported, not
    // validated as if the namespace object were the config.
    mod = await withTimeout(importConfigModule(path), timeouts.importMs, () =>
      neverSettled(path, timeouts.importMs, 'its module (or a top-level await in it)'),
    );
  } catch (error) {
    if (error instanceof ConfigTimeout) throw error;
    throw new Error(
      `Could not load ${path}: ${reason(error, path)}. Fix the error in the file (it must be valid TypeScript or ` +
        'JavaScript that runs without throwing), or point --config at another file.',
    );
  }
  if (mod === null || typeof mod !== 'object' || !('default' in mod)) {
    throw new Error(`${path} has no default export. End it with: export default defineConfig({ ... });`);
  }
  // A default export that is a promise (an async config) is waited for.
  try {
    return await withTimeout(Promise.resolve(mod.default), timeouts.settleMs, () =>
      neverSettled(path, timeouts.settleMs, 'its default export'),
    );
  } catch (error) {
    if (error instanceof ConfigTimeout) throw error;
    throw new Error(
      `The default export of ${path} is a promise that was rejected: ${reason(error, path)}. ` +
        'Fix what the config waits for, or export the config object itself.',
    );
  }
}

class ConfigTimeout extends Error {}

function neverSettled(path: string, ms: number, what: string): ConfigTimeout {
  const seconds = Number((ms / 1000).toFixed(3));
  return new ConfigTimeout(
    `${path} did not finish loading within ${seconds} s: ${what} waits for a promise that never settles. ` +
      'Export the config object (or a promise that resolves), and make sure what it awaits finishes.',
  );
}

/**
 * `work`, or the error `timedOut` makes when it has not settled within `ms`. The timer keeps the process
 * alive while it waits (a pending promise alone does not).
 */
async function withTimeout<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** How often each `.mjs` config was imported in this process. */
const nativeLoads = new Map<string, number>();

/**
 * An `.mjs` config is plain ESM: Node imports it without jiti (about 70 ms less at start-up). Node keeps
 * every module it imported, so a reload (watch) asks for a new URL of the file: its edits are seen (files
 * it imports are Node's cached copies). Every other TS/JS config goes through jiti without its module
 * cache, so an edit to the config or a file it imports is seen on the next load.
 */
async function importConfigModule(path: string): Promise<unknown> {
  if (path.endsWith('.mjs')) {
    const loads = nativeLoads.get(path) ?? 0;
    nativeLoads.set(path, loads + 1);
    const url = pathToFileURL(path);
    if (loads > 0) url.searchParams.set('reload', String(loads));
    return import(url.href);
  }
  // Loaded only for a TS/JS config file: commands on a JSON config or none start without it.
  const { createJiti } = await import('jiti');
  return createJiti(import.meta.url, { moduleCache: false }).import(path);
}

/**
 * Finds and loads the config file: `path` (relative to `cwd`) when given, else the first of
 * `CONFIG_FILE_NAMES` in `cwd`. No file is fine (`config: undefined`); an explicit path that does not
 * exist, or a file that does not parse or run, whose default export is a rejected promise, or that has not
 * finished loading in time (`LoadConfigOptions`), throws an error that names the file and the fix.
 */
export async function loadConfigFile(
  path: string | undefined,
  cwd: string,
  options: LoadConfigOptions = {},
): Promise<LoadedConfigFile> {
  let file: string | undefined;
  if (path !== undefined) {
    file = resolve(cwd, path);
    if (!existsSync(file)) {
      throw new Error(
        `Config file ${file} does not exist. Check the --config path, or leave --config out to use ` +
          `${CONFIG_FILE_NAMES.join(', ')} in ${cwd}.`,
      );
    }
  } else {
    file = CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((candidate) => existsSync(candidate));
    if (file === undefined) return { config: undefined };
  }
  const config = (await importModule(file, {
    importMs: options.importTimeoutMs ?? CONFIG_IMPORT_TIMEOUT_MS,
    settleMs: options.settleTimeoutMs ?? CONFIG_SETTLE_TIMEOUT_MS,
  })) as UserConfig | undefined;
  return { config, path: file };
}
