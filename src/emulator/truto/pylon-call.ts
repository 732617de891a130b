import { randomUUID } from 'node:crypto';
import type { EndpointName } from '../../pylon-api/index.js';
import { type ApiInput, parseJson } from '../api.js';
import type { Emulator } from '../emulator.js';
import { pylonBody, pylonErrorBody } from '../envelope.js';
import type { ApiError } from '../errors.js';
import { admit, asApiError } from '../gate.js';
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
  const admission = await admit(em, em.token, `${input.method} ${call.route}`, endpoint);
  if (admission.rejection) return fail(admission.rejection, admission.rejection.headers);
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
    answer = { status: 200, headers: admission.headers, body: out, drop: false };
  } catch (error) {
    answer = fail(asApiError(error));
  }
  return { ...answer, drop: admission.drop };
}
