import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type AssetProblem, contentTypeOf, DEFAULT_MAX_ASSET_BYTES } from './assets.js';
import type { AssetInfo } from './types.js';

/**
 * The I/O edge for the local files documents refer to (images, PDFs …): checks that each stays inside
 * the content directory, then hashes it as a stream. Bytes are never kept: apply reads them again
 * from `absolutePath` when it uploads.
 */

/** The two calls this edge makes, replaceable in tests to watch what is touched. */
export interface AssetFileSystem {
  realpath(path: string): Promise<string>;
  open(path: string, flags: number): Promise<FileHandle>;
}

export interface ReadAssetsOptions {
  /** Larger files are `too-large` without being read. Default 20 MiB. */
  maxAssetBytes?: number | undefined;
  /** Files looked at in parallel. Default 8. */
  concurrency?: number | undefined;
  fileSystem?: AssetFileSystem | undefined;
  /**
   * The site's static folders outside the content directory (`../static`), relative to it: a path under
   * one of them is read when its real location stays inside that folder.
   */
  staticDirs?: readonly string[] | undefined;
}

/** A file that can be uploaded, with the real path it was hashed from. */
export interface ReadAsset extends AssetInfo {
  absolutePath: string;
}

export type ReadAssetResult = ReadAsset | AssetProblem;

const NODE_FS: AssetFileSystem = { realpath, open };
// O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: the checked real path is opened, and
// a symbolic link swapped in since is refused. Both are 0 where the platform lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Looks at each path (relative to `contentDir`, posix separators). A path that is absolute or climbs
 * out with `..` is refused before any file-system call; a path whose real location (symbolic links
 * followed) is outside the content directory is refused without being opened.
 */
export async function readAssets(
  contentDir: string,
  paths: Iterable<string>,
  options: ReadAssetsOptions = {},
): Promise<Map<string, ReadAssetResult>> {
  const fs = options.fileSystem ?? NODE_FS;
  const limit = options.maxAssetBytes ?? DEFAULT_MAX_ASSET_BYTES;
  const unique = [...new Set(paths)];
  const results = new Map<string, ReadAssetResult>();
  if (unique.length === 0) return results;
  const root = await fs.realpath(resolve(contentDir));
  const statics: { prefix: string; dir: string }[] = [];
  for (const dir of options.staticDirs ?? []) {
    const real = await fs.realpath(resolve(contentDir, dir)).catch(() => undefined);
    if (real) statics.push({ prefix: `${dir.replace(/\/+$/, '')}/`, dir: real });
  }

  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const path = unique[next++] as string;
      const inStatic = statics.find((s) => path.startsWith(s.prefix));
      results.set(
        path,
        inStatic
          ? await readOne(fs, inStatic.dir, path.slice(inStatic.prefix.length), limit, path)
          : await readOne(fs, root, path, limit),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  return new Map([...results].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A plain relative path: no leading `/` or drive, no `..`, no NUL, no backslash. */
export function isPlainRelativePath(path: string): boolean {
  if (path === '' || path.includes('\0') || path.includes('\\')) return false;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || isAbsolute(path)) return false;
  return path.split('/').every((segment) => segment !== '..');
}

async function readOne(fs: AssetFileSystem, root: string, inside: string, limit: number, path = inside) {
  if (!isPlainRelativePath(inside)) return problem('outside', path);
  let real: string;
  try {
    real = await fs.realpath(join(root, inside));
  } catch (error) {
    return problem('missing', path, describeError(error));
  }
  const within = relative(root, real);
  if (within === '') return problem('missing', path, 'is not a regular file');
  if (within === '..' || within.startsWith(`..${sep}`) || isAbsolute(within)) {
    return problem('outside', path);
  }

  let handle: FileHandle;
  try {
    handle = await fs.open(real, OPEN_FLAGS);
  } catch (error) {
    return problem('missing', path, describeError(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return problem('missing', path, 'is not a regular file');
    if (info.size > limit) return { error: 'too-large' as const, path, size: info.size, limit };
    const hashed = await hash(handle, limit);
    if (hashed.size > limit) return { error: 'too-large' as const, path, size: hashed.size, limit };
    const asset: ReadAsset = {
      path,
      sha256: hashed.sha256,
      size: hashed.size,
      contentType: contentTypeOf(path),
      absolutePath: real,
    };
    return asset;
  } finally {
    await handle.close();
  }
}

/** sha256 of the file, streamed; stops once more than `limit` bytes were read (the file grew). */
async function hash(handle: FileHandle, limit: number): Promise<{ sha256: string; size: number }> {
  const digest = createHash('sha256');
  let size = 0;
  const stream = handle.createReadStream({ autoClose: false, start: 0 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      break;
    }
    digest.update(chunk);
  }
  return { sha256: digest.digest('hex'), size };
}

function problem(error: AssetProblem['error'], path: string, detail?: string): AssetProblem {
  return { error, path, ...(detail !== undefined && { detail }) };
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'ELOOP') return 'is a loop of symbolic links';
  return `cannot be read (${typeof code === 'string' ? code : 'unknown error'})`;
}
