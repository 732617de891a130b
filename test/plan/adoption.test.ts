import { describe, expect, it } from 'vitest';
import { readMarker, withMarker } from '../../src/identity/marker.js';
import { textDigest } from '../../src/identity/text-digest.js';
import { markedBody } from '../../src/plan/articles.js';
import { createPlan } from '../../src/plan/plan.js';
import type { DriftNotice, UpdateArticleOp } from '../../src/plan/types.js';
import { current, desired, doc, folder, remoteArticle } from './fixtures.js';

const options = { publish: true, defaultAuthor: 'ada@acme.test' };
const guides = { id: 'c-guides', title: 'Guides', slug: 'guides' };

describe('adoption of pulled documents (pulled_from)', () => {
  const handWritten = remoteArticle({
    id: 'a-hand',
    title: 'Setup',
    slug: 'setup',
    collection_id: 'c-guides',
    html: '<p>Set it up.</p>',
  });
  const pulled = doc('guides/setup', {
    title: 'Setup',
    html: '<p>Set it up.</p>',
    pulledFrom: { articleId: 'a-hand', assetUrls: {} },
  });

  it('updates the article it came from in place: its body and marker only', () => {
    const plan = createPlan(desired([pulled], [folder('guides')]), current([handWritten], [guides]), options);
    expect(plan.operations.map((o) => o.kind)).toEqual(['update-article']);
    const update = plan.operations[0] as UpdateArticleOp;
    expect(update).toMatchObject({
      articleId: 'a-hand',
      url: handWritten.url,
      changes: ['body'],
      matchedBy: 'pulled',
    });
    expect(readMarker(update.bodyHtml)?.key).toBe('guides/setup');
    expect(plan.diagnostics).toEqual([]);
  });

  it('follows pulled_from even when the file changed the title; without it the article is not taken as pulled', () => {
    const renamed = { ...pulled, title: 'Set up the agent' };
    const plan = createPlan(
      desired([renamed], [folder('guides')]),
      current([handWritten], [guides]),
      options,
    );
    expect(plan.operations).toEqual([
      expect.objectContaining({
        kind: 'update-article',
        articleId: 'a-hand',
        changes: ['title', 'body'],
        matchedBy: 'pulled',
      }),
    ]);
    const { pulledFrom: _, ...plain } = renamed;
    const without = createPlan(
      desired([plain], [folder('guides')]),
      current([handWritten], [guides]),
      options,
    );
    expect(without.operations.some((o) => 'matchedBy' in o && o.matchedBy === 'pulled')).toBe(false);
  });

  it('keeps the Pylon URLs of the files pull downloaded instead of uploading them again', () => {
    const sha = 'a'.repeat(64);
    const withImage = {
      ...pulled,
      html: `<p><img src="pylon-kb://asset/${sha}" data-pylon-kb-asset="${sha}" alt="x"></p>`,
      assets: [{ path: 'guides/x.png', sha256: sha, size: 3, contentType: 'image/png', line: 1 }],
      pulledFrom: {
        articleId: 'a-hand',
        assetUrls: { [sha]: 'https://assets.usepylon.com/org%2F1-x.png?Expires=1' },
        text: textDigest('<p>Set it up.</p>'),
      },
    };
    const plan = createPlan(
      desired([withImage], [folder('guides')]),
      current([handWritten], [guides]),
      options,
    );
    expect(plan.operations.map((o) => o.kind)).toEqual(['update-article']);
    expect((plan.operations[0] as UpdateArticleOp).bodyHtml).toContain(
      'src="https://assets.usepylon.com/org%2F1-x.png?Expires=1"',
    );
  });

  it('never takes an article another document claims by key', () => {
    const owner = doc('guides/owner', { title: 'Setup', html: '<p>Set it up.</p>' });
    const managed = remoteArticle({
      id: 'a-hand',
      title: 'Setup',
      slug: 'owner',
      collection_id: 'c-guides',
      html: markedBody(owner),
    });
    const plan = createPlan(
      desired([pulled, owner], [folder('guides')]),
      current([managed], [guides]),
      options,
    );
    const kinds = plan.operations.map((o) => [o.kind, 'key' in o ? o.key : '']);
    expect(kinds).toContainEqual(['create-article', 'guides/setup']);
    expect(kinds).not.toContainEqual(['update-article', 'guides/setup']);
  });

  it('publishes as new, with a warning, when the article is not in this knowledge base', () => {
    const plan = createPlan(desired([pulled], [folder('guides')]), current([], [guides]), options);
    expect(plan.operations.map((o) => o.kind)).toEqual(['create-article']);
    expect(plan.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'pull/article-not-found',
        file: 'guides/setup.md',
        field: 'pulled_from',
      }),
    ]);
  });
});

