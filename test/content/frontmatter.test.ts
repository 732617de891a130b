import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/content/frontmatter.js';

const read = (text: string) => readFrontmatter({ path: 'a.md', text });
const values = (text: string) => {
  const fields = read(text).frontmatter?.fields;
  return fields ? Object.fromEntries([...fields].map(([k, f]) => [k, f])) : null;
};

describe('readFrontmatter', () => {
  it('returns the fields with their absolute lines and where the body starts', () => {
    const { frontmatter, diagnostics } = read('---\ntitle: Hello\n\ntags:\n  - a\norder: 2\n---\n# Body\n');
    expect(diagnostics).toEqual([]);
    expect(values('---\ntitle: Hello\n\ntags:\n  - a\norder: 2\n---\n# Body\n')).toEqual({
      title: { value: 'Hello', line: 2 },
      tags: { value: ['a'], line: 4 },
      order: { value: 2, line: 6 },
    });
    expect(frontmatter?.body).toBe('# Body\n');
    expect(frontmatter?.bodyStartLine).toBe(8);
  });

  it('treats a file without frontmatter as all body', () => {
    expect(read('# Title\n\n---\n')).toEqual({
      frontmatter: { fields: new Map(), body: '# Title\n\n---\n', bodyStartLine: 1 },
      diagnostics: [],
    });
  });

  it('handles a BOM, CRLF line endings, `...` as the closing fence and empty frontmatter', () => {
    expect(values('\uFEFF---\r\ntitle: A\r\n---\r\nbody')).toEqual({ title: { value: 'A', line: 2 } });
    expect(read('---\ntitle: A\n...\nbody').frontmatter?.body).toBe('body');
    expect(read('---\n---\nbody').frontmatter).toEqual({ fields: new Map(), body: 'body', bodyStartLine: 3 });
  });

  it('reads YAML 1.2: yes/no and dates stay text, no custom tags are resolved', () => {
    const result = read('---\na: yes\nb: 2024-01-02\nc: !!js/function "function () {}"\n---\n');
    const fields = result.frontmatter?.fields;
    expect(fields?.get('a')?.value).toBe('yes');
    expect(fields?.get('b')?.value).toBe('2024-01-02');
    expect(typeof fields?.get('c')?.value).toBe('string');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'frontmatter/yaml', line: 4 }),
    ]);
  });

  it.each(['js', 'javascript', 'coffee'])('refuses ---%s frontmatter without running it', (language) => {
    const text = `---${language}\n{ title: (() => { throw new Error('ran') })() }\n---\nbody`;
    expect(read(text)).toEqual({
      frontmatter: null,
      diagnostics: [
        expect.objectContaining({ severity: 'error', code: 'frontmatter/js-engine', file: 'a.md', line: 1 }),
      ],
    });
  });

  it('refuses TOML and unknown frontmatter languages', () => {
    expect(read('+++\ntitle = "x"\n+++\n').diagnostics[0]).toMatchObject({
      code: 'frontmatter/language',
      line: 1,
    });
    expect(read('---toml\ntitle = "x"\n---\n').diagnostics[0]).toMatchObject({
      code: 'frontmatter/language',
    });
    expect(read('---yaml\ntitle: x\n---\n').diagnostics).toEqual([]);
  });

  it('reports unclosed frontmatter on line 1 with a hint about horizontal rules', () => {
    const { frontmatter, diagnostics } = read('---\ntitle: x\n\nBody');
    expect(frontmatter).toBeNull();
    expect(diagnostics[0]).toMatchObject({ code: 'frontmatter/unclosed', line: 1 });
    expect(diagnostics[0]?.hint).toContain('horizontal rule');
  });

  it('reports YAML syntax errors at the absolute file line', () => {
    const { frontmatter, diagnostics } = read('---\ntitle: ok\nauthor: Ada: Lovelace\norder: 1\n---\n');
    expect(frontmatter).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'frontmatter/yaml',
        file: 'a.md',
        line: 3,
        column: 9,
      }),
    ]);
    expect(diagnostics[0]?.hint).toContain('quote');
  });

  it('points an unclosed bracket or quote at the line that opens it, not the line where the parser gave up', () => {
    const at = (yaml: string) => read(`---\n${yaml}---\n\nBody.\n`).diagnostics[0];
    expect(at('title: Hello\ntags: [one, two\nauthor: ada@acme.test\n')).toMatchObject({
      line: 3,
      column: 7,
    });
    expect(at('title: Hello\nextra: {a: 1\norder: 2\n')).toMatchObject({ line: 3, column: 8 });
    expect(at('title: "Hello\nslug: hello\norder: 2\n')).toMatchObject({ line: 2, column: 8 });
    expect(at("title: Hello\ndescription: 'it is\norder: 2\n")).toMatchObject({ line: 3, column: 14 });
    expect(at('tags: [a, "b\norder: 2\n')).toMatchObject({ line: 2 });
  });

  it('reports duplicate keys with the line of the second one', () => {
    const { diagnostics } = read('---\ntitle: a\nslug: b\ntitle: c\n---\n');
    expect(diagnostics[0]).toMatchObject({ code: 'frontmatter/yaml', line: 4 });
    expect(diagnostics[0]?.message).toMatch(/unique/i);
  });

  it('requires a mapping', () => {
    expect(read('---\n- a\n- b\n---\n').diagnostics[0]).toMatchObject({ code: 'frontmatter/yaml', line: 2 });
    expect(read('---\njust text\n---\n').diagnostics[0]?.message).toContain('mapping');
  });

  it('stops alias bombs instead of expanding them', () => {
    const lines = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) {
      const name = String.fromCharCode(98 + i);
      const prev = String.fromCharCode(97 + i);
      lines.push(
        `${name}: &${name} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`,
      );
    }
    lines.push('---', '');
    const { frontmatter, diagnostics } = read(lines.join('\n'));
    expect(frontmatter).toBeNull();
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'frontmatter/yaml' });
  });
});
