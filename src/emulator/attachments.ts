import { createHash, createHmac } from 'node:crypto';
import { extname } from 'node:path';
import type { Attachment } from '../pylon-api/index.js';
import { badRequest } from './errors.js';
import { type HandlerContext, type HandlerDef, object } from './handler-types.js';
import { randomId } from './ids.js';
import type { AttachmentRecord } from './model.js';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.txt': 'text/plain',
};

function contentTypeFor(name: string, given: string | null | undefined): string {
  if (given && given !== 'application/octet-stream') return given;
  return TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
/** Redirects followed for a `file_url`, each to a URL on the allow-list again. */
const MAX_REDIRECTS = 3;
/** How long fetching a `file_url` may take, body included. */
const FETCH_TIMEOUT_MS = 5000;

function allowedUrl(fileUrl: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(fileUrl, base);
  } catch {
    throw badRequest('file_url must be an absolute URL');
  }
  if (!/^https?:$/.test(url.protocol) || !LOCAL_HOSTS.includes(url.hostname)) {
    throw badRequest(
      'file_url must be an http URL on 127.0.0.1 or localhost (the emulator has no other network)',
    );
  }
  return url;
}

/** Reads at most `max` bytes of a response body; a longer one is cancelled and refused. */
async function boundedBytes(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    throw badRequest(`file is larger than ${max} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw badRequest(`file is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * `file_url` may only point at this machine (there is no other network): every redirect is followed by hand
 * and must stay on the allow-list, and the body is read up to the attachment limit within a time limit.
 */
async function fetchLocal(
  fileUrl: string,
  max: number,
): Promise<{ name: string; bytes: Uint8Array; type: string | null }> {
  let url = allowedUrl(fileUrl);
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let response: Response | undefined;
  let bytes: Uint8Array;
  try {
    for (let hops = 0; ; hops++) {
      response = await fetch(url, { signal, redirect: 'manual' });
      if (response.status < 300 || response.status >= 400) break;
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location || hops >= MAX_REDIRECTS) throw badRequest('file_url redirects too often or nowhere');
      url = allowedUrl(location, url);
    }
    if (!response.ok) throw badRequest(`file_url could not be fetched: HTTP ${response.status}`);
    bytes = await boundedBytes(response, max);
  } catch (error) {
    if ((error as { status?: number }).status === 400) throw error;
    throw badRequest(`file_url could not be fetched: ${fileUrl}`);
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  const last = path.split('/').filter(Boolean).at(-1);
  return { name: last ?? 'file', bytes, type: response?.headers.get('content-type') ?? null };
}

async function parseForm(
  ctx: HandlerContext,
  contentType: string | undefined,
  raw: Buffer,
): Promise<FormData> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
    throw badRequest('request body must be multipart/form-data with a file or file_url field');
  }
  if (raw.byteLength > ctx.behaviour.maxAttachmentBytes + 1024 * 1024) {
    throw badRequest(`file is larger than ${ctx.behaviour.maxAttachmentBytes} bytes`);
  }
  try {
    return await new Request('http://emulator/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
  } catch {
    throw badRequest('request body is not valid multipart/form-data');
  }
}

/** A long-lived signed-looking URL, as Pylon's asset host returns (reference §4.7.1). */
export function signedAssetUrl(baseUrl: string, org: string, key: string): string {
  const signature = createHmac('sha256', org).update(key).digest('hex');
  return `${baseUrl}/_assets/${encodeURIComponent(key)}?Expires=253370764800&Signature=${signature}&Key-Pair-Id=EMULATOR`;
}

export function attachmentView(a: AttachmentRecord): Attachment {
  return { id: a.id, name: a.name, description: a.description, url: a.url };
}

export const attachmentHandlers: HandlerDef[] = [
  {
    endpoint: 'createAttachment',
    handler: async (req, ctx) => {
      const form = await parseForm(ctx, req.headers['content-type'], req.rawBody);
      const file = form.get('file');
      const fileUrl = form.get('file_url');
      const description = form.get('description');
      const max = ctx.behaviour.maxAttachmentBytes;
      let upload: { name: string; bytes: Uint8Array; type: string | null };
      if (file !== null && typeof file !== 'string') {
        upload = {
          name: file.name || 'file',
          bytes: new Uint8Array(await file.arrayBuffer()),
          type: file.type,
        };
        if (upload.bytes.byteLength > max) throw badRequest(`file is larger than ${max} bytes`);
      } else if (typeof fileUrl === 'string' && fileUrl !== '') {
        upload = await fetchLocal(fileUrl, max);
      } else {
        throw badRequest('file or file_url is required');
      }
      const name = upload.name.replace(/[/\\]/g, '_');
      let ms = Date.now();
      const org = ctx.store.organization.id;
      while (ctx.store.attachments.has(`${org}/${ms}-${name}`)) ms++;
      const key = `${org}/${ms}-${name}`;

      const record: AttachmentRecord = {
        id: randomId(),
        name,
        description: typeof description === 'string' ? description : '',
        key,
        url: signedAssetUrl(ctx.baseUrl, org, key),
        content_type: contentTypeFor(name, upload.type),
        size: upload.bytes.byteLength,
        sha256: createHash('sha256').update(upload.bytes).digest('hex'),
        bytes: upload.bytes,
        created_at: ctx.now(),
      };
      ctx.store.attachments.set(key, record);
      return object(attachmentView(record));
    },
  },
];
