import type { Visibility } from '../pylon-api/index.js';

// Plan operations that write articles, and the notices about articles that make no write.

/** A translation as pylon-kb sends it (with `translations[]` on create, or a PATCH with `language`). */
export interface TranslationDraft {
  language: string;
  /** The translation's source file. */
  path: string;
  title: string;
  /** Rendered HTML with its marker; placeholders apply resolves stay. */
  bodyHtml: string;
  /** The translation in Pylon when planned (absent: it is new), for diffs in reports. */
  before?: { title: string; bodyHtml: string };
}

/** What pylon-kb sends when it creates an article. */
export interface ArticleDraft {
  title: string;
  slug: string;
  collectionKey: string | null;
  /** Remote id of the collection when it exists already; otherwise apply resolves `collectionKey`. */
  collectionId: string | null;
  authorUserId: string;
  isPublished: boolean;
  isUnlisted: boolean;
  visibility?: Visibility;
  /**
   * Rendered HTML with the pylon-kb marker and every URL known when planning; placeholders for articles
   * and files created in the same run are substituted by apply.
   */
  bodyHtml: string;
  digest: string;
  translations: TranslationDraft[];
}

export interface CreateArticleOp extends ArticleDraft {
  kind: 'create-article';
  key: string;
  path: string;
  /** Frontmatter `redirect_from`: redirected to the new article as soon as it exists, in the same run. */
  redirectPaths?: string[];
}

export type ArticleField = 'title' | 'body' | 'unlisted' | 'visibility' | 'published' | 'translations';

export interface UpdateArticleOp {
  kind: 'update-article';
  key: string;
  path: string;
  articleId: string;
  url: string;
  /** Which fields differ; only these are sent. */
  changes: ArticleField[];
  title: string;
  /** Rendered HTML with the marker. */
  bodyHtml: string;
  digest: string;
  isUnlisted: boolean;
  isPublished: boolean;
  visibility?: Visibility;
  /** Send `publish_updated_body_html: true` (config `publish`). */
  publish: boolean;
  /** Translations to create or update (only the ones that changed). */
  translations: TranslationDraft[];
  /** How this document found its article when not by its key: a hand-written article adopted by slug, or a rename. */
  matchedBy?: 'adopted' | 'pulled' | 'renamed' | 'redirect_from' | 'marker-lost';
  /** For a rename: the document key the article had. */
  previousKey?: string;
  /** The remote article as it was when planned, for diffs in reports. */
  before: {
    title: string;
    /** Remote HTML (published when published, else draft) without the marker. */
    bodyHtml: string;
    isUnlisted: boolean;
    isPublished: boolean;
    visibility?: Visibility;
  };
}

/**
 * A document whose collection or slug changed (or that was renamed): create the new article, redirect the
 * old public paths to it, retire the old article. Pylon cannot change an article's slug or collection.
 */
export interface MoveArticleOp extends ArticleDraft {
  kind: 'move-article';
  key: string;
  path: string;
  from: {
    articleId: string;
    key: string;
    url: string;
    slug: string;
    collectionKey: string | null;
    /** Paths that already redirect to the old article (recorded in its marker). */
    redirects: string[];
  };
  /**
   * Public paths (e.g. `/articles/1234567890-old-slug`) that will redirect to the new article: the old
   * article's path and every path that already redirected to it (no chains).
   */
  redirectPaths: string[];
  retire: 'delete' | 'unlist';
  /** Why this is a move: a changed collection or slug, or a rename paired by similarity / git / redirect_from. */
  reason: 'collection-changed' | 'slug-changed' | 'renamed';
  similarity?: number;
}

/** Route redirects to add for an article that stays where it is (frontmatter `redirect_from`). */
export interface CreateRedirectsOp {
  kind: 'create-redirects';
  key: string;
  path: string;
  articleId: string;
  title: string;
  redirectPaths: string[];
  /** The article body (with its marker) to record the redirects in once they exist. */
  bodyHtml: string;
  /** Publish the recording PATCH (the article is published and config `publish` is on). */
  publish: boolean;
}

/** A managed article whose source is gone: retired per the `orphans` policy. */
export interface RetireArticleOp {
  kind: 'retire-article';
  key: string;
  articleId: string;
  title: string;
  url: string;
  action: 'delete' | 'unlist';
}

/** A managed article whose source is gone, only reported (`orphans: 'report'`). No write. */
export interface OrphanNotice {
  kind: 'orphan';
  key: string;
  articleId: string;
  title: string;
  url: string;
}

/** A managed article edited in Pylon since pylon-kb published it. */
export interface DriftNotice {
  kind: 'drift';
  key: string;
  path: string;
  articleId: string;
  title: string;
  url: string;
  resolution: 'fail' | 'skip' | 'overwrite';
  /**
   * The body pylon-kb would send (without marker; the last published text when `baseIsLastPublish`) and
   * the body in Pylon now: reports show the edit as a diff of their readable text.
   */
  localHtml?: string;
  pylonHtml?: string;
  /** The file has not changed since pylon-kb last published it, so `localHtml` is what was published. */
  baseIsLastPublish?: boolean;
}