describe('drift', () => {
  const d = doc('guides/setup', { title: 'Setup', html: '<p>Set it up.</p>' });
  const editedHtml = withMarker('<p>Set it up, then restart.</p>', readMarker(markedBody(d))!);
  const edited = remoteArticle({
    id: 'a-1',
    title: 'Setup',
    slug: 'setup',
    collection_id: 'c-guides',
    html: editedHtml,
  });

  it('carries both bodies so reports can show the edit', () => {
    const plan = createPlan(desired([d], [folder('guides')]), current([edited], [guides]), options);
    const drift = plan.operations.find((o): o is DriftNotice => o.kind === 'drift');
    expect(drift).toMatchObject({
      localHtml: '<p>Set it up.</p>',
      pylonHtml: '<p>Set it up, then restart.</p>',
      baseIsLastPublish: true,
    });
  });

  it('is not drift, and writes nothing, once the file says what Pylon says', () => {
    const takenIn = { ...d, html: '<p>Set it up, then restart.</p>', digest: 'changed' };
    const plan = createPlan(desired([takenIn], [folder('guides')]), current([edited], [guides]), options);
    expect(plan.operations).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.summary.unchanged).toBe(1);
  });
});

describe('an article changed in Pylon after pull or apply is drift, whatever it lost', () => {
  const pulledText = '<p>Set it up.</p>';
  const edited = '<p>An editor rewrote this in Pylon.</p>';
  const file = doc('guides/setup', {
    title: 'Setup',
    html: '<p>Set it up, then test it.</p>',
    pulledFrom: { articleId: 'a-hand', assetUrls: {}, text: textDigest(pulledText) },
  });
  const article = (html: string) =>
    remoteArticle({ id: 'a-hand', title: 'Setup', slug: 'setup', collection_id: 'c-guides', html });

  it('adopts the article while Pylon still holds the text the file was pulled from (an edit in git is published)', () => {
    const plan = createPlan(
      desired([file], [folder('guides')]),
      current([article(pulledText)], [guides]),
      options,
    );
    expect(plan.operations.map((o) => o.kind)).toEqual(['update-article']);
    expect(plan.diagnostics).toEqual([]);
  });

  it('refuses (onDrift fail) an article whose text changed since the pull, marker or not, and shows it as drift', () => {
    for (const html of [
      edited,
      withMarker(edited, { key: 'guides/setup', digest: 'd', textDigest: 't', redirects: [] }),
    ]) {
      const plan = createPlan(
        desired([file], [folder('guides')]),
        current([article(html)], [guides]),
        options,
      );
      expect(plan.operations.map((o) => o.kind)).toEqual(['drift']);
      expect(plan.diagnostics.map((d) => d.code)).toEqual([
        html === edited ? 'drift/edited-since-pull' : 'drift/detected',
      ]);
      const skipped = createPlan(desired([file], [folder('guides')]), current([article(html)], [guides]), {
        ...options,
        onDrift: 'skip',
      });
      expect(skipped.operations.map((o) => o.kind)).toEqual(['drift']);
      const overwritten = createPlan(
        desired([file], [folder('guides')]),
        current([article(html)], [guides]),
        {
          ...options,
          onDrift: 'overwrite',
        },
      );
      expect(overwritten.operations.map((o) => o.kind).sort()).toEqual(['drift', 'update-article']);
    }
  });

  it('a pulled_from without the pulled text (an older pull) adopts only an article that says what the file says', () => {
    const { text: _, ...legacy } = file.pulledFrom ?? { articleId: '', assetUrls: {} };
    const older = { ...file, pulledFrom: legacy };
    const same = createPlan(
      desired([older], [folder('guides')]),
      current([article('<p>Set it up, then test it.</p>')], [guides]),
      options,
    );
    expect(same.operations.map((o) => o.kind)).toEqual(['update-article']);
    const differs = createPlan(
      desired([older], [folder('guides')]),
      current([article(pulledText)], [guides]),
      options,
    );
    expect(differs.diagnostics.map((d) => d.code)).toEqual(['drift/edited-since-pull']);
  });

  it('with adopt on, an article whose published body carries the document’s marker is drift, not adopted again', () => {
    const own = doc('guides/setup', { title: 'Setup', html: '<p>Set it up.</p>' });
    const remote = { ...article(edited), current_published_content_html: markedBody(own) };
    const plan = createPlan(desired([own], [folder('guides')]), current([remote], [guides]), {
      ...options,
      adopt: true,
    });
    expect(plan.operations.map((o) => o.kind)).toEqual(['drift']);
    expect(plan.diagnostics.map((d) => d.code)).toEqual(['drift/marker-lost']);
  });
});
