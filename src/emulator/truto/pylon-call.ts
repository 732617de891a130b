import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointName } from '../../pylon/types.js';
import { type ApiInput, FAULT_ERRORS, parseJson } from '../api.js';
import type { Emulator } from '../emulator.js';
import { pylonBody, pylonErrorBody } from '../envelope.js';
import { ApiError } from '../errors.js';
import { formatRetryAfter } from '../rate-limit.js';
import type { RouteMatch } from '../router.js';
import { remoteError, trutoListBody } from './envelope.js';

/** The part of a façade request that reaches Pylon: its per-endpoint limit, faults, the handler. */

export interface PylonCall {
  match: RouteMatch;
  /** The façade's log route, which fault rules name (`POST /custom/knowledge-bases/{id}/articles`). */
  route: string;
  endpoint: EndpointName | null;
  input: ApiInput;
  /** Pylon's query, translated from Truto's (no account id; `cursor`/`limit` for GET lists). */
  query: URLSearchParams;
  /** Paging for a list fetched with POST (Pylon takes it in the JSON body). */
  bodyPage: { cursor?: string; limit?: number };
}

export interface PylonAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** A `dropAfterCommit` fault fired: the write is done, the connection must be reset. */
  drop: boolean;
}

function withPage(body: unknown, page: PylonCall['bodyPage']): unknown {
  if (page.cursor === undefined && page.limit === undefined) return body;
  const base = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  return { ...base, ...page };
}

export async function callPylon(em: Emulator, call: PylonCall): Promise<PylonAnswer> {
  const requestId = randomUUID();
  const { input, endpoint } = call;
  const fail = (error: Pick<ApiError, 'status' | 'message' | 'code' | 'existsId'>, headers = {}) => ({
    status: error.status,
    headers,
    body: remoteError(error.status, pylonErrorBody(error, requestId)),
    drop: false,
  });
  const { timeScale } = em.behaviour;
  if (endpoint) {
    const decision = em.limiter.check(em.token, endpoint, performance.now());
    if (!decision.ok) {
      const seconds = formatRetryAfter(decision.retryAfterMs, timeScale);
      const headers = { 'retry-after': seconds, 'x-retry-after': seconds };
      return fail({ status: 429, message: 'Rate limit exceeded', code: 'rate_limited' }, headers);
    }
  }
  const fault = em.faults.evaluate(`${input.method} ${call.route}`, endpoint);
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.action?.kind === 'status') {
    const { status } = fault.action;
    const [message, code] = FAULT_ERRORS[status] ?? ['Internal server error', 'internal_error'];
    let headers: Record<string, string> = {};
    if (status === 429) {
      const seconds = fault.action.retryAfterSeconds ?? Number(formatRetryAfter(1000 * timeScale, timeScale));
      headers = { 'retry-after': String(seconds), 'x-retry-after': String(seconds) };
    }
    return fail({ status, message, code }, headers);
  }
  let answer: PylonAnswer;
  try {
    const body = withPage(parseJson(input), call.bodyPage);
    const { route } = call.match;
    const result = await route.handler(
      { params: call.match.params, query: call.query, body, rawBody: input.rawBody, headers: input.headers },
      em.context(),
    );
    if (input.method !== 'GET' && !route.readOnly) em.persist();
    const out = result.kind === 'list' ? trutoListBody(result) : pylonBody(result, requestId);
    answer = { status: 200, headers: {}, body: out, drop: false };
  } catch (error) {
    answer =
      error instanceof ApiError
        ? fail(error)
        : fail({
            status: 500,
            message: `Internal server error: ${(error as Error).message}`,
            code: 'internal_error',
          });
  }
  return { ...answer, drop: fault.action?.kind === 'drop' };
}
