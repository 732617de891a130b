import { relative, resolve, sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { globMatcher } from '../content/glob.js';
import { ALWAYS_EXCLUDE, DEFAULT_INCLUDE } from '../content/read-files.js';
import type { FileChange } from './types.js';

/**
 * How long a deleted file may take to reappear and count as changed (an editor's save by rename). chokidar
 * reports a delete this late; batches wait at least this long so a rename's delete and add stay together.
 */
export const RENAME_WINDOW_MS = 50;

/** Hidden files, emacs lock and autosave files, vim's write test file: never content, never assets. */
const EDITOR_SCRATCH = /(^|\/)([.#][^/]*|4913)$/;

/** Folder metadata files are content wherever they are, whatever `include` says (as in read-files.ts). */
const METADATA_FILE = /(^|\/)_category_\.(json|ya?ml)$/i;

export interface WatcherOptions {
  contentDir: string;
  include: readonly string[];
  exclude: readonly string[];
  /** Also watched; its changes are reported through `onConfigChange`. */
  configPath: string | null;
  /** Size-stable time before a save counts as finished (editors write in several steps). */
  writeFinishMs: number;
  now: () => number;
  onChange: (change: FileChange) => void;
  onConfigChange: () => void;
  onError: (error: Error) => void;
}

export interface ContentWatcher {
  close(): Promise<void>;
}

/** Which relative paths of the content directory are content (the same rule as `readContentFiles`). */
export function contentPathFilter(include: readonly string[], exclude: readonly string[]) {
  const included = globMatcher(include.length > 0 ? include : DEFAULT_INCLUDE);
  const excluded = globMatcher([...ALWAYS_EXCLUDE, ...exclude]);
  return {
    isContent: (path: string): boolean => !excluded(path) && (included(path) || METADATA_FILE.test(path)),
    /** Any other file of the tree (documents may embed or link it), except editors' scratch files. */
    isAsset: (path: string): boolean => !excluded(path) && !EDITOR_SCRATCH.test(path),
    isExcludedDir: (path: string): boolean => excluded(`${path}/`),
  };
}

/** When the save happened: the mtime when it is plausible (not in the future, not from a copy of old files). */
function saveTime(eventAt: number, mtimeMs: number | undefined): number {
  if (mtimeMs === undefined || mtimeMs > eventAt || eventAt - mtimeMs > 10_000) return eventAt;
  return mtimeMs;
}

/**
 * chokidar over the content directory and the config file. Editors' write-then-rename saves arrive as one
 * change (chokidar's atomic-write handling); a save is reported once the file's size has stopped changing.
 */
export async function watchContent(options: WatcherOptions): Promise<ContentWatcher> {
  const root = resolve(options.contentDir);
  const configPath = options.configPath === null ? null : resolve(options.configPath);
  const filter = contentPathFilter(options.include, options.exclude);
  const toRelative = (absolute: string): string | null => {
    const path = relative(root, absolute);
    if (path === '' || path.startsWith('..') || resolve(root, path) !== resolve(absolute)) return null;
    return path.split(sep).join('/');
  };

  const watcher: FSWatcher = watch(configPath ? [root, configPath] : [root], {
    ignoreInitial: true,
    followSymlinks: false,
    atomic: RENAME_WINDOW_MS,
    awaitWriteFinish: { stabilityThreshold: options.writeFinishMs, pollInterval: 10 },
    ignored: (absolute, stats) => {
      if (absolute === configPath) return false;
      const path = toRelative(absolute);
      if (path === null) return false;
      return stats?.isDirectory() === true ? filter.isExcludedDir(path) : false;
    },
  });

  const onFile = (kind: FileChange['kind']) => (absolute: string, stats?: { mtimeMs: number }) => {
    const at = options.now();
    if (configPath !== null && resolve(absolute) === configPath) {
      options.onConfigChange();
      return;
    }
    const path = toRelative(absolute);
    if (path === null) return;
    const asset = !filter.isContent(path);
    if (asset && !filter.isAsset(path)) return;
    const savedAt = kind === 'delete' ? at : saveTime(at, stats?.mtimeMs);
    options.onChange({ path, kind, savedAt, ...(asset ? { asset } : {}) });
  };
  watcher.on('add', onFile('write'));
  watcher.on('change', onFile('write'));
  watcher.on('unlink', onFile('delete'));
  watcher.on('error', (error) => options.onError(error as Error));

  await new Promise<void>((resolveReady, reject) => {
    const fail = (error: unknown) => reject(error);
    watcher.once('error', fail);
    watcher.once('ready', () => {
      watcher.off('error', fail);
      resolveReady();
    });
  });
  return { close: () => watcher.close() };
}
