import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';

// biome-ignore lint/suspicious/noExplicitAny: loosely typed JSON in tests
export type Json = any;

export interface TrutoResponse {
  status: number;
  headers: Headers;
  body: Json;
}

export interface TrutoCallOptions {
  body?: unknown;
  query?: Record<string, string | number>;
  /** Default: the emulator's first account; `null` sends none. */
  account?: string | null;
  /** Default: the façade's token; `null` sends no Authorization header. */
  token?: string | null;
  headers?: Record<string, string>;
}

/** A small client for the emulator's Truto façade (`/custom/…`, `/proxy/…`). */
export class Truto {
  constructor(readonly emu: RunningEmulator) {}

  get account(): string {
    return this.emu.truto.accounts[0] as string;
  }

  async call(method: string, path: string, options: TrutoCallOptions = {}): Promise<TrutoResponse> {
    const url = new URL(this.emu.url + path);
    const account = options.account === undefined ? this.account : options.account;
    if (account !== null) url.searchParams.set('integrated_account_id', account);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.emu.truto.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(url, { method, headers, body: body ?? null });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  get = (path: string, options?: TrutoCallOptions) => this.call('GET', path, options);
  post = (path: string, body?: unknown, options?: TrutoCallOptions) =>
    this.call('POST', path, { ...options, body });
  patch = (path: string, body?: unknown, options?: TrutoCallOptions) =>
    this.call('PATCH', path, { ...options, body });
  delete = (path: string, options?: TrutoCallOptions) => this.call('DELETE', path, options);
}

export async function startTruto(options: EmulatorOptions = {}) {
  const emu = await startEmulator({ port: 0, ...options });
  const truto = new Truto(emu);
  const kb = emu.kb();
  const users = (await truto.get('/proxy/users')).body.result as Array<{ id: string; email: string }>;
  return { emu, truto, kb, author: users[0]?.id as string };
}

/** The most requests whose times fall in any window of `windowMs` (a window starting at each request). */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[j] as number) <= (sorted[i] as number) - windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
