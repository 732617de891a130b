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

/** `file_url` may only point at this machine (there is no other network). */
async function fetchLocal(
  fileUrl: string,
  max: number,
): Promise<{ name: string; bytes: Uint8Array; type: string | null }> {
  let url: URL;
  try {
    url = new URL(fileUrl);
  } catch {
    throw badRequest('file_url must be an absolute URL');
  }
  if (!/^https?:$/.test(url.protocol) || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw badRequest(
      'file_url must be an http URL on 127.0.0.1 or localhost (the emulator has no other network)',
    );
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch {
    throw badRequest(`file_url could not be fetched: ${fileUrl}`);
  }
  if (!response.ok) throw badRequest(`file_url could not be fetched: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > max) throw badRequest(`file is larger than ${max} bytes`);
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it encoded
  }
  const last = path.split('/').filter(Boolean).at(-1);
  return { name: last ?? 'file', bytes, type: response.headers.get('content-type') };
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
