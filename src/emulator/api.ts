import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { EndpointName } from '../pylon-api/index.js';
import type { Emulator } from './emulator.js';
import { pylonBody, pylonErrorBody } from './envelope.js';
import { ApiError } from './errors.js';
import { admit, asApiError } from './gate.js';
import type { HandlerResult } from './handler-types.js';
import { UNMATCHED_ROUTE } from './request-log.js';
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

/** Builds the JSON outcomes of one request, its route and endpoint filled in. */
export function jsonOutcome(route: string, endpoint: EndpointName | null) {
  return (status: number, body: unknown, headers: Record<string, string> = {}): ApiOutcome => ({
    route,
    endpoint,
    kind: 'json',
    status,
    headers,
    body,
  });
}

/** What a gateway answers when it lost the service's answer (a `statusAfterCommit` fault). */
const GATEWAY_ERRORS: Record<502 | 503 | 504, { message: string; code: string }> = {
  502: { message: 'Bad gateway', code: 'bad_gateway' },
  503: { message: 'Service unavailable', code: 'service_unavailable' },
  504: { message: 'Gateway timeout', code: 'gateway_timeout' },
};

const BEARER_MESSAGE =
  'Token must follow Bearer authorization scheme: https://www.rfc-editor.org/rfc/rfc6750#section-2.1.';

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
  emulator.log.count(input.method, match ? route : UNMATCHED_ROUTE);
  const json = jsonOutcome(route, endpoint);
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

  const admission = await admit(emulator, token, `${input.method} ${route}`, endpoint);
  if (admission.rejection) return fail(admission.rejection, admission.rejection.headers);

  const run = async (): Promise<ApiOutcome> => {
    try {
      const body = parseJson(input);
      const result: HandlerResult = await match.route.handler(
        { params: match.params, query: input.query, body, rawBody: input.rawBody, headers: input.headers },
        emulator.context(),
      );
      if (input.method !== 'GET' && !match.route.readOnly) emulator.persist();
      return json(200, pylonBody(result, requestId), admission.headers);
    } catch (error) {
      return fail(asApiError(error));
    }
  };
  const lost = admission.drop || admission.statusAfterCommit !== undefined;
  let status = 200;
  if (lost && admission.commitDelayMs !== undefined) {
    // A late commit: the client hears of a failure now, and the write lands after it may have stopped looking.
    setTimeout(() => void run().then(() => emulator.changes.bump()), admission.commitDelayMs).unref();
  } else {
    const outcome = await run();
    if (!lost) return outcome;
    status = outcome.status;
    if (!admission.drop && status < 400) emulator.changes.bump();
  }
  if (admission.drop) return { route, endpoint, kind: 'drop', status };
  const gateway = admission.statusAfterCommit ?? 504;
  return fail({ status: gateway, ...GATEWAY_ERRORS[gateway] });
}
