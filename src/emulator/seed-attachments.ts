import { createHash } from 'node:crypto';
import { signedAssetUrl } from './attachments.js';
import type { AttachmentRecord, StoreData } from './model.js';
import type { SeedAttachment } from './types.js';

/** Stands for the emulator's base URL in seeded HTML until the server listens (the port is not known before). */
export const BASE_URL_TOKEN = '{{emulator}}';
const ATTACHMENT_TOKEN = /\{\{attachment:([^}]+)\}\}/g;

const TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  pdf: 'application/pdf',
};

/** Attachment records for the seed's files, and the function that puts their URLs into seeded HTML. */
export function seedAttachments(
  files: readonly SeedAttachment[],
  orgId: string,
  now: string,
): { records: AttachmentRecord[]; resolveHtml(html: string): string } {
  const records = files.map((file, index): AttachmentRecord => {
    if (!file.name || typeof file.base64 !== 'string')
      throw new Error('Invalid emulator seed: every attachment needs a name and base64 bytes');
    const bytes = new Uint8Array(Buffer.from(file.base64, 'base64'));
    const key = `${orgId}/${1_700_000_000_000 + index}-${file.name.replace(/[/\\]/g, '_')}`;
    return {
      id: createHash('sha256')
        .update(`attachment:${key}`)
        .digest('hex')
        .slice(0, 32)
        .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
      name: file.name,
      description: '',
      key,
      url: signedAssetUrl(BASE_URL_TOKEN, orgId, key),
      content_type:
        file.content_type ??
        TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ??
        'application/octet-stream',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      created_at: now,
    };
  });
  const resolveHtml = (html: string) =>
    html.replace(ATTACHMENT_TOKEN, (_whole, name: string) => {
      const record = records.find((r) => r.name === name);
      if (!record)
        throw new Error(
          `Invalid emulator seed: HTML names the attachment "${name}", which the seed does not list`,
        );
      return record.url.replace(/&/g, '&amp;');
    });
  return { records, resolveHtml };
}

/** Replaces the base-URL token in seeded bodies and attachment URLs; true when there was one. */
export function bindBaseUrl(data: StoreData, baseUrl: string): boolean {
  let changed = false;
  const bind = (value: string): string => {
    if (!value.includes(BASE_URL_TOKEN)) return value;
    changed = true;
    return value.split(BASE_URL_TOKEN).join(baseUrl);
  };
  for (const a of data.attachments) a.url = bind(a.url);
  for (const article of data.articles) {
    article.draft_html = bind(article.draft_html);
    if (article.published_html !== null) article.published_html = bind(article.published_html);
    for (const t of Object.values(article.translations)) {
      t.draft_html = bind(t.draft_html);
      if (t.published_html !== null) t.published_html = bind(t.published_html);
    }
  }
  return changed;
}
