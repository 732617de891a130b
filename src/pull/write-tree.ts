import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type RefusedWrite, TargetBoundary } from './inside-target.js';

export type { RefusedWrite } from './inside-target.js';

export interface TreeFile {
  /** Path inside the tree, posix. */
  path: string;
  /** The file's text or bytes, or `{ from }`: a file already on disk in the staging area, moved into place. */
  content: string | Uint8Array | { from: string };
}

export class PullTargetError extends Error {
  override name = 'PullTargetError';
  readonly code = 'pull/target';
}

/** Refuses a directory that holds files (unless `force`), and one that cannot be written. */
export async function checkTarget(dir: string, force: boolean): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new PullTargetError(`Cannot read ${dir}: ${error.message}.`);
  });
  if (info === null) return;
  if (!info.isDirectory())
    throw new PullTargetError(`${dir} is a file, not a directory. Choose a directory to pull into.`);
  const entries = await readdir(dir);
  if (entries.length > 0 && !force) {
    throw new PullTargetError(
      `${dir} is not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}). Pull into an empty or new directory, or pass --force to write over the files pull writes (other files are left alone).`,
    );
  }
}

/**
 * A temporary directory beside the target (`.pylon-kb-pull-…`): downloads stream into `downloads`, the
 * tree is written into `tree` and moved into place by `writeTree`. `discard` removes what is left.
 */
export interface Staging {
  downloads: string;
  tree: string;
  discard(): Promise<void>;
}

export async function openStaging(dir: string): Promise<Staging> {
  const parent = dirname(resolve(dir));
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new PullTargetError(`Cannot create ${parent}: ${error.message}.`);
  });
  const root = await mkdtemp(join(parent, '.pylon-kb-pull-')).catch((error: NodeJS.ErrnoException) => {
    throw new PullTargetError(
      `Cannot write into ${parent} (${error.code ?? error.message}). Choose a directory you can write to.`,
    );
  });
  const staging = {
    downloads: join(root, 'downloads'),
    tree: join(root, 'tree'),
    discard: () => rm(root, { recursive: true, force: true }),
  };
  await mkdir(staging.downloads);
  await mkdir(staging.tree);
  return staging;
}

/**
 * Writes the whole tree into the staging directory, then moves it into place: a failure part-way leaves
 * `dir` as it was. Into a new or empty `dir` the staged tree is renamed; into a non-empty one (`--force`),
 * each file is moved over its old version once all are written, and a file whose place is reached through
 * a symbolic link to outside `dir` is refused (returned), the others written.
 */
export async function writeTree(
  dir: string,
  files: readonly TreeFile[],
  staging: Staging,
): Promise<{ refused: RefusedWrite[] }> {
  const target = resolve(dir);
  const refused: RefusedWrite[] = [];
  let moving = false;
  try {
    for (const file of files) {
      const path = join(staging.tree, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      if (typeof file.content === 'object' && 'from' in file.content) await rename(file.content.from, path);
      else await writeFile(path, file.content);
    }
    const existing = await readdir(target).catch(() => null);
    if (existing === null || existing.length === 0) {
      if (existing !== null) await rm(target, { recursive: true });
      await rename(staging.tree, target);
      return { refused };
    }
    moving = true;
    const boundary = await TargetBoundary.of(target);
    for (const file of files) {
      const place = await boundary.place(file.path);
      if (!place.ok) {
        refused.push({ path: file.path, reason: place.reason });
        continue;
      }
      await rename(join(staging.tree, ...file.path.split('/')), place.absolute);
    }
    return { refused };
  } catch (error) {
    if (error instanceof PullTargetError) throw error;
    const state = moving
      ? 'some files were already moved into place (each one whole); run the pull again with --force to finish'
      : 'nothing was changed';
    throw new PullTargetError(
      `Writing the pulled tree failed, ${state} in ${dir}: ${(error as Error).message}`,
    );
  }
}
