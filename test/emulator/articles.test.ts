import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, startTestEmulator } from './helpers.js';

let clock = new Date('2026-05-01T10:00:00Z');
const tick = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock.toISOString();
};

const SEED = {
  ...DEFAULT_SEED,
  knowledgeBases: [
    ...DEFAULT_SEED.knowledgeBases,
    { title: 'Internal', slug: 'internal', host: 'internal.acme.test' },
  ],
};

describe('articles', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let author: string;
  const base = () => `/knowledge-bases/${kb}/articles`;
  const create = (body: Record<string, unknown>) =>
    createArticle(api, kb, { author_user_id: author, ...body });

  beforeAll(async () => {
    const started = await startTestEmulator({ seed: SEED, now: () => clock });
    ({ emu, api, author } = started);
    kb = started.kb.id;
  });
  beforeEach(() =>
    emu.setOptions({ duplicateSlugs: 'allow', immutableFields: 'ignore', translationUpsert: true }),
  );
  afterAll(() => emu.close());

  describe('create', () => {
    it('creates a draft: no url, not published, no published HTML, a 10-digit identifier', async () => {
      const a = await create({ title: 'Install the CLI', body_html: '<p>npm i</p>' });
      expect(a).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        identifier: expect.stringMatching(/^[1-9]\d{9}$/),
        title: 'Install the CLI',
        slug: 'install-the-cli',
        url: '',
        is_published: false,
        is_unlisted: false,
        current_draft_content_html: '<p>npm i</p>',
        visibility_config: { visibility: 'public' },
      });
      const stored = emu.snapshot().articles.find((s) => s.id === a.id);
      expect(stored).toMatchObject({
        author_user_id: author,
        published_html: null,
        last_published_at: null,
        url: '',
      });
    });

    it('creates a published article with url, both HTML versions and last_published_at', async () => {
      const now = tick(1);
      const c = (await api.post(`/knowledge-bases/${kb}/collections`, { title: 'Guides' })).body.data;
      const a = await create({
        title: 'Understanding "CI Execution Failed"',
        slug: 'ci-failed',
        body_html: '<h2>Why</h2>',
        is_published: true,
        is_unlisted: true,
        collection_id: c.id,
        visibility_config: { visibility: 'customer', ai_agent_access: 'none' },
      });
      expect(a).toMatchObject({
        slug: 'ci-failed',
        is_published: true,
        is_unlisted: true,
        collection_id: c.id,
        current_draft_content_html: '<h2>Why</h2>',
        current_published_content_html: '<h2>Why</h2>',
        last_published_at: now,
        visibility_config: { visibility: 'customer', ai_agent_access: 'none' },
      });
      expect(a.url).toBe(`https://help.acme.test/articles/${a.identifier}-understanding-ci-execution-failed`);
    });

    it('gives every article a unique identifier', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 30; i++) ids.add((await create({ title: `Same title`, body_html: '' })).identifier);
      expect(ids.size).toBe(30);
    });

    it('creates translations and publishes them with the article', async () => {
      const a = await create({
        title: 'Billing',
        body_html: '<p>Pay</p>',
        is_published: true,
        translations: [
          { language: 'fr', title: 'Facturation', body_html: '<p>Payer</p>' },
          { language: 'de', title: 'Abrechnung', body_html: '<p>Zahlen</p>' },
        ],
      });
      const fr = await api.get(`${base()}/${a.id}`, { query: { language: 'fr' } });
      expect(fr.body.data).toMatchObject({
        id: a.id,
        title: 'Facturation',
        current_draft_content_html: '<p>Payer</p>',
        current_published_content_html: '<p>Payer</p>',
      });
      const en = await api.get(`${base()}/${a.id}`, { query: { language: 'en' } });
      expect(en.body.data.title).toBe('Billing');
      const stored = emu.snapshot().articles.find((s) => s.id === a.id);
      expect(stored?.translations).toEqual({
        fr: { title: 'Facturation', draft_html: '<p>Payer</p>', published_html: '<p>Payer</p>' },
        de: { title: 'Abrechnung', draft_html: '<p>Zahlen</p>', published_html: '<p>Zahlen</p>' },
      });
      expect((await api.get(`${base()}/${a.id}`, { query: { language: 'es' } })).status).toBe(404);
      const bad = await api.get(`${base()}/${a.id}`, { query: { language: 'xx' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toContain('language "xx" is not supported');
    });

    it('rejects invalid creates with 400 naming the field', async () => {
      const other = (await api.post(`/knowledge-bases/${emu.kb('internal').id}/collections`, { title: 'X' }))
        .body.data;
      const ok = { title: 'T', body_html: '<p/>', author_user_id: author };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ body_html: '<p/>', author_user_id: author }, 'title is required'],
        [{ title: 'T', author_user_id: author }, 'body_html is required'],
        [{ title: 'T', body_html: '<p/>' }, 'author_user_id is required'],
        [{ ...ok, author_user_id: 'ghost' }, 'author_user_id "ghost" is not a user of this organization'],
        [{ ...ok, collection_id: 'nope' }, 'collection_id "nope" is not a collection of this knowledge base'],
        [{ ...ok, collection_id: other.id }, 'collection_id'],
        [{ ...ok, is_published: 'yes' }, 'is_published must be a boolean'],
        [
          { ...ok, visibility_config: { ai_agent_access: 'all' } },
          'visibility_config.ai_agent_access must be one of',
        ],
        [
          { ...ok, translations: [{ language: 'xx', title: 'a', body_html: 'b' }] },
          'translations[0].language "xx" is not supported',
        ],
        [{ ...ok, translations: [{ language: 'fr', body_html: 'b' }] }, 'translations[0].title is required'],
        [{ ...ok, translations: [{ language: 'fr', title: 'b' }] }, 'translations[0].body_html is required'],
        [
          { ...ok, translations: [{ language: 'en', title: 'a', body_html: 'b' }] },
          'must differ from the default language',
        ],
        [{ ...ok, translations: 'fr' }, 'translations must be an array'],
      ];
      for (const [body, message] of cases) {
        const res = await api.post(base(), body, { invalid: true });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.code).toBe('invalid_request');
        expect(res.body.errors[0]).toContain(message);
      }
      expect((await api.post('/knowledge-bases/unknown/articles', ok)).status).toBe(404);
    });
  });

  describe('state machine', () => {
    it('keeps a PATCHed body in draft until publish_updated_body_html', async () => {
      const first = tick(1);
      const a = await create({ title: 'Draft me', body_html: '<p>v1</p>', is_published: true });
      tick(1);
      const draft = await api.patch(`${base()}/${a.id}`, { body_html: '<p>v2</p>' });
      expect(draft.body.data).toMatchObject({
        current_draft_content_html: '<p>v2</p>',
        current_published_content_html: '<p>v1</p>',
        last_published_at: first,
        url: a.url,
      });
      const second = tick(1);
      const published = await api.patch(`${base()}/${a.id}`, { publish_updated_body_html: true });
      expect(published.body.data).toMatchObject({
        current_draft_content_html: '<p>v2</p>',
        current_published_content_html: '<p>v2</p>',
        last_published_at: second,
        is_published: true,
      });
    });

    it('treats a title change as draft until published, and moves the url suffix on publish', async () => {
      const a = await create({ title: 'Old Title', body_html: '<p>x</p>', is_published: true });
      const renamed = await api.patch(`${base()}/${a.id}`, { title: 'New Title' });
      expect(renamed.body.data.title).toBe('New Title');
      expect(renamed.body.data.url).toBe(a.url);
      expect(emu.snapshot().articles.find((s) => s.id === a.id)?.published_title).toBe('Old Title');
      const published = await api.patch(`${base()}/${a.id}`, { publish_updated_body_html: true });
      expect(published.body.data.url).toBe(`https://help.acme.test/articles/${a.identifier}-new-title`);
    });

    it('publishes a draft with is_published: true and unpublishes with is_published: false', async () => {
      const a = await create({ title: 'Toggle', body_html: '<p>t</p>' });
      const at = tick(1);
      const on = await api.patch(`${base()}/${a.id}`, { is_published: true });
      expect(on.body.data).toMatchObject({
        is_published: true,
        url: `https://help.acme.test/articles/${a.identifier}-toggle`,
        current_published_content_html: '<p>t</p>',
        last_published_at: at,
      });
      const off = await api.patch(`${base()}/${a.id}`, { is_published: false });
      expect(off.body.data).toMatchObject({ is_published: false, url: '', last_published_at: at });
      expect(off.body.data.current_published_content_html).toBeUndefined();
      const conflict = await api.patch(`${base()}/${a.id}`, {
        is_published: false,
        publish_updated_body_html: true,
      });
      expect(conflict.status).toBe(400);
      expect(conflict.body.errors[0]).toContain('publish_updated_body_html');
    });

    it('publishes a never-published draft with publish_updated_body_html', async () => {
      const a = await create({ title: 'Late', body_html: '<p>1</p>' });
      const res = await api.patch(`${base()}/${a.id}`, {
        body_html: '<p>2</p>',
        publish_updated_body_html: true,
      });
      expect(res.body.data).toMatchObject({ is_published: true, current_published_content_html: '<p>2</p>' });
      expect(res.body.data.url).toMatch(/-late$/);
    });

    it('updates is_unlisted and visibility_config', async () => {
      const a = await create({ title: 'Vis', body_html: '' });
      const res = await api.patch(`${base()}/${a.id}`, {
        is_unlisted: true,
        visibility_config: { visibility: 'internal_only' },
      });
      expect(res.body.data).toMatchObject({
        is_unlisted: true,
        visibility_config: { visibility: 'internal_only' },
      });
    });
  });

  describe('update', () => {
    it('ignores slug, collection_id and author_user_id by default', async () => {
      const c = (await api.post(`/knowledge-bases/${kb}/collections`, { title: 'Elsewhere' })).body.data;
      const a = await create({ title: 'Fixed', body_html: '' });
      const res = await api.patch(
        `${base()}/${a.id}`,
        { title: 'Fixed 2', slug: 'moved', collection_id: c.id, author_user_id: 'someone' },
        { invalid: true },
      );
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ title: 'Fixed 2', slug: 'fixed' });
      expect(res.body.data.collection_id).toBeUndefined();
      expect(emu.snapshot().articles.find((s) => s.id === a.id)?.author_user_id).toBe(author);
    });

    it('rejects slug, collection_id and author_user_id in strict mode', async () => {
      emu.setOptions({ immutableFields: 'reject' });
      const a = await create({ title: 'Strict', body_html: '' });
      for (const field of ['slug', 'collection_id', 'author_user_id']) {
        const res = await api.patch(`${base()}/${a.id}`, { [field]: 'x' }, { invalid: true });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([`${field} cannot be changed after creation`]);
      }
    });

    it('updates a translation, and creates a missing one (upsert) by default', async () => {
      const a = await create({
        title: 'Lang',
        body_html: '<p>en</p>',
        is_published: true,
        translations: [{ language: 'fr', title: 'Langue', body_html: '<p>fr</p>' }],
      });
      const fr = await api.patch(`${base()}/${a.id}`, { language: 'fr', body_html: '<p>fr 2</p>' });
      expect(fr.body.data).toMatchObject({
        title: 'Langue',
        current_draft_content_html: '<p>fr 2</p>',
        current_published_content_html: '<p>fr</p>',
      });
      const es = await api.patch(`${base()}/${a.id}`, {
        language: 'es',
        title: 'Idioma',
        body_html: '<p>es</p>',
        publish_updated_body_html: true,
      });
      expect(es.body.data).toMatchObject({ title: 'Idioma', current_published_content_html: '<p>es</p>' });
      const en = await api.get(`${base()}/${a.id}`);
      expect(en.body.data.current_draft_content_html).toBe('<p>en</p>');
      const incomplete = await api.patch(`${base()}/${a.id}`, { language: 'de', title: 'Nur Titel' });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.errors[0]).toContain('title and body_html are required');
      const unsupported = await api.patch(`${base()}/${a.id}`, { language: 'it', title: 'x' });
      expect(unsupported.status).toBe(400);
      expect(unsupported.body.errors[0]).toContain('language "it" is not supported');
    });

    it('answers 404 for a missing translation when upsert is off', async () => {
      emu.setOptions({ translationUpsert: false });
      const a = await create({ title: 'No upsert', body_html: '' });
      const res = await api.patch(`${base()}/${a.id}`, { language: 'de', title: 'T', body_html: 'B' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    });

    it('validates field types and answers 404 for unknown articles or another KB', async () => {
      const a = await create({ title: 'Types', body_html: '' });
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ title: '' }, 'title must not be empty'],
        [{ body_html: 5 }, 'body_html must be a string'],
        [{ publish_updated_body_html: 'true' }, 'publish_updated_body_html must be a boolean'],
        [{ is_unlisted: 1 }, 'is_unlisted must be a boolean'],
      ];
      for (const [body, message] of cases) {
        const res = await api.patch(`${base()}/${a.id}`, body, { invalid: true });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.errors[0]).toBe(message);
      }
      expect((await api.patch(`${base()}/missing`, { title: 'x' })).status).toBe(404);
      const otherKb = emu.kb('internal').id;
      expect((await api.patch(`/knowledge-bases/${otherKb}/articles/${a.id}`, { title: 'x' })).status).toBe(
        404,
      );
      expect((await api.get(`/knowledge-bases/${otherKb}/articles/${a.id}`)).status).toBe(404);
    });
  });

  describe('duplicate slugs', () => {
    it('allows a duplicate slug in a KB by default', async () => {
      const a = await create({ title: 'Twin', body_html: '' });
      const b = await create({ title: 'Twin', body_html: '' });
      expect(a.slug).toBe('twin');
      expect(b.slug).toBe('twin');
      expect(a.id).not.toBe(b.id);
    });

    it('rejects a duplicate slug with 400 and exists_id when set to reject', async () => {
      const first = await create({ title: 'Unique', slug: 'unique-slug', body_html: '' });
      emu.setOptions({ duplicateSlugs: 'reject' });
      const res = await api.post(base(), {
        title: 'Other',
        slug: 'unique-slug',
        body_html: '',
        author_user_id: author,
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ exists_id: first.id, code: 'already_exists' });
      expect(res.body.errors[0]).toContain('slug "unique-slug" already exists');
      const otherKb = emu.kb('internal').id;
      const elsewhere = await api.post(`/knowledge-bases/${otherKb}/articles`, {
        title: 'Other',
        slug: 'unique-slug',
        body_html: '',
        author_user_id: author,
      });
      expect(elsewhere.status).toBe(200);
    });
  });

  describe('list, get and delete', () => {
    it('lists every article of the KB in all states, with full bodies', async () => {
      const res = await api.get(base(), { query: { limit: 999 } });
      expect(res.status).toBe(200);
      const mine = emu.snapshot().articles.filter((s) => s.kb_id === kb);
      expect(res.body.data.map((a: { id: string }) => a.id)).toEqual(mine.map((s) => s.id));
      expect(res.body.data.some((a: { is_published: boolean }) => !a.is_published)).toBe(true);
      expect(
        res.body.data.every(
          (a: { current_draft_content_html: unknown }) => typeof a.current_draft_content_html === 'string',
        ),
      ).toBe(true);
      expect(res.body.pagination).toEqual({ cursor: '', has_next_page: false });
    });

    it('lists articles in a language: only those translated, in that language', async () => {
      const res = await api.get(base(), { query: { language: 'fr', limit: 999 } });
      const withFr = emu.snapshot().articles.filter((s) => s.kb_id === kb && s.translations.fr);
      expect(withFr.length).toBeGreaterThan(0);
      expect(res.body.data.map((a: { title: string }) => a.title)).toEqual(
        withFr.map((s) => s.translations.fr?.title),
      );
      expect((await api.get(base(), { query: { language: 'zz' } })).status).toBe(400);
    });

    it('rejects limit outside 1..999 and a bad cursor', async () => {
      for (const limit of ['0', '1000', '-1', 'ten', '1.5']) {
        const res = await api.get(base(), { query: { limit } });
        expect(res.status, limit).toBe(400);
        expect(res.body.errors[0]).toBe('limit must be an integer greater than 0 and less than 1000');
      }
      expect((await api.get(base(), { query: { limit: 1 } })).body.data).toHaveLength(1);
      const bad = await api.get(base(), { query: { cursor: 'not-a-cursor' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual(['cursor is invalid']);
    });

    it('deletes an article: {request_id} only, then 404', async () => {
      const a = await create({
        title: 'Doomed',
        body_html: '',
        translations: [{ language: 'fr', title: 'F', body_html: 'f' }],
      });
      const res = await api.delete(`${base()}/${a.id}`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(['request_id']);
      expect((await api.get(`${base()}/${a.id}`)).status).toBe(404);
      expect((await api.delete(`${base()}/${a.id}`)).status).toBe(404);
      expect(emu.snapshot().articles.some((s) => s.id === a.id)).toBe(false);
    });
  });

  it('can use the slug as the url suffix', async () => {
    emu.setOptions({ urlSuffix: 'slug' });
    const a = await create({ title: 'Some Title', slug: 'the-slug', body_html: '', is_published: true });
    expect(a.url).toBe(`https://help.acme.test/articles/${a.identifier}-the-slug`);
    emu.setOptions({ urlSuffix: 'title' });
  });
});
