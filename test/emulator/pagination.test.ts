import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, type EmulatorSeed, type RunningEmulator } from '../../src/emulator/index.js';
import { type Api, startTestEmulator } from './helpers.js';

const TOTAL = 2500;

/** 2,500 articles seeded directly into the store (no HTTP creates), a third of them published. */
const SEED: EmulatorSeed = {
  ...DEFAULT_SEED,
  knowledgeBases: [
    {
      ...(DEFAULT_SEED.knowledgeBases[0] as EmulatorSeed['knowledgeBases'][number]),
      collections: [{ title: 'Bulk' }],
      articles: Array.from({ length: TOTAL }, (_, i) => ({
        title: `Article ${i}`,
        body_html: `<p>Body ${i}</p>`,
        collection: 'bulk',
        is_published: i % 3 === 0,
      })),
    },
  ],
};

describe('article list pagination', () => {
  let emu: RunningEmulator;
  let api: Api;
  let path: string;

  beforeAll(async () => {
    const started = await startTestEmulator({ seed: SEED });
    ({ emu, api } = started);
    path = `/knowledge-bases/${started.kb.id}/articles`;
  });
  afterAll(() => emu.close());

  it('returns 2,500 articles at limit=999 in three pages, none missing or repeated', async () => {
    const sizes: number[] = [];
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await api.get(path, { query: cursor ? { limit: 999, cursor } : { limit: 999 } });
      expect(res.status).toBe(200);
      sizes.push(res.body.data.length);
      ids.push(...res.body.data.map((a: { id: string }) => a.id));
      if (!res.body.pagination.has_next_page) {
        expect(res.body.pagination.cursor).toBe('');
        break;
      }
      cursor = res.body.pagination.cursor;
      expect(cursor).not.toBe('');
    }
    expect(sizes).toEqual([999, 999, 502]);
    expect(new Set(ids).size).toBe(TOTAL);
    const stored = emu.snapshot().articles.map((a) => a.id);
    expect(ids).toEqual(stored);
  });

  it('defaults to 100 per page', async () => {
    const res = await api.get(path);
    expect(res.body.data).toHaveLength(100);
    expect(res.body.data[0].title).toBe('Article 0');
    expect(res.body.pagination.has_next_page).toBe(true);
  });

  it('neither skips nor repeats when an article is deleted between pages', async () => {
    const first = await api.get(path, { query: { limit: 10 } });
    const removed = first.body.data[9].id;
    expect((await api.delete(`${path}/${removed}`)).status).toBe(200);
    const second = await api.get(path, { query: { limit: 10, cursor: first.body.pagination.cursor } });
    expect(second.body.data[0].title).toBe('Article 10');
  });

  it('seeds published articles with a url and published HTML', async () => {
    const res = await api.get(path, { query: { limit: 3 } });
    const [a0, a1] = res.body.data;
    expect(a0).toMatchObject({ is_published: true, current_published_content_html: '<p>Body 0</p>' });
    expect(a0.url).toBe(`https://help.acme.test/articles/${a0.identifier}-article-0`);
    expect(a1).toMatchObject({ is_published: false, url: '' });
  });
});
