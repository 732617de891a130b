import { describe, expect, it } from 'vitest';
import type { DesiredArticle, DesiredState, LocalCollection } from '../../src/content/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { articlePlaceholder } from '../../src/identity/placeholders.js';
import {
  heldBackDocuments,
  holdLinkedDocuments,
  holdOf,
  withoutHeldOperations,
} from '../../src/plan/hold-back.js';
import type { Operation } from '../../src/plan/types.js';

const article = (path: string, extra: Partial<DesiredArticle> = {}): DesiredArticle =>
  ({
    key: path.replace(/\.md$/, ''),
    path,
    collectionKey: path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : null,
    links: [],
    ...extra,
  }) as unknown as DesiredArticle;

const collection = (key: string, source?: string): LocalCollection =>
  ({
    key,
    parentKey: null,
    title: key,
    slug: key,
    ...(source && { source: { path: source } }),
  }) as LocalCollection;

const error = (file?: string, line = 1): Diagnostic => ({
  severity: 'error',
  code: 'frontmatter/type',
  message: 'wrong',
  ...(file !== undefined && { file, line }),
  hint: 'fix it',
});

const create = (path: string, body = '<p>text</p>', collectionKey: string | null = null): Operation =>
  ({
    kind: 'create-article',
    key: path.replace(/\.md$/, ''),
    path,
    collectionKey,
    bodyHtml: body,
    translations: [],
  }) as unknown as Operation;

const desired = (articles: DesiredArticle[], collections: LocalCollection[] = []): DesiredState => ({
  articles,
  collections,
  diagnostics: [],
});

describe('holdOf: what errors hold back', () => {
  const tree = desired(
    [article('intro.md'), article('guides/setup.md'), article('guides/deep/more.md'), article('faq.md')],
    [collection('guides', 'guides/_category_.json'), collection('guides/deep')],
  );

  it('a document with an error, and the key a file that did not parse implies', () => {
    const hold = holdOf([error('intro.md'), error('gone/broken.md')], tree);
    expect([...hold.paths].sort()).toEqual(['gone/broken.md', 'intro.md']);
    expect([...hold.keys].sort()).toEqual(['gone/broken', 'intro']);
    expect(hold.all).toBe(false);
  });

  it('a folder metadata file with an error holds back the whole folder, nothing outside it', () => {
    const hold = holdOf([error('guides/_category_.json')], tree);
    expect([...hold.keys].sort()).toEqual(['guides/deep/more', 'guides/setup']);
    expect(hold.keys.has('intro')).toBe(false);
  });

  it('an error that names no file holds back every write', () => {
    expect(holdOf([error()], tree).all).toBe(true);
  });

  it('warnings hold back nothing', () => {
    const hold = holdOf([{ ...error('intro.md'), severity: 'warning' }], tree);
    expect(hold.paths.size).toBe(0);
  });
});

describe('withoutHeldOperations and holdLinkedDocuments', () => {
  it('drops the held document, the new one linking to it, and a folder only they needed; keeps the rest', () => {
    const tree = desired([
      article('guides/broken.md'),
      article('notes/uses.md', { links: [{ targetKey: 'guides/broken', line: 7 }] }),
      article('intro.md'),
    ]);
    const operations = [
      { kind: 'create-collection', key: 'guides' } as unknown as Operation,
      { kind: 'create-collection', key: 'notes' } as unknown as Operation,
      create('guides/broken.md', '<p>x</p>', 'guides'),
      create('notes/uses.md', `<a href="${articlePlaceholder('guides/broken')}">b</a>`, 'notes'),
      create('intro.md'),
      { kind: 'orphan', key: 'guides/broken', articleId: 'a1' } as unknown as Operation,
    ];
    const linked = holdLinkedDocuments(operations, holdOf([error('guides/broken.md', 3)], tree), tree);
    expect(linked.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'document/held-back',
        file: 'notes/uses.md',
        line: 7,
      }),
    ]);
    const kept = withoutHeldOperations(operations, linked.hold);
    expect(kept.map((op) => `${op.kind} ${op.key}`)).toEqual(['create-article intro']);
    const held = heldBackDocuments([error('guides/broken.md', 3), ...linked.diagnostics]);
    expect(held.map((h) => `${h.file}:${h.line}`)).toEqual(['guides/broken.md:3', 'notes/uses.md:7']);
  });

  it('a link to a held-back document whose article is live (no placeholder left) holds nothing else back', () => {
    const tree = desired([article('a.md'), article('b.md', { links: [{ targetKey: 'a', line: 2 }] })]);
    const operations = [create('b.md', '<a href="https://help.example.com/articles/1-a">a</a>')];
    const linked = holdLinkedDocuments(operations, holdOf([error('a.md')], tree), tree);
    expect(linked.diagnostics).toEqual([]);
    expect(withoutHeldOperations(operations, linked.hold)).toHaveLength(1);
  });
});
