import { describe, expect, it } from 'vitest';
import type { AssetLookup } from '../../src/content/assets.js';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { DesiredArticle, SourceFile } from '../../src/content/types.js';
import { articlePlaceholder } from '../../src/identity/placeholders.js';
import { emptySiteData, type SiteContext, type SiteName, siteByName } from '../../src/sites/index.js';

function siteOf(name: SiteName, siteUrl?: string): SiteContext {
  return {
    definition: siteByName(name),
    data: { ...emptySiteData(), ...(siteUrl !== undefined && { siteUrl }) },
    staticDirs: name === 'hugo' ? ['../assets', '../static'] : ['../static'],
    root: '..',
  };
}

function build(files: SourceFile[], site: SiteContext, at: string, assets?: Map<string, string>) {
  const tree = buildContentTree(files, { site });
  // The files that exist: every other path reads as missing.
  const lookup: AssetLookup | undefined =
    assets &&
    new Map(
      [...assets].map(([path, text]) => [
        path,
        { path, sha256: `sha-${path.replace(/\W/g, '')}`, size: text.length, contentType: 'image/png' },
      ]),
    );
  const state = buildDesiredState(tree, lookup ? { assets: lookup } : {});
  const article = state.articles.find((a) => a.path === at) as DesiredArticle;
  const hrefs = [...article.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  return { article, hrefs, diagnostics: state.diagnostics.filter((d) => d.file === at) };
}

const DOCUSAURUS: SourceFile[] = [
  { path: 'intro.md', text: '---\nid: welcome\n---\n# Welcome\n' },
  { path: 'guides/deploy.md', text: '---\nid: shipping-it\n---\n# Deploy\n\n## Rollback\n' },
  { path: 'guides/setup.md', text: '---\ntitle: Setup\n---\nText.\n' },
];

describe('links to pages of the site that are not documents of the tree', () => {
  it('a root-relative link to a page the tree lacks becomes its absolute URL under the base path, with a warning', () => {
    const from = { path: 'guides/from.md', text: '# From\n\nRead [the blog](/blog/2024/launch#why).\n' };
    const site = siteOf('docusaurus', 'https://acme.example/handbook/');
    const { hrefs, diagnostics } = build([...DOCUSAURUS, from], site, from.path);
    expect(hrefs).toEqual(['https://acme.example/handbook/blog/2024/launch#why']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'link/site-page',
        line: 3,
        message: expect.stringContaining('https://acme.example/handbook/blog/2024/launch#why'),
      }),
    ]);
  });

  it('a root-relative link that already carries the base path is not given it twice', () => {
    const from = { path: 'guides/from.md', text: '# From\n\n[api](/handbook/api/reference)\n' };
    const site = siteOf('docusaurus', 'https://acme.example/handbook/');
    const { hrefs } = build([...DOCUSAURUS, from], site, from.path);
    expect(hrefs).toEqual(['https://acme.example/handbook/api/reference']);
  });

  it('a relative link to a page the tree lacks resolves against the page URL on the site', () => {
    const from = { path: 'guides/from.md', text: '# From\n\n[old](../v1/setup)\n' };
    const site = siteOf('hugo', 'https://docs.example/');
    const { hrefs } = build([...DOCUSAURUS, from], site, from.path);
    // Hugo serves guides/from.md at /guides/from/: ../v1/setup is /guides/v1/setup.
    expect(hrefs).toEqual(['https://docs.example/guides/v1/setup']);
  });

  it('a link to a file the tree does not hold (a generated sitemap) is the site’s to serve', () => {
    const from = { path: 'guides/from.md', text: '# From\n\n[map](/sitemap.xml)\n' };
    const site = siteOf('docusaurus', 'https://acme.example/');
    const { hrefs, diagnostics } = build([...DOCUSAURUS, from], site, from.path, new Map());
    expect(hrefs).toEqual(['https://acme.example/sitemap.xml']);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'link/site-page']]);
  });

  it('with no site address known, the link keeps its text only and the warning names the setting to set', () => {
    const from = { path: 'guides/from.md', text: '# From\n\nRead [the blog](/blog/launch).\n' };
    const { article, hrefs, diagnostics } = build([...DOCUSAURUS, from], siteOf('docusaurus'), from.path);
    expect(hrefs).toEqual([]);
    expect(article.html).toContain('<a>the blog</a>');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'link/unresolved',
        message: expect.stringContaining('"/blog/launch"'),
        hint: expect.stringContaining('`url` and `baseUrl` in docusaurus.config'),
      }),
    ]);
  });
});

