import { describe, expect, it } from 'vitest';
import { renderDocument, renderMarkdown } from '../../src/markdown/index.js';
import { SITE_DEFINITIONS, syntaxPresetOf } from '../../src/sites/index.js';

const codes = (markdown: string, options = {}) =>
  renderMarkdown(markdown, { file: 'docs/page.md', ...options }).diagnostics.map((d) => [
    d.severity,
    d.code,
    d.file,
    d.line,
  ]);

describe("site syntax diagnostics name the file and the author's line", () => {
  it('counts the frontmatter offset and the lines a container rewrite adds', () => {
    const markdown = ['!!! note "A"', '    body', '', '<Unknown>', '', '{{< mystery >}}'].join('\n');
    expect(codes(markdown, { lineOffset: 3 })).toEqual([
      ['warning', 'markdown/html-unwrapped', 'docs/page.md', 7],
      ['warning', 'markdown/unknown-shortcode', 'docs/page.md', 9],
    ]);
  });

  it('names an unknown MDX component with its line, and keeps its children', () => {
    const { html, diagnostics } = renderMarkdown('Intro\n\n<Fancy kind="x">\n\nKept **text**\n\n</Fancy>\n', {
      file: 'a.mdx',
      format: 'mdx',
    });
    expect(html).toBe('<p>Intro</p>\n<p>Kept <strong>text</strong></p>');
    expect(diagnostics).toMatchObject([
      { code: 'markdown/unknown-component', line: 3, message: expect.stringContaining('<Fancy>') },
    ]);
  });

  it('keeps an inline <code> of MDX in its paragraph, its text not reported as literal syntax', () => {
    const { html, diagnostics } = renderMarkdown('Write <code>{#setup}</code> after a heading.\n', {
      file: 'a.mdx',
      format: 'mdx',
      syntax: syntaxPresetOf(SITE_DEFINITIONS.docusaurus),
    });
    expect(html).toBe('<p>Write <code>{#setup}</code> after a heading.</p>');
    expect(diagnostics).toEqual([]);
  });

  it('reads an .mdx file the MDX grammar rejects as Markdown, with a warning at the failing line', () => {
    const { html, diagnostics } = renderMarkdown(
      '# Title\n\nText with <br> unclosed and {braces.\n\n:::tip\nStill a callout.\n:::\n',
      { file: 'a.mdx', format: 'mdx' },
    );
    expect(diagnostics[0]).toMatchObject({ code: 'markdown/mdx-syntax', line: 3 });
    expect(html).toContain('<blockquote class="callout callout-tip">');
  });

  it('never evaluates an expression, in text or in attributes', () => {
    const { html, diagnostics } = renderMarkdown(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: MDX source holding a JS template literal
      'Sum {1 + 1}.\n\n<Card title={`x${y}`} href="/a">Body</Card>\n',
      { format: 'mdx' },
    );
    expect(html).not.toContain('2');
    expect(diagnostics.map((d) => d.code)).toEqual([
      'markdown/expression-not-evaluated',
      'markdown/expression-not-evaluated',
    ]);
  });

  describe('MkDocs snippets with the site settings (base_path the site root above docs/)', () => {
    const snippets = (overrides = {}) => ({
      root: '..',
      basePaths: ['.'],
      autoPrepend: [],
      autoAppend: [],
      checkPaths: false,
      ...overrides,
    });

    it('refuses a snippet that leaves the site root, as an error', () => {
      const includes = new Map([['../includes/a.md', { text: 'A' }]]);
      const { diagnostics, html } = renderMarkdown('--8<-- "../outside.md"\n\n--8<-- "includes/a.md"\n', {
        file: 'page.md',
        includes,
        snippets: snippets(),
      });
      expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
        ['error', 'markdown/include-outside', 1],
      ]);
      expect(diagnostics[0]?.message).toContain('leaves the site root');
      expect(html).toBe('<p>A</p>');
    });

    it('appends the auto_append snippets, and makes a missing snippet an error under check_paths', () => {
      const includes = new Map([
        ['../includes/abbr.md', { text: '*[API]: Application programming interface' }],
      ]);
      const appended = renderMarkdown('Call the API.\n', {
        file: 'page.md',
        includes,
        snippets: snippets({ autoAppend: ['includes/abbr.md'] }),
      });
      expect(appended.html).toBe('<p>Call the API (Application programming interface).</p>');
      expect(appended.diagnostics).toEqual([]);
      const unfound = renderMarkdown('Text.\n', {
        file: 'page.md',
        includes: new Map(),
        snippets: snippets({ autoAppend: ['includes/none.md'] }),
      });
      expect(unfound.html).toBe('<p>Text.</p>');
      expect(unfound.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
        [
          'markdown/include-missing',
          1,
          'The snippet mkdocs.yml adds to every page (auto_prepend/auto_append) "includes/none.md" was not found (looked for ../includes/none.md): it is left out.',
        ],
      ]);
      expect(
        codes('--8<-- "includes/none.md"\n', { includes, snippets: snippets({ checkPaths: true }) }),
      ).toEqual([['error', 'markdown/include-missing', 'docs/page.md', 1]]);
    });
  });

  it('refuses an include that leaves the tree, as an error, and warns about a missing one', () => {
    const includes = new Map([['docs/parts/a.md', { problem: 'outside' as const }]]);
    expect(
      codes('--8<-- "../../etc/passwd"\n\n<!--@include: ./parts/a.md-->\n\n{% include nope.md %}\n', {
        includes,
      }),
    ).toEqual([
      ['error', 'markdown/include-outside', 'docs/page.md', 1],
      ['error', 'markdown/include-outside', 'docs/page.md', 3],
      ['warning', 'markdown/include-missing', 'docs/page.md', 5],
    ]);
  });

  it('stops an include that includes itself', () => {
    const includes = new Map([['docs/loop.md', { text: 'Loop\n\n<!--@include: ./loop.md-->' }]]);
    const { html, diagnostics } = renderMarkdown('<!--@include: ./loop.md-->', {
      file: 'docs/page.md',
      includes,
    });
    expect(html).toBe('<p>Loop</p>');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['markdown/include-cycle', 1]]);
  });

  it('reports generator markup left in the published text outside code', () => {
    const markdown =
      'A stray {{< shortcode-looking thing and `{{< in code >}}`\n\nText ::: not at a line start, <Tabs> escaped: \\<Tabs>\n';
    expect(codes(markdown).filter(([, code]) => code === 'markdown/literal-syntax')).toEqual([
      ['warning', 'markdown/literal-syntax', 'docs/page.md', 3],
    ]);
    expect(codes('Broken {% tag\n').map(([, code, , line]) => [code, line])).toEqual([
      ['markdown/literal-syntax', 1],
    ]);
  });

  it("reports a variable of an mdBook book's own preprocessor left as text, unless its braces are escaped", () => {
    const found = (markdown: string, site: 'mdbook' | 'vitepress') =>
      codes(markdown, { syntax: syntaxPresetOf(SITE_DEFINITIONS[site]) })
        .filter(([, code]) => code === 'markdown/literal-syntax')
        .map(([, , , line]) => line);
    expect(found('Built with version {{ tool-version }} of the tool.\n', 'mdbook')).toEqual([1]);
    expect(found('Intro\n\nSee {{site_name}} and `{{ in_code }}`.\n', 'mdbook')).toEqual([3]);
    expect(found('Write \\{{ name }} to show braces.\n', 'mdbook')).toEqual([]);
    expect(found('A map {{a: 1}} is not a variable.\n', 'mdbook')).toEqual([]);
    // VitePress shows braces as written inside v-pre: not its business here.
    expect(found('Write <span v-pre>{{ name }}</span> to print it.\n', 'vitepress')).toEqual([]);
  });

  it('removes a heading left empty, with a warning, and publishes no <h4 id="">', () => {
    const { html, diagnostics } = renderDocument('#### { #setting }\n\n#### :material-cog:\n\nText', {
      file: 'a.md',
    });
    expect(html).toBe('<p>Text</p>');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['markdown/icon-removed', 3],
      ['markdown/empty-heading', 1],
      ['markdown/empty-heading', 3],
    ]);
  });

  it('warns once per Liquid construct it does not evaluate', () => {
    expect(
      codes('{% assign x = 1 %}{{ x }} and {{ site.title | frobnicate }}', {
        syntax: syntaxPresetOf(SITE_DEFINITIONS.gitbook),
        variables: { site: { title: 'T' } },
      }),
    ).toEqual([
      ['warning', 'markdown/liquid-not-evaluated', 'docs/page.md', 1],
      ['warning', 'markdown/liquid-variable-missing', 'docs/page.md', 1],
      ['warning', 'markdown/liquid-filter', 'docs/page.md', 1],
    ]);
  });

  it('evaluates Jekyll pages with a Liquid engine, naming only the filters it does not have', () => {
    const options = {
      syntax: syntaxPresetOf(SITE_DEFINITIONS.jekyll),
      variables: { site: { title: 'T' } },
    };
    const source = '{% assign x = 1 %}{{ x }} and {{ site.title | frobnicate }}';
    expect(codes(source, options)).toEqual([['warning', 'markdown/liquid-filter', 'docs/page.md', 1]]);
    expect(renderMarkdown(source, options).html).toBe('<p>1 and T</p>');
  });
});

