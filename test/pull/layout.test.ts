import { describe, expect, it } from 'vitest';
import { withMarker } from '../../src/identity/marker.js';
import { fileName } from '../../src/pull/download.js';
import { layoutTree } from '../../src/pull/layout.js';
import { relativeReference } from '../../src/pull/paths.js';
import { articleIdentifierOf, isPylonHosted, referenceRewriter } from '../../src/pull/pylon-urls.js';
import { toRemoteArticle } from '../../src/remote/snapshot.js';
import { remoteArticle } from '../plan/fixtures.js';

const collections = [
  { id: 'c-g', title: 'Guides', slug: 'guides' },
  { id: 'c-s', title: 'Setup', slug: 'setup', parent_collection_id: 'c-g' },
  { id: 'c-f', title: 'FAQ', slug: 'faq' },
  { id: 'c-dup', title: 'FAQ again', slug: 'faq' },
];
const article = (over: Parameters<typeof remoteArticle>[0]) => toRemoteArticle(remoteArticle(over));

describe('layoutTree', () => {
  it('nests folders as in Pylon and names files by slug, unique among siblings', () => {
    const layout = layoutTree(collections, [
      article({ id: 'a1', title: 'Install', slug: 'install', collection_id: 'c-s' }),
      article({ id: 'a2', title: 'Install (old)', slug: 'install', collection_id: 'c-s' }),
      article({ id: 'a3', title: 'Index page', slug: 'index', collection_id: 'c-g' }),
      article({ id: 'a4', title: 'Root', slug: 'root', collection_id: null }),
    ]);
    expect(layout.folders.map((f) => f.path)).toEqual(['faq', 'faq-2', 'guides', 'guides/setup']);
    expect(Object.fromEntries(layout.documents.map((d) => [d.remote.article.id, d.path]))).toEqual({
      a1: 'guides/setup/install.md',
      a2: 'guides/setup/install-2.md',
      a3: 'guides/index-2.md',
      a4: 'root.md',
    });
    expect(layout.documents.find((d) => d.remote.article.id === 'a1')?.key).toBe('guides/setup/install');
  });

  it('keeps the key of an article pylon-kb manages and skips its retired copies', () => {
    const marker = { key: 'docs/install', digest: 'd', textDigest: 't', redirects: [] };
    const layout = layoutTree(collections, [
      article({ id: 'a1', slug: 'install', collection_id: 'c-s', html: withMarker('<p>x</p>', marker) }),
      article({
        id: 'a2',
        slug: 'install',
        collection_id: 'c-s',
        html: withMarker('<p>x</p>', { ...marker, retired: true }),
      }),
    ]);
    expect(layout.documents.map((d) => [d.path, d.key])).toEqual([
      ['guides/setup/install.md', 'docs/install'],
    ]);
    expect(layout.skipped.map((s) => s.remote.article.id)).toEqual(['a2']);
  });

  it('with chosen collections: their subtree, ancestors as folders without articles', () => {
    const layout = layoutTree(
      collections,
      [
        article({ id: 'a1', slug: 'install', collection_id: 'c-s' }),
        article({ id: 'a2', slug: 'intro', collection_id: 'c-g' }),
        article({ id: 'a3', slug: 'root', collection_id: null }),
      ],
      new Set(['c-s']),
    );
    expect(layout.folders.map((f) => f.path)).toEqual(['guides', 'guides/setup']);
    expect(layout.documents.map((d) => d.path)).toEqual(['guides/setup/install.md']);
    expect(layout.skipped.map((s) => s.reason)).toEqual([
      'outside the chosen collections',
      'outside the chosen collections',
    ]);
  });
});

describe('references', () => {
  it('relative references between tree files', () => {
    expect(relativeReference('a/b/c.md', 'a/b/d.md')).toBe('./d.md');
    expect(relativeReference('a/b/c.md', 'a/x.png')).toBe('../x.png');
    expect(relativeReference('c.md', 'a/b/d.md')).toBe('./a/b/d.md');
    expect(relativeReference('a/c.md', 'b/d.md')).toBe('../b/d.md');
  });

  it('article URLs by identifier, whatever the host and suffix', () => {
    expect(articleIdentifierOf('https://help.example.com/articles/2504429192-kb-linking')).toBe('2504429192');
    expect(articleIdentifierOf('/articles/2504429192')).toBe('2504429192');
    expect(articleIdentifierOf('https://help.example.com/collections/2504429192-x')).toBeNull();
    const rewrite = referenceRewriter('guides/a.md', {
      articles: new Map([['2504429192', 'faq/b.md']]),
      files: new Map([['https://assets.usepylon.com/o%2F1-x.png?Expires=1', 'guides/x-00000000.png']]),
    });
    expect(rewrite('link', 'https://help.example.com/articles/2504429192-b?lang=fr#part-2')).toBe(
      '../faq/b.md#part-2',
    );
    expect(rewrite('image', 'https://assets.usepylon.com/o%2F1-x.png?Expires=1')).toBe('./x-00000000.png');
    expect(rewrite('link', 'https://example.com/')).toBeUndefined();
  });

  it('which files count as Pylon-hosted', () => {
    expect(isPylonHosted('https://assets.usepylon.com/o%2F1-a.png?Signature=x', 'http://127.0.0.1:1')).toBe(
      true,
    );
    expect(isPylonHosted('http://127.0.0.1:1/_assets/o%2F1-a.png', 'http://127.0.0.1:1')).toBe(true);
    expect(isPylonHosted('http://127.0.0.1:2/_assets/o%2F1-a.png', 'http://127.0.0.1:1')).toBe(false);
    expect(isPylonHosted('https://cdn.example.com/a.png', 'http://127.0.0.1:1')).toBe(false);
  });

  it('file names: the original name, the digest, a safe extension', () => {
    const sha = '3fa2c1d0'.padEnd(64, '0');
    expect(
      fileName('https://assets.usepylon.com/org%2F1712345678901-Setup Screen.PNG?Expires=1', sha, null),
    ).toBe('setup-screen-3fa2c1d0.png');
    expect(fileName('https://x.test/_assets/a%2F..%2F..%2Fetc', sha, 'image/png')).toBe('etc-3fa2c1d0.png');
    expect(fileName('https://x.test/', sha, 'application/pdf')).toBe('file-3fa2c1d0.pdf');
  });
});

describe('slugWarnings', () => {
  it('reports slugs pylon-kb cannot publish back and duplicates in one collection', async () => {
    const { slugWarnings } = await import('../../src/pull/slug-warnings.js');
    const layout = layoutTree(collections, [
      article({ id: 'a1', title: 'Odd', slug: 'hackerrank---setup', collection_id: 'c-s' }),
      article({ id: 'a2', title: 'Twin 1', slug: 'twin', collection_id: 'c-f' }),
      article({ id: 'a3', title: 'Twin 2', slug: 'twin', collection_id: 'c-f' }),
      article({ id: 'a4', title: 'Other twin', slug: 'twin', collection_id: 'c-s' }),
    ]);
    expect(slugWarnings(layout).map((w) => [w.code, w.path])).toEqual([
      ['pull/slug', 'guides/setup/hackerrank-setup.md'],
      ['pull/duplicate-slug', 'faq/twin-2.md'],
    ]);
  });
});
