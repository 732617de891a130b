import type { Collection, Team, User } from '../pylon-api/index.js';
import type { PylonApi } from './api.js';
import type { Calls } from './calls.js';
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

const seg = encodeURIComponent;
const kb = (kbId: string) => `/knowledge-bases/${seg(kbId)}`;
const lang = (options?: { language?: string }) =>
  options?.language ? { language: options.language } : undefined;

function withQuery<T extends object>(spec: T, query: Record<string, string> | undefined): T {
  return query ? { ...spec, query } : spec;
}

export function buildMethods(calls: Calls): PylonApi & ExtraMethods {
  return {
    listKnowledgeBases: () =>
      calls.list(
        { endpoint: 'listKnowledgeBases', method: 'GET', path: '/knowledge-bases' },
        readKnowledgeBase,
      ),
    getKnowledgeBase: (kbId) =>
      calls.one({ endpoint: 'getKnowledgeBase', method: 'GET', path: kb(kbId) }, readKnowledgeBase),

    listCollections: (kbId) =>
      calls.list(
        { endpoint: 'listCollections', method: 'GET', path: `${kb(kbId)}/collections` },
        readCollection,
      ),
    getCollection: (kbId, id) =>
      calls.one(
        { endpoint: 'getCollection', method: 'GET', path: `${kb(kbId)}/collections/${seg(id)}` },
        readCollection,
      ),
    createCollection: (kbId, body) =>
      calls.one(
        { endpoint: 'createCollection', method: 'POST', path: `${kb(kbId)}/collections`, json: body },
        readCollection,
      ),
    updateCollection: (kbId, id, body) =>
      calls.one(
        {
          endpoint: 'updateCollection',
          method: 'PATCH',
          path: `${kb(kbId)}/collections/${seg(id)}`,
          json: body,
        },
        readCollection,
      ),
    deleteCollection: (kbId, id) =>
      calls.none({
        endpoint: 'deleteCollection',
        method: 'DELETE',
        path: `${kb(kbId)}/collections/${seg(id)}`,
      }),

    listArticles: (kbId, options) =>
      calls.list(
        withQuery(
          {
            endpoint: 'listArticles',
            method: 'GET',
            path: `${kb(kbId)}/articles`,
            limit: MAX_PAGE_SIZE,
          } as const,
          lang(options),
        ),
        readArticle,
      ),
    getArticle: (kbId, id, options) =>
      calls.one(
        withQuery(
          { endpoint: 'getArticle', method: 'GET', path: `${kb(kbId)}/articles/${seg(id)}` } as const,
          lang(options),
        ),
        readArticle,
      ),
    createArticle: (kbId, body) =>
      calls.one(
        { endpoint: 'createArticle', method: 'POST', path: `${kb(kbId)}/articles`, json: body },
        readArticle,
      ),
    updateArticle: (kbId, id, body) =>
      calls.one(
        { endpoint: 'updateArticle', method: 'PATCH', path: `${kb(kbId)}/articles/${seg(id)}`, json: body },
        readArticle,
      ),
    deleteArticle: (kbId, id) =>
      calls.none({ endpoint: 'deleteArticle', method: 'DELETE', path: `${kb(kbId)}/articles/${seg(id)}` }),

    createRouteRedirect: (kbId, body) =>
      calls.one(
        { endpoint: 'createRouteRedirect', method: 'POST', path: `${kb(kbId)}/route-redirects`, json: body },
        (f) => readRouteRedirect(f, body),
      ),

    getMe: () => calls.one({ endpoint: 'getMe', method: 'GET', path: '/me' }, readMe),
    listUsers: () => calls.list({ endpoint: 'listUsers', method: 'GET', path: '/users' }, readUser),
    getUser: (id) => calls.one({ endpoint: 'getUser', method: 'GET', path: `/users/${seg(id)}` }, readUser),
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
          {
            endpoint: 'searchUsers',
            method: 'POST',
            path: '/users/search',
            json: { filter },
            limit: MAX_PAGE_SIZE,
          },
          readUser,
        );
        out.push(...users);
      }
      return out;
    },
    listUserRoles: () =>
      calls.list({ endpoint: 'listUserRoles', method: 'GET', path: '/user-roles' }, readUserRole),
    listTeams: () => calls.list({ endpoint: 'listTeams', method: 'GET', path: '/teams' }, readTeam),
    getTeam: (id) => calls.one({ endpoint: 'getTeam', method: 'GET', path: `/teams/${seg(id)}` }, readTeam),

    uploadAttachment: (file) => {
      const form = new FormData();
      const type = file.contentType ?? 'application/octet-stream';
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type }), file.name);
      if (file.description !== undefined) form.append('description', file.description);
      return calls.one({ endpoint: 'createAttachment', method: 'POST', path: '/attachments', form }, (f) =>
        readAttachment(f, file.name),
      );
    },
  };
}
