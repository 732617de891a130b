import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AttachmentRecord, StoreData } from './model.js';

/** The state file: the whole store as JSON (attachment bytes in base64), replaced atomically. */

const FORMAT = 'pylon-emulator-state';
const VERSION = 1;

type StoredAttachment = Omit<AttachmentRecord, 'bytes'> & { bytes_base64: string };
type StoredData = Omit<StoreData, 'attachments'> & { attachments: StoredAttachment[] };

export function serializeState(data: StoreData): string {
  const stored: StoredData = {
    ...data,
    attachments: data.attachments.map(({ bytes, ...rest }) => ({
      ...rest,
      bytes_base64: Buffer.from(bytes).toString('base64'),
    })),
  };
  return JSON.stringify({ format: FORMAT, version: VERSION, data: stored });
}

export function parseState(text: string, source: string): StoreData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Emulator state file ${source} is not valid JSON: ${(error as Error).message}`);
  }
  const doc = parsed as { format?: unknown; version?: unknown; data?: StoredData };
  if (
    doc?.format !== FORMAT ||
    doc.version !== VERSION ||
    typeof doc.data !== 'object' ||
    doc.data === null
  ) {
    throw new Error(
      `Emulator state file ${source} is not a ${FORMAT} v${VERSION} file; delete it or pick another path`,
    );
  }
  return {
    ...doc.data,
    attachments: doc.data.attachments.map(({ bytes_base64, ...rest }) => ({
      ...rest,
      bytes: new Uint8Array(Buffer.from(bytes_base64, 'base64')),
    })),
  };
}

/** The stored data, or undefined when the file does not exist yet. */
export function loadState(path: string): StoreData | undefined {
  if (!existsSync(path)) return undefined;
  return parseState(readFileSync(path, 'utf8'), path);
}

let counter = 0;
const tempPath = (path: string) => `${path}.${process.pid}.${++counter}.tmp`;

/** Write to a temporary file beside the target, then rename over it (atomic on one file system). */
export function saveState(path: string, data: StoreData): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  writeFileSync(temp, serializeState(data));
  renameSync(temp, path);
}

/** `saveState` without blocking the event loop while the file is written. */
export async function saveStateAsync(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
