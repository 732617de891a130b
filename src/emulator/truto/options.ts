import { TRUTO_ACCOUNT_LIMIT, TRUTO_WINDOW_MS } from '../../pylon-api/index.js';
/** The Truto façade's options: who may call it and whether Truto's own rate limit is enforced. */
export interface TrutoFacadeOptions {
  /** The accepted Truto API token (`Authorization: Bearer …`). Default `truto-emulator-token`. */
  token?: string;
  /** Integrated account ids the façade knows; each reaches the emulator's one organisation. Default `['acct-emulator-1']`. */
  accounts?: string[];
  /** Enforce Truto's limit per integrated account (off by default, like Pylon's limits). */
  rateLimit?: boolean;
  /** Requests per 10 s (× timeScale) per integrated account when `rateLimit` is on. Default 50. */
  accountLimit?: number;
}

export interface ResolvedTrutoOptions {
  token: string;
  accounts: string[];
  rateLimit: boolean;
  accountLimit: number;
}

export const DEFAULT_TRUTO_TOKEN = 'truto-emulator-token';
export const DEFAULT_TRUTO_ACCOUNT = 'acct-emulator-1';
export { TRUTO_ACCOUNT_LIMIT, TRUTO_WINDOW_MS };

/** Checks options that may come from a file or the CLI; throws a message naming the option. */
export function resolveTrutoOptions(input: unknown = {}): ResolvedTrutoOptions {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('truto must be an object');
  }
  const o = input as Record<string, unknown>;
  const token = o.token ?? DEFAULT_TRUTO_TOKEN;
  if (typeof token !== 'string' || !/^\S+$/.test(token)) {
    throw new Error('truto.token must be a non-empty string without spaces');
  }
  const accounts = o.accounts ?? [DEFAULT_TRUTO_ACCOUNT];
  if (
    !Array.isArray(accounts) ||
    accounts.length === 0 ||
    accounts.some((a) => typeof a !== 'string' || !/^\S+$/.test(a))
  ) {
    throw new Error('truto.accounts must be a non-empty list of account ids (strings without spaces)');
  }
  const rateLimit = o.rateLimit ?? false;
  if (typeof rateLimit !== 'boolean') throw new Error('truto.rateLimit must be a boolean');
  const accountLimit = o.accountLimit ?? TRUTO_ACCOUNT_LIMIT;
  if (typeof accountLimit !== 'number' || !Number.isInteger(accountLimit) || accountLimit < 1) {
    throw new Error('truto.accountLimit must be a positive integer');
  }
  return { token, accounts: [...new Set(accounts as string[])], rateLimit, accountLimit };
}
