import {
  AI_AGENT_ACCESS_VALUES,
  type Article,
  type Attachment,
  type Collection,
  type KnowledgeBase,
  type Me,
  type MiniUser,
  type RouteRedirect,
  type Team,
  type User,
  type UserRole,
  VISIBILITIES,
  type VisibilityConfig,
} from '../pylon-api/index.js';
import type { Fields } from './fields.js';

/** Sets `key` only when `value` is defined, as exactOptionalPropertyTypes wants. */
function opt<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) obj[key] = value;
}

export function readVisibility(f: Fields | undefined): VisibilityConfig | undefined {
  if (!f) return undefined;
  const out: VisibilityConfig = {};
  opt(out, 'visibility', f.oneOf('visibility', VISIBILITIES));
  opt(out, 'ai_agent_access', f.oneOf('ai_agent_access', AI_AGENT_ACCESS_VALUES));
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
