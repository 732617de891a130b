import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import type { CreateArticleOp, OrphanNotice, UpdateArticleOp } from '../../src/plan/types.js';
import type { Article } from '../../src/pylon-api/index.js';
import { formatClientEvent, formatWatchEvent, type WatchEvent } from '../../src/watch/index.js';

const clock = () => '12:03:04';
const text = (event: WatchEvent, emulatorUrl?: string) =>
  formatWatchEvent(event, { clock, emulatorUrl })
    .map((l) => `${l.stream}: ${l.text}`)
    .join('\n');

const article: Article = {
  id: 'art-1',
  identifier: '1234567890',
  title: 'Set up',
  slug: 'setup',
  url: '',
  is_published: false,
  is_unlisted: false,
  current_draft_content_html: '<p>x</p>',
};
const update = {
  kind: 'update-article',
  key: 'guides/setup',
  path: 'guides/setup.md',
  title: 'Set up',
} as UpdateArticleOp;
const updated: ApplyResult = { status: 'updated', op: update, id: 'art-1', url: '', article };

describe('formatWatchEvent', () => {
  it('prints one line per applied change with the time from the save', () => {
    const event: WatchEvent = { type: 'result', at: 0, result: updated, latencyMs: 84, firstWrite: false };
    expect(text(event)).toBe('out: 12:03:04 updated guides/setup "Set up" in 84 ms');
    expect(text({ ...event, latencyMs: 1530 })).toBe('out: 12:03:04 updated guides/setup "Set up" in 1.5 s');
    expect(text({ ...event, latencyMs: null })).toBe('out: 12:03:04 updated guides/setup "Set up"');
  });

  it('says where to see an article on its first write: its URL once published, else the draft', () => {
    const first: WatchEvent = { type: 'result', at: 0, result: updated, latencyMs: 84, firstWrite: true };
    expect(text(first, 'http://127.0.0.1:4010')).toBe(
      'out: 12:03:04 updated guides/setup "Set up" in 84 ms\n' +
        'out:          draft, not published: http://127.0.0.1:4010/_emulator/state (article art-1)',
    );
    expect(text(first).split('\n')[1]).toBe(
      'out:          draft, not published: open article art-1 "Set up" in Pylon',
    );
    const live = { ...article, is_published: true, url: 'https://help.acme.test/articles/1234567890-setup' };
    const create = { kind: 'create-article', key: 'guides/setup', title: 'Set up' } as CreateArticleOp;
    const created: WatchEvent = {
      type: 'result',
      at: 0,
      result: { status: 'created', op: create, id: 'art-1', url: live.url, article: live },
      latencyMs: 120,
      firstWrite: true,
    };
    expect(text(created)).toBe(
      'out: 12:03:04 created guides/setup "Set up" in 120 ms\n' +
        'out:          see it at https://help.acme.test/articles/1234567890-setup',
    );
  });

  it('prints failures, diagnostics and what was held back on stderr', () => {
    const failed: WatchEvent = {
      type: 'result',
      at: 0,
      result: { status: 'failed', op: update, error: { message: 'HTTP 503' } },
      latencyMs: 90,
      firstWrite: false,
    };
    expect(text(failed)).toBe('err: 12:03:04 failed to update guides/setup "Set up": HTTP 503');
    const diagnostics: WatchEvent = {
      type: 'diagnostics',
      at: 0,
      blocked: ['guides/setup.md'],
      diagnostics: [
        {
          severity: 'error',
          code: 'frontmatter/yaml',
          message: 'Invalid YAML.',
          file: 'guides/setup.md',
          line: 3,
        },
      ],
    };
    expect(text(diagnostics)).toBe(
      'err: 12:03:04 guides/setup.md:3 error [frontmatter/yaml] Invalid YAML.\n' +
        'err:          nothing written for guides/setup.md; fix it and save again (still watching)',
    );
  });

  it('reports a deleted file as an orphan that stays in Pylon', () => {
    const notice: OrphanNotice = {
      kind: 'orphan',
      key: 'guides/old',
      articleId: 'a-9',
      title: 'Old',
      url: '',
    };
    expect(text({ type: 'notice', at: 0, notice, path: 'guides/old.md' })).toBe(
      'out: 12:03:04 orphan guides/old.md was deleted: article guides/old "Old" (a-9) stays in Pylon; orphans are only reported',
    );
  });

  it('prints nothing for internal events', () => {
    expect(formatWatchEvent({ type: 'cycle', at: 0, reason: 'change', paths: [] })).toEqual([]);
    expect(formatWatchEvent({ type: 'settled', at: 0, reason: 'change', writes: 0 })).toEqual([]);
  });
});

describe('formatClientEvent', () => {
  it('shows rate-limit waits rather than hiding them', () => {
    const wait = { type: 'rate-limit-wait', endpoint: 'updateArticle', ms: 1200, reason: '429' } as const;
    expect(formatClientEvent(wait, 0, { clock })).toBe(
      '12:03:04 waiting 1.2 s for the updateArticle rate limit (429 from the server)',
    );
    expect(formatClientEvent({ ...wait, ms: 10 }, 0, { clock })).toBeNull();
    expect(
      formatClientEvent({ type: 'response', endpoint: 'x', status: 200, ms: 5 }, 0, { clock }),
    ).toBeNull();
  });
});
