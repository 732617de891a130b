import { createHash } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { safeName } from './paths.js';

export interface DownloadedFile {
  url: string;
  sha256: string;
  /** Its size in bytes. */
  size: number;
  /** Where its bytes were written (a file in the `into` folder), or undefined when only its digest was taken. */
  tempPath: string | undefined;
  /** A file name for the tree: the original name with the first 8 hex digits of the digest. */
  name: string;
}

export type DownloadResult = { ok: true; file: DownloadedFile } | { ok: false; url: string; reason: string };

export interface DownloadOptions {
  /** The largest file taken, in bytes (`maxAssetBytes`): a larger one is a failure, read no further. */
  maxBytes: number;
  /** The longest one file may take, headers and body (default 30 s): a slower one is a failure. */
  timeoutMs?: number | undefined;
  concurrency?: number;
  /** A folder to write each file into as it arrives; without it, files are read for their digest only. */
  into?: string | undefined;
  fetch?: typeof fetch;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'application/pdf': '.pdf',
  'video/mp4': '.mp4',
  'text/plain': '.txt',
};

/**
 * Downloads Pylon-hosted files, each URL once, a few at a time. Attachment URLs are signed, so no token is
 * sent (it must never reach a file host). Each file is streamed to disk (never held whole in memory),
 * bounded in size and time. A failure is a result, not an exception: the caller warns and keeps the
 * remote URL.
 */
export async function downloadFiles(
  urls: readonly string[],
  options: DownloadOptions,
): Promise<Map<string, DownloadResult>> {
  const results = new Map<string, DownloadResult>();
  const unique = [...new Set(urls)];
  const queue = [...unique];
  let n = 0;
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const tempPath = options.into ? join(options.into, `download-${n++}`) : undefined;
      results.set(url, await downloadOne(url, tempPath, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker));
  // In the order asked, whatever order they finished in: the first article using a file names its place.
  return new Map(unique.map((url) => [url, results.get(url) as DownloadResult]));
}

async function downloadOne(
  url: string,
  tempPath: string | undefined,
  options: DownloadOptions,
): Promise<DownloadResult> {
  const get = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (reason: string): DownloadResult => ({ ok: false, url, reason });
  const tooLarge = (size: number | undefined) =>
    fail(
      size === undefined
        ? `larger than maxAssetBytes (more than ${options.maxBytes} bytes), stopped`
        : `larger than maxAssetBytes (${size} > ${options.maxBytes} bytes)`,
    );
  let response: Response;
  try {
    response = await get(url, { signal, redirect: 'follow' });
  } catch (error) {
    return fail(signal.aborted ? tookTooLong(timeoutMs) : `could not be fetched (${messageOf(error)})`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return fail(`HTTP ${response.status}`);
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    return tooLarge(length);
  }
  const hash = createHash('sha256');
  let size = 0;
  let file: FileHandle | undefined;
  let outcome: DownloadResult | undefined;
  try {
    if (tempPath) file = await open(tempPath, 'wx');
    const reader = response.body?.getReader();
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      size += chunk.value.byteLength;
      if (size > options.maxBytes) {
        await reader?.cancel().catch(() => {});
        outcome = tooLarge(undefined);
        break;
      }
      hash.update(chunk.value);
      if (file) await file.write(chunk.value);
    }
  } catch (error) {
    await response.body?.cancel().catch(() => {});
    outcome = fail(
      signal.aborted ? tookTooLong(timeoutMs) : `could not be read to the end (${messageOf(error)})`,
    );
  } finally {
    await file?.close();
  }
  if (outcome) {
    if (tempPath) await rm(tempPath, { force: true });
    return outcome;
  }
  const sha256 = hash.digest('hex');
  const name = fileName(url, sha256, response.headers.get('content-type'));
  return { ok: true, file: { url, sha256, size, tempPath, name } };
}

function tookTooLong(timeoutMs: number): string {
  const seconds = timeoutMs / 1000;
  return `took longer than ${seconds} s (pull.downloadTimeoutMs), stopped`;
}

function messageOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause?.message;
  return cause ?? (error as Error).message;
}

/** `…/org%2F1712345678901-Setup Screen.PNG?Expires=…` → `setup-screen-3fa2c1d0.png`. */
export function fileName(url: string, sha256: string, contentType: string | null): string {
  let last = 'file';
  try {
    const path = decodeURIComponent(new URL(url).pathname);
    last = path.split('/').filter(Boolean).at(-1) ?? 'file';
  } catch {
    // keep the default
  }
  last = last.replace(/^\d{10,}-/, '');
  const own = extname(last);
  const ext = (own || EXTENSIONS[(contentType ?? '').split(';')[0]?.trim() ?? ''] || '').toLowerCase();
  const stem = safeName(own ? last.slice(0, -own.length) : last, 'file', 60);
  const safeExt = /^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '';
  return `${stem}-${sha256.slice(0, 8)}${safeExt}`;
}
