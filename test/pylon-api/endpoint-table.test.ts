import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { API_ROUTES, routesFromTable } from '../../src/emulator/router.js';
import { type ClientEvent, createPylonClient, type PylonClient } from '../../src/pylon/index.js';
import { CLIENT_METHOD_OF } from '../../src/pylon/methods.js';
import { isWriteEndpoint } from '../../src/pylon-api/endpoints.js';
import { ENDPOINT_TABLE, type EndpointName, fillPath, pathParams } from '../../src/pylon-api/index.js';

/**
 * The endpoint table is the one list of Pylon operations: every row has a client method that sends
 * exactly that request, and an emulator route that serves it under the same name.
 */

interface Ids {
  kb: string;
  author: string;
  team: string;
  collection: string;
  article: string;
}

/** How the test calls each endpoint's client method; a row missing here fails the test below. */
const CALLS: Record<EndpointName, (c: PylonClient, ids: Ids) => Promise<unknown>> = {
  listKnowledgeBases: (c) => c.listKnowledgeBases(),
  getKnowledgeBase: (c, ids) => c.getKnowledgeBase(ids.kb),
  listCollections: (c, ids) => c.listCollections(ids.kb),
  getCollection: (c, ids) => c.getCollection(ids.kb, ids.collection),
  createCollection: async (c, ids) => {
    ids.collection = (await c.createCollection(ids.kb, { title: 'Table', slug: 'table' })).id;
  },
  updateCollection: (c, ids) => c.updateCollection(ids.kb, ids.collection, { title: 'Table 2' }),
  deleteCollection: (c, ids) => c.deleteCollection(ids.kb, ids.collection),
  listArticles: (c, ids) => c.listArticles(ids.kb),
  getArticle: (c, ids) => c.getArticle(ids.kb, ids.article),
  createArticle: async (c, ids) => {
    const body = {
      title: 'Row',
      body_html: '<p>row</p>',
      author_user_id: ids.author,
      collection_id: ids.collection,
    };
    ids.article = (await c.createArticle(ids.kb, body)).id;
  },
  updateArticle: (c, ids) => c.updateArticle(ids.kb, ids.article, { title: 'Row 2' }),
  deleteArticle: (c, ids) => c.deleteArticle(ids.kb, ids.article),
  createRouteRedirect: (c, ids) =>
    c.createRouteRedirect(ids.kb, {
      from_path: '/articles/old-row',
      object_id: ids.article,
      object_type: 'article',
    }),
  getMe: (c) => c.getMe(),
  listUsers: (c) => c.listUsers(),
  getUser: (c, ids) => c.getUser(ids.author),
  searchUsers: (c) => c.searchUsersByEmail(['ada@acme.test']),
  listUserRoles: (c) => c.listUserRoles(),
  listTeams: (c) => c.listTeams(),
  getTeam: (c, ids) => c.getTeam(ids.team),
  createAttachment: (c) => c.uploadAttachment({ name: 'row.txt', bytes: new TextEncoder().encode('row') }),
};

/** Creates before the reads that need their ids, deletes last. */
const ORDER: EndpointName[] = [
  'createCollection',
  'createArticle',
  ...ENDPOINT_TABLE.map((row) => row.name).filter(
    (name) => !['createCollection', 'createArticle', 'deleteArticle', 'deleteCollection'].includes(name),
  ),
  'deleteArticle',
  'deleteCollection',
];

const templatePattern = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

describe('the endpoint table', () => {
  let emu: RunningEmulator;
  let client: PylonClient;
  const events: ClientEvent[] = [];
  const ids: Ids = { kb: '', author: '', team: '', collection: '', article: '' };

  beforeAll(async () => {
    // Collection PATCH is off by default (the April 2026 OpenAPI lacks it): the table has it, so serve it here.
    emu = await startEmulator({ port: 0, rateLimits: 'off', collectionPatch: true });
    client = createPylonClient({
      baseUrl: emu.url,
      token: emu.token,
      rateLimits: { preset: 'off' },
      onEvent: (event) => events.push(event),
    });
    ids.kb = emu.kb().id;
    ids.author = (await client.listUsers())[0]?.id ?? '';
    ids.team = (await client.listTeams())[0]?.id ?? '';
  });
  afterAll(async () => {
    await client.close();
    await emu.close();
  });

  it('marks as writes every endpoint that changes the knowledge base, and no read (watch gates these)', () => {
    const writes = ENDPOINT_TABLE.filter(isWriteEndpoint).map((e) => CLIENT_METHOD_OF[e.name]);
    expect(writes.sort()).toEqual(
      [
        'createArticle',
        'createCollection',
        'createRouteRedirect',
        'deleteArticle',
        'deleteCollection',
        'updateArticle',
        'updateCollection',
        'uploadAttachment',
      ].sort(),
    );
  });

  it('names each endpoint once', () => {
    const names = ENDPOINT_TABLE.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    const lines = ENDPOINT_TABLE.map((row) => `${row.method} ${row.path}`);
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('has a client method for every endpoint, which sends that endpoint’s request', async () => {
    expect(ORDER.slice().sort()).toEqual(ENDPOINT_TABLE.map((row) => row.name).sort());
    for (const name of ORDER) {
      const row = ENDPOINT_TABLE.find((r) => r.name === name);
      const method = CLIENT_METHOD_OF[name];
      expect(typeof client[method], `client.${method} for ${name}`).toBe('function');
      const call = CALLS[name];
      expect(call, `a call of ${name} in this test`).toBeDefined();
      events.length = 0;
      await call(client, ids);
      const sent = events.filter((e) => e.type === 'request');
      expect(sent.length, name).toBeGreaterThan(0);
      for (const event of sent) {
        expect(event).toMatchObject({ endpoint: name, method: row?.method });
        if (event.type === 'request')
          expect(event.path.split('?')[0]).toMatch(templatePattern(row?.path ?? ''));
      }
    }
  });

  it('has an emulator route for every endpoint, served under that endpoint’s name', () => {
    for (const row of ENDPOINT_TABLE) {
      const route = API_ROUTES.find((r) => r.endpoint === row.name);
      expect(route, row.name).toMatchObject({ method: row.method, template: row.path });
    }
    expect(API_ROUTES).toHaveLength(ENDPOINT_TABLE.length);
    const logged = emu.snapshot().requests.log.filter((entry) => entry.endpoint !== null);
    for (const row of ENDPOINT_TABLE) {
      expect(
        logged.some((e) => e.endpoint === row.name && e.method === row.method && e.route === row.path),
        `the emulator logged ${row.name} at ${row.method} ${row.path}`,
      ).toBe(true);
    }
  });

  it('refuses to build the emulator routes when an endpoint has no handler, naming it', () => {
    const withoutOne = API_ROUTES.filter((r) => r.endpoint !== 'getTeam');
    expect(() => routesFromTable(withoutOne)).toThrow(/no handler for getTeam \(GET \/teams\/\{id\}\)/);
    expect(() => routesFromTable([...API_ROUTES, ...withoutOne.slice(0, 1)])).toThrow(/two handlers/);
  });

  it('fills path templates with encoded segments', () => {
    const row = ENDPOINT_TABLE.find((r) => r.name === 'getArticle');
    expect(pathParams(row?.path ?? '')).toEqual(['id', 'article_id']);
    expect(fillPath(row?.path ?? '', { id: 'kb 1', article_id: 'a/b' })).toBe(
      '/knowledge-bases/kb%201/articles/a%2Fb',
    );
    expect(() => fillPath('/teams/{id}', {})).toThrow(/no value for \{id\}/);
  });
});
