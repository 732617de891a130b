import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/content/index.js';

const parse = (path: string, text: string, options = {}) => parseDocument({ path, text }, options);

describe('parseDocument: fields', () => {
  it('reads every frontmatter field', () => {
    const text = [
      '---',
      'title: Set up SSO',
      'slug: sso-setup',
      'id: kb-0042',
      'author: ada@acme.test',
      'published: false',
      'unlisted: true',
      'visibility: customer',
      'order: 3',
      'redirect_from: [/articles/123-old, /articles/456-older]',
      'description: How to connect your identity provider.',
      '---',
      'Body',
    ].join('\n');
    const { doc, diagnostics } = parse('guides/sso.md', text);
    expect(diagnostics).toEqual([]);
    expect(doc).toEqual({
      key: 'kb-0042',
      path: 'guides/sso.md',
      collectionKey: 'guides',
      title: 'Set up SSO',
      slug: 'sso-setup',
      author: { value: 'ada@acme.test', line: 5 },
      published: false,
      unlisted: true,
      visibility: 'customer',
      order: 3,
      redirectFrom: ['/articles/123-old', '/articles/456-older'],
      description: 'How to connect your identity provider.',
      markdown: 'Body',
      bodyStartLine: 13,
      frontmatter: {
        title: 'Set up SSO',
        slug: 'sso-setup',
        id: 'kb-0042',
        author: 'ada@acme.test',
        published: false,
        unlisted: true,
        visibility: 'customer',
        order: 3,
        redirect_from: ['/articles/123-old', '/articles/456-older'],
        description: 'How to connect your identity provider.',
      },
    });
  });

  it('fills defaults from the path: key, slug, title, order, collection', () => {
    const { doc } = parse('01-getting-started/02-Install Ünïcode.markdown', 'Just text.\n');
    expect(doc).toEqual({
      key: '01-getting-started/02-Install Ünïcode',
      path: '01-getting-started/02-Install Ünïcode.markdown',
      collectionKey: '01-getting-started',
      title: 'Install Ünïcode',
      slug: 'install-unicode',
      published: true,
      unlisted: false,
      order: 2,
      redirectFrom: [],
      markdown: 'Just text.\n',
      bodyStartLine: 1,
    });
  });

  it('takes the title from the first H1 when the frontmatter has none', () => {
    expect(parse('a.md', '---\nauthor: x\n---\nIntro\n\n# The *real* title\n').doc?.title).toBe(
      'The real title',
    );
  });

  it('prefers frontmatter order, then sidebar_position, then the file name prefix', () => {
    expect(parse('05-a.md', '---\norder: 1\nsidebar_position: 2\n---\n').doc?.order).toBe(1);
    expect(parse('05-a.md', '---\nsidebar_position: 2\n---\n').doc?.order).toBe(2);
    expect(parse('05-a.md', '').doc?.order).toBe(5);
    expect(parse('05-a.md', '', { stripNumberPrefix: false }).doc).toMatchObject({ slug: '05-a' });
  });

  it('accepts a single redirect_from string', () => {
    expect(parse('a.md', '---\nredirect_from: /old\n---\n').doc?.redirectFrom).toEqual(['/old']);
  });

  it('treats an empty value as absent', () => {
    expect(parse('a.md', '---\ntitle:\nslug:\n---\n').doc).toMatchObject({ title: 'A', slug: 'a' });
  });
});

describe('parseDocument: published and draft', () => {
  it.each([
    ['', true],
    ['draft: true', false],
    ['draft: false', true],
    ['published: false', false],
    ['published: true\ndraft: false', true],
  ])('%j → published %s', (lines, published) => {
    expect(parse('a.md', `---\n${lines}\n---\n`).doc?.published).toBe(published);
  });

  it('rejects published and draft that contradict each other', () => {
    const { doc, diagnostics } = parse('a.md', '---\npublished: true\ndraft: true\n---\n');
    expect(doc).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'frontmatter/type',
        file: 'a.md',
        line: 3,
        field: 'draft',
      }),
    ]);
  });
});

