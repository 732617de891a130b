import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

function parseTargetState<Entry>(text: string, format: number): TargetStateFile<Entry> {
  try {
    const data = JSON.parse(text) as Partial<TargetStateFile<Entry>>;
    if (data.format === format && data.targets && typeof data.targets === 'object') {
      return { format, targets: data.targets };
    }
  } catch {
    // A file that cannot be read: nothing known.
  }
  return { format, targets: {} };
}

export async function readTargetState<Entry>(path: string, format: number): Promise<TargetStateFile<Entry>> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return parseTargetState<Entry>(text, format);
}

const temporaryFor = (path: string) => `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;

/**
 * Changes one target's entry in place, synchronously: read, change, written beside the file and renamed
 * over it, before anything else runs. For records that must be on disk as soon as possible (a process
 * killed a moment later keeps them); each takes a fraction of a millisecond for these small files.
 */
export function updateTargetStateSync<Entry>(
  path: string,
  format: number,
  key: string,
  change: (entry: Entry | undefined) => Entry | undefined,
): void {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // No file yet.
  }
  const state = parseTargetState<Entry>(text, format);
  const next = change(state.targets[key]);
  if (next === undefined) delete state.targets[key];
  else state.targets[key] = next;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryFor(path);
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Written beside the file, then renamed over it; the temporary name is unique per write (two runs in one process). */
export async function writeTargetState<Entry>(path: string, state: TargetStateFile<Entry>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryFor(path);
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, path);
}
