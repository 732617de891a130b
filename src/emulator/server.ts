import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { adminRouteKey, buildState, handleAdmin } from './admin.js';
import { refuseAdminWrite } from './admin-guard.js';
import { handleApi } from './api.js';
import { Emulator } from './emulator.js';
import { adminHostAllowed, bodyCapFor, hasKnownBearer, isApiWrite } from './request-guard.js';
import { handleSite } from './site/http.js';
import { assetHeaders } from './site-policy.js';
import { handleTruto, isTrutoPath, TrutoFacade } from './truto/index.js';
import type { EmulatorOptions, RunningEmulator } from './types.js';

/** HTTP front: help-center pages (site/), `/_emulator/` admin, `/_assets/` files, then the API. */

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > max) reject(new TooLarge());
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
): void {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body));
}

function dropConnection(req: IncomingMessage): void {
  const socket = req.socket as IncomingMessage['socket'] & { resetAndDestroy?: () => void };
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

async function dispatch(
  em: Emulator,
  truto: TrutoFacade,
  req: IncomingMessage,
  res: ServerResponse,
  configuredHost: string | undefined,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://emulator');
  const path = url.pathname;
  const log = (route: string, status: number) => {
    em.log.count(method, route);
    em.log.record(em.nowMs(), method, route, null, status);
  };
  const admin = path === '/_emulator' || path.startsWith('/_emulator/');
  // Before any body is read: admin routes answer only to this machine's host names (no DNS rebinding),
  // and an API write without a known token is refused without reading what it sends.
  if (admin && !adminHostAllowed(req.headers, configuredHost)) {
    sendJson(
      res,
      403,
      { errors: ['admin routes answer only on 127.0.0.1, localhost or [::1]'], code: 'forbidden_host' },
      { connection: 'close' },
    );
    log(adminRouteKey(path), 403);
    return;
  }
  if (isApiWrite(method, path) && !hasKnownBearer(req.headers, [em.token, truto.options.token])) {
    const body = { errors: ['Invalid API token!'], request_id: randomUUID(), code: 'invalid_api_token' };
    sendJson(res, 401, body, { connection: 'close' });
    log('(unauthenticated write)', 401);
    return;
  }
  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, bodyCapFor(path, em.behaviour.maxAttachmentBytes));
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    const body = { errors: ['request body is too large'], request_id: randomUUID(), code: 'invalid_request' };
    sendJson(res, 413, body, { connection: 'close' });
    return;
  }
  if (handleSite(em, req, res, url)) return;
  if (path === '/_emulator' || path.startsWith('/_emulator/')) {
    const route = adminRouteKey(path);
    const refusal = refuseAdminWrite(method, req.headers);
    if (refusal) {
      sendJson(res, refusal.status, { errors: [refusal.message], code: refusal.code });
      log(route, refusal.status);
      return;
    }
    let body: unknown;
    try {
      body = rawBody.byteLength ? JSON.parse(rawBody.toString('utf8')) : undefined;
    } catch {
      sendJson(res, 400, { errors: ['request body is not valid JSON'], code: 'invalid_request' });
      log(route, 400);
      return;
    }
    const answer = handleAdmin(em, method, path, body);
    if (method === 'POST' && path.replace(/\/+$/, '') === '/_emulator/reset' && answer.status === 200) {
      truto.reset();
    }
    sendJson(res, answer.status, answer.body);
    if (method !== 'GET') {
      log(route, answer.status);
      if (answer.status < 400) em.changes.bump();
    }
    return;
  }
  if (path.startsWith('/_assets/') && (method === 'GET' || method === 'HEAD')) {
    let key = '';
    try {
      key = decodeURIComponent(path.slice('/_assets/'.length));
    } catch {
      // unknown key
    }
    const asset = em.store.attachments.get(key);
    if (asset)
      send(
        res,
        200,
        {
          'content-type': asset.content_type,
          'cache-control': 'public, max-age=31536000',
          ...assetHeaders(),
        },
        asset.bytes,
      );
    else send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found\n');
    log('/_assets/{key}', asset ? 200 : 404);
    return;
  }
  const input = { method, pathname: path, query: url.searchParams, headers: req.headers, rawBody };
  const outcome = isTrutoPath(path) ? await handleTruto(em, truto, input) : await handleApi(em, input);
  em.log.record(em.nowMs(), method, outcome.route, outcome.endpoint, outcome.status, outcome.kind === 'drop');
  const committed = outcome.kind === 'drop' || outcome.status < 400;
  if (committed && method !== 'GET' && method !== 'HEAD') em.changes.bump();
  if (outcome.kind === 'drop') dropConnection(req);
  else sendJson(res, outcome.status, outcome.body, outcome.headers);
}

/**
 * Closes a keep-alive connection idle for `ms` without announcing it in a `Keep-Alive` header, as a load
 * balancer in front of an API does: a client learns of it only when it reads the close, so one that sends
 * on the connection without having read it meets "other side closed".
 */
function closeIdleConnections(server: Server, ms: number): void {
  server.keepAliveTimeout = 0;
  const timers = new WeakMap<Socket, NodeJS.Timeout>();
  const idle = (socket: Socket) => {
    clearTimeout(timers.get(socket));
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    timers.set(socket, timer);
  };
  server.on('connection', (socket: Socket) => {
    idle(socket);
    socket.on('close', () => clearTimeout(timers.get(socket)));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    clearTimeout(timers.get(req.socket));
    res.once('finish', () => idle(req.socket));
  });
}

/** Start an emulator; `port: 0` (the default) picks a free port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const em = new Emulator(options);
  const truto = new TrutoFacade(options.truto);
  const server = createServer((req, res) => {
    dispatch(em, truto, req, res, options.host).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { errors: [`Internal server error: ${(error as Error).message}`] });
      else res.destroy();
    });
  });
  if (options.keepAliveTimeoutMs !== undefined) closeIdleConnections(server, options.keepAliveTimeoutMs);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  em.bindBaseUrl(`http://${shownHost}:${port}`);
  let closing: Promise<void> | undefined;
  return {
    url: em.baseUrl,
    token: em.token,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).then(() => em.flushState());
      return closing;
    },
    snapshot: () => buildState(em),
    flushState: () => em.flushState(),
    setFaults: (rules) => em.setFaults(rules),
    setOptions: (behaviour) => em.setOptions(behaviour),
    reset: () => {
      em.reset();
      truto.reset();
    },
    kb: (slug) => em.kbInfo(slug),
    truto: { token: truto.options.token, accounts: [...truto.options.accounts] },
  };
}
