import { randomUUID } from 'node:crypto';
import { type ApiInput, type ApiOutcome, jsonOutcome } from '../api.js';
import type { Emulator } from '../emulator.js';
import { pylonErrorBody } from '../envelope.js';
import { formatRetryAfter } from '../rate-limit.js';
import { UNMATCHED_ROUTE } from '../request-log.js';
import { API_ROUTES, matchRoute } from '../router.js';
import { decodeCursor, remoteError, type TrutoErrorBody, trutoError } from './envelope.js';
import { IdempotencyCache, requestFingerprint } from './idempotency.js';
import { AccountLimiter } from './limiter.js';
import {
  type ResolvedTrutoOptions,
  resolveTrutoOptions,
  TRUTO_WINDOW_MS,
  type TrutoFacadeOptions,
} from './options.js';
import { facadePath, facadeRoute } from './paths.js';
import { callPylon, type PylonCall } from './pylon-call.js';

/** Truto's state beside the emulator's store: its options, its per-account window, its idempotency cache. */
export class TrutoFacade {
  readonly options: ResolvedTrutoOptions;
  readonly limiter = new AccountLimiter();
  readonly idempotency = new IdempotencyCache();

  constructor(options: TrutoFacadeOptions | undefined) {
    this.options = resolveTrutoOptions(options ?? {});
  }

  reset(): void {
    this.limiter.reset();
    this.idempotency.reset();
  }
}

/** Query parameters Truto reads itself and does not forward to Pylon. */
const TRUTO_PARAMS = new Set(['integrated_account_id', 'next_cursor', 'prev_cursor', 'limit']);

/**
 * Translates Truto's query for Pylon: drops Truto's own parameters, turns `next_cursor` back into Pylon's
 * cursor and `limit` into Pylon's, as query parameters (GET) or JSON body fields (a POST search).
 */
function pylonQuery(query: URLSearchParams, inBody: boolean): Pick<PylonCall, 'query' | 'bodyPage'> | string {
  const out = new URLSearchParams();
  for (const [k, v] of query) if (!TRUTO_PARAMS.has(k) && !k.startsWith('truto_')) out.append(k, v);
  const bodyPage: PylonCall['bodyPage'] = {};
  const next = query.get('next_cursor');
  if (next) {
    const cursor = decodeCursor(next);
    if (cursor === null) return 'next_cursor is invalid: pass the next_cursor of the previous page unchanged';
    if (inBody) bodyPage.cursor = cursor;
    else out.set('cursor', cursor);
  }
  const limit = query.get('limit');
  if (limit !== null && limit !== '') {
    if (inBody) bodyPage.limit = /^-?\d+$/.test(limit) ? Number(limit) : Number.NaN;
    else out.set('limit', limit);
  }
  return { query: out, bodyPage };
}

/** One request to the Truto façade: Truto's checks, then Pylon's handlers over the same store. */
export async function handleTruto(em: Emulator, facade: TrutoFacade, input: ApiInput): Promise<ApiOutcome> {
  const { method } = input;
  const path = facadePath(input.pathname);
  const match = path.pylonPath === null ? null : matchRoute(API_ROUTES, method, path.pylonPath, em.behaviour);
  const route = match ? facadeRoute(path, match.route.template) : input.pathname;
  const endpoint = match?.route.endpoint ?? null;
  em.log.count(method, match ? route : `/${path.api}${UNMATCHED_ROUTE}`);
  const json = jsonOutcome(route, endpoint);
  const fail = (body: TrutoErrorBody, headers?: Record<string, string>) =>
    json(body.statusCode, body, headers);

  const bearer = /^Bearer +(\S+) *$/i.exec(input.headers.authorization ?? '');
  if (!bearer?.[1]) return fail(trutoError(401, 'Missing API token: send Authorization: Bearer <token>'));
  if (bearer[1] !== facade.options.token) return fail(trutoError(401, 'Invalid API token'));
  const account = input.query.get('integrated_account_id') ?? '';
  if (account === '') return fail(trutoError(400, 'integrated_account_id is required'));
  if (!facade.options.accounts.includes(account)) {
    return fail(trutoError(404, `Integrated account not found: ${account}`));
  }
  const { timeScale } = em.behaviour;
  if (facade.options.rateLimit) {
    const limit = facade.options.accountLimit;
    if (!facade.limiter.check(account, limit, timeScale, performance.now()).ok) {
      const seconds = formatRetryAfter(TRUTO_WINDOW_MS * timeScale, timeScale);
      const message = `Rate limit exceeded: at most ${limit} requests per 10 seconds per integrated account`;
      return fail(trutoError(429, message), { 'retry-after': seconds });
    }
  }
  if (path.pylonPath === null) {
    return fail(trutoError(404, `Resource "${path.resource}" is not available on Truto's Pylon integration`));
  }
  if (!match) {
    if (path.api === 'proxy') {
      return fail(
        trutoError(404, `${method} is not supported on ${input.pathname} of Truto's Pylon integration`),
      );
    }
    return fail(remoteError(404, pylonErrorBody({ message: 'Not found', code: 'not_found' }, randomUUID())));
  }
  const translated = pylonQuery(input.query, method === 'POST' && match.route.readOnly === true);
  if (typeof translated === 'string') return fail(trutoError(400, translated));

  const key = method === 'GET' ? undefined : headerValue(input.headers['idempotency-key']);
  const decision = key
    ? facade.idempotency.begin(
        account,
        input.pathname,
        key,
        requestFingerprint(method, input.query, input.headers['content-type'], input.rawBody),
      )
    : undefined;
  if (decision?.kind === 'conflict') return fail(trutoError(decision.status, decision.message));
  if (decision?.kind === 'replay') {
    const { status, headers, body } = decision.response;
    return json(status, body, { ...headers, 'idempotent-replayed': 'true' });
  }
  let answer: Awaited<ReturnType<typeof callPylon>>;
  try {
    answer = await callPylon(em, { match, route, endpoint, input, ...translated });
  } catch (error) {
    decision?.finish(null);
    throw error;
  }
  decision?.finish({ status: answer.status, headers: answer.headers, body: answer.body });
  if (answer.drop) return { route, endpoint, kind: 'drop', status: answer.status };
  return json(answer.status, answer.body, answer.headers);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}
