import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, readJson, startTestEmulator } from './helpers.js';

describe('admin surface /_emulator/', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let author: string;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${emu.url}/_emulator/${path}`, {
      method,
      ...(method === 'GET'
        ? {}
        : { body: JSON.stringify(body ?? {}), headers: { 'content-type': 'application/json' } }),
    });

  beforeAll(async () => {
    const started = await startTestEmulator();
    ({ emu, api, author } = started);
    kb = started.kb.id;
  });
  afterAll(() => emu.close());

  it('GET state returns the whole store without a token, the same as snapshot()', async () => {
    const c = (await api.post(`/knowledge-bases/${kb}/collections`, { title: 'Docs' })).body.data;
    const a = await createArticle(api, kb, {
      title: 'State',
      body_html: '<p>1</p>',
      author_user_id: author,
      collection_id: c.id,
      translations: [{ language: 'es', title: 'Estado', body_html: '<p>uno</p>' }],
    });
    await api.post(`/knowledge-bases/${kb}/route-redirects`, {
      from_path: '/s',
      object_id: a.id,
      object_type: 'article',
    });
    const res = await admin('GET', 'state');
    expect(res.status).toBe(200);
    const state = await readJson(res);
    expect(state).toEqual(JSON.parse(JSON.stringify(emu.snapshot())));
    expect(Object.keys(state).sort()).toEqual(
      [
        'articles',
        'attachments',
        'collections',
        'faults',
        'knowledge_bases',
        'options',
        'organization',
        'requests',
        'route_redirects',
        'teams',
        'user_roles',
        'users',
      ].sort(),
    );
    expect(state.knowledge_bases[0]).toMatchObject({ slug: 'help-center', host: 'help.acme.test' });
    expect(state.collections[0]).toMatchObject({
      id: c.id,
      kb_id: kb,
      title: 'Docs',
      parent_collection_id: null,
    });
    expect(state.articles[0]).toEqual({
      id: a.id,
      kb_id: kb,
      identifier: a.identifier,
      title: 'State',
      published_title: null,
      slug: 'state',
      collection_id: c.id,
      author_user_id: author,
      is_published: false,
      is_unlisted: false,
      url: '',
      draft_html: '<p>1</p>',
      published_html: null,
      last_published_at: null,
      visibility_config: { visibility: 'public' },
      translations: { es: { title: 'Estado', draft_html: '<p>uno</p>', published_html: null } },
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(state.route_redirects[0]).toMatchObject({
      from_path: '/s',
      object_id: a.id,
      object_type: 'article',
      language: 'en',
    });
    expect(state.teams.map((t: { name: string }) => t.name)).toEqual(['Support', 'Docs']);
    expect(JSON.stringify(state)).not.toContain(emu.token);
  });

  it('counts every request that reaches routing, per method and templated route, including 4xx', async () => {
    const before = emu.snapshot().requests.counts;
    await api.get(`/knowledge-bases/${kb}/articles/missing`);
    await api.post(`/knowledge-bases/${kb}/articles`, {}, { invalid: true });
    await api.get('/me', { token: 'wrong' });
    const { counts, log } = emu.snapshot().requests;
    expect(counts['GET /knowledge-bases/{id}/articles/{article_id}']).toBe(
      (before['GET /knowledge-bases/{id}/articles/{article_id}'] ?? 0) + 1,
    );
    expect(counts['POST /knowledge-bases/{id}/articles']).toBe(
      (before['POST /knowledge-bases/{id}/articles'] ?? 0) + 1,
    );
    expect(log.slice(-3)).toEqual([
      {
        at: expect.any(Number),
        method: 'GET',
        route: '/knowledge-bases/{id}/articles/{article_id}',
        endpoint: 'getArticle',
        status: 404,
      },
      {
        at: expect.any(Number),
        method: 'POST',
        route: '/knowledge-bases/{id}/articles',
        endpoint: 'createArticle',
        status: 400,
      },
      { at: expect.any(Number), method: 'GET', route: '/me', endpoint: 'getMe', status: 401 },
    ]);
  });

  it('changes behaviour options at run time with POST options; rejects unknown or invalid ones', async () => {
    const ok = await admin('POST', 'options', {
      duplicateSlugs: 'reject',
      rateLimits: { preset: 'raised', overrides: { getMe: 5 } },
    });
    expect(ok.status).toBe(200);
    expect((await readJson(ok)).options).toMatchObject({
      duplicateSlugs: 'reject',
      rateLimits: { preset: 'raised' },
    });
    expect(emu.snapshot().options.duplicateSlugs).toBe('reject');
    for (const bad of [
      { duplicateSlugs: 'maybe' },
      { timeScale: 0 },
      { typo: true },
      { rateLimits: { preset: 'x' } },
    ]) {
      const res = await admin('POST', 'options', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    await admin('POST', 'options', { duplicateSlugs: 'allow', rateLimits: 'off' });
  });

  it('POST reset restores the seed, clears the request log and keeps the start-up faults', async () => {
    emu.setFaults([{ route: 'GET /teams', status: 500 }]);
    const res = await admin('POST', 'reset');
    expect(res.status).toBe(200);
    const state = emu.snapshot();
    expect(state.articles).toEqual([]);
    expect(state.collections).toEqual([]);
    expect(state.route_redirects).toEqual([]);
    expect(state.faults).toEqual([]);
    expect(state.users).toHaveLength(5);
    expect(state.requests.log.map((l) => `${l.method} ${l.route}`)).toEqual(['POST /_emulator/reset']);
    expect((await api.get('/teams')).status).toBe(200);
  });

  it('answers 404 for unknown admin routes and 400 for invalid JSON', async () => {
    expect((await admin('GET', 'nothing')).status).toBe(404);
    const bad = await fetch(`${emu.url}/_emulator/faults`, {
      method: 'POST',
      body: '{',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
  });

  it('kb() gives the KB ids and the site URL; unknown slugs throw', () => {
    const info = emu.kb('help-center');
    expect(info).toMatchObject({
      id: kb,
      slug: 'help-center',
      host: 'help.acme.test',
      siteUrl: `${emu.url}/_site/help-center`,
    });
    expect(() => emu.kb('nope')).toThrow('No knowledge base "nope"');
  });
});
