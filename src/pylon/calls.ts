import type { Redactor } from '../diagnostics/redact.js';
import type { EndpointName } from '../pylon-api/index.js';
import { PylonApiError } from './errors.js';
import type { RequestExecutor } from './executor.js';
import { Fields, type ResponseContext } from './fields.js';
import type { RequestKind } from './retry.js';
import type { PageRequest, TransportRequest, TransportResponse } from './transport.js';

/** What a call sends: the request less what the executor adds (page, idempotency key, signal). */
export type CallSpec = Pick<TransportRequest, 'endpoint' | 'method' | 'path' | 'query' | 'json' | 'form'>;

export interface ListSpec extends CallSpec {
  /** Page size to ask for; omitted for lists that take no parameters. */
  limit?: number;
}

function kindOf(endpoint: EndpointName): RequestKind {
  if (endpoint.startsWith('create')) return 'create';
  if (endpoint.startsWith('update')) return 'update';
  if (endpoint.startsWith('delete')) return 'delete';
  return 'read';
}

/** Request helpers over the executor: single objects, deletes, and lists followed page by page. */
export class Calls {
  constructor(
    private readonly executor: RequestExecutor,
    private readonly redact: Redactor,
    private readonly maxPages: number,
  ) {}

  async one<T>(spec: CallSpec, read: (f: Fields) => T): Promise<T> {
    const response = await this.send(spec);
    return read(new Fields(response.data, 'data', this.context(spec, response)));
  }

  async none(spec: CallSpec): Promise<void> {
    await this.send(spec);
  }

  /** Every item of a list, following `has_next_page` with the returned cursor (repeats and runaways fail). */
  async list<T>(spec: ListSpec, read: (f: Fields) => T): Promise<T[]> {
    const out: T[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pageNo = 1; ; pageNo++) {
      const page: PageRequest = {};
      if (spec.limit !== undefined) page.limit = spec.limit;
      if (cursor !== undefined) page.cursor = cursor;
      const response = await this.send(spec, Object.keys(page).length > 0 ? page : undefined);
      const ctx = this.context(spec, response);
      if (!Array.isArray(response.data)) {
        throw new PylonApiError({
          ...ctx,
          code: 'invalid_response',
          detail: 'unexpected response: data is not a list',
        });
      }
      for (const item of response.data) out.push(read(new Fields(item, `data[${out.length}]`, ctx)));
      if (!response.pagination?.hasNextPage) return out;
      const next = response.pagination.cursor;
      if (next === null) {
        throw new PylonApiError({
          ...ctx,
          code: 'invalid_response',
          detail: 'has_next_page is true but no cursor',
        });
      }
      if (seen.has(next)) {
        throw new PylonApiError({
          ...ctx,
          code: 'pagination_loop',
          detail: `page ${pageNo} returned a cursor already followed, so the list would never end`,
        });
      }
      if (pageNo >= this.maxPages) {
        throw new PylonApiError({
          ...ctx,
          code: 'pagination_limit',
          detail: `more than ${this.maxPages} pages`,
        });
      }
      seen.add(next);
      cursor = next;
    }
  }

  private send(spec: CallSpec, page?: PageRequest): Promise<TransportResponse> {
    const req: TransportRequest = { endpoint: spec.endpoint, method: spec.method, path: spec.path };
    if (spec.query) req.query = spec.query;
    if (spec.json !== undefined) req.json = spec.json;
    if (spec.form) req.form = spec.form;
    if (page) req.page = page;
    return this.executor.send(req, kindOf(spec.endpoint));
  }

  private context(spec: CallSpec, response: TransportResponse): ResponseContext {
    return {
      endpoint: spec.endpoint,
      method: spec.method,
      path: this.redact(spec.path),
      status: response.status,
      requestId: response.requestId,
    };
  }
}
