import type { VisibilityConfig } from '../pylon-api/index.js';

/** Records as the emulator's store holds them. The API, admin and persistence views are derived from these. */

export interface OrgRecord {
  id: string;
  name: string;
}

export interface KbRecord {
  id: string;
  title: string;
  slug: string;
  host: string;
  default_language: string;
  supported_languages: string[];
}

export interface CollectionRecord {
  id: string;
  kb_id: string;
  /** Insertion order; lists are in this order. */
  seq: number;
  /** Numeric id used in the help-center path `/collections/<identifier>-<slug>` (not exposed by Pylon's API). */
  identifier: string;
  title: string;
  slug: string;
  description: string;
  parent_collection_id: string | null;
  visibility_config: VisibilityConfig;
  created_at: string;
}

export interface TranslationRecord {
  title: string;
  published_title: string | null;
  draft_html: string;
  published_html: string | null;
}

export interface ArticleRecord {
  id: string;
  kb_id: string;
  seq: number;
  identifier: string;
  /** The latest (draft) title; the API's `title`. */
  title: string;
  /** The title as last published; the help center shows this one. */
  published_title: string | null;
  slug: string;
  collection_id: string | null;
  author_user_id: string;
  is_published: boolean;
  is_unlisted: boolean;
  url: string;
  draft_html: string;
  published_html: string | null;
  last_published_at: string | null;
  visibility_config: VisibilityConfig;
  translations: Record<string, TranslationRecord>;
  created_at: string;
  updated_at: string;
}

export interface RedirectRecord {
  id: string;
  kb_id: string;
  seq: number;
  from_path: string;
  object_id: string;
  object_type: 'article' | 'collection';
  language: string;
  created_at: string;
}

export interface UserRecord {
  id: string;
  seq: number;
  name: string;
  email: string;
  emails: string[];
  avatar_url: string;
  role_id: string;
  status: string;
}

export interface TeamRecord {
  id: string;
  name: string;
  user_ids: string[];
}

export interface RoleRecord {
  id: string;
  name: string;
  slug: string;
}

export interface AttachmentRecord {
  id: string;
  name: string;
  description: string;
  /** Object key: `<org-id>/<epoch-ms>-<name>`. */
  key: string;
  url: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  created_at: string;
}

/** Everything that persists. */
export interface StoreData {
  organization: OrgRecord;
  knowledgeBases: KbRecord[];
  collections: CollectionRecord[];
  articles: ArticleRecord[];
  redirects: RedirectRecord[];
  users: UserRecord[];
  teams: TeamRecord[];
  roles: RoleRecord[];
  attachments: AttachmentRecord[];
  nextSeq: number;
}