describe('links resolved the way the generator resolves them', () => {
  it('Docusaurus: a relative URL names a doc by its id, against the page URL', () => {
    const from = {
      path: 'guides/from.md',
      text: '# From\n\n[ship](shipping-it#rollback) [home](../welcome)\n',
    };
    const { hrefs, diagnostics } = build([...DOCUSAURUS, from], siteOf('docusaurus'), from.path);
    expect(hrefs).toEqual([articlePlaceholder('guides/deploy', 'rollback'), articlePlaceholder('intro')]);
    expect(diagnostics).toEqual([]);
  });

  it('Docusaurus: a root-relative link written with the base path lands on the document', () => {
    const from = { path: 'guides/from.md', text: '# From\n\n[setup](/handbook/docs/guides/setup)\n' };
    const site = siteOf('docusaurus', 'https://acme.example/handbook/');
    const { hrefs, diagnostics } = build([...DOCUSAURUS, from], site, from.path);
    expect(hrefs).toEqual([articlePlaceholder('guides/setup')]);
    expect(diagnostics).toEqual([]);
  });

  const HUGO: SourceFile[] = [
    { path: 'functions/strings/Truncate.md', text: '---\ntitle: Truncate\n---\n## Usage\n' },
    { path: 'getting-started/install.md', text: '---\ntitle: Install\n---\nText.\n' },
  ];

  it.each([
    ['/functions/strings/truncate/', 'functions/strings/Truncate'],
    ['functions/strings/truncate', 'functions/strings/Truncate'],
    ['functions/strings/Truncate.md', 'functions/strings/Truncate'],
    ['install', 'getting-started/install'],
  ])('Hugo: %s resolves from the page folder, then the content root, whatever its case', (url, key) => {
    const from = { path: 'getting-started/from.md', text: `---\ntitle: From\n---\n[x](${url})\n` };
    const { hrefs, diagnostics } = build([...HUGO, from], siteOf('hugo'), from.path);
    expect(hrefs).toEqual([articlePlaceholder(key)]);
    expect(diagnostics).toEqual([]);
  });

  it('Hugo: a relative image path that is not beside the page is a global resource of assets/', () => {
    const from = { path: 'guides/from.md', text: '---\ntitle: From\n---\n![park](images/park.jpg)\n' };
    const assets = new Map([['../assets/images/park.jpg', 'png']]);
    const { article, diagnostics } = build([...HUGO, from], siteOf('hugo'), from.path, assets);
    expect(diagnostics).toEqual([]);
    expect((article.assets ?? []).map((a) => a.path)).toEqual(['../assets/images/park.jpg']);
  });

  it('Mintlify: a link to page.md is the page, whatever its Markdown extension (the site serves pages at .md URLs)', () => {
    const files = [
      { path: 'seps/100-tasks.mdx', text: '---\ntitle: Tasks\n---\nText.\n' },
      { path: 'seps/from.mdx', text: '---\ntitle: From\n---\nSee [tasks](./100-tasks.md).\n' },
    ];
    const { hrefs, diagnostics } = build(files, siteOf('mintlify'), 'seps/from.mdx');
    expect(hrefs).toEqual([articlePlaceholder('seps/100-tasks')]);
    expect(diagnostics).toEqual([]);
  });

  it('Mintlify: a link to a wildcard redirect’s source follows it to the document, with a warning', () => {
    const files = [
      { path: 'docs/v2/learn/versions.mdx', text: '---\ntitle: Versions\n---\nText.\n' },
      { path: 'intro.mdx', text: '---\ntitle: Intro\n---\nSee [versions](/docs/learn/versions#latest).\n' },
    ];
    const site = siteOf('mintlify');
    site.data.redirectPatterns = [{ from: '/docs/learn/:slug*', to: '/docs/v2/learn/:slug*' }];
    const { hrefs, diagnostics } = build(files, site, 'intro.mdx');
    expect(hrefs).toEqual([articlePlaceholder('docs/v2/learn/versions', 'latest')]);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['link/missing-anchor', 'link/old-path']);
  });

  it('a link with an empty destination keeps its text without the link, with a warning at its line', () => {
    const from = { path: 'guides/from.md', text: '# From\n\nSee [the template][t].\n\n[t]: <>\n' };
    const { article, hrefs, diagnostics } = build([...DOCUSAURUS, from], siteOf('docusaurus'), from.path);
    expect(hrefs).toEqual([]);
    expect(article.html).toContain('<a>the template</a>');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'link/empty', line: 3 })]);
  });
});

describe('import aliases', () => {
  it('an image imported through an alias (`@shots/` → the assets folder) is the file in that folder', () => {
    const page = {
      path: 'guides/tour.mdx',
      text: 'import pic from \'@shots/panel.png\';\n\n# Tour\n\n<img src={pic.src} alt="The panel" />\n',
    };
    const site: SiteContext = {
      ...siteOf('starlight'),
      staticDirs: ['../../assets'],
      root: '../../..',
      importAliases: [{ prefix: '@shots/', target: '../../assets/' }],
    };
    const { article, diagnostics } = build(
      [page],
      site,
      page.path,
      new Map([['../../assets/panel.png', 'png']]),
    );
    expect(article.html).toContain('src="pylon-kb://asset/sha-assetspanelpng"');
    expect(diagnostics.filter((d) => d.code.startsWith('asset/'))).toEqual([]);
  });
});

describe('images whose relative path climbs above the site root', () => {
  const page = { path: 'docs/gallery.md', text: '# Gallery\n\n![chart](../../media/chart.png)\n' };
  const assets = new Map([['media/chart.png', 'png']]);

  it('on Jekyll, whose content directory is the site root, load the file at the root, as a browser does', () => {
    const { article, diagnostics } = build([page], siteOf('jekyll'), page.path, assets);
    expect(article.assets?.map((a) => a.path)).toEqual(['media/chart.png']);
    expect(diagnostics).toEqual([]);
  });

  it('elsewhere stay outside the content directory, with a warning', () => {
    const { article, diagnostics } = build([page], siteOf('docusaurus'), page.path, assets);
    expect(article.assets ?? []).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(['asset/outside-content']);
  });
});

describe('a link that is only a query', () => {
  it("is this page's URL on the site's domain with the query (the site's search), with a warning", () => {
    const from = { path: 'help/search.md', text: '# Search\n\n[Search the docs](?q=)\n' };
    const site = siteOf('mkdocs', 'https://docs.acme.example/');
    const { hrefs, diagnostics } = build([...DOCUSAURUS, from], site, from.path);
    expect(hrefs).toEqual(['https://docs.acme.example/help/search/?q=']);
    expect(diagnostics.map((d) => d.code)).toEqual(['link/site-page']);
  });
});
