import type { Collection, Team, User } from '../pylon-api/index.js';
import { type EndpointName, endpoint, fillPath } from '../pylon-api/index.js';
import type { PylonApi } from './api.js';
import type { CallSpec, Calls } from './calls.js';
import {
  readArticle,
  readAttachment,
  readCollection,
  readKnowledgeBase,
  readMe,
  readRouteRedirect,
  readTeam,
  readUser,
  readUserRole,
} from './validate.js';

/** Reads the client offers beyond `PylonApi`. */
export interface ExtraMethods {
  getCollection(kbId: string, collectionId: string): Promise<Collection>;
  getUser(userId: string): Promise<User>;
  getTeam(teamId: string): Promise<Team>;
}

/** Largest page Pylon accepts ("greater than 0 and less than 1000"). */
export const MAX_PAGE_SIZE = 999;
/** Emails per `/users/search` request, to keep each filter small. */
const SEARCH_CHUNK = 100;

const lang = (options?: { language?: string }) =>
  options?.language ? { language: options.language } : undefined;

/** The request line of an endpoint, from the contract's table: its method and its filled path template. */
function at(
  name: EndpointName,
  params: Record<string, string> = {},
): Pick<CallSpec, 'endpoint' | 'method' | 'path'> {
  const row = endpoint(name);
  return { endpoint: name, method: row.method, path: fillPath(row.path, params) };
}

function withQuery<T extends object>(spec: T, query: Record<string, string> | undefined): T {
  return query ? { ...spec, query } : spec;
}

/**
 * The client method that calls each endpoint of the contract. Typed over every endpoint name, so an
 * endpoint added to the table without a client method does not compile (and a test checks it at run time).
 */
export const CLIENT_METHOD_OF = {
  listKnowledgeBases: 'listKnowledgeBases',
  getKnowledgeBase: 'getKnowledgeBase',
  listCollections: 'listCollections',
  getCollection: 'getCollection',
  createCollection: 'createCollection',
  updateCollection: 'updateCollection',
  deleteCollection: 'deleteCollection',
  listArticles: 'listArticles',
  getArticle: 'getArticle',
  createArticle: 'createArticle',
  updateArticle: 'updateArticle',
  deleteArticle: 'deleteArticle',
  createRouteRedirect: 'createRouteRedirect',
  getMe: 'getMe',
  listUsers: 'listUsers',
  getUser: 'getUser',
  searchUsers: 'searchUsersByEmail',
  listUserRoles: 'listUserRoles',
  listTeams: 'listTeams',
  getTeam: 'getTeam',
  createAttachment: 'uploadAttachment',
} as const satisfies Record<EndpointName, keyof (PylonApi & ExtraMethods)>;

export function buildMethods(calls: Calls): PylonApi & ExtraMethods {
  return {
    listKnowledgeBases: () => calls.list(at('listKnowledgeBases'), readKnowledgeBase),
    getKnowledgeBase: (kbId) => calls.one(at('getKnowledgeBase', { id: kbId }), readKnowledgeBase),

    listCollections: (kbId) => calls.list(at('listCollections', { id: kbId }), readCollection),
    getCollection: (kbId, id) =>
      calls.one(at('getCollection', { id: kbId, collection_id: id }), readCollection),
    createCollection: (kbId, body) =>
      calls.one({ ...at('createCollection', { id: kbId }), json: body }, readCollection),
    updateCollection: (kbId, id, body) =>
      calls.one({ ...at('updateCollection', { id: kbId, collection_id: id }), json: body }, readCollection),
    deleteCollection: (kbId, id) => calls.none(at('deleteCollection', { id: kbId, collection_id: id })),

    listArticles: (kbId, options) =>
      calls.list(
        withQuery({ ...at('listArticles', { id: kbId }), limit: MAX_PAGE_SIZE }, lang(options)),
        readArticle,
      ),
    getArticle: (kbId, id, options) =>
      calls.one(withQuery(at('getArticle', { id: kbId, article_id: id }), lang(options)), readArticle),
    createArticle: (kbId, body) =>
      calls.one({ ...at('createArticle', { id: kbId }), json: body }, readArticle),
    updateArticle: (kbId, id, body) =>
      calls.one({ ...at('updateArticle', { id: kbId, article_id: id }), json: body }, readArticle),
    deleteArticle: (kbId, id) => calls.none(at('deleteArticle', { id: kbId, article_id: id })),

    createRouteRedirect: (kbId, body) =>
      calls.one({ ...at('createRouteRedirect', { id: kbId }), json: body }, (f) =>
        readRouteRedirect(f, body),
      ),

    getMe: () => calls.one(at('getMe'), readMe),
    listUsers: () => calls.list(at('listUsers'), readUser),
    getUser: (id) => calls.one(at('getUser', { id }), readUser),
    searchUsersByEmail: async (emails) => {
      const unique = [...new Set(emails)];
      const out: User[] = [];
      for (let i = 0; i < unique.length; i += SEARCH_CHUNK) {
        const chunk = unique.slice(i, i + SEARCH_CHUNK);
        const filter =
          chunk.length === 1
            ? { field: 'email', operator: 'equals', value: chunk[0] }
            : { field: 'email', operator: 'in', values: chunk };
        const users = await calls.list(
          { ...at('searchUsers'), json: { filter }, limit: MAX_PAGE_SIZE },
          readUser,
        );
        out.push(...users);
      }
      return out;
    },
    listUserRoles: () => calls.list(at('listUserRoles'), readUserRole),
    listTeams: () => calls.list(at('listTeams'), readTeam),
    getTeam: (id) => calls.one(at('getTeam', { id }), readTeam),

    uploadAttachment: (file) => {
      const form = new FormData();
      const type = file.contentType ?? 'application/octet-stream';
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type }), file.name);
      if (file.description !== undefined) form.append('description', file.description);
      return calls.one({ ...at('createAttachment'), form }, (f) => readAttachment(f, file.name));
    },
  };
}
