import { describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/apply/types.js';
import {
  countStatuses,
  renderResultsMarkdown,
  renderResultsSummary,
  renderResultsText,
} from '../../src/report/index.js';
import { createArticle, createCollection, HOSTILE_TITLE, moveArticle, updateArticle } from './fixtures.js';

const results: ApplyResult[] = [
  { status: 'created', op: createCollection(), id: 'col_1', url: '' },
  {
    status: 'created',
    op: createArticle(),
    id: 'art_1',
    url: 'https://help.acme.test/articles/3000000001-install',
  },
  {
    status: 'updated',
    op: updateArticle(),
    id: 'art_sso',
    url: 'https://help.acme.test/articles/2000000001-sso',
  },
  {
    status: 'moved',
    op: moveArticle(),
    id: 'art_2',
    url: 'https://help.acme.test/articles/3000000002-billing',
    redirects: ['/articles/1000000007-billing'],
  },
  { status: 'unchanged', op: createArticle({ key: 'same.md' }) },
  { status: 'skipped', op: updateArticle({ key: 'drifted.md' }), reason: 'edited in Pylon (drift: skip)' },
  {
    status: 'failed',
    op: createArticle({ key: 'bad.md', title: HOSTILE_TITLE }),
    error: { message: 'Too many requests', status: 429, code: 'rate_limited', requestId: 'req_42' },
  },
];

describe('apply results', () => {
  it('counts every status', () => {
    expect(countStatuses(results)).toEqual({
      created: 2,
      updated: 1,
      moved: 1,
      retired: 0,
      unchanged: 1,
      skipped: 1,
      failed: 1,
    });
  });

  it('ends an apply with failures in full and the counts', () => {
    const summary = renderResultsSummary(results);
    expect(summary).toBe(
      [
        '1 operation failed:',
        '  ✗ create-article bad.md: Too many requests (HTTP 429, code rate_limited, request req_42)',
        '',
        'Apply: 2 created, 1 updated, 1 moved, 0 retired, 1 failed. 1 unchanged, 1 skipped.',
        '',
      ].join('\n'),
    );
  });

  it('lists each published article once, with its URL, and leaves the notices to the plan', () => {
    const text = renderResultsText(results, { color: false });
    for (const url of [
      'https://help.acme.test/articles/3000000001-install',
      'https://help.acme.test/articles/2000000001-sso',
    ]) {
      expect(text.split(url)).toHaveLength(2);
    }
    expect(text).not.toContain('same.md');
  });

  it('counts the articles the plan found unchanged, as the plan did', () => {
    const orphanLeftAlone: ApplyResult = { status: 'unchanged', op: createArticle({ key: 'orphan.md' }) };
    const counted = [results[1] as ApplyResult, orphanLeftAlone];
    expect(renderResultsText(counted, { color: false, unchanged: 9 })).toContain(
      'Apply: 1 created, 0 updated, 0 moved, 0 retired, 0 failed. 9 unchanged, 0 skipped.',
    );
    expect(renderResultsMarkdown(counted, { unchanged: 9 })).toContain('| unchanged | 9 |');
  });

  it('lists each result on one safe line, coloured only when asked', () => {
    const text = renderResultsText(results, { color: false });
    expect(text).toContain(
      '  → moved     admin/billing.md  "Billing and invoices"  https://help.acme.test/articles/3000000002-billing  (redirects: /articles/1000000007-billing)',
    );
    expect(text).toContain(
      '  · skipped   drifted.md  "Configure single sign-on"  edited in Pylon (drift: skip)',
    );
    expect(text).toContain('fence ⏎ second line"  Too many requests (HTTP 429');
    expect(text).not.toContain('\u001b');
    expect(renderResultsText(results, { color: true })).toContain('\u001b[31m✗\u001b[39m failed');
  });

  it('renders a Markdown summary for the publish job', () => {
    const md = renderResultsMarkdown(results);
    expect(md).toContain('| failed | 1 |');
    expect(md).toContain(
      '| create-article | `bad.md` | Too many requests \\(HTTP 429, code rate\\_limited, request req\\_42\\) |',
    );
    expect(md).toContain(
      '- `admin/sso.md`: [https\\://help\\.acme\\.test/articles/2000000001\\-sso](https://help.acme.test/articles/2000000001-sso)',
    );
  });

  it('is short when nothing happened', () => {
    expect(renderResultsText([], { color: false })).toBe(
      'Apply: 0 created, 0 updated, 0 moved, 0 retired, 0 failed. 0 unchanged, 0 skipped.\n',
    );
  });
});
