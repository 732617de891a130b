import type { Marker } from '../identity/marker.js';
import type { Article, Collection, KnowledgeBase, Team, User } from '../pylon-api/index.js';

/** A remote article with the pylon-kb markers read from its draft and published bodies. */
export interface RemoteArticle {
  article: Article;
  /** Marker of the latest (draft) body; null for hand-written articles. */
  marker: Marker | null;
  /** Marker of the published body (null when unpublished or hand-written). */
  publishedMarker: Marker | null;
  /** Translations read with `?language=`, by language (only the languages the docs tree uses). */
  translations?: Record<string, RemoteTranslation>;
}

export interface RemoteTranslation {
  title: string;
  /** Draft HTML of the translation. */
  html: string;
  marker: Marker | null;
}

/** A read-only snapshot of everything the planner compares against. */
export interface CurrentState {
  knowledgeBase: KnowledgeBase;
  collections: Collection[];
  articles: RemoteArticle[];
  users: User[];
  teams: Team[];
  /**
   * Files uploaded to this target earlier whose URL no body records yet (a run stopped before the articles
   * that use them were written), by content digest; read from the upload journal by the run layer.
   */
  uploadedFiles?: Readonly<Record<string, string>>;
}
