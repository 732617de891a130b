import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/content/document.js';
import { pulledAssetUrls, resolveRelative } from '../../src/content/pulled-from.js';
import { replaceBody } from '../../src/pull/drifted.js';

const parse = (frontmatter: string) =>
  parseDocument({ path: 'guides/setup.md', text: `---\n${frontmatter}\n---\n\nBody.\n` });

describe('frontmatter pulled_from', () => {
  it('reads the article and the files', () => {
    const { doc, diagnostics } = parse(
      'pulled_from:\n  article: a-1\n  files:\n    ./x.png: https://assets.usepylon.com/x.png',
    );
    expect(diagnostics).toEqual([]);
    expect(doc?.pulledFrom).toEqual({
      articleId: 'a-1',
      files: { './x.png': 'https://assets.usepylon.com/x.png' },
    });
  });

  it.each([
    ['pulled_from: a-1', 'pulled_from must be a mapping.'],
    ['pulled_from:\n  files: {}', 'pulled_from.article must be the id of a Pylon article.'],
    [
      'pulled_from:\n  article: a-1\n  files:\n    ./x.png: not-a-url',
      'pulled_from.files["./x.png"] must be the http(s) URL Pylon serves the file at.',
    ],
  ])('%s is an error naming the file, line and field', (yaml, message) => {
    const { doc, diagnostics } = parse(yaml);
    expect(doc).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        message,
        file: 'guides/setup.md',
        line: 2,
        field: 'pulled_from',
      }),
    ]);
  });

  it('maps the files to the digests of the local files they name', () => {
    expect(resolveRelative('guides/setup.md', '../img/a.png')).toBe('img/a.png');
    const asset = { path: 'guides/x.png', sha256: 'abc', size: 1, contentType: 'image/png', line: 1 };
    expect(
      pulledAssetUrls('guides/setup.md', { articleId: 'a', files: { './x.png': 'https://p/x' } }, [asset]),
    ).toEqual({ abc: 'https://p/x' });
  });
});

describe('replaceBody (pull --drifted)', () => {
  const file = '---\n# kept comment\ntitle: Setup\nauthor: ada@acme.test\n---\n\nOld body.\n';
  it('keeps unchanged frontmatter byte for byte', () => {
    expect(replaceBody(file, 'Setup', 'New body.\n')).toBe(
      '---\n# kept comment\ntitle: Setup\nauthor: ada@acme.test\n---\n\nNew body.\n',
    );
  });
  it('sets a title edited in Pylon, keeping comments and other keys', () => {
    expect(replaceBody(file, 'Set up', 'New body.\n')).toBe(
      '---\n# kept comment\ntitle: Set up\nauthor: ada@acme.test\n---\n\nNew body.\n',
    );
  });
});
