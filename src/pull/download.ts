import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { safeName } from './paths.js';

export interface DownloadedFile {
  url: string;
  sha256: string;
  bytes: Uint8Array;
  /** A file name for the tree: the original name with the first 8 hex digits of the digest. */
  name: string;
}

export type DownloadResult = { ok: true; file: DownloadedFile } | { ok: false; url: string; reason: string };

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
 * sent (it must never reach a file host). A failure is a result, not an exception: the caller warns and
 * keeps the remote URL.
 */
export async function downloadFiles(
  urls: readonly string[],
  options: { maxBytes: number; timeoutMs?: number; concurrency?: number; fetch?: typeof fetch },
): Promise<Map<string, DownloadResult>> {
  const results = new Map<string, DownloadResult>();
  const queue = [...new Set(urls)];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      results.set(url, await downloadOne(url, options));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, worker));
  return results;
}

async function downloadOne(
  url: string,
  options: { maxBytes: number; timeoutMs?: number; fetch?: typeof fetch },
): Promise<DownloadResult> {
  const get = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await get(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      redirect: 'follow',
    });
  } catch (error) {
    return { ok: false, url, reason: `could not be fetched (${(error as Error).message})` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, url, reason: `HTTP ${response.status}` };
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, url, reason: `larger than maxAssetBytes (${length} > ${options.maxBytes} bytes)` };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > options.maxBytes) {
    return {
      ok: false,
      url,
      reason: `larger than maxAssetBytes (${bytes.byteLength} > ${options.maxBytes} bytes)`,
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    ok: true,
    file: { url, sha256, bytes, name: fileName(url, sha256, response.headers.get('content-type')) },
  };
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
