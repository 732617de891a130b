import { relative, resolve, sep } from 'node:path';
import { type FSWatcher, watch } from 'chokidar';
import { globMatcher } from '../content/glob.js';
import { ALWAYS_EXCLUDE, contentFileRule } from '../content/read-files.js';
import type { FileChange } from './types.js';

/**
 * How long a deleted file may take to reappear and count as changed (an editor's save by rename). chokidar
 * reports a delete this late; batches wait at least this long so a rename's delete and add stay together.
 */
export const RENAME_WINDOW_MS = 50;

/** Hidden files, emacs lock and autosave files, vim's write test file: never content, never assets. */
const EDITOR_SCRATCH = /(^|\/)([.#][^/]*|4913)$/;

export interface WatcherOptions {
  contentDir: string;
  include: readonly string[];
  exclude: readonly string[];
  /** Globs the site generator leaves out (its partials folders, `exclude` of its config). */
  siteExclude: readonly string[];
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

/**
 * Which relative paths of the content directory are content: the rule `readContent` walks the tree with.
 * Left-out folders are still watched: a site's partials live there, and the documents including them
 * render again when they change.
 */
export function contentPathFilter(
  include: readonly string[],
  exclude: readonly string[],
  siteExclude: readonly string[] = [],
) {
  const rule = contentFileRule({ include, exclude, siteExclude });
  const always = globMatcher(ALWAYS_EXCLUDE);
  return {
    kindOf: (path: string) => rule.classify(path),
    /** Any other file of the tree (documents may embed, link or include it), except editors' scratch files. */
    isAsset: (path: string): boolean => !always(path) && !EDITOR_SCRATCH.test(path),
    isSkippedDir: rule.isSkippedDir,
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
  const filter = contentPathFilter(options.include, options.exclude, options.siteExclude);
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
      return stats?.isDirectory() === true ? filter.isSkippedDir(path) : false;
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
    const fileKind = filter.kindOf(path);
    const asset = fileKind !== 'content';
    if (asset && !filter.isAsset(path)) return;
    const savedAt = kind === 'delete' ? at : saveTime(at, stats?.mtimeMs);
    const flags = { ...(asset && { asset }), ...(fileKind === 'excluded' && { excluded: true }) };
    options.onChange({ path, kind, savedAt, ...flags });
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
