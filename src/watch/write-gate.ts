import type { PylonApi } from '../pylon/api.js';
import { CLIENT_METHOD_OF } from '../pylon/methods.js';
import { ENDPOINT_TABLE, isWriteEndpoint } from '../pylon-api/endpoints.js';

/** The client methods that write: those of the contract's write endpoints, so a new one is gated too. */
const WRITES = new Set<string | symbol>(
  ENDPOINT_TABLE.filter(isWriteEndpoint).map((endpoint) => CLIENT_METHOD_OF[endpoint.name]),
);

/** Raised for a write asked for after the session began to close: it is not sent. */
export class WatchStoppedError extends Error {
  override readonly name = 'WatchStoppedError';
  readonly code = 'watch/stopped';
  constructor() {
    super('not sent: watch is stopping');
  }
}

/**
 * The client, except that writes asked for once `isClosed()` is true are refused without being sent,
 * so stopping lets the writes in flight finish and starts no new ones.
 */
export function gateWrites(api: PylonApi, isClosed: () => boolean): PylonApi {
  return new Proxy(api, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
      if (!WRITES.has(property)) return method;
      return (...args: unknown[]) => (isClosed() ? Promise.reject(new WatchStoppedError()) : method(...args));
    },
  });
}
