import { describe, expect, it } from 'vitest';
import { markedBody } from '../../src/plan/articles.js';
import { createPlan } from '../../src/plan/plan.js';
import type { Collection } from '../../src/pylon-api/index.js';
import { current, desired, doc, folder, remoteArticle } from './fixtures.js';

const options = {
  publish: true,
  defaultAuthor: 'ada@acme.test',
  teamLeads: {},
  visibility: 'public' as const,
};
const published = (d: ReturnType<typeof doc>, extra: Parameters<typeof remoteArticle>[0] = {}) =>
  remoteArticle({ title: d.title, slug: d.slug, html: markedBody(d), ...extra });
const guides = (id: string, created_at: string, extra: Partial<Collection> = {}): Collection => ({
  id,
  title: 'Guides',
  slug: 'guides',
  created_at,
  ...extra,
});
const kinds = (plan: ReturnType<typeof createPlan>) => plan.operations.map((o) => `${o.kind} ${o.key}`);

describe('collections: duplicates healed, changes sent or reported, emptied ones deleted', () => {
  it("maps a folder to the oldest of several collections in its place, moves the others' articles, deletes them", () => {
    const setup = doc('guides/setup', { collectionKey: 'guides', slug: 'setup' });
    const inOld = published(setup, { collection_id: 'c-old' });
    const inNew = published(setup, { collection_id: 'c-new' });
    const tips = doc('guides/tips', { collectionKey: 'guides', slug: 'tips' });
    const onlyInNew = published(tips, { collection_id: 'c-new' });
    const child: Collection = { id: 'c-child', title: 'Deep', slug: 'deep', parent_collection_id: 'c-new' };
    const state = current(
      [inOld, inNew, onlyInNew],
      [guides('c-new', '2026-12-01T10:00:01Z'), guides('c-old', '2026-12-01T10:00:00Z'), child],
    );
    const plan = createPlan(desired([setup, tips], [folder('guides')]), state, options);
    // The duplicate copy's URL redirects to the copy that stays.
    expect(kinds(plan)).toEqual([
      'create-redirects guides/setup',
      'move-article guides/tips',
      'retire-article guides/setup',
      'delete-collection guides',
    ]);
    expect(plan.operations.find((o) => o.kind === 'delete-collection')).toMatchObject({
      collectionId: 'c-new',
      reason: 'duplicate',
    });
    expect(plan.operations.find((o) => o.kind === 'move-article')).toMatchObject({
      collectionId: 'c-old',
      from: { articleId: onlyInNew.id },
    });
    expect(plan.diagnostics).toEqual([]);
  });

  it('keeps a duplicate that holds a hand-written article, and says so', () => {
    const setup = doc('guides/setup', { collectionKey: 'guides', slug: 'setup' });
    const state = current(
      [
        published(setup, { collection_id: 'c-old' }),
        remoteArticle({ title: 'Notes', slug: 'notes', collection_id: 'c-new' }),
      ],
      [guides('c-old', '2026-01-01'), guides('c-new', '2026-02-01')],
    );
    const plan = createPlan(desired([setup], [folder('guides')]), state, options);
    expect(kinds(plan)).toEqual([]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['collection/duplicate-kept']);
    expect(plan.diagnostics[0]?.message).toContain('pylon-kb did not publish');
  });

  it("keeps a duplicate that holds one of pylon-kb's orphans under orphans: 'report', and says which", () => {
    const setup = doc('guides/setup', { collectionKey: 'guides', slug: 'setup' });
    const gone = doc('guides/gone', { collectionKey: 'guides', slug: 'gone' });
    const state = current(
      [published(setup, { collection_id: 'c-old' }), published(gone, { collection_id: 'c-new' })],
      [guides('c-old', '2026-01-01'), guides('c-new', '2026-02-01')],
    );
    const plan = createPlan(desired([setup], [folder('guides')]), state, options);
    expect(kinds(plan)).toEqual(['orphan guides/gone']);
    const kept = plan.diagnostics.find((d) => d.code === 'collection/duplicate-kept');
    expect(kept?.message).toContain("pylon-kb articles whose source is gone, kept under orphans: 'report'");
    expect(kept?.hint).toContain("orphans: 'delete'");
  });

  it("reports a metadata file's new title by default, and sends it with collectionUpdates", () => {
    const meta = folder('guides', {
      title: 'User guides',
      description: 'How to',
      source: { path: 'guides/_index.md', line: 2 },
    });
    const state = current([], [guides('c-g', '2026-01-01', { description: '' })]);
    const reported = createPlan(desired([], [meta]), state, options);
    expect(kinds(reported)).toEqual([]);
    expect(reported.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'collection/cannot-update',
        file: 'guides/_index.md',
        line: 2,
      }),
    ]);
    const sent = createPlan(desired([], [meta]), state, { ...options, collectionUpdates: true });
    expect(sent.operations).toEqual([
      {
        kind: 'update-collection',
        key: 'guides',
        collectionId: 'c-g',
        title: 'User guides',
        description: 'How to',
        before: { title: 'Guides' },
      },
    ]);
    // A folder without a metadata file claims no title: Pylon's stays.
    expect(createPlan(desired([], [folder('guides')]), state, options).diagnostics).toEqual([]);
  });

  it('deletes a collection a move empties only under orphans delete, and reports it otherwise', () => {
    const moved = doc('b/page', { collectionKey: 'b', slug: 'page' });
    const state = current(
      [published(moved, { collection_id: 'c-a' })],
      [
        { id: 'c-a', title: 'A', slug: 'a' },
        { id: 'c-b', title: 'B', slug: 'b' },
      ],
    );
    const reporting = createPlan(desired([moved], [folder('b')]), state, options);
    expect(kinds(reporting)).toEqual(['move-article b/page']);
    expect(reporting.diagnostics.map((d) => d.code)).toEqual(['collection/emptied']);
    const deleting = createPlan(desired([moved], [folder('b')]), state, { ...options, orphans: 'delete' });
    expect(kinds(deleting)).toEqual(['move-article b/page', 'delete-collection a']);
  });
});