describe('site syntax costs nothing where it does not appear', () => {
  it('renders a plain document exactly as before, with no diagnostics', () => {
    const plain = '# Title\n\nSome *text* with a [link](https://example.com) and `code`.\n\n- a\n- b\n';
    const { html, diagnostics } = renderMarkdown(plain);
    expect(html).toBe(
      '<h1 id="title">Title</h1>\n<p>Some <em>text</em> with a <a href="https://example.com">link</a> and <code>code</code>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>',
    );
    expect(diagnostics).toEqual([]);
  });

  it('keeps links inside containers and components as local references (resolved to articles)', () => {
    const { references } = renderDocument(
      ':::tip\nSee [setup](./setup.md).\n:::\n\n{{< figure src="img/a.png" >}}\n',
      { file: 'a.md' },
    );
    expect(references.map((r) => [r.kind, r.url, r.line])).toEqual([
      ['link', './setup.md', 2],
      ['image', 'img/a.png', 5],
    ]);
  });

  it('leaves a colon line that is not a definition alone', () => {
    expect(renderMarkdown('Time:\n: 10:30\n\n# :: not a list').html).toContain('<strong>Time:</strong>');
  });
});

describe('Vue templates in VitePress pages', () => {
  it('publishes a v-if fragment once, with a warning at its line', () => {
    const source =
      'Intro\n\n<Panel>\n  <template v-for="item in items">\n    Each item\n  </template>\n</Panel>\n';
    const options = { syntax: syntaxPresetOf(SITE_DEFINITIONS.vitepress) };
    expect(renderMarkdown(source, options).html).toContain('<div>\n    Each item\n  </div>');
    expect(codes(source, options)).toContainEqual([
      'warning',
      'markdown/vue-logic-not-evaluated',
      'docs/page.md',
      4,
    ]);
  });
});
