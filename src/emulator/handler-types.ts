import type { IncomingHttpHeaders } from 'node:http';
import type { EndpointName, HttpMethod } from '../pylon-api/index.js';
import type { Store } from './store.js';
import type { EmulatorBehaviour } from './types.js';

/**
 * Handlers are independent of HTTP and of Pylon's envelope: they take a parsed request and return a
 * result that an envelope (Pylon's `{data, request_id}`, or later a Truto-style one) renders.
 */
export type HandlerResult =
  | { kind: 'object'; data: unknown }
  | { kind: 'list'; data: unknown[]; pagination?: { cursor: string; has_next_page: boolean } }
  | { kind: 'deleted' };

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when empty); multipart bodies stay raw. */
  body: unknown;
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

export interface HandlerContext {
  store: Store;
  behaviour: EmulatorBehaviour;
  /** ISO timestamp from the emulator's clock. */
  now(): string;
  /** The emulator's own base URL (for attachment URLs). */
  baseUrl: string;
  /** Article HTML as it will be stored (verbatim, or through the HTML normaliser). */
  storeHtml(html: string): string;
}

export type Handler = (req: ApiRequest, ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** What the emulator does for one endpoint; method and path come from the contract's ENDPOINT_TABLE. */
export interface HandlerDef {
  endpoint: EndpointName;
  handler: Handler;
  /** A POST that changes nothing (search): no state-file save. */
  readOnly?: boolean;
  /** Served only when this returns true (e.g. collection PATCH can be turned off). */
  enabled?: (behaviour: EmulatorBehaviour) => boolean;
}

/** A served route: a handler at its endpoint's method and Pylon path template. */
export interface RouteDef extends HandlerDef {
  method: HttpMethod;
  /** Pylon's path template, e.g. `/knowledge-bases/{id}/articles/{article_id}`. */
  template: string;
}

export const object = (data: unknown): HandlerResult => ({ kind: 'object', data });
export const deleted = (): HandlerResult => ({ kind: 'deleted' });