describe('parseDocument: diagnostics', () => {
  it('reports each wrong type with file, line, field and what is allowed', () => {
    const text = [
      '---',
      'title: 404',
      'published: yes',
      'unlisted: "false"',
      'visibility: internal',
      'order: first',
      'redirect_from: {a: 1}',
      'author: [a, b]',
      'id: ""',
      '---',
    ].join('\n');
    const { doc, diagnostics } = parse('guides/a.md', text);
    expect(doc).toBeNull();
    expect(diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.field])).toEqual([
      ['error', 'frontmatter/type', 'guides/a.md', 2, 'title'],
      ['error', 'frontmatter/type', 'guides/a.md', 3, 'published'],
      ['error', 'frontmatter/type', 'guides/a.md', 4, 'unlisted'],
      ['error', 'frontmatter/type', 'guides/a.md', 5, 'visibility'],
      ['error', 'frontmatter/type', 'guides/a.md', 6, 'order'],
      ['error', 'frontmatter/type', 'guides/a.md', 7, 'redirect_from'],
      // A list of authors is the site's own: tolerated, the default author is used.
      ['warning', 'frontmatter/author-ignored', 'guides/a.md', 8, 'author'],
      ['error', 'frontmatter/type', 'guides/a.md', 9, 'id'],
    ]);
    const byField = Object.fromEntries(diagnostics.map((d) => [d.field, d]));
    expect(byField.title?.hint).toBe('Quote the value: title: "404"');
    expect(byField.published?.message).toBe('published must be true or false, not the text "yes".');
    expect(byField.visibility?.message).toContain('one of public, customer, internal_only');
    expect(byField.visibility?.hint).toBe('Did you mean visibility: internal_only?');
  });

  it('publishes a document whose author is an object or a list, with a warning, and without that author', () => {
    const text = '---\ntitle: A\nauthor:\n  name: Ada\n  link: https://example.com/ada\n---\n\nText.\n';
    const { doc, diagnostics } = parse('blog/a.md', text);
    expect(doc?.author).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'frontmatter/author-ignored',
        file: 'blog/a.md',
        line: 3,
        field: 'author',
      }),
    ]);
    expect(parse('blog/b.md', '---\ntitle: B\nauthor: ada@acme.test\n---\n').doc?.author?.value).toBe(
      'ada@acme.test',
    );
  });

  it('rejects an invalid slug with a hint showing a valid one', () => {
    const { doc, diagnostics } = parse('a.md', '---\ntitle: A\nslug: Getting Started!\n---\n');
    expect(doc).toBeNull();
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        code: 'frontmatter/type',
        message: 'Invalid slug "Getting Started!": use lower-case letters a-z, digits and single hyphens.',
        file: 'a.md',
        line: 3,
        field: 'slug',
        hint: 'Use slug: getting-started',
      },
    ]);
  });

  it('reports a file name that gives no slug', () => {
    const { doc, diagnostics } = parse('日本語.md', 'text');
    expect(doc).toBeNull();
    expect(diagnostics[0]).toMatchObject({ code: 'frontmatter/type', field: 'slug', file: '日本語.md' });
    expect(parse('日本語.md', '---\nslug: nihongo\n---\n').doc?.slug).toBe('nihongo');
  });

  it('warns about unknown keys with "did you mean", and still returns the document', () => {
    const { doc, diagnostics } = parse('a.md', '---\ntitel: A\nredirects_from: /x\ntags: [a]\n---\n');
    expect(doc).not.toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'frontmatter/unknown-key',
        line: 2,
        field: 'titel',
        hint: 'Did you mean "title"?',
      }),
      expect.objectContaining({ line: 3, field: 'redirects_from', hint: 'Did you mean "redirect_from"?' }),
      expect.objectContaining({ line: 4, field: 'tags' }),
    ]);
    expect(diagnostics[2]?.hint).toMatch(/^Known keys: title, slug/);
  });

  it('accepts extra keys the caller allows', () => {
    expect(parse('a.md', '---\ntags: [a]\n---\n', { extraKeys: ['tags'] }).diagnostics).toEqual([]);
  });

  it('returns no document when the frontmatter cannot be read', () => {
    expect(parse('a.md', '---js\n{}\n---\n')).toMatchObject({
      doc: null,
      diagnostics: [{ code: 'frontmatter/js-engine' }],
    });
  });

  it('records the line of every key', () => {
    expect(parse('a.md', '---\n\ntitle: A\nslug: b\n---\n').fieldLines).toEqual({ title: 3, slug: 4 });
  });
});
