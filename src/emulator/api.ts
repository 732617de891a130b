import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EndpointName } from '../pylon/types.js';
import type { Emulator } from './emulator.js';
import { pylonBody, pylonErrorBody } from './envelope.js';
import { ApiError } from './errors.js';
import type { HandlerResult } from './handler-types.js';
import { formatRetryAfter } from './rate-limit.js';
import { API_ROUTES, matchRoute } from './router.js';

/** One Pylon API request, from authentication to the envelope. */

export interface ApiInput {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

export type ApiOutcome = {
  route: string;
  endpoint: EndpointName | null;
} & (
  | { kind: 'json'; status: number; headers: Record<string, string>; body: unknown }
  | { kind: 'drop'; status: number }
);

const BEARER_MESSAGE =
  'Token must follow Bearer authorization scheme: https://www.rfc-editor.org/rfc/rfc6750#section-2.1.';

/** The error body of a fault that answers with a status instead of running the handler. */
export const FAULT_ERRORS: Record<number, [string, string]> = {
  500: ['Internal server error', 'internal_error'],
  502: ['Bad gateway', 'bad_gateway'],
  503: ['Service unavailable', 'service_unavailable'],
  429: ['Rate limit exceeded', 'rate_limited'],
};

/** The JSON body of a request (none for multipart); malformed JSON is a 400. */
export function parseJson(input: ApiInput): unknown {
  if (input.headers['content-type']?.toLowerCase().startsWith('multipart/')) return undefined;
  const text = input.rawBody.toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'request body is not valid JSON', 'invalid_request');
  }
}

export async function handleApi(emulator: Emulator, input: ApiInput): Promise<ApiOutcome> {
  const requestId = randomUUID();
  const match = matchRoute(API_ROUTES, input.method, input.pathname, emulator.behaviour);
  const route = match ? match.route.template : input.pathname;
  const endpoint = match?.route.endpoint ?? null;
  emulator.log.count(input.method, route);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}): ApiOutcome => ({
    route,
    endpoint,
    kind: 'json',
    status,
    headers,
    body,
  });
  const fail = (
    error: Pick<ApiError, 'status' | 'message' | 'code' | 'existsId'>,
    headers?: Record<string, string>,
  ) => json(error.status, pylonErrorBody(error, requestId), headers);

  const bearer = /^Bearer +(\S+) *$/i.exec(input.headers.authorization ?? '');
  if (!bearer?.[1])
    return fail({ status: 401, message: BEARER_MESSAGE, code: 'invalid_authorization_header' });
  const token = bearer[1];
  if (token !== emulator.token)
    return fail({ status: 401, message: 'Invalid API token!', code: 'invalid_api_token' });
  if (!match) return fail({ status: 404, message: 'Not found', code: 'not_found' });

  const { timeScale } = emulator.behaviour;
  if (endpoint) {
    const decision = emulator.limiter.check(token, endpoint, performance.now());
    if (!decision.ok) {
      const seconds = formatRetryAfter(decision.retryAfterMs, timeScale);
      const headers = { 'retry-after': seconds, 'x-retry-after': seconds };
      return fail({ status: 429, message: 'Rate limit exceeded', code: 'rate_limited' }, headers);
    }
  }

  const fault = emulator.faults.evaluate(`${input.method} ${route}`, endpoint);
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

  let outcome: ApiOutcome;
  try {
    const body = parseJson(input);
    const result: HandlerResult = await match.route.handler(
      { params: match.params, query: input.query, body, rawBody: input.rawBody, headers: input.headers },
      emulator.context(),
    );
    if (input.method !== 'GET' && !match.route.readOnly) emulator.persist();
    outcome = json(200, pylonBody(result, requestId));
  } catch (error) {
    outcome =
      error instanceof ApiError
        ? fail(error)
        : fail({
            status: 500,
            message: `Internal server error: ${(error as Error).message}`,
            code: 'internal_error',
          });
  }
  if (fault.action?.kind === 'drop') return { route, endpoint, kind: 'drop', status: outcome.status };
  return outcome;
}
