import type {
  Article,
  Attachment,
  Collection,
  CreateArticleBody,
  CreateCollectionBody,
  CreateRouteRedirectBody,
  KnowledgeBase,
  Me,
  RouteRedirect,
  Team,
  UpdateArticleBody,
  UpdateCollectionBody,
  User,
  UserRole,
} from '../pylon-api/index.js';

/**
 * A request body, or a function that builds it when the request gets its slot (after the rate-limit wait):
 * a large apply then builds each body just before sending it, instead of all of them up front. It is
 * called once per request, whatever the retries.
 */
export type LazyBody<T> = T | (() => T);

/**
 * What the rest of pylon-kb needs from Pylon, whatever the transport (direct API or Truto).
 * Lists return every page. Errors are thrown as `PylonApiError` (see errors.ts).
 */
export interface PylonApi {
  listKnowledgeBases(): Promise<KnowledgeBase[]>;
  getKnowledgeBase(id: string): Promise<KnowledgeBase>;
  listCollections(kbId: string): Promise<Collection[]>;
  createCollection(kbId: string, body: CreateCollectionBody): Promise<Collection>;
  updateCollection(kbId: string, collectionId: string, body: UpdateCollectionBody): Promise<Collection>;
  deleteCollection(kbId: string, collectionId: string): Promise<void>;
  listArticles(kbId: string, options?: { language?: string }): Promise<Article[]>;
  getArticle(kbId: string, articleId: string, options?: { language?: string }): Promise<Article>;
  createArticle(kbId: string, body: LazyBody<CreateArticleBody>): Promise<Article>;
  updateArticle(kbId: string, articleId: string, body: LazyBody<UpdateArticleBody>): Promise<Article>;
  deleteArticle(kbId: string, articleId: string): Promise<void>;
  createRouteRedirect(kbId: string, body: CreateRouteRedirectBody): Promise<RouteRedirect>;
  getMe(): Promise<Me>;
  listUsers(): Promise<User[]>;
  searchUsersByEmail(emails: string[]): Promise<User[]>;
  listUserRoles(): Promise<UserRole[]>;
  listTeams(): Promise<Team[]>;
  uploadAttachment(file: {
    name: string;
    bytes: Uint8Array;
    contentType?: string;
    description?: string;
  }): Promise<Attachment>;
}

/** Something that happened in the client that a progress display may show. */
export type ClientEvent =
  | { type: 'request'; endpoint: string; method: string; path: string }
  | { type: 'response'; endpoint: string; status: number; ms: number }
  /**
   * One HTTP request sent and its outcome, for a request log (`--debug`): `path` with its query (secrets
   * redacted; never a body, never a header), `status` null when no answer came (`failure`: the network
   * error's code), `attempt` 1 for the first try of a logical request, `via` the transport (direct, truto).
   */
  | {
      type: 'http';
      endpoint: string;
      method: string;
      path: string;
      status: number | null;
      failure?: string;
      ms: number;
      attempt: number;
      via: string;
    }
  | { type: 'rate-limit-wait'; endpoint: string; ms: number; reason: 'scheduler' | '429' }
  | { type: 'retry'; endpoint: string; attempt: number; delayMs: number; reason: string }
  /** `from: null`: the endpoint was not paced until the server refused a request. */
  | {
      type: 'rate-limit-lowered';
      endpoint: string;
      from: number | null;
      to: number;
      source: '429' | 'header';
    }
  /** `learned`: a window spent at the limit passed without a 429; `header`: the server stated a higher limit. */
  | { type: 'rate-limit-raised'; endpoint: string; from: number; to: number; source: 'learned' | 'header' };
