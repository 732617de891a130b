import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

export interface TreeFile {
  /** Path inside the tree, posix. */
  path: string;
  content: string | Uint8Array;
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
 * Writes the whole tree into a temporary directory beside `dir`, then moves it into place: a failure
 * part-way leaves `dir` as it was. Into a new or empty `dir` the temporary directory is renamed; with
 * `force` into a non-empty one, each file is moved over its old version once all are written.
 */
export async function writeTree(dir: string, files: readonly TreeFile[]): Promise<void> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new PullTargetError(`Cannot create ${parent}: ${error.message}.`);
  });
  const staging = await mkdtemp(join(parent, '.pylon-kb-pull-')).catch((error: NodeJS.ErrnoException) => {
    throw new PullTargetError(
      `Cannot write into ${parent} (${error.code ?? error.message}). Choose a directory you can write to.`,
    );
  });
  let moving = false;
  try {
    for (const file of files) {
      const path = join(staging, ...file.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
    const existing = await readdir(target).catch(() => null);
    if (existing === null || existing.length === 0) {
      if (existing !== null) await rm(target, { recursive: true });
      await rename(staging, target);
      return;
    }
    moving = true;
    for (const file of files) {
      const to = join(target, ...file.path.split('/'));
      await mkdir(dirname(to), { recursive: true });
      await rename(join(staging, ...file.path.split('/')), to);
    }
  } catch (error) {
    if (error instanceof PullTargetError) throw error;
    const state = moving
      ? 'some files were already moved into place (each one whole); run the pull again with --force to finish'
      : 'nothing was changed';
    throw new PullTargetError(
      `Writing the pulled tree failed, ${state} in ${dir}: ${(error as Error).message}`,
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
