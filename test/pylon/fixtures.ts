import { createPylonClient, type PylonClient, type PylonClientOptions } from '../../src/pylon/index.js';

export const TOKEN = 'ptk_live_S3cr3tT0ken_9f8e7d6c5b4a';

export const rawArticle = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `art-${n}`,
  identifier: String(2042382200 + n),
  title: `Article ${n}`,
  slug: `article-${n}`,
  url: '',
  collection_id: null,
  is_published: false,
  is_unlisted: false,
  current_draft_content_html: `<p>${n}</p>`,
  ...extra,
});

export const rawCollection = (n: number) => ({
  id: `col-${n}`,
  title: `Collection ${n}`,
  slug: `collection-${n}`,
  parent_collection_id: null,
  visibility_config: { visibility: 'public' },
});

export const rawUser = (n: number) => ({ id: `user-${n}`, name: `User ${n}`, email: `u${n}@example.com` });

/** A client with no pacing and fast retries unless the test says otherwise. */
export function testClient(baseUrl: string, options: Partial<PylonClientOptions> = {}): PylonClient {
  return createPylonClient({
    baseUrl,
    token: TOKEN,
    rateLimits: { preset: 'off' },
    backoff: { baseMs: 10, maxMs: 40 },
    ...options,
  });
}
