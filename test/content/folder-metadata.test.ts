import { describe, expect, it } from 'vitest';
import { readFolderMetadata } from '../../src/content/index.js';

const read = (path: string, text: string) => readFolderMetadata({ path, text });

describe('readFolderMetadata: index files', () => {
  it('reads title, description, slug and order from the frontmatter', () => {
    const text = '---\ntitle: Guides\ndescription: How to do things\nslug: how-to\norder: 2\n---\n';
    expect(read('guides/_index.md', text)).toEqual({
      metadata: {
        title: 'Guides',
        description: 'How to do things',
        slug: 'how-to',
        order: 2,
        source: { path: 'guides/_index.md', line: 2 },
      },
      diagnostics: [],
    });
  });

  it('ignores a non-empty body with a warning on its first line', () => {
    const { metadata, diagnostics } = read(
      'guides/index.md',
      '---\ntitle: Guides\n---\n\nWelcome to the guides.\n',
    );
    expect(metadata?.title).toBe('Guides');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'collection/index-body',
        file: 'guides/index.md',
        line: 4,
      }),
    ]);
  });

  it('warns about keys a folder cannot use, and rejects wrong types', () => {
    const { metadata, diagnostics } = read('guides/index.md', '---\nauthor: ada\nslug: Bad Slug\n---\n');
    expect(metadata).toBeNull();
    expect(diagnostics.map((d) => [d.severity, d.code, d.line, d.field])).toEqual([
      ['warning', 'frontmatter/unknown-key', 2, 'author'],
      ['error', 'frontmatter/type', 3, 'slug'],
    ]);
  });
});

describe('readFolderMetadata: _category_ files', () => {
  it('maps Docusaurus keys: label → title, position → order, link.description → description', () => {
    const json =
      '{\n  "label": "Getting started",\n  "position": 1,\n  "collapsed": false,\n  "link": { "type": "generated-index", "description": "First steps" }\n}\n';
    expect(read('start/_category_.json', json)).toEqual({
      metadata: {
        title: 'Getting started',
        description: 'First steps',
        order: 1,
        source: { path: 'start/_category_.json', line: 2 },
      },
      diagnostics: [],
    });
  });

  it('reads YAML, with a top-level description and slug', () => {
    const yaml = 'label: API\nposition: 4\ndescription: Reference\nslug: api-reference\n';
    expect(read('api/_category_.yml', yaml).metadata).toEqual({
      title: 'API',
      description: 'Reference',
      slug: 'api-reference',
      order: 4,
      source: { path: 'api/_category_.yml', line: 1 },
    });
  });

  it('reports invalid JSON with its line', () => {
    const { metadata, diagnostics } = read(
      'start/_category_.json',
      '{\n  "label": "A",\n  "position": 1,\n}\n',
    );
    expect(metadata).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'collection/metadata',
        file: 'start/_category_.json',
        line: 4,
      }),
    ]);
  });

  it('reports invalid YAML and wrong types with their lines', () => {
    expect(read('a/_category_.yaml', 'label: A\nposition: [1\n').diagnostics[0]).toMatchObject({
      code: 'collection/metadata',
      line: 2,
    });
    const wrong = read('a/_category_.yml', 'label: A\nposition: "1"\nlink:\n  description: 3\n');
    expect(wrong.metadata).toBeNull();
    expect(wrong.diagnostics.map((d) => [d.code, d.line, d.field])).toEqual([
      ['collection/metadata', 2, 'position'],
      ['collection/metadata', 3, 'link'],
    ]);
  });

  it('warns about unknown keys', () => {
    const { diagnostics } = read('a/_category_.yml', 'lable: A\n');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'collection/unknown-key',
        line: 1,
        hint: 'Did you mean "label"?',
      }),
    ]);
  });
});
