import { describe, expect, it } from 'vitest';
import { orderCreates } from '../../src/apply/link-order.js';
import type { AssetRef, DesiredTranslation } from '../../src/content/types.js';
import { digestOf } from '../../src/identity/digest.js';
import { readMarker } from '../../src/identity/marker.js';
import { ASSET_ATTRIBUTE, articlePlaceholder, assetPlaceholder } from '../../src/identity/placeholders.js';
import { finalBody } from '../../src/plan/articles.js';
import { createPlan } from '../../src/plan/plan.js';
import type { CreateArticleOp, UpdateArticleOp } from '../../src/plan/types.js';
import { toRemoteArticle } from '../../src/remote/snapshot.js';
import { current, desired, doc, remoteArticle } from './fixtures.js';

const options = { publish: true, defaultAuthor: 'ada@acme.test', visibility: 'public' as const };
const withHtml = (key: string, html: string, extra: Parameters<typeof doc>[1] = {}) =>
  doc(key, { html, digest: digestOf(`Title of ${key}`, html), ...extra });

/** The remote article pylon-kb would have published for a document, given the URLs it knew. */
function published(d: ReturnType<typeof doc>, urls: Record<string, string> = {}, extra = {}) {
  const body = finalBody(d, {
    lookup: { articleUrl: (k) => urls[k] ?? null, assetUrl: (s) => urls[s] ?? null },
  });
  return remoteArticle({ title: d.title, slug: d.slug, html: body.html, ...extra });
}

describe('links between documents', () => {
  const target = doc('setup');
  const linker = withHtml(
    'intro',
    `<p>See <a href="${articlePlaceholder('setup', 'install')}">setup</a>.</p>`,
  );

  it('substitutes the URL of a target that exists and stays', () => {
    const remoteTarget = published(target);
    const plan = createPlan(desired([target, linker]), current([remoteTarget]), options);
    const create = plan.operations.find((o) => o.kind === 'create-article') as CreateArticleOp;
    expect(create.key).toBe('intro');
    expect(create.bodyHtml).toContain(`href="${remoteTarget.url}#install"`);
  });

  it('leaves the placeholder for apply when the target is created in the same run', () => {
    const plan = createPlan(desired([target, linker]), current([]), options);
    const create = plan.operations.find((o) => o.key === 'intro') as CreateArticleOp;
    expect(create.bodyHtml).toContain(articlePlaceholder('setup', 'install'));
  });

  it('updates an unchanged linker when its target moves, and nothing once the URL is current', () => {
    const remoteTarget = published(target, {}, { url: 'https://help.acme.test/articles/1111111111-setup' });
    const remoteLinker = published(linker, { setup: remoteTarget.url });
    expect(
      createPlan(desired([target, linker]), current([remoteTarget, remoteLinker]), options).operations,
    ).toEqual([]);

    const moved = doc('setup', { slug: 'setting-up' });
    const plan = createPlan(desired([moved, linker]), current([remoteTarget, remoteLinker]), options);
    expect(plan.operations.map((o) => `${o.kind} ${o.key}`)).toEqual([
      'update-article intro',
      'move-article setup',
    ]);
    expect((plan.operations[0] as UpdateArticleOp).changes).toEqual(['body']);
  });

  it('links to an unpublished target by the path Pylon routes by identifier', () => {
    const draftTarget = published(target, {}, { url: '', is_published: false, identifier: '4242424242' });
    const plan = createPlan(
      desired([doc('setup', { published: false }), linker]),
      current([draftTarget]),
      options,
    );
    expect((plan.operations[0] as CreateArticleOp).bodyHtml).toContain('href="/articles/4242424242#install"');
  });
});

describe('local files', () => {
  const sha = 'a'.repeat(64);
  const ref: AssetRef = { path: 'img/shot.png', sha256: sha, size: 2048, contentType: 'image/png', line: 3 };
  const html = `<p><img src="${assetPlaceholder(sha)}" alt="shot" ${ASSET_ATTRIBUTE}="${sha}"></p>`;

  it('uploads a file once for every article that uses it', () => {
    const plan = createPlan(
      desired([withHtml('a', html, { assets: [ref] }), withHtml('b', html, { assets: [ref] })]),
      current([]),
      options,
    );
    expect(plan.operations.map((o) => `${o.kind} ${o.key}`)).toEqual([
      'upload-asset img/shot.png',
      'create-article a',
      'create-article b',
    ]);
  });

  it('reuses an upload found in the remote HTML, so a fresh machine uploads nothing', () => {
    const uploaded = 'https://assets.acme.test/org%2F1-shot.png?Expires=253370764800&Signature=x';
    const a = withHtml('a', html, { assets: [ref] });
    const remoteA = published(a, { [sha]: uploaded });
    expect(remoteA.current_draft_content_html).toContain('Expires=253370764800&amp;Signature=x');
    const plan = createPlan(
      desired([a, withHtml('b', html, { assets: [ref] })]),
      current([remoteA]),
      options,
    );
    expect(plan.operations.map((o) => o.kind)).toEqual(['create-article']);
    expect((plan.operations[0] as CreateArticleOp).bodyHtml).toContain(
      'Expires=253370764800&amp;Signature=x',
    );
  });
});

