import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A write pull refuses: its path in the tree and why. */
export interface RefusedWrite {
  path: string;
  reason: string;
}

/**
 * Keeps every write inside the target folder, however the folder's contents are linked: a folder of the
 * tree, or the file itself, that is a symbolic link resolving outside the target's real path is refused
 * (never created or written through). The target itself may be a link: its real path is the boundary.
 */
export class TargetBoundary {
  private constructor(
    private readonly root: string,
    private readonly realRoot: string,
  ) {}

  static async of(root: string): Promise<TargetBoundary> {
    return new TargetBoundary(root, await realpath(root));
  }

  private inside(real: string): boolean {
    const rel = relative(this.realRoot, real);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !rel.startsWith(sep));
  }

  /**
   * Prepares the write of `path` (posix, relative to the target): creates each missing parent folder one at
   * a time, checking the real path of each existing one, then checks the file's own place. Returns the
   * absolute path to write, or the reason the write is refused.
   */
  async place(path: string): Promise<{ ok: true; absolute: string } | { ok: false; reason: string }> {
    const parts = path.split('/');
    const name = parts.pop() ?? '';
    let folder = this.root;
    for (const part of parts) {
      folder = join(folder, part);
      const info = await lstat(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (info === null) {
        await mkdir(folder);
        continue;
      }
      const real = await realpath(folder).catch(() => null);
      if (real === null || !this.inside(real)) {
        return {
          ok: false,
          reason: `its folder ${relativeTo(this.root, folder)} is a symbolic link to outside the target`,
        };
      }
      if (!(await lstat(real)).isDirectory()) {
        return { ok: false, reason: `${relativeTo(this.root, folder)} is a file, not a folder` };
      }
    }
    const absolute = join(folder, name);
    const own = await lstat(absolute).catch(() => null);
    if (own?.isSymbolicLink()) {
      const real = await realpath(absolute).catch(() => null);
      if (real === null || !this.inside(real)) {
        return { ok: false, reason: 'the file there is a symbolic link to outside the target' };
      }
    }
    if (own?.isDirectory()) return { ok: false, reason: 'a folder of that name is there' };
    return { ok: true, absolute };
  }
}

function relativeTo(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
