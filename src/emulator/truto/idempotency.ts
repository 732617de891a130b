import { createHash } from 'node:crypto';

/** A response the façade gave, kept to answer a repeat of the same request. */
export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type IdempotencyDecision =
  /** First use of the key: run the request, then `finish` with its response (or null to forget it). */
  | { kind: 'run'; finish(response: StoredResponse | null): void }
  /** Same key, same request: answer with the first response, write nothing. */
  | { kind: 'replay'; response: StoredResponse }
  /** Same key, different request (422), or the first one still running (409). */
  | { kind: 'conflict'; status: 409 | 422; message: string };

interface Entry {
  fingerprint: string;
  response: StoredResponse | null;
}

/**
 * Truto's `Idempotency-Key`: keyed by integrated account + path + key. Only successful responses are kept,
 * so a request that failed (429, 5xx, validation) runs again when retried with its key.
 */
export class IdempotencyCache {
  private readonly entries = new Map<string, Entry>();

  begin(account: string, path: string, key: string, fingerprint: string): IdempotencyDecision {
    const id = `${account}\u0000${path}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry && entry.fingerprint !== fingerprint) {
      return {
        kind: 'conflict',
        status: 422,
        message: `Idempotency-Key "${key}" was already used on ${path} with a different request`,
      };
    }
    if (entry?.response) return { kind: 'replay', response: entry.response };
    if (entry) {
      return {
        kind: 'conflict',
        status: 409,
        message: `A request with Idempotency-Key "${key}" on ${path} is still being processed`,
      };
    }
    const fresh: Entry = { fingerprint, response: null };
    this.entries.set(id, fresh);
    return {
      kind: 'run',
      finish: (response) => {
        if (response && response.status >= 200 && response.status < 300) fresh.response = response;
        else this.entries.delete(id);
      },
    };
  }

  reset(): void {
    this.entries.clear();
  }
}

/**
 * What makes two requests "the same": method, query (without the account id) and body. A multipart
 * boundary is random per send, so it is replaced before hashing.
 */
export function requestFingerprint(
  method: string,
  query: URLSearchParams,
  contentType: string | undefined,
  rawBody: Buffer,
): string {
  const params = [...query].filter(([k]) => k !== 'integrated_account_id').sort();
  let body = rawBody.toString('latin1');
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (boundary) body = body.split(boundary).join('BOUNDARY');
  return createHash('sha256')
    .update(`${method}\n${JSON.stringify(params)}\n`)
    .update(body, 'latin1')
    .digest('hex');
}
