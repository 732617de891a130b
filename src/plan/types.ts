import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Visibility } from '../pylon-api/index.js';

export const PLAN_VERSION = 1 as const;

/** Create a Pylon collection for a folder. Parents come before children in `Plan.operations`. */
export interface CreateCollectionOp {
  kind: 'create-collection';
  /** Folder path relative to the content directory. */
  key: string;
  title: string;
  slug: string;
  description?: string;
  parentKey: string | null;
  /** Remote id of the parent when it exists already; otherwise apply resolves `parentKey`. */
  parentId: string | null;
}

/**
 * Change a collection's title or description to the folder's (config `collectionUpdates`: Pylon's April 2026
 * OpenAPI has no collection update; later material reports `PATCH …/collections/{id}`).
 */
export interface UpdateCollectionOp {
  kind: 'update-collection';
  /** Folder path relative to the content directory. */
  key: string;
  collectionId: string;
  title: string;
  description?: string;
  before: { title: string; description?: string };
}

/**
 * Delete a collection pylon-kb's runs left behind: a duplicate of a folder's collection (two applies at
 * once) or one this plan empties. Apply re-checks that only pylon-kb's articles are in it (delete cascades).
 */
export interface DeleteCollectionOp {
  kind: 'delete-collection';
  /** The collection's place, `parent-slug/slug`, for reports. */
  key: string;
  collectionId: string;
  title: string;
  reason: 'duplicate' | 'emptied';
  /** Nesting depth: children are deleted before their parents. */
  depth: number;
}

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

/** Upload a local file (image, PDF…) once per content digest, before the articles that use it. */
export interface UploadAssetOp {
  kind: 'upload-asset';
  /** The file's path relative to the content directory. */
  key: string;
  sha256: string;
  size: number;
  contentType: string;
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

export type Operation =
  | UploadAssetOp
  | CreateCollectionOp
  | UpdateCollectionOp
  | DeleteCollectionOp
  | CreateArticleOp
  | UpdateArticleOp
  | MoveArticleOp
  | CreateRedirectsOp
  | RetireArticleOp
  | OrphanNotice
  | DriftNotice;

export type OperationKind = Operation['kind'];

/** Kinds that make no remote write. */
export const NOTICE_KINDS: readonly OperationKind[] = ['orphan', 'drift'];

export type PlanSummary = Partial<Record<OperationKind, number>> & { unchanged: number };

/** The difference between the docs tree and the knowledge base: versioned, JSON-serialisable data. */
export interface Plan {
  version: typeof PLAN_VERSION;
  knowledgeBase: { id: string; slug: string; title: string };
  summary: PlanSummary;
  operations: Operation[];
  diagnostics: Diagnostic[];
  /**
   * For every remote object an operation touches: a fingerprint of its state when planned
   * (`apply plan.json` refuses when one changed since).
   */
  remoteVersions: Record<string, string>;
  /** What the bodies in this plan link to and embed, so reports show a reader's view (absent in older plans). */
  references?: PlanReferences;
}

/** A document a body links to: its title, its source file, and its public URL once known. */
export interface DocumentReference {
  title: string;
  path: string;
  url?: string;
  /** The URL of the article it replaces (a move), which bodies not yet updated still link to. */
  previousUrl?: string;
}

/** A local file a body embeds: its source file, and its uploaded URL once known. */
export interface AssetReference {
  path: string;
  contentType: string;
  url?: string;
}

export interface PlanReferences {
  /** By document key. */
  articles: Record<string, DocumentReference>;
  /** By sha256 of the file's bytes. */
  assets: Record<string, AssetReference>;
}

export function isWrite(op: Operation): boolean {
  return !NOTICE_KINDS.includes(op.kind);
}

/** The HTML bodies an operation writes (where its file and link placeholders are). */
export function operationBodies(op: Operation): string[] {
  switch (op.kind) {
    case 'create-article':
    case 'move-article':
    case 'update-article':
      return [op.bodyHtml, ...op.translations.map((t) => t.bodyHtml)];
    case 'create-redirects':
      return [op.bodyHtml];
    default:
      return [];
  }
}
