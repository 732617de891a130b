import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw: arrival time (performance.now, same clock as the client), method, path, body. */
export interface RecordedRequest {
  index: number;
  arrivedAt: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Parsed when the body is JSON. */
  json?: unknown;
}

/** One scripted answer. */
export interface Step {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
  delayMs?: number;
  /** Destroy the socket after reading the request: the client gets no response. */
  destroy?: boolean;
}

export type Script = Step[] | ((req: RecordedRequest) => Step | Promise<Step>);

export interface ScriptedServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** `{data, request_id}` as Pylon sends it. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): Step {
  return { json: { data, request_id: 'req-ok', ...extra } };
}

export function fail(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Step {
  return { status, headers, json: { request_id: 'req-err', ...body } };
}

/**
 * A tiny HTTP server that answers from a script (a list consumed in order, or a function) and records every
 * request. Listens on 127.0.0.1, port 0 unless one is given.
 */
export async function startScriptedServer(script: Script, port = 0): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const rawBody = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        index: requests.length,
        arrivedAt,
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
      };
      if (String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        recorded.json = JSON.parse(rawBody.toString('utf8'));
      }
      requests.push(recorded);
      let step: Step;
      try {
        step =
          typeof script === 'function'
            ? await script(recorded)
            : (script[next++] ?? { status: 500, json: { errors: ['script exhausted'], request_id: 'x' } });
      } catch (error) {
        step = { status: 500, json: { errors: [`script failed: ${String(error)}`], request_id: 'x' } };
      }
      if (step.delayMs) await new Promise((r) => setTimeout(r, step.delayMs));
      if (step.destroy) {
        req.socket.destroy();
        return;
      }
      const body = step.json !== undefined ? JSON.stringify(step.json) : (step.body ?? '');
      res.writeHead(step.status ?? 200, {
        ...(step.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...step.headers,
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (briefly bound, then released). */
export async function freePort(): Promise<number> {
  const s = await startScriptedServer([]);
  await s.close();
  return s.port;
}

/**
 * Wraps a script with a sliding-window rate limit measured at arrival, like the emulator: more than `limit`
 * arrivals within `windowMs` get a 429 with Retry-After (rejected requests do not count).
 */
export function withRateLimit(
  limit: number,
  windowMs: number,
  inner: (req: RecordedRequest) => Step,
): Script {
  const accepted: number[] = [];
  return (req) => {
    const recent = accepted.filter((t) => t > req.arrivedAt - windowMs);
    if (recent.length >= limit) {
      const retryAfter = ((recent[0] ?? 0) + windowMs - req.arrivedAt) / 1000;
      return fail(
        429,
        { errors: ['Rate limit exceeded'], code: 'rate_limited' },
        { 'Retry-After': retryAfter.toFixed(3) },
      );
    }
    accepted.push(req.arrivedAt);
    return inner(req);
  };
}

/** Largest number of arrivals within any `windowMs` span (inclusive of both ends). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}
