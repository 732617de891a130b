import { PylonApiError, type RequestTarget } from './errors.js';

/** Where a response came from, so a malformed one can be reported precisely. */
export interface ResponseContext extends RequestTarget {
  status: number;
  requestId: string | null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Reads the fields of one object, failing with `invalid_response` and the field's path. */
export class Fields {
  private readonly o: Record<string, unknown>;

  constructor(
    value: unknown,
    private readonly at: string,
    private readonly ctx: ResponseContext,
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail('', 'an object', value);
    this.o = value as Record<string, unknown>;
  }

  fail(key: string, expected: string, got: unknown): never {
    const where = key ? `${this.at}.${key}` : this.at;
    throw new PylonApiError({
      ...this.ctx,
      code: 'invalid_response',
      detail: `unexpected response: ${where} should be ${expected} but is ${describe(got)}`,
    });
  }

  /** A non-empty string; a number is accepted and converted (ids and identifiers seen as numbers). */
  id(key: string): string {
    const v = this.o[key];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v !== 'string' || v === '') this.fail(key, 'a non-empty string', v);
    return v;
  }

  str(key: string): string {
    const v = this.o[key];
    if (typeof v !== 'string') this.fail(key, 'a string', v);
    return v;
  }

  /** A string, or the fallback when null or missing. */
  strOr(key: string, fallback: string): string {
    const v = this.o[key];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string') this.fail(key, 'a string', v);
    return v;
  }

  /** Optional string: null and missing both become undefined. */
  optStr(key: string): string | undefined {
    const v = this.o[key];
    return v === undefined || v === null ? undefined : this.str(key);
  }

  /** Optional string where null is kept (it means "none", e.g. no collection). */
  nullableStr(key: string): string | null | undefined {
    return this.o[key] === null ? null : this.optStr(key);
  }

  /** Boolean, false when null or missing. */
  bool(key: string): boolean {
    const v = this.o[key];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') this.fail(key, 'a boolean', v);
    return v;
  }

  strArray(key: string): string[] | undefined {
    const v = this.o[key];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) this.fail(key, 'an array of strings', v);
    return v as string[];
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.optStr(key);
    if (v !== undefined && !(allowed as readonly string[]).includes(v))
      this.fail(key, allowed.join(' | '), v);
    return v as T | undefined;
  }

  nested(key: string): Fields | undefined {
    const v = this.o[key];
    return v === undefined || v === null ? undefined : new Fields(v, `${this.at}.${key}`, this.ctx);
  }

  list(key: string): Fields[] {
    const v = this.o[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) this.fail(key, 'an array', v);
    return v.map((item, i) => new Fields(item, `${this.at}.${key}[${i}]`, this.ctx));
  }
}
