import type { AssetInfo } from './types.js';

/** Files larger than this are not uploaded unless `maxAssetBytes` says otherwise: 20 MiB. */
export const DEFAULT_MAX_ASSET_BYTES = 20 * 1024 * 1024;

/** Why a referenced file cannot be published. */
export interface AssetProblem {
  error: 'missing' | 'outside' | 'too-large';
  /** Path relative to the content directory, as requested. */
  path: string;
  /** For `too-large`: the file's size and the limit, in bytes. */
  size?: number;
  limit?: number;
  /** More detail for the message, e.g. "is a directory". */
  detail?: string;
}

export type AssetReadResult = AssetInfo | AssetProblem;

/** What the I/O edge found for each requested path (relative to the content directory). */
export type AssetLookup = ReadonlyMap<string, AssetReadResult>;

export function isAssetProblem(result: AssetReadResult): result is AssetProblem {
  return 'error' in result;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  zip: 'application/zip',
  txt: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
};

/** The content type Pylon is told for an upload, from the file extension (case-insensitive). */
export function contentTypeOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** `31.2 MiB`, `812 KiB`, `97 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
