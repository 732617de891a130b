import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, startTestEmulator } from './helpers.js';

const SEED = {
  ...DEFAULT_SEED,
  knowledgeBases: [
    ...DEFAULT_SEED.knowledgeBases,
    { title: 'Internal', slug: 'internal', host: 'internal.acme.test' },
  ],
};

describe('collections', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let otherKb: string;
  let author: string;
  const base = () => `/knowledge-bases/${kb}/collections`;

  beforeAll(async () => {
    const started = await startTestEmulator({ seed: SEED, now: () => new Date('2026-05-01T10:00:00Z') });
    ({ emu, api, author } = started);
    kb = started.kb.id;
    otherKb = emu.kb('internal').id;
  });
  afterAll(() => emu.close());

  it('creates a collection with a slug derived from the title and public visibility', async () => {
    const res = await api.post(base(), { title: 'Getting Started!', description: 'First steps' });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Getting Started!',
      slug: 'getting-started',
      description: 'First steps',
      created_at: '2026-05-01T10:00:00.000Z',
      visibility_config: { visibility: 'public' },
    });
    expect(res.body.data.id[14]).toBe('4');
  });

  it('nests a collection under a parent and keeps an explicit slug', async () => {
    const parent = (await api.post(base(), { title: 'Guides' })).body.data;
    const child = await api.post(base(), { title: 'Advanced', slug: 'adv', parent_collection_id: parent.id });
    expect(child.body.data).toMatchObject({ slug: 'adv', parent_collection_id: parent.id });
  });

  it('rejects a create without title, or with a parent outside this KB, naming the field', async () => {
    const foreign = (await api.post(`/knowledge-bases/${otherKb}/collections`, { title: 'Elsewhere' })).body
      .data;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'title is required'],
      [{ title: '' }, 'title is required'],
      [{ title: 7 }, 'title must be a string'],
      [
        { title: 'X', parent_collection_id: 'missing' },
        'parent_collection_id "missing" is not a collection of this knowledge base',
      ],
      [{ title: 'X', parent_collection_id: foreign.id }, 'parent_collection_id'],
      [
        { title: 'X', visibility_config: { visibility: 'secret' } },
        'visibility_config.visibility must be one of',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await api.post(base(), body, { invalid: true });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('invalid_request');
      expect(res.body.errors[0]).toContain(message);
    }
    expect((await api.post('/knowledge-bases/nope/collections', { title: 'X' })).status).toBe(404);
  });

  it('lists the flat collections of one KB without pagination', async () => {
    const res = await api.get(base());
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'request_id']);
    expect(res.body.data.map((c: { title: string }) => c.title)).toEqual([
      'Getting Started!',
      'Guides',
      'Advanced',
    ]);
    const other = await api.get(`/knowledge-bases/${otherKb}/collections`);
    expect(other.body.data.map((c: { title: string }) => c.title)).toEqual(['Elsewhere']);
  });

  it('gets a collection, 404 for unknown ids and for another KB', async () => {
    const [first] = (await api.get(base())).body.data;
    expect((await api.get(`${base()}/${first.id}`)).body.data).toEqual(first);
    expect((await api.get(`${base()}/unknown`)).status).toBe(404);
    expect((await api.get(`/knowledge-bases/${otherKb}/collections/${first.id}`)).status).toBe(404);
    expect((await api.get(`/knowledge-bases/unknown/collections/${first.id}`)).body.code).toBe('not_found');
  });

  it('updates title, slug, description and visibility with PATCH; parent_collection_id is ignored', async () => {
    // Off by default, as in the April 2026 OpenAPI document.
    emu.setOptions({ collectionPatch: true });
    const c = (await api.post(base(), { title: 'Old' })).body.data;
    const other = (await api.post(base(), { title: 'Other' })).body.data;
    const res = await api.patch(`${base()}/${c.id}`, {
      title: 'New',
      slug: 'new-slug',
      description: 'Now described',
      visibility_config: { visibility: 'internal_only' },
      parent_collection_id: other.id,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: c.id,
      title: 'New',
      slug: 'new-slug',
      description: 'Now described',
      visibility_config: { visibility: 'internal_only' },
    });
    expect(res.body.data.parent_collection_id).toBeUndefined();
    expect((await api.patch(`${base()}/${c.id}`, { title: '' }, { invalid: true })).status).toBe(400);
    expect((await api.patch(`${base()}/missing`, { title: 'x' })).status).toBe(404);
  });

  it('rejects parent_collection_id on PATCH in strict mode, and can turn collection PATCH off', async () => {
    emu.setOptions({ immutableFields: 'reject', collectionPatch: true });
    const c = (await api.post(base(), { title: 'Strict' })).body.data;
    const res = await api.patch(`${base()}/${c.id}`, { parent_collection_id: c.id }, { invalid: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(['parent_collection_id cannot be changed after creation']);
    emu.setOptions({ immutableFields: 'ignore', collectionPatch: false });
    const off = await api.patch(`${base()}/${c.id}`, { title: 'x' });
    expect(off.status).toBe(404);
    expect(off.body.code).toBe('not_found');
  });

  it('deletes a collection with its descendants and all their articles, leaving the rest', async () => {
    const top = (await api.post(base(), { title: 'Top' })).body.data;
    const mid = (await api.post(base(), { title: 'Mid', parent_collection_id: top.id })).body.data;
    const leaf = (await api.post(base(), { title: 'Leaf', parent_collection_id: mid.id })).body.data;
    const keep = (await api.post(base(), { title: 'Keep' })).body.data;
    const inTop = await createArticle(api, kb, {
      title: 'In top',
      body_html: '<p>1</p>',
      author_user_id: author,
      collection_id: top.id,
    });
    const inLeaf = await createArticle(api, kb, {
      title: 'In leaf',
      body_html: '<p>2</p>',
      author_user_id: author,
      collection_id: leaf.id,
    });
    const inKeep = await createArticle(api, kb, {
      title: 'In keep',
      body_html: '<p>3</p>',
      author_user_id: author,
      collection_id: keep.id,
    });
    const loose = await createArticle(api, kb, {
      title: 'Loose',
      body_html: '<p>4</p>',
      author_user_id: author,
    });

    const res = await api.delete(`${base()}/${top.id}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['request_id']);

    const state = emu.snapshot();
    const collectionIds = state.collections.map((c) => c.id);
    for (const gone of [top.id, mid.id, leaf.id]) expect(collectionIds).not.toContain(gone);
    expect(collectionIds).toContain(keep.id);
    const articleIds = state.articles.map((a) => a.id);
    expect(articleIds).not.toContain(inTop.id);
    expect(articleIds).not.toContain(inLeaf.id);
    expect(articleIds).toContain(inKeep.id);
    expect(articleIds).toContain(loose.id);
    expect((await api.get(`/knowledge-bases/${kb}/articles/${inLeaf.id}`)).status).toBe(404);
    expect((await api.delete(`${base()}/${top.id}`)).status).toBe(404);
  });
});
