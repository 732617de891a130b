/**
 * Pylon API record shapes as pylon-kb reads and writes them (Pylon's API reference:
 * https://docs.usepylon.com/pylon-docs/developer/api/api-reference).
 * Response fields are all optional in Pylon's schema; the ones pylon-kb relies on are typed as present
 * and validated at the edge (the client), so the core can trust them.
 */
import type { AiAgentAccess, RedirectObjectType, Visibility } from './values.js';

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
  object_type: RedirectObjectType;
  language?: string;
  created_at?: string;
}

export interface CreateRouteRedirectBody {
  from_path: string;
  object_id: string;
  object_type: RedirectObjectType;
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
