import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { type Api, createArticle, getWithHost, startTestEmulator } from './helpers.js';

describe('route redirects and help-center pages', () => {
  let emu: RunningEmulator;
  let api: Api;
  let kb: string;
  let author: string;
  const redirects = () => `/knowledge-bases/${kb}/route-redirects`;
  const create = (body: Record<string, unknown>) =>
    createArticle(api, kb, { author_user_id: author, ...body });
  const site = (path: string) => fetch(`${emu.url}/_site/help-center${path}`, { redirect: 'manual' });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    const started = await startTestEmulator({ now: () => new Date('2026-06-01T12:00:00Z') });
    ({ emu, api, author } = started);
    kb = started.kb.id;
  });
  beforeEach(() => emu.setOptions({ duplicateRedirects: 'reject' }));
  afterAll(() => emu.close());

  describe('POST route-redirects', () => {
    it('creates a redirect to an article, in the default language', async () => {
      const a = await create({ title: 'Target', body_html: '' });
      const res = await api.post(redirects(), {
        from_path: '/kb/old-page',
        object_id: a.id,
        object_type: 'article',
      });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        from_path: '/kb/old-page',
        object_id: a.id,
        object_type: 'article',
        language: 'en',
        created_at: '2026-06-01T12:00:00.000Z',
      });
      const stored = emu.snapshot().route_redirects.find((r) => r.id === res.body.data.id);
      expect(stored).toMatchObject({ from_path: '/kb/old-page', object_id: a.id, kb_id: kb });
    });

    it('rejects invalid redirects with 400 naming the field', async () => {
      const a = await create({ title: 'Valid target', body_html: '' });
      const ok = { from_path: '/x', object_id: a.id, object_type: 'article' };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ object_id: a.id, object_type: 'article' }, 'from_path is required'],
        [{ ...ok, from_path: 'no-slash' }, 'from_path must be a path starting with "/"'],
        [{ from_path: '/x', object_type: 'article' }, 'object_id is required'],
        [{ from_path: '/x', object_id: a.id }, 'object_type is required'],
        [{ ...ok, object_type: 'page' }, 'object_type must be "article" or "collection"'],
        [{ ...ok, object_id: 'missing' }, 'object_id "missing" is not an article of this knowledge base'],
        [{ ...ok, object_type: 'collection' }, 'is not a collection of this knowledge base'],
        [{ ...ok, language: 'jp' }, 'language "jp" is not supported'],
      ];
      for (const [body, message] of cases) {
        const res = await api.post(redirects(), body, { invalid: true });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.code).toBe('invalid_request');
        expect(res.body.errors[0]).toContain(message);
      }
      expect((await api.post('/knowledge-bases/none/route-redirects', ok)).status).toBe(404);
    });

    it('rejects a duplicate from_path with exists_id, ignoring a trailing slash and the query', async () => {
      const a = await create({ title: 'Dup target', body_html: '' });
      const first = await api.post(redirects(), {
        from_path: '/dup/path',
        object_id: a.id,
        object_type: 'article',
      });
      for (const from of ['/dup/path', '/dup/path/', '/dup/path?x=1']) {
        const res = await api.post(redirects(), { from_path: from, object_id: a.id, object_type: 'article' });
        expect(res.status, from).toBe(400);
        expect(res.body).toMatchObject({ exists_id: first.body.data.id, code: 'already_exists' });
      }
      const otherCase = await api.post(redirects(), {
        from_path: '/DUP/path',
        object_id: a.id,
        object_type: 'article',
      });
      expect(otherCase.status).toBe(200);
    });

    it('allows duplicates when configured; the newest wins', async () => {
      emu.setOptions({ duplicateRedirects: 'allow' });
      const a = await create({ title: 'First choice', body_html: '', is_published: true });
      const b = await create({ title: 'Second choice', body_html: '', is_published: true });
      await api.post(redirects(), { from_path: '/twice', object_id: a.id, object_type: 'article' });
      const again = await api.post(redirects(), {
        from_path: '/twice',
        object_id: b.id,
        object_type: 'article',
      });
      expect(again.status).toBe(200);
      const res = await site('/twice');
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`/_site/help-center${pathOf(b.url)}`);
    });
  });

  describe('help center', () => {
    it('serves a published article by identifier, whatever the suffix', async () => {
      const a = await create({
        title: 'Reset <your> password',
        body_html: '<p>Click <b>reset</b>.</p>',
        is_published: true,
      });
      for (const path of [
        pathOf(a.url),
        `/articles/${a.identifier}-anything-else`,
        `/articles/${a.identifier}`,
      ]) {
        const res = await site(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = await res.text();
        expect(html).toMatch(/^<!doctype html>/);
        expect(html).toContain('<title>Reset &lt;your&gt; password · Acme Help Center</title>');
        expect(html).toContain('<h1>Reset &lt;your&gt; password</h1>');
        expect(html).toContain('<p>Click <b>reset</b>.</p>');
      }
    });

    it('serves the published version, not the draft, and a translation with ?lang=', async () => {
      const a = await create({
        title: 'Versions',
        body_html: '<p>published</p>',
        is_published: true,
        translations: [{ language: 'fr', title: 'Versions FR', body_html: '<p>publié</p>' }],
      });
      await api.patch(`/knowledge-bases/${kb}/articles/${a.id}`, {
        title: 'Versions draft',
        body_html: '<p>draft</p>',
      });
      const html = await (await site(pathOf(a.url))).text();
      expect(html).toContain('<h1>Versions</h1>');
      expect(html).toContain('<p>published</p>');
      expect(html).not.toContain('draft');
      const fr = await (await site(`${pathOf(a.url)}?lang=fr`)).text();
      expect(fr).toContain('<html lang="fr">');
      expect(fr).toContain('<p>publié</p>');
    });

    it('answers 404 for drafts, unpublished and unknown articles, and other paths', async () => {
      const draft = await create({ title: 'Draft only', body_html: '<p>d</p>' });
      const unpublished = await create({ title: 'Was live', body_html: '<p>u</p>', is_published: true });
      await api.patch(`/knowledge-bases/${kb}/articles/${unpublished.id}`, { is_published: false });
      for (const path of [
        `/articles/${draft.identifier}-draft-only`,
        pathOf(unpublished.url),
        '/articles/1234567890-nothing',
        '/about',
      ]) {
        const res = await site(path);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).toContain('<h1>Page not found</h1>');
      }
      expect((await site('/')).status).toBe(200);
      // The preview shows drafts, marked as such.
      const preview = await fetch(`${emu.url}/_preview/help-center/articles/${draft.identifier}`);
      expect(preview.status).toBe(200);
      const previewHtml = await preview.text();
      expect(previewHtml).toContain('<p>d</p>');
      expect(previewHtml).toContain('<span class="badge badge-draft">Draft</span>');
      expect((await fetch(`${emu.url}/_site/no-such-kb/articles/1`)).status).toBe(404);
    });

    it('redirects a moved article 301 to the new article, even after the old one is deleted', async () => {
      const old = await create({ title: 'Old home', body_html: '<p>old</p>', is_published: true });
      const moved = await create({ title: 'New home', body_html: '<p>new</p>', is_published: true });
      const oldPath = pathOf(old.url);
      const created = await api.post(redirects(), {
        from_path: oldPath,
        object_id: moved.id,
        object_type: 'article',
      });
      expect(created.status).toBe(200);
      await api.delete(`/knowledge-bases/${kb}/articles/${old.id}`);

      for (const path of [oldPath, `${oldPath}/`]) {
        const res = await site(path);
        expect(res.status, path).toBe(301);
        // The local site's redirect stays on the local site.
        expect(res.headers.get('location')).toBe(`/_site/help-center${pathOf(moved.url)}`);
      }
      expect((await site(oldPath.toUpperCase())).status).toBe(404);
      const followed = await fetch(`${emu.url}/_site/help-center${oldPath}`);
      expect(followed.url).toBe(`${emu.url}/_site/help-center${pathOf(moved.url)}`);
      expect(followed.status).toBe(200);
      expect(await followed.text()).toContain('<h1>New home</h1>');
    });

    it('routes by the Host header of the KB', async () => {
      const old = await create({ title: 'Host old', body_html: '', is_published: true });
      const target = await create({ title: 'Host target', body_html: '<p>by host</p>', is_published: true });
      await api.post(redirects(), {
        from_path: pathOf(old.url),
        object_id: target.id,
        object_type: 'article',
      });
      const page = await getWithHost(`${emu.url}${pathOf(target.url)}`, 'help.acme.test');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<p>by host</p>');
      const redirect = await getWithHost(`${emu.url}${pathOf(old.url)}`, `help.acme.test:${emu.port}`);
      expect(redirect.status).toBe(301);
      expect(redirect.headers.location).toBe(target.url);
      const missing = await getWithHost(`${emu.url}/articles/1111111111-x`, 'help.acme.test');
      expect(missing.status).toBe(404);
      const api404 = await getWithHost(`${emu.url}${pathOf(target.url)}`, `127.0.0.1:${emu.port}`);
      expect(api404.status).toBe(401);
    });

    it('redirects to a collection and serves the collection page', async () => {
      const c = (
        await api.post(`/knowledge-bases/${kb}/collections`, { title: 'Billing FAQ', slug: 'billing' })
      ).body.data;
      const inside = await create({
        title: 'Invoices',
        body_html: '',
        collection_id: c.id,
        is_published: true,
      });
      await api.post(redirects(), { from_path: '/old-billing', object_id: c.id, object_type: 'collection' });
      const res = await site('/old-billing');
      expect(res.status).toBe(301);
      const location = res.headers.get('location') as string;
      expect(location).toMatch(/^\/_site\/help-center\/collections\/\d{10}-billing$/);
      const page = await fetch(`${emu.url}${location}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<h1>Billing FAQ</h1>');
      expect(html).toContain(`/_site/help-center${pathOf(inside.url)}`);
    });

    it('is never rate-limited and logs its requests', async () => {
      emu.setOptions({ rateLimits: { preset: 'off', overrides: { getArticle: 1, listArticles: 1 } } });
      for (let i = 0; i < 5; i++) expect((await site('/nothing')).status).toBe(404);
      emu.setOptions({ rateLimits: 'off' });
      expect(emu.snapshot().requests.counts['GET /_site/{kb_slug}/{path}']).toBeGreaterThanOrEqual(5);
    });
  });
});
