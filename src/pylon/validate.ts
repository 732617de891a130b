import { PylonApiError, type RequestTarget } from './errors.js';
import type {
  AiAgentAccess,
  Article,
  Attachment,
  Collection,
  KnowledgeBase,
  Me,
  MiniUser,
  RouteRedirect,
  Team,
  User,
  UserRole,
  Visibility,
  VisibilityConfig,
} from './types.js';

/** Where a response came from, so a malformed one can be reported precisely. */
export interface ResponseContext extends RequestTarget {
  status: number;
  requestId: string | null;
}

const VISIBILITIES: readonly Visibility[] = ['public', 'customer', 'internal_only'];
const AGENT_ACCESS: readonly AiAgentAccess[] = ['inherit', 'none', 'specific_agents'];

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

/** Sets `key` only when `value` is defined, as exactOptionalPropertyTypes wants. */
function opt<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

export function readVisibility(f: Fields | undefined): VisibilityConfig | undefined {
  if (!f) return undefined;
  const out: VisibilityConfig = {};
  opt(out, 'visibility', f.oneOf('visibility', VISIBILITIES));
  opt(out, 'ai_agent_access', f.oneOf('ai_agent_access', AGENT_ACCESS));
  opt(out, 'allowed_agent_ids', f.strArray('allowed_agent_ids'));
  return out;
}

export function readKnowledgeBase(f: Fields): KnowledgeBase {
  const out: KnowledgeBase = { id: f.id('id'), title: f.strOr('title', ''), slug: f.strOr('slug', '') };
  opt(out, 'default_language', f.optStr('default_language'));
  opt(out, 'supported_languages', f.strArray('supported_languages'));
  return out;
}

export function readCollection(f: Fields): Collection {
  const out: Collection = { id: f.id('id'), title: f.str('title'), slug: f.str('slug') };
  opt(out, 'description', f.optStr('description'));
  opt(out, 'icon', f.optStr('icon'));
  opt(out, 'parent_collection_id', f.nullableStr('parent_collection_id'));
  opt(out, 'created_at', f.optStr('created_at'));
  opt(out, 'visibility_config', readVisibility(f.nested('visibility_config')));
  return out;
}

export function readArticle(f: Fields): Article {
  const out: Article = {
    id: f.id('id'),
    identifier: f.id('identifier'),
    title: f.str('title'),
    slug: f.str('slug'),
    url: f.strOr('url', ''),
    is_published: f.bool('is_published'),
    is_unlisted: f.bool('is_unlisted'),
    current_draft_content_html: f.strOr('current_draft_content_html', ''),
  };
  opt(out, 'collection_id', f.nullableStr('collection_id'));
  opt(out, 'last_published_at', f.nullableStr('last_published_at'));
  opt(out, 'current_published_content_html', f.nullableStr('current_published_content_html'));
  opt(out, 'visibility_config', readVisibility(f.nested('visibility_config')));
  return out;
}

/** Fields Pylon leaves out are taken from the request that created the redirect. */
export function readRouteRedirect(f: Fields, sent: Omit<RouteRedirect, 'id'>): RouteRedirect {
  const objectType = f.oneOf('object_type', ['article', 'collection'] as const) ?? sent.object_type;
  const out: RouteRedirect = {
    id: f.id('id'),
    from_path: f.strOr('from_path', sent.from_path),
    object_id: f.strOr('object_id', sent.object_id),
    object_type: objectType,
  };
  opt(out, 'language', f.optStr('language') ?? sent.language);
  opt(out, 'created_at', f.optStr('created_at'));
  return out;
}

export function readUser(f: Fields): User {
  const emails = f.strArray('emails');
  const out: User = { id: f.id('id'), name: f.strOr('name', ''), email: f.strOr('email', emails?.[0] ?? '') };
  opt(out, 'emails', emails);
  opt(out, 'avatar_url', f.optStr('avatar_url'));
  opt(out, 'role_id', f.optStr('role_id'));
  opt(out, 'status', f.optStr('status'));
  return out;
}

function readMiniUser(f: Fields): MiniUser {
  const out: MiniUser = { id: f.id('id') };
  opt(out, 'email', f.optStr('email'));
  return out;
}

export function readTeam(f: Fields): Team {
  return { id: f.id('id'), name: f.strOr('name', ''), users: f.list('users').map(readMiniUser) };
}

export function readUserRole(f: Fields): UserRole {
  return { id: f.id('id'), name: f.strOr('name', ''), slug: f.strOr('slug', '') };
}

export function readMe(f: Fields): Me {
  return { id: f.id('id'), name: f.strOr('name', '') };
}

export function readAttachment(f: Fields, fileName: string): Attachment {
  const out: Attachment = { id: f.id('id'), name: f.strOr('name', fileName), url: f.str('url') };
  opt(out, 'description', f.optStr('description'));
  return out;
}
