import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from './failures.js';

/**
 * The text of a saved plan file, read only when it is a regular file under a size cap: a FIFO would hang the
 * read, a device (`/dev/urandom`) or a huge file would fill memory. Each refusal names the path.
 */

/** The largest plan file `apply` reads: far above the plan of a large knowledge base (bodies twice over). */
export const MAX_PLAN_FILE_BYTES = 64 * 1024 * 1024;

const unreadable = (file: string, why: string) =>
  new InputError(
    `Cannot read the plan file ${file}: ${why}. Write one with: pylon-kb plan --json --out ${file}`,
    [],
    'plan/unreadable',
  );

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

export async function readPlanFileText(
  file: string,
  cwd: string,
  maxBytes = MAX_PLAN_FILE_BYTES,
): Promise<string> {
  const path = resolve(cwd, file);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw unreadable(file, 'it does not exist or cannot be opened');
  }
  if (!info.isFile()) throw unreadable(file, `it is ${kindOf(info)}, not a regular file`);
  if (info.size > maxBytes) {
    throw unreadable(file, `it is ${info.size} bytes, over the ${maxBytes}-byte limit for a plan file`);
  }
  // Opened without blocking and checked again on the open file: the path may have been swapped meanwhile.
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw unreadable(file, 'it cannot be opened');
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw unreadable(file, `it is ${kindOf(opened)}, not a regular file`);
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw unreadable(file, `it is over the ${maxBytes}-byte limit for a plan file`);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}
