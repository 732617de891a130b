/**
 * Pylon API shapes as pylon-kb reads and writes them (see shared/reference/pylon-api.md §3).
 * Response fields are all optional in Pylon's schema; the ones pylon-kb relies on are typed as present
 * and validated at the edge (the client), so the core can trust them.
 */

export type Visibility = 'public' | 'customer' | 'internal_only';
export type AiAgentAccess = 'inherit' | 'none' | 'specific_agents';

export interface VisibilityConfig {
  visibility?: Visibility;
  ai_agent_access?: AiAgentAccess;
  allowed_agent_ids?: string[];
}

export interface KnowledgeBase {
  id: string;
  title: string;
  slug: string;
  default_language?: string;
  supported_languages?: string[];
}

export interface Collection {
  id: string;
  title: string;
  slug: string;
  description?: string;
  icon?: string;
  parent_collection_id?: string | null;
  created_at?: string;
  visibility_config?: VisibilityConfig;
}

export interface Article {
  id: string;
  identifier: string;
  title: string;
  slug: string;
  /** Public URL; empty string until published. */
  url: string;
  collection_id?: string | null;
  is_published: boolean;
  is_unlisted: boolean;
  last_published_at?: string | null;
  current_draft_content_html: string;
  current_published_content_html?: string | null;
  visibility_config?: VisibilityConfig;
}

export interface ArticleTranslationInput {
  language: string;
  title: string;
  body_html: string;
}

export interface CreateArticleBody {
  title: string;
  body_html: string;
  author_user_id: string;
  collection_id?: string;
  slug?: string;
  is_published?: boolean;
  is_unlisted?: boolean;
  translations?: ArticleTranslationInput[];
  visibility_config?: VisibilityConfig;
}

export interface UpdateArticleBody {
  title?: string;
  body_html?: string;
  publish_updated_body_html?: boolean;
  is_published?: boolean;
  is_unlisted?: boolean;
  language?: string;
  visibility_config?: VisibilityConfig;
}

export interface CreateCollectionBody {
  title: string;
  description?: string;
  slug?: string;
  parent_collection_id?: string;
  visibility_config?: VisibilityConfig;
}

export interface UpdateCollectionBody {
  title?: string;
  description?: string;
  slug?: string;
  visibility_config?: VisibilityConfig;
}

export interface RouteRedirect {
  id: string;
  from_path: string;
  object_id: string;
  object_type: 'article' | 'collection';
  language?: string;
  created_at?: string;
}

export interface CreateRouteRedirectBody {
  from_path: string;
  object_id: string;
  object_type: 'article' | 'collection';
  language?: string;
}

export interface User {
  id: string;
  name: string;
  email: string;
  emails?: string[];
  avatar_url?: string;
  role_id?: string;
  status?: string;
}

export interface MiniUser {
  id: string;
  email?: string;
}

export interface Team {
  id: string;
  name: string;
  users: MiniUser[];
}

export interface UserRole {
  id: string;
  name: string;
  slug: string;
}

export interface Me {
  id: string;
  name: string;
}

export interface Attachment {
  id: string;
  name: string;
  description?: string;
  url: string;
}

/**
 * Every Pylon endpoint pylon-kb calls, by name. Rate limits are per endpoint, so the scheduler keeps one
 * queue per name; config overrides are keyed by these names.
 */
export const ENDPOINTS = [
  'listKnowledgeBases',
  'getKnowledgeBase',
  'listCollections',
  'getCollection',
  'createCollection',
  'updateCollection',
  'deleteCollection',
  'listArticles',
  'getArticle',
  'createArticle',
  'updateArticle',
  'deleteArticle',
  'createRouteRedirect',
  'getMe',
  'listUsers',
  'getUser',
  'searchUsers',
  'listUserRoles',
  'listTeams',
  'getTeam',
  'createAttachment',
] as const;

export type EndpointName = (typeof ENDPOINTS)[number];

export type RateLimitPreset = 'documented' | 'raised' | 'off';

/**
 * Requests per minute for each endpoint. `documented`: the April 2026 OpenAPI prose (60/20/10);
 * `raised`: the late-2026 reports (300/120/30). Shared by the client's scheduler and the emulator.
 */
export const RATE_LIMIT_PRESETS: Record<Exclude<RateLimitPreset, 'off'>, Record<EndpointName, number>> = {
  documented: {
    listKnowledgeBases: 60,
    getKnowledgeBase: 60,
    listCollections: 20,
    getCollection: 20,
    createCollection: 10,
    updateCollection: 20,
    deleteCollection: 10,
    listArticles: 20,
    getArticle: 60,
    createArticle: 10,
    updateArticle: 20,
    deleteArticle: 20,
    createRouteRedirect: 10,
    getMe: 60,
    listUsers: 60,
    getUser: 60,
    searchUsers: 20,
    listUserRoles: 60,
    listTeams: 60,
    getTeam: 60,
    createAttachment: 10,
  },
  raised: {
    listKnowledgeBases: 300,
    getKnowledgeBase: 300,
    listCollections: 120,
    getCollection: 300,
    createCollection: 30,
    updateCollection: 120,
    deleteCollection: 30,
    listArticles: 120,
    getArticle: 300,
    createArticle: 30,
    updateArticle: 120,
    deleteArticle: 30,
    createRouteRedirect: 30,
    getMe: 300,
    listUsers: 300,
    getUser: 300,
    searchUsers: 120,
    listUserRoles: 300,
    listTeams: 300,
    getTeam: 300,
    createAttachment: 30,
  },
};

/** Limits per endpoint, or `null` for no limit. */
export function rateLimitsFor(
  preset: RateLimitPreset,
  overrides: Partial<Record<EndpointName, number>> = {},
): Record<EndpointName, number | null> {
  const base = preset === 'off' ? null : RATE_LIMIT_PRESETS[preset];
  const out = {} as Record<EndpointName, number | null>;
  for (const name of ENDPOINTS) out[name] = overrides[name] ?? base?.[name] ?? null;
  return out;
}
