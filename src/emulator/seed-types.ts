import type { VisibilityConfig } from '../pylon-api/index.js';

/** The data set an emulator starts from (`--seed`, `seed` option): knowledge bases, users, teams, files. */
export interface SeedTranslation {
  language: string;
  title: string;
  body_html: string;
}

export interface SeedArticle {
  id?: string;
  identifier?: string;
  title: string;
  slug?: string;
  body_html: string;
  /** Slug or id of a collection of the same KB. */
  collection?: string;
  /** Email or id of the author; default: the first user. */
  author?: string;
  is_published?: boolean;
  is_unlisted?: boolean;
  visibility_config?: VisibilityConfig;
  translations?: SeedTranslation[];
}

export interface SeedCollection {
  id?: string;
  title: string;
  slug?: string;
  description?: string;
  /** Slug or id of the parent collection. */
  parent?: string;
  visibility_config?: VisibilityConfig;
}

export interface SeedKnowledgeBase {
  id?: string;
  title: string;
  slug: string;
  /** Public help-center host; default `<slug>.help.usepylon.com`. */
  host?: string;
  default_language?: string;
  supported_languages?: string[];
  collections?: SeedCollection[];
  articles?: SeedArticle[];
}

export interface SeedUser {
  id?: string;
  name: string;
  email: string;
  emails?: string[];
  /** Role name or id; default: the last role. */
  role?: string;
  status?: string;
  avatar_url?: string;
}

export interface SeedTeam {
  id?: string;
  name: string;
  /** Member emails or ids. */
  members: string[];
}

export interface SeedRole {
  id?: string;
  name: string;
  slug?: string;
}

/**
 * A file the seed puts on the emulator's asset host. Article HTML refers to it as
 * `{{attachment:<name>}}`, which becomes its signed `/_assets/` URL once the emulator listens.
 */
export interface SeedAttachment {
  name: string;
  content_type?: string;
  /** The file's bytes, base64-encoded. */
  base64: string;
}

export interface EmulatorSeed {
  organization: { id?: string; name: string };
  attachments?: SeedAttachment[];
  knowledgeBases: SeedKnowledgeBase[];
  users: SeedUser[];
  teams?: SeedTeam[];
  roles?: SeedRole[];
}
