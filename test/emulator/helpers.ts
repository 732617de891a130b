import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { loadContract } from './contract.js';

export const contract = loadContract();

/** Response bodies are checked field by field in the tests; the contract check covers their shape. */
// biome-ignore lint/suspicious/noExplicitAny: loosely typed JSON in tests
export type Json = any;

/** A fetch Response body as loosely typed JSON. */
export const readJson = (res: Response): Promise<Json> => res.json();

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string | number>;
  /** Override the token; `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
  /** Set for deliberately invalid requests: skip checking the request body against the spec. */
  invalid?: boolean;
}

/**
 * A small client over fetch. When Pylon's OpenAPI document is available, every JSON request body it
 * sends (unless `invalid`) and every response whose status the operation documents (200, and
 * 400/404/500 error bodies) are validated against the operation's schemas.
 */
export class Api {
  constructor(readonly emu: RunningEmulator) {}

  async call<T = Json>(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse<T>> {
    const url = new URL(this.emu.url + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.emu.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const template = contract?.template(method, url.pathname);
    if (contract && template && options.body !== undefined && !options.invalid) {
      const fields = options.body instanceof FormData ? formFields(options.body) : options.body;
      const errors = contract.checkRequest(method, template, fields);
      expect(errors, `request body of ${method} ${template} against Pylon's schema`).toBeNull();
    }
    const res = await fetch(url, { method, headers, body: body ?? null });
    const text = await res.text();
    const parsed = text === '' ? undefined : JSON.parse(text);
    if (contract && template) {
      const errors = contract.checkResponse(method, template, res.status, parsed);
      expect(errors, `${res.status} response of ${method} ${template} against Pylon's schema`).toBeNull();
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get = <T = Json>(path: string, options?: CallOptions) => this.call<T>('GET', path, options);
  post = <T = Json>(path: string, body?: unknown, options?: CallOptions) =>
    this.call<T>('POST', path, { ...options, body });
  patch = <T = Json>(path: string, body?: unknown, options?: CallOptions) =>
    this.call<T>('PATCH', path, { ...options, body });
  delete = <T = Json>(path: string, options?: CallOptions) => this.call<T>('DELETE', path, options);
}

function formFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form) out[k] = typeof v === 'string' ? v : '<binary>';
  return out;
}

export async function startTestEmulator(options: EmulatorOptions = {}) {
  const emu = await startEmulator({ port: 0, ...options });
  const api = new Api(emu);
  const kb = emu.kb();
  const users = (await api.get('/users')).body.data as Array<{ id: string; email: string; name: string }>;
  const author = users[0]?.id as string;
  return { emu, api, kb, users, author };
}

/** Create an article through the API and return its data. */
export async function createArticle(api: Api, kbId: string, body: Record<string, unknown>) {
  const res = await api.post(`/knowledge-bases/${kbId}/articles`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** A raw HTTP GET with a chosen Host header (fetch does not let a caller set Host). */
export function getWithHost(
  url: string,
  host: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