describe('translations', () => {
  const fr: DesiredTranslation = {
    language: 'fr',
    path: 'setup.fr.md',
    title: 'Installation',
    html: `<p>Voir <a href="${articlePlaceholder('intro')}">intro</a>.</p>`,
    digest: 'fr-1',
    links: [{ targetKey: 'intro', line: 5 }],
    assets: [],
  };
  const kb = {
    id: 'kb-1',
    slug: 'help-center',
    title: 'Help',
    default_language: 'en',
    supported_languages: ['en', 'fr'],
  };
  const state = (articles: ReturnType<typeof remoteArticle>[]) => ({
    ...current(articles),
    knowledgeBase: kb,
  });

  it('sends translations with a new article, their links in the same language', () => {
    const intro = published(doc('intro'), {}, { url: 'https://help.acme.test/articles/1-intro' });
    const plan = createPlan(
      desired([doc('intro'), doc('setup', { translations: [fr] })]),
      state([intro]),
      options,
    );
    const create = plan.operations[0] as CreateArticleOp;
    expect(create.translations).toHaveLength(1);
    expect(create.translations[0]?.bodyHtml).toContain(
      'href="https://help.acme.test/articles/1-intro?lang=fr"',
    );
  });

  it('updates only a translation whose file changed, and warns about one older than its source', () => {
    const intro = published(doc('intro'), {}, { url: 'https://help.acme.test/articles/1-intro' });
    const source = doc('setup', { translations: [fr] });
    const first = createPlan(desired([doc('intro'), source]), state([intro]), options);
    const sent = (first.operations[0] as CreateArticleOp).translations[0];
    const remote = toRemoteArticle(published(source, { intro: intro.url }));
    remote.translations = {
      fr: { title: 'Installation', html: sent?.bodyHtml ?? '', marker: readMarker(sent?.bodyHtml) },
    };
    const base = { ...state([intro]), articles: [toRemoteArticle(intro), remote] };
    expect(createPlan(desired([doc('intro'), source]), base, options).operations).toEqual([]);

    const edited = { ...fr, html: '<p>Texte revu.</p>', digest: 'fr-2' };
    const update = createPlan(
      desired([doc('intro'), doc('setup', { translations: [edited] })]),
      base,
      options,
    );
    expect(update.operations.map((o) => o.kind)).toEqual(['update-article']);
    expect((update.operations[0] as UpdateArticleOp).changes).toEqual(['translations']);

    const newerSource = doc('setup', { html: '<p>New English text</p>', digest: 'en-2', translations: [fr] });
    const outdated = createPlan(desired([doc('intro'), newerSource]), base, options);
    expect(outdated.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'translation/outdated', file: 'setup.fr.md' }),
    );
  });

  it('rejects a language the knowledge base does not support', () => {
    const de = { ...fr, language: 'de', path: 'setup.de.md' };
    const plan = createPlan(
      desired([doc('intro'), doc('setup', { translations: [de] })]),
      state([]),
      options,
    );
    expect(plan.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        code: 'translation/unsupported-language',
        file: 'setup.de.md',
      }),
    );
  });
});

describe('orderCreates', () => {
  const op = (key: string, links: string[]) =>
    ({
      kind: 'create-article',
      key,
      bodyHtml: links.map((l) => `<a href="${articlePlaceholder(l)}">x</a>`).join(''),
      translations: [],
    }) as unknown as CreateArticleOp;

  it('puts link targets first and reports cycles', () => {
    const order = orderCreates([
      op('a', ['b']),
      op('b', []),
      op('c', ['d']),
      op('d', ['c']),
      op('e', ['outside']),
    ]);
    expect(order.layers.map((l) => l.map((o) => o.key))).toEqual([['b', 'e'], ['a']]);
    expect(order.cyclic.map((o) => o.key).sort()).toEqual(['c', 'd']);
  });
});
