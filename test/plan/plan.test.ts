import { describe, expect, it } from 'vitest';
import { readMarker } from '../../src/identity/marker.js';
import { markedBody } from '../../src/plan/articles.js';
import { createPlan } from '../../src/plan/plan.js';
import type { CreateArticleOp, MoveArticleOp, UpdateArticleOp } from '../../src/plan/types.js';
import { current, desired, doc, folder, remoteArticle } from './fixtures.js';

const options = {
  publish: true,
  defaultAuthor: 'ada@acme.test',
  teamLeads: {},
  visibility: 'public' as const,
};

/** A remote article exactly as pylon-kb would have published the document. */
function published(d: ReturnType<typeof doc>, extra: Parameters<typeof remoteArticle>[0] = {}) {
  const html = markedBody(d);
  return remoteArticle({ title: d.title, slug: d.slug, html, ...extra });
}

describe('createPlan', () => {
  it('creates collections parents first, then articles with resolved authors and a marker', () => {
    const plan = createPlan(
      desired(
        [doc('guides/advanced/tuning', { author: { value: 'team:Support', line: 3 } }), doc('guides/setup')],
        [folder('guides/advanced'), folder('guides')],
      ),
      current([]),
      options,
    );
    expect(plan.diagnostics).toEqual([]);
    expect(plan.operations.map((op) => `${op.kind} ${op.key}`)).toEqual([
      'create-collection guides',
      'create-collection guides/advanced',
      'create-article guides/advanced/tuning',
      'create-article guides/setup',
    ]);
    const [tuning, setup] = plan.operations.slice(2) as CreateArticleOp[];
    expect(tuning?.authorUserId).toBe('u-kath');
    expect(setup?.authorUserId).toBe('u-ada');
    expect(setup?.collectionId).toBeNull();
    expect(setup?.collectionKey).toBe('guides');
    expect(readMarker(setup?.bodyHtml)?.key).toBe('guides/setup');
    expect(plan.summary).toEqual({ unchanged: 0, 'create-collection': 2, 'create-article': 2 });
  });

  it('is empty when the remote matches, even after Pylon re-formatted the HTML', () => {
    const d = doc('faq');
    const reformatted = markedBody(d).replace('<p>', '<p >').replace('\n', '');
    const plan = createPlan(
      desired([d]),
      current([remoteArticle({ title: d.title, slug: 'faq', html: reformatted })]),
      options,
    );
    expect(plan.operations).toEqual([]);
    expect(plan.summary.unchanged).toBe(1);
  });

  it('updates only what changed', () => {
    const before = doc('faq');
    const after = doc('faq', { html: '<p>New body</p>' });
    const plan = createPlan(desired([{ ...after, digest: 'other' }]), current([published(before)]), options);
    expect(plan.operations).toHaveLength(1);
    const op = plan.operations[0] as UpdateArticleOp;
    expect(op.kind).toBe('update-article');
    expect(op.changes).toEqual(['body']);
    expect(op.before.bodyHtml).toBe('<p>Body of faq</p>');
    expect(op.publish).toBe(true);
  });

  it('unpublishes a document marked draft and leaves drafts unpublished on create', () => {
    const d = doc('beta', { published: false });
    const plan = createPlan(desired([d]), current([published(d)]), options);
    expect((plan.operations[0] as UpdateArticleOp).changes).toEqual(['published']);
    const created = createPlan(desired([d]), current([]), options).operations[0] as CreateArticleOp;
    expect(created.isPublished).toBe(false);
  });

  it('turns a change of collection into one move with a redirect from the old public path', () => {
    const old = doc('x', { collectionKey: 'a', key: 'x' });
    const moved = doc('x', { collectionKey: 'b', key: 'x' });
    const remote = published(old, {
      collection_id: 'c-a',
      url: 'https://help.acme.test/articles/1234567890-x',
    });
    const plan = createPlan(
      desired([moved], [folder('a'), folder('b')]),
      current(
        [remote],
        [
          { id: 'c-a', title: 'A', slug: 'a' },
          { id: 'c-b', title: 'B', slug: 'b' },
        ],
      ),
      options,
    );
    expect(plan.operations).toHaveLength(1);
    const op = plan.operations[0] as MoveArticleOp;
    expect(op).toMatchObject({
      kind: 'move-article',
      key: 'x',
      collectionId: 'c-b',
      redirectPaths: ['/articles/1234567890-x'],
      reason: 'collection-changed',
      retire: 'delete',
      from: { articleId: remote.id, collectionKey: 'a', slug: 'x' },
    });
  });

  it('keeps a live article live when it moves in draft mode (publish: false)', () => {
    const old = doc('x', { collectionKey: 'a', key: 'x' });
    const remote = published(old, { collection_id: 'c-a' });
    const plan = createPlan(
      desired([doc('x', { collectionKey: 'b', key: 'x' })], [folder('a'), folder('b')]),
      current(
        [remote],
        [
          { id: 'c-a', title: 'A', slug: 'a' },
          { id: 'c-b', title: 'B', slug: 'b' },
        ],
      ),
      { ...options, publish: false },
    );
    expect(plan.operations[0]).toMatchObject({ kind: 'move-article', isPublished: true });
  });

  it("reports a hand-written article with a document's slug as a conflict, and adopts it only when asked", () => {
    const d = doc('guides/setup', { collectionKey: 'guides', slug: 'setup' });
    const handWritten = remoteArticle({ title: 'Setup (old)', slug: 'setup', collection_id: 'c-guides' });
    const state = current([handWritten], [{ id: 'c-guides', title: 'Guides', slug: 'guides' }]);
    const plain = createPlan(desired([d], [folder('guides')]), state, options);
    expect(plain.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'article/conflict',
        file: d.path,
        field: 'slug',
        message: expect.stringContaining(`"Setup (old)" (${handWritten.id}`),
        hint: expect.stringContaining('adopt: true'),
      }),
    ]);
    const adopting = createPlan(desired([d], [folder('guides')]), state, { ...options, adopt: true });
    expect(adopting.diagnostics).toEqual([]);
    expect(adopting.operations).toHaveLength(1);
    expect(adopting.operations[0]).toMatchObject({
      kind: 'update-article',
      articleId: handWritten.id,
      matchedBy: 'adopted',
      changes: ['title', 'body'],
    });
    expect(readMarker((adopting.operations[0] as UpdateArticleOp).bodyHtml)?.key).toBe('guides/setup');
  });

  it('reports a hand-written article with the title in the same place, and one with the slug elsewhere', () => {
    const d = doc('guides/setup', { collectionKey: 'guides', slug: 'setup', title: 'Set up' });
    const sameTitle = remoteArticle({ title: 'Set up', slug: 'setting-up', collection_id: 'c-guides' });
    const collections = [
      { id: 'c-guides', title: 'Guides', slug: 'guides' },
      { id: 'c-other', title: 'Other', slug: 'other' },
    ];
    const byTitle = createPlan(desired([d], [folder('guides')]), current([sameTitle], collections), options);
    expect(byTitle.diagnostics.map((x) => [x.code, x.field])).toEqual([['article/conflict', 'title']]);

    const elsewhere = remoteArticle({ title: 'Setup', slug: 'setup', collection_id: 'c-other' });
    const state = current([elsewhere], collections);
    const plain = createPlan(desired([d], [folder('guides')]), state, options);
    expect(plain.diagnostics[0]?.message).toContain('in another collection');
    const adopting = createPlan(desired([d], [folder('guides')]), state, { ...options, adopt: true });
    expect(adopting.diagnostics).toEqual([]);
    expect(adopting.operations.map((o) => o.kind)).toEqual(['move-article']);
    expect(adopting.operations[0]).toMatchObject({ from: { articleId: elsewhere.id } });
  });

  it("treats an article whose marker was removed in Pylon's editor as drift, never as absent", () => {
    const d = doc('guides/setup', { collectionKey: 'guides', slug: 'setup', title: 'Setup' });
    const collections = [{ id: 'c-guides', title: 'Guides', slug: 'guides' }];
    const replaced = remoteArticle({
      title: 'Setup',
      slug: 'setup',
      collection_id: 'c-guides',
      html: '<p>Someone replaced the whole body in the editor.</p>',
    });
    const state = current([replaced], collections);
    const failing = createPlan(desired([d], [folder('guides')]), state, options);
    expect(failing.operations.map((o) => o.kind)).toEqual(['drift']);
    expect(failing.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'drift/marker-lost', file: d.path }),
    ]);
    const skipping = createPlan(desired([d], [folder('guides')]), state, { ...options, onDrift: 'skip' });
    expect(skipping.operations.map((o) => o.kind)).toEqual(['drift']);
    expect(skipping.diagnostics).toEqual([]);
    const overwriting = createPlan(desired([d], [folder('guides')]), state, {
      ...options,
      onDrift: 'overwrite',
    });
    const update = overwriting.operations.find((o) => o.kind === 'update-article') as UpdateArticleOp;
    expect(update).toMatchObject({ articleId: replaced.id, matchedBy: 'marker-lost' });
    expect(readMarker(update.bodyHtml)?.key).toBe('guides/setup');
    expect(overwriting.operations.some((o) => o.kind === 'create-article')).toBe(false);
  });

  it('never touches hand-written articles and reports managed ones whose source is gone', () => {
    const gone = doc('old');
    const plan = createPlan(
      desired([]),
      current([remoteArticle({ title: 'Written in Pylon' }), published(gone)]),
      options,
    );
    expect(plan.operations.map((op) => `${op.kind} ${op.key}`)).toEqual(['orphan old']);
  });

  it('names the file, line and closest users for an unknown author', () => {
    const plan = createPlan(
      desired([doc('a', { author: { value: 'grcae@acme.test', line: 4 } })]),
      current([]),
      options,
    );
    expect(plan.diagnostics).toHaveLength(1);
    expect(plan.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'author/unknown',
      file: 'a.md',
      line: 4,
      field: 'author',
    });
    expect(plan.diagnostics[0]?.hint).toMatch(/^Closest users: Grace Hopper <grace@acme.test>/);
  });

  it('resolves team authors to the configured lead, else the first member', () => {
    const withLead = createPlan(
      desired([doc('a', { author: { value: 'team:support', line: 2 } })]),
      current([]),
      {
        ...options,
        teamLeads: { Support: 'admiral@acme.test' },
      },
    );
    expect((withLead.operations[0] as CreateArticleOp).authorUserId).toBe('u-grace');
    const empty = createPlan(
      desired([doc('a', { author: { value: 'team:Empty', line: 2 } })]),
      current([]),
      options,
    );
    expect(empty.diagnostics[0]?.message).toMatch(/has no members/);
  });

  it('flags an article edited in Pylon and follows onDrift', () => {
    const d = doc('faq');
    const edited = published(d, {}).current_draft_content_html.replace('Body of faq', 'Body edited in Pylon');
    const remote = remoteArticle({ title: d.title, slug: 'faq', html: edited });
    const failing = createPlan(desired([{ ...d, digest: 'changed' }]), current([remote]), options);
    expect(failing.operations.map((o) => o.kind)).toEqual(['drift']);
    expect(failing.diagnostics[0]).toMatchObject({ code: 'drift/detected', file: 'faq.md' });
    const overwrite = createPlan(desired([{ ...d, digest: 'changed' }]), current([remote]), {
      ...options,
      onDrift: 'overwrite',
    });
    expect(overwrite.operations.map((o) => o.kind)).toEqual(['update-article', 'drift']);
    expect(overwrite.diagnostics).toEqual([]);
  });

  it('cleans up after an interrupted move: redirects the leftover to the new article and retires it', () => {
    const old = doc('x', { collectionKey: 'a' });
    const now = doc('x', { collectionKey: 'b' });
    const leftover = published(old, {
      collection_id: 'c-a',
      url: 'https://help.acme.test/articles/1111111111-x',
    });
    const fresh = published(now, { collection_id: 'c-b' });
    const plan = createPlan(
      desired([now], [folder('a'), folder('b')]),
      current(
        [leftover, fresh],
        [
          { id: 'c-a', title: 'A', slug: 'a' },
          { id: 'c-b', title: 'B', slug: 'b' },
        ],
      ),
      options,
    );
    expect(plan.operations.map((o) => o.kind)).toEqual(['create-redirects', 'retire-article']);
    expect(plan.operations[0]).toMatchObject({
      articleId: fresh.id,
      redirectPaths: ['/articles/1111111111-x'],
    });
    expect(plan.operations[1]).toMatchObject({ articleId: leftover.id, action: 'delete' });
  });

  it("heals an article left at a moved document's old path by another writer, as a duplicate of it", () => {
    const moved = doc('b/x');
    const leftover = published(doc('a/x'), {
      collection_id: 'c-a',
      url: 'https://help.acme.test/articles/1111111111-x',
    });
    const fresh = remoteArticle({
      collection_id: 'c-b',
      title: moved.title,
      slug: moved.slug,
      html: markedBody(moved, [], [], ['a/x']),
    });
    const edited = published(doc('a/y', { html: '<p>Kept</p>' }), {
      collection_id: 'c-a',
      html: markedBody(doc('a/y', { html: '<p>Kept</p>' })).replace('Kept', 'Changed in Pylon'),
    });
    const plan = createPlan(
      desired([moved, doc('b/y')], [folder('a'), folder('b')]),
      current(
        [leftover, fresh, edited],
        [
          { id: 'c-a', title: 'A', slug: 'a' },
          { id: 'c-b', title: 'B', slug: 'b' },
        ],
      ),
      options,
    );
    expect(plan.operations.filter((o) => o.kind !== 'create-article').map((o) => o.kind)).toEqual([
      'create-redirects',
      'retire-article',
      'orphan',
    ]);
    expect(plan.operations.find((o) => o.kind === 'create-redirects')).toMatchObject({
      articleId: fresh.id,
      redirectPaths: ['/articles/1111111111-x'],
    });
    expect(plan.operations.find((o) => o.kind === 'retire-article')).toMatchObject({
      articleId: leftover.id,
      action: 'delete',
    });
  });

  it('links to an article retitled in this run by placeholder, with the URL it has now for apply', () => {
    const target = doc('guides/keys', { title: 'Keys and shortcuts' });
    const linking = doc('guides/start', {
      html: '<p><a href="pylon-kb://article/guides%2Fkeys">keys</a></p>',
    });
    const url = 'https://help.acme.test/articles/1234567890-keyboard-shortcuts';
    const guides = [{ id: 'c-g', title: 'Guides', slug: 'guides' }];
    const before = published(doc('guides/keys', { title: 'Keyboard shortcuts' }), {
      url,
      collection_id: 'c-g',
    });
    const start = published(linking, {
      html: markedBody(linking).replace('pylon-kb://article/guides%2Fkeys', url),
      collection_id: 'c-g',
    });
    const plan = createPlan(
      desired([target, linking], [folder('guides')]),
      current([before, start], guides),
      options,
    );
    const updates = plan.operations.filter((o): o is UpdateArticleOp => o.kind === 'update-article');
    expect(updates.map((o) => [o.key, o.changes])).toEqual([
      ['guides/keys', ['title', 'body']],
      ['guides/start', ['body']],
    ]);
    expect(updates[1]?.bodyHtml).toContain('pylon-kb://article/guides%2Fkeys');
    expect(plan.urlsBefore).toEqual({ 'guides/keys': url });
    // Unchanged title: links are written with the URL the article has.
    const same = createPlan(
      desired([doc('guides/keys', { title: 'Keyboard shortcuts' }), linking], [folder('guides')]),
      current([before, start], guides),
      options,
    );
    expect(same.operations.map((o) => o.key)).not.toContain('guides/keys');
    expect(same.operations.flatMap((o) => ('bodyHtml' in o ? [o.bodyHtml] : [])).join('')).not.toContain(
      'pylon-kb://article/',
    );
    expect(same.urlsBefore).toBeUndefined();
  });
});
