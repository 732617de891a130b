import { describe, expect, it } from 'vitest';
import { firstHeading, renderDocument, renderMarkdown } from '../../src/markdown/index.js';

describe('renderMarkdown headings', () => {
  it('lists headings with their ids and plain text, after the leading H1 is dropped', () => {
    const { headings } = renderMarkdown('# Guide\n\n## Set *up*\n\n### Set up\n\n## Set up\n', {
      title: 'Guide',
    });
    expect(headings).toEqual([
      { depth: 2, id: 'set-up', text: 'Set up' },
      { depth: 3, id: 'set-up-1', text: 'Set up' },
      { depth: 2, id: 'set-up-2', text: 'Set up' },
    ]);
  });

  it('ignores case and extra whitespace when comparing the leading H1 with the title', () => {
    expect(renderMarkdown('#   getting  STARTED\n\nx', { title: 'Getting started' }).html).toBe('<p>x</p>');
  });

  it('keeps the leading H1 when no title is given', () => {
    expect(renderMarkdown('# Guide').html).toBe('<h1 id="guide">Guide</h1>');
  });

  it('never takes heading ids from raw HTML and never prefixes them', () => {
    const { html } = renderMarkdown('<h2 id="evil" name="x">Raw</h2>\n\n## Clean\n');
    expect(html).toBe('<h2 id="raw">Raw</h2>\n<h2 id="clean">Clean</h2>');
    expect(html).not.toContain('user-content-');
  });
});

describe('renderMarkdown diagnostics', () => {
  it('names the file and the file line (lineOffset added) of each removed construct', () => {
    const markdown = ['Intro', '', '<script>alert(1)</script>', '', '[x](javascript:alert(1))', ''].join(
      '\n',
    );
    const { diagnostics } = renderMarkdown(markdown, { file: 'guides/a.md', lineOffset: 4 });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'markdown/html-removed',
        file: 'guides/a.md',
        line: 7,
        column: 1,
      }),
      expect.objectContaining({
        severity: 'warning',
        code: 'markdown/unsafe-url',
        file: 'guides/a.md',
        line: 9,
        column: 1,
      }),
    ]);
    for (const d of diagnostics) expect(d.hint).toBeTruthy();
  });

  it('gives the line inside a multi-line HTML block', () => {
    const markdown = '<div>\nok\n<img src="https://x.example/a.png" onerror="alert(1)">\n</div>\n';
    const { diagnostics } = renderMarkdown(markdown, { file: 'a.md', lineOffset: 2 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'markdown/html-removed', line: 5, file: 'a.md' });
    expect(diagnostics[0]?.message).toContain('onerror');
  });

  it('reports insecure iframes and tags Pylon does not keep', () => {
    const { diagnostics } = renderMarkdown(
      '<iframe src="http://x.example"></iframe>\n\nPress <kbd>K</kbd>\n',
    );
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['markdown/iframe-removed', 1],
      ['markdown/html-unwrapped', 3],
    ]);
    expect(diagnostics[0]).not.toHaveProperty('file');
  });

  it('is silent for ordinary Markdown', () => {
    const { diagnostics } = renderMarkdown(
      '# A\n\n[ok](https://x.example) ![i](a.png) [m](mailto:a@b.c) [f](#a)\n',
    );
    expect(diagnostics).toEqual([]);
  });
});

describe('firstHeading', () => {
  it('returns the plain text of the first H1', () => {
    expect(firstHeading('Intro\n\n## Not this\n\n# The *real* `title`\n\n# Second')).toBe('The real title');
  });

  it('accepts setext headings and returns undefined without an H1', () => {
    expect(firstHeading('Title\n=====\n')).toBe('Title');
    expect(firstHeading('## Only h2\n')).toBeUndefined();
  });

  it('leaves raw HTML tags out of the title, keeping the text between them', () => {
    expect(firstHeading('# Sync mode <Badge type="tip" text="beta" />\n')).toBe('Sync mode');
    expect(firstHeading('# The <em>new</em> editor\n')).toBe('The new editor');
  });

  it('drops a leading H1 with a component in it once it gives the title', () => {
    const { html } = renderDocument('# Sync mode <Badge text="beta" />\n\nBody\n', { title: 'Sync mode' });
    expect(html).toBe('<p>Body</p>');
  });
});
