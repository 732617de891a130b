import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * A `.pylon-kb/` file that keeps what pylon-kb learned per target (`{format, targets: {key: entry}}`):
 * learned rate limits, the upload journal. A missing or unreadable file, or another format, reads as empty.
 */
export interface TargetStateFile<Entry> {
  format: number;
  targets: Record<string, Entry>;
}

/** The key of a target in such a file: no secret in it, only a short one-way fingerprint of the token. */
export function targetKey(kind: string, apiUrl: string, token: string, account?: string): string {
  const fingerprint = createHash('sha256').update(token).digest('hex').slice(0, 12);
  return [kind, apiUrl, account ?? '-', fingerprint].join(' ');
}

export async function readTargetState<Entry>(path: string, format: number): Promise<TargetStateFile<Entry>> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<TargetStateFile<Entry>>;
    if (data.format === format && data.targets && typeof data.targets === 'object') {
      return { format, targets: data.targets };
    }
  } catch {
    // No file yet, or one that cannot be read: nothing known.
  }
  return { format, targets: {} };
}

/** Written beside the file, then renamed over it; the temporary name is unique per write (two runs in one process). */
export async function writeTargetState<Entry>(path: string, state: TargetStateFile<Entry>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, path);
}
