import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { DesiredArticle, SourceFile } from '../../src/content/types.js';
import { articlePlaceholder } from '../../src/identity/placeholders.js';
import { emptySiteData, type SiteContext, siteByName } from '../../src/sites/index.js';

/** `guides/setup.md` used to live at `old/setup.md`; `notes/from.md` still links there. */
const MOVED: SourceFile = {
  path: 'guides/setup.md',
  text: '---\ntitle: Setup\nredirect_from:\n  - /old/setup\n---\n## Install {#install}\n',
};

function build(body: string, files: SourceFile[] = [MOVED], site?: SiteContext) {
  const from = { path: 'notes/from.md', text: `---\ntitle: From\n---\n${body}\n` };
  const state = buildDesiredState(buildContentTree([...files, from], site ? { site } : {}));
  const article = state.articles.find((a) => a.path === from.path) as DesiredArticle;
  const hrefs = [...article.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  return { article, hrefs, diagnostics: state.diagnostics.filter((d) => d.file === from.path) };
}

describe("links to a moved document's old path", () => {
  it.each([
    ['../old/setup.md', undefined],
    ['../old/setup.md#install', 'install'],
    ['/old/setup/', undefined],
    ['/old/setup.html', undefined],
    ['../../old/setup/', undefined],
  ])(
    '%s resolves to the document whose redirect_from names it, with a warning at the line',
    (url, anchor) => {
      const { article, hrefs, diagnostics } = build(`Text.\n\nSee [setup](${url}).`);
      expect(hrefs).toEqual([articlePlaceholder('guides/setup', anchor)]);
      expect(article.links).toEqual([
        { targetKey: 'guides/setup', ...(anchor && { anchor }), line: 6, column: 5 },
      ]);
      expect(diagnostics).toEqual([
        {
          severity: 'warning',
          code: 'link/old-path',
          message: `The link "${url}" points to the old path /old/setup, which guides/setup.md redirects from: it is resolved to that article.`,
          file: 'notes/from.md',
          line: 6,
          column: 5,
          hint: `Update the link to "../guides/setup.md${anchor ? `#${anchor}` : ''}".`,
        },
      ]);
    },
  );

  it('a document at the path wins over an old path another document declares', () => {
    const stillThere: SourceFile = { path: 'old/setup.md', text: '# Old setup\n' };
    const { hrefs, diagnostics } = build('[x](../old/setup.md)', [MOVED, stillThere]);
    expect(hrefs).toEqual([articlePlaceholder('old/setup')]);
    expect(diagnostics).toEqual([]);
  });

  it('a link that resolves nowhere stays a missing-target error, published as written', () => {
    const { hrefs, diagnostics } = build('[x](../old/install.md)');
    expect(hrefs).toEqual(['../old/install.md']);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'link/missing-target']]);
  });

  it('a missing heading on the moved document is still reported', () => {
    const { diagnostics } = build('[x](../old/setup.md#nowhere)');
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['link/missing-anchor', 'link/old-path']);
  });

  it('Docusaurus: a file-style link to the old file matches a client redirect from its old page URL', () => {
    const site: SiteContext = {
      definition: siteByName('docusaurus'),
      data: {
        ...emptySiteData(),
        redirects: [
          { from: '/docs/legacy/setup', to: '/docs/guides/setup', file: 'docusaurus.config.js', line: 9 },
        ],
      },
      staticDirs: [],
      root: '..',
    };
    const plain: SourceFile = { path: 'guides/setup.md', text: '# Setup\n' };
    // The old file `legacy/01-setup.md` was served at /docs/legacy/setup: Docusaurus drops the number.
    for (const url of ['../legacy/01-setup.md', '/docs/legacy/setup', '../legacy/setup']) {
      const { hrefs, diagnostics } = build(`[x](${url})`, [plain], site);
      expect(hrefs, url).toEqual([articlePlaceholder('guides/setup')]);
      expect(diagnostics, url).toEqual([
        expect.objectContaining({
          code: 'link/old-path',
          message: expect.stringContaining('/docs/legacy/setup'),
        }),
      ]);
    }
  });

  it('Hugo: a link to an alias URL is a link to an old path', () => {
    const site: SiteContext = {
      definition: siteByName('hugo'),
      data: emptySiteData(),
      staticDirs: [],
      root: '..',
    };
    const aliased: SourceFile = {
      path: 'docs/install.md',
      text: '---\ntitle: Install\naliases: ["/installation/"]\n---\nText.\n',
    };
    const { hrefs, diagnostics } = build('[x](/installation/)', [aliased], site);
    expect(hrefs).toEqual([articlePlaceholder('docs/install')]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'link/old-path', hint: 'Update the link to "../docs/install.md".' }),
    ]);
  });
});
