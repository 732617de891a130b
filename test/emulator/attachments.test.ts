import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type Api, startTestEmulator } from './helpers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

function form(fields: Record<string, string | Blob>, filename = 'diagram one.png'): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string') f.append(k, v);
    else f.append(k, v, filename);
  }
  return f;
}

describe('attachments', () => {
  let emu: RunningEmulator;
  let api: Api;

  beforeAll(async () => {
    ({ emu, api } = await startTestEmulator({ maxAttachmentBytes: 1024 }));
  });
  afterAll(() => emu.close());

  it('uploads a multipart file and serves its bytes at the returned URL', async () => {
    const res = await api.post(
      '/attachments',
      form({ file: new Blob([PNG], { type: 'image/png' }), description: 'A diagram' }),
    );
    expect(res.status).toBe(200);
    const { data } = res.body;
    expect(data).toEqual({
      id: expect.any(String),
      name: 'diagram one.png',
      description: 'A diagram',
      url: expect.any(String),
    });
    const org = emu.snapshot().organization.id;
    const pattern = new RegExp(
      `^${emu.url}/_assets/${org}%2F\\d{13}-diagram%20one\\.png\\?Expires=253370764800&Signature=[0-9a-f]{64}&Key-Pair-Id=EMULATOR$`,
    );
    expect(data.url).toMatch(pattern);
    const file = await fetch(data.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG);
    const stored = emu.snapshot().attachments.find((a) => a.id === data.id);
    expect(stored).toEqual({
      id: data.id,
      name: 'diagram one.png',
      description: 'A diagram',
      url: data.url,
      size: PNG.byteLength,
      sha256: createHash('sha256').update(PNG).digest('hex'),
      content_type: 'image/png',
    });
  });

  it('uploads by file_url from this machine', async () => {
    const first = await api.post('/attachments', form({ file: new Blob([PNG]) }, 'source.png'));
    const local = first.body.data.url.replace('127.0.0.1', 'localhost');
    const res = await api.post('/attachments', form({ file_url: local }));
    expect(res.status).toBe(200);
    const sourceKeyName = /%2F(\d+-source\.png)\?/.exec(first.body.data.url)?.[1];
    expect(sourceKeyName).toBeDefined();
    expect(res.body.data.name).toBe(sourceKeyName);
    const bytes = new Uint8Array(await (await fetch(res.body.data.url)).arrayBuffer());
    expect(bytes).toEqual(PNG);
  });

  it('rejects other hosts, missing files, non-multipart bodies and oversized files with 400', async () => {
    const cases: Array<[FormData | Record<string, unknown>, string]> = [
      [
        form({ file_url: 'https://example.com/a.png' }),
        'file_url must be an http URL on 127.0.0.1 or localhost',
      ],
      [form({ file_url: 'not a url' }), 'file_url must be an absolute URL'],
      [form({ file_url: `${emu.url}/_assets/missing` }), 'file_url could not be fetched: HTTP 404'],
      [form({ description: 'no file' }), 'file or file_url is required'],
      [{ file_url: 'http://127.0.0.1/x' }, 'request body must be multipart/form-data'],
      [form({ file: new Blob([new Uint8Array(2048)]) }), 'file is larger than 1024 bytes'],
    ];
    for (const [body, message] of cases) {
      const res = await api.post('/attachments', body, { invalid: true });
      expect(res.status, message).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.errors[0]).toContain(message);
    }
  });

  it('answers 404 for an unknown asset', async () => {
    expect((await fetch(`${emu.url}/_assets/nothing%2Fhere.png`)).status).toBe(404);
  });
});
