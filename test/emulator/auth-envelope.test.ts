import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type Api, startTestEmulator } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BEARER_MESSAGE =
  'Token must follow Bearer authorization scheme: https://www.rfc-editor.org/rfc/rfc6750#section-2.1.';

describe('authentication, envelopes and errors', () => {
  let emu: RunningEmulator;
  let api: Api;

  beforeAll(async () => {
    ({ emu, api } = await startTestEmulator());
  });
  afterAll(() => emu.close());

  it('listens on 127.0.0.1 with the default token', () => {
    expect(emu.url).toBe(`http://127.0.0.1:${emu.port}`);
    expect(emu.token).toBe('pylon-emulator-token');
  });

  it('answers 401 invalid_authorization_header without a bearer token', async () => {
    for (const header of [null, 'Token pylon-emulator-token', 'Bearer', 'Bearer ', 'Basic abc']) {
      const res =
        header === null
          ? await api.get('/me', { token: null })
          : await api.get('/me', { token: null, headers: { authorization: header } });
      expect(res.status, String(header)).toBe(401);
      expect(res.body.code).toBe('invalid_authorization_header');
      expect(res.body.errors).toEqual([BEARER_MESSAGE]);
      expect(res.body.request_id).toMatch(UUID);
    }
  });

  it('answers 401 invalid_api_token for an unknown token', async () => {
    const res = await api.get('/me', { token: 'not-the-token' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      errors: ['Invalid API token!'],
      request_id: expect.stringMatching(UUID),
      code: 'invalid_api_token',
    });
  });

  it('accepts a custom token', async () => {
    const { emu: other, api: otherApi } = await startTestEmulator({ token: 'ptk_custom' });
    try {
      expect((await otherApi.get('/me')).status).toBe(200);
      expect((await otherApi.get('/me', { token: 'pylon-emulator-token' })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('wraps a single object as {data, request_id} with a fresh request id each time', async () => {
    const a = await api.get('/me');
    const b = await api.get('/me');
    expect(a.status).toBe(200);
    expect(Object.keys(a.body).sort()).toEqual(['data', 'request_id']);
    expect(a.body.data).toEqual({ id: expect.stringMatching(UUID), name: 'Acme Inc' });
    expect(a.body.request_id).toMatch(UUID);
    expect(a.body.request_id).not.toBe(b.body.request_id);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers unknown paths and unserved methods with 404 not_found', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/knowledge-bases/x/route-redirects'],
      ['DELETE', '/knowledge-bases/x/route-redirects/y'],
      ['PUT', '/me'],
    ] as const) {
      const res = await api.call(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toEqual({
        errors: ['Not found'],
        request_id: expect.stringMatching(UUID),
        code: 'not_found',
      });
    }
  });

  it('answers 400 to a body that is not JSON', async () => {
    const raw = await fetch(`${emu.url}/knowledge-bases/${emu.kb().id}/collections`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({
      errors: ['request body is not valid JSON'],
      code: 'invalid_request',
    });
  });

  it('answers 400 to a JSON body that is not an object', async () => {
    const res = await api.post(`/knowledge-bases/${emu.kb().id}/collections`, ['title'], { invalid: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(['request body must be a JSON object']);
  });
});
