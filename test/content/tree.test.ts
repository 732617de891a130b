import { describe, expect, it } from 'vitest';
import { buildContentTree, type SourceFile } from '../../src/content/index.js';

const files = (entries: Record<string, string>): SourceFile[] =>
  Object.entries(entries).map(([path, text]) => ({ path, text }));

describe('buildContentTree: shape', () => {
  const tree = buildContentTree(
    files({
      'guides/advanced/tuning.md': '# Tuning\n',
      'README.md': '# Repo readme\n',
      '01-getting-started/_category_.json':
        '{ "label": "Start here", "position": 5, "description": "First steps" }',
      '01-getting-started/02-install.md': '---\ntitle: Install\n---\n',
      '01-getting-started/01-welcome.md': 'Hello',
      'guides/_index.md': '---\ntitle: All guides\nslug: how-to\n---\n',
      'faq.md': '---\ntitle: FAQ\n---\n',
      'images/logo.png': 'binary',
    }),
  );

  it('makes every ancestor folder of a document a collection, sorted by path', () => {
    expect(tree.collections).toEqual([
      {
        key: '01-getting-started',
        parentKey: null,
        title: 'Start here',
        slug: 'getting-started',
        description: 'First steps',
        order: 5,
        source: { path: '01-getting-started/_category_.json', line: 1 },
      },
      {
        key: 'guides',
        parentKey: null,
        title: 'All guides',
        slug: 'how-to',
        source: { path: 'guides/_index.md', line: 2 },
      },
      { key: 'guides/advanced', parentKey: 'guides', title: 'Advanced', slug: 'advanced' },
    ]);
  });

  it('lists documents by path, skipping the root README and non-Markdown files', () => {
    expect(tree.docs.map((d) => [d.path, d.key, d.collectionKey, d.slug, d.title, d.order])).toEqual([
      [
        '01-getting-started/01-welcome.md',
        '01-getting-started/01-welcome',
        '01-getting-started',
        'welcome',
        'Welcome',
        1,
      ],
      [
        '01-getting-started/02-install.md',
        '01-getting-started/02-install',
        '01-getting-started',
        'install',
        'Install',
        2,
      ],
      ['faq.md', 'faq', null, 'faq', 'FAQ', undefined],
      [
        'guides/advanced/tuning.md',
        'guides/advanced/tuning',
        'guides/advanced',
        'tuning',
        'Tuning',
        undefined,
      ],
    ]);
    expect(tree.diagnostics).toEqual([]);
  });

  it('does not depend on the order of the input files', () => {
    const shuffled = buildContentTree(
      files({
        'b/x.md': 'x',
        'a/y.md': 'y',
        'a/b/z.md': 'z',
      }),
    );
    const sorted = buildContentTree(files({ 'a/b/z.md': 'z', 'a/y.md': 'y', 'b/x.md': 'x' }));
    expect(shuffled).toEqual(sorted);
    expect(sorted.collections.map((c) => c.key)).toEqual(['a', 'a/b', 'b']);
  });
});

describe('buildContentTree: folder metadata', () => {
  it('uses the first metadata file by precedence and warns about the others', () => {
    const tree = buildContentTree(
      files({
        'g/_category_.yml': 'label: From category\n',
        'g/index.md': '---\ntitle: From index\n---\n',
        'g/a.md': 'a',
      }),
    );
    expect(tree.collections[0]?.title).toBe('From index');
    expect(tree.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'collection/metadata', file: 'g/_category_.yml' }),
    ]);
  });

  it('never treats index files as articles', () => {
    const tree = buildContentTree(files({ 'g/index.md': '---\ntitle: G\n---\nBody text\n', 'g/a.md': 'a' }));
    expect(tree.docs.map((d) => d.path)).toEqual(['g/a.md']);
    expect(tree.diagnostics.map((d) => d.code)).toEqual(['collection/index-body']);
  });

  it('ignores metadata files at the content root with a warning', () => {
    const tree = buildContentTree(files({ 'index.md': '# Home', '_category_.json': '{}', 'a.md': 'a' }));
    expect(tree.docs.map((d) => d.path)).toEqual(['a.md']);
    expect(tree.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['collection/root-metadata', '_category_.json'],
      ['collection/root-metadata', 'index.md'],
    ]);
  });

  it('creates no collection for a folder with metadata but no documents', () => {
    expect(buildContentTree(files({ 'empty/_category_.yml': 'label: E\n' })).collections).toEqual([]);
  });

  it('falls back to the folder name when the metadata file is invalid', () => {
    const tree = buildContentTree(
      files({ 'my-guides/_category_.json': '{ "label": ', 'my-guides/a.md': 'a' }),
    );
    expect(tree.collections[0]).toEqual({
      key: 'my-guides',
      parentKey: null,
      title: 'My guides',
      slug: 'my-guides',
    });
    expect(tree.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'collection/metadata',
      file: 'my-guides/_category_.json',
    });
  });
});

describe('buildContentTree: duplicates', () => {
  it('reports two files with the same key, naming both files and lines', () => {
    const tree = buildContentTree(
      files({
        'a/setup.md': '---\nslug: setup-a\n---\n',
        'b/other.md': '---\ntitle: Other\nid: a/setup\nslug: setup-b\n---\n',
      }),
    );
    expect(tree.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'content/duplicate-key',
        message:
          'The key "a/setup" is used by a/setup.md:1 and b/other.md:3; each document needs its own key to be tracked in Pylon.',
        file: 'b/other.md',
        line: 3,
        field: 'id',
        hint: 'Give one of them a different `id:` in its frontmatter (or rename the file).',
      },
    ]);
  });

  it('treats a.md and a.markdown as the same key', () => {
    const tree = buildContentTree(
      files({ 'a.md': '---\nslug: a1\n---\n', 'a.markdown': '---\nslug: a2\n---\n' }),
    );
    expect(tree.diagnostics.map((d) => d.code)).toEqual(['content/duplicate-key']);
  });

  it('reports article slugs used twice anywhere in the knowledge base', () => {
    const tree = buildContentTree(
      files({
        'guides/install.md': 'x',
        'admin/setup.md': '---\ntitle: Setup\nslug: install\n---\n',
      }),
    );
    expect(tree.diagnostics).toEqual([
      expect.objectContaining({
        code: 'content/duplicate-slug',
        file: 'guides/install.md',
        line: 1,
        field: 'slug',
        message: expect.stringContaining('admin/setup.md:3 and guides/install.md:1'),
      }),
    ]);
  });

  it('reports sibling folders with the same slug, but allows it under different parents', () => {
    const tree = buildContentTree(
      files({
        '01-guides/a.md': 'a',
        'guides/b.md': 'b',
        'x/setup/c.md': 'c',
        'y/setup/d.md': 'd',
      }),
    );
    expect(tree.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'collection/duplicate-slug',
        file: 'guides/',
        message: expect.stringContaining('"guides" is used by 01-guides/ and guides/'),
      }),
    ]);
  });
});

describe('buildContentTree: diagnostics', () => {
  it('collects document problems, sorted by file and line, and leaves bad documents out', () => {
    const tree = buildContentTree(
      files({
        'b.md': '---\ntitle: B\nvisibility: secret\n---\n',
        'a.md': '---\ntitel: A\n---\n',
      }),
    );
    expect(tree.docs.map((d) => d.path)).toEqual(['a.md']);
    expect(tree.diagnostics.map((d) => [d.file, d.line, d.code])).toEqual([
      ['a.md', 2, 'frontmatter/unknown-key'],
      ['b.md', 3, 'frontmatter/type'],
    ]);
  });
});
