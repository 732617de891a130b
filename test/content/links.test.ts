import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import type { DesiredArticle, SourceFile } from '../../src/content/types.js';
import { articlePlaceholder, placeholdersIn } from '../../src/identity/placeholders.js';

/** A small tree: every page has headings to link to; `from.md` pages hold the link under test. */
const TREE: SourceFile[] = [
  { path: 'intro.md', text: '# Introduction\n\n## Welcome aboard\n' },
  { path: 'guides/setup.md', text: '# Setup\n\n## Install {#install}\n\n## Configure the agent\n' },
  { path: 'guides/admin/README.md', text: '# Admin\n\n## Roles\n' },
  { path: 'guides/02-billing.md', text: '# Billing\n\n## Invoices\n' },
  { path: 'guides/_index.md', text: '---\ntitle: Guides\n---\n' },
  { path: 'v1.2.md', text: '# Version 1.2\n' },
];

/** Builds the tree with one more page whose body (line 3 of its file, after the frontmatter) is `body`. */
function build(
  body: string,
  at = 'guides/from.md',
  options: { strictLinks?: boolean; brokenAnchors?: 'warn' | 'error'; brokenLinks?: 'warn' | 'error' } = {},
) {
  const files = [...TREE, { path: at, text: `---\ntitle: From\n---\n${body}\n` }];
  const state = buildDesiredState(buildContentTree(files), options);
  const article = state.articles.find((a) => a.path === at) as DesiredArticle;
  const hrefs = [...article.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  return { state, article, hrefs, diagnostics: state.diagnostics.filter((d) => d.file === at) };
}

describe('links to documents', () => {
  it.each([
    ['setup.md', 'guides/setup', undefined],
    ['./setup.md#install', 'guides/setup', 'install'],
    ['../guides/setup.md#configure-the-agent', 'guides/setup', 'configure-the-agent'],
    ['/intro.md#welcome-aboard', 'intro', 'welcome-aboard'],
    ['admin/README.md#roles', 'guides/admin/README', 'roles'],
    ['setup.markdown', null, undefined],
  ])('file-style %s resolves relative to the linking file', (url, key, anchor) => {
    const { article, hrefs, diagnostics } = build(`[x](${url})`);
    if (key === null) {
      expect(diagnostics.map((d) => d.code)).toEqual(['link/missing-target']);
      return;
    }
    expect(hrefs).toEqual([articlePlaceholder(key, anchor)]);
    expect(article.links).toEqual([{ targetKey: key, ...(anchor && { anchor }), line: 4, column: 1 }]);
    expect(diagnostics).toEqual([]);
  });

  it.each([
    // Against the page URL /guides/from/ (Hugo): `../setup/` is guides/setup.
    ['../setup/', 'guides/setup'],
    ['../setup/#install', 'guides/setup'],
    // Against the file's folder (Docusaurus, VitePress): `setup` and `./setup` are guides/setup.
    ['setup', 'guides/setup'],
    ['./setup', 'guides/setup'],
    ['setup.html', 'guides/setup'],
    ['/guides/setup', 'guides/setup'],
    ['/guides/setup/', 'guides/setup'],
    ['admin/', 'guides/admin/README'],
    ['../../intro', 'intro'],
    // By `<folder>/<slug>` (number prefixes are not part of URLs): guides/02-billing.md.
    ['billing', 'guides/02-billing'],
    ['/v1.2', 'v1.2'],
  ])('site-style %s resolves to %s', (url, key) => {
    const { hrefs, diagnostics } = build(`[x](${url})`);
    const anchor = url.includes('#') ? url.slice(url.indexOf('#') + 1) : undefined;
    expect(hrefs).toEqual([articlePlaceholder(key, anchor)]);
    expect(diagnostics).toEqual([]);
  });

  it('prefers the page URL over the file folder when both match', () => {
    const files = [
      ...TREE,
      { path: 'guides/from.md', text: '[x](setup)\n' },
      { path: 'guides/from/setup.md', text: '# Nested setup\n' },
    ];
    const state = buildDesiredState(buildContentTree(files));
    expect(state.articles.find((a) => a.key === 'guides/from')?.links).toEqual([
      { targetKey: 'guides/from/setup', line: 1, column: 1 },
    ]);
  });

  it('uses the key from frontmatter id and percent-decodes paths and fragments', () => {
    const files = [
      { path: 'a b.md', text: '---\nid: spaced\n---\n## Café\n' },
      { path: 'from.md', text: '[x](a%20b.md#caf%C3%A9) [y](<a b.md>)\n' },
    ];
    const state = buildDesiredState(buildContentTree(files));
    expect(state.articles.find((a) => a.key === 'from')?.links).toEqual([
      { targetKey: 'spaced', anchor: 'café', line: 1, column: 1 },
      { targetKey: 'spaced', line: 1, column: 25 },
    ]);
  });

  it('turns a link to the page itself into an in-page link', () => {
    const { hrefs, article } = build('## Here\n\n[a](from.md#here) [b](./from.md)');
    expect(hrefs).toEqual(['#here', '#']);
    expect(article.links).toEqual([]);
  });

  it('accepts a fragment naming the dropped title heading (it lands at the top of the page)', () => {
    expect(build('[x](setup.md#setup)').diagnostics).toEqual([]);
  });

  it('leaves external links, mailto and bare queries alone', () => {
    const { hrefs, article, diagnostics } = build(
      '[a](https://example.com/setup.md) [b](mailto:x@y.z) [c](//cdn.test/x.md) [d](?tab=1)',
    );
    expect(hrefs).toEqual(['https://example.com/setup.md', 'mailto:x@y.z', '//cdn.test/x.md', '?tab=1']);
    expect(article.links).toEqual([]);
    expect(diagnostics).toEqual([]);
  });
});

describe('broken links', () => {
  it('a missing .md target is an error with file, line, column and the closest documents', () => {
    const { diagnostics, hrefs } = build('Text first.\n\nThen [x](../guides/stup.md).');
    expect(hrefs).toEqual(['../guides/stup.md']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'link/missing-target',
        file: 'guides/from.md',
        line: 6,
        column: 6,
        hint: expect.stringContaining('"guides/setup.md"'),
      }),
    ]);
  });

  it('a .md link that leaves the content directory is a missing target', () => {
    const { diagnostics } = build('[x](../../README.md)');
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'link/missing-target', message: expect.stringContaining('outside') }),
    ]);
  });

  it('a missing heading is a warning (an error with strictLinks) naming the closest heading ids', () => {
    const { diagnostics } = build('[x](setup.md#instal) [y](setup.md#configure)');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'link/missing-anchor',
        line: 4,
        column: 1,
        hint: 'Did you mean "#install"?',
      }),
      expect.objectContaining({
        code: 'link/missing-anchor',
        column: 22,
        hint: 'Did you mean "#configure-the-agent"?',
      }),
    ]);
  });

  it('a missing heading is an error with strictLinks or brokenAnchors: error; a missing document a warning with brokenLinks: warn', () => {
    const severities = (options: Parameters<typeof build>[2]) =>
      build('[x](setup.md#instal) [y](nowhere.md)', 'guides/from.md', options).diagnostics.map((d) => [
        d.code,
        d.severity,
      ]);
    expect(severities({ strictLinks: true })).toEqual([
      ['link/missing-anchor', 'error'],
      ['link/missing-target', 'error'],
    ]);
    expect(severities({ brokenAnchors: 'error', brokenLinks: 'warn' })).toEqual([
      ['link/missing-anchor', 'error'],
      ['link/missing-target', 'warning'],
    ]);
  });

  it('a missing document tolerated with brokenLinks: warn publishes the link as its text, never as a dead link', () => {
    const { article, hrefs, diagnostics } = build(
      'See [the old page](nowhere.md) and [setup](setup.md).',
      'guides/from.md',
      {
        brokenLinks: 'warn',
      },
    );
    expect(hrefs).toHaveLength(1);
    expect(article.html).toContain('See <a>the old page</a> and');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'link/missing-target',
        message: expect.stringContaining('its text is published without the link'),
      }),
    ]);
  });

  it('an in-page fragment is checked against the page’s own headings', () => {
    const { diagnostics, hrefs } = build('## Steps\n\n[ok](#steps) [bad](#step)');
    expect(hrefs).toEqual(['#steps', '#step']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'link/missing-anchor',
        line: 6,
        column: 14,
        hint: 'Did you mean "#steps"?',
      }),
    ]);
  });

  it('a site-style link that matches nothing, with no site address known, is a warning, or an error with strictLinks, and keeps its text only', () => {
    const lenient = build('[x](../elsewhere/)');
    expect(lenient.hrefs).toEqual([]);
    expect(lenient.article.html).toContain('<a>x</a>');
    expect(lenient.diagnostics[0]?.hint).toContain('siteUrl');
    expect(lenient.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'link/unresolved', line: 4, column: 1 }),
    ]);
    const strict = build('[x](../elsewhere/)', 'guides/from.md', { strictLinks: true });
    expect(strict.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'link/unresolved' }),
    ]);
  });

  it('a link to a folder (a collection) is unresolved: Pylon collection URLs are unknown', () => {
    const { diagnostics } = build('[x](/guides/) [y](_index.md)');
    expect(diagnostics.map((d) => [d.code, d.message.includes('collection')])).toEqual([
      ['link/unresolved', true],
      ['link/unresolved', true],
    ]);
  });

  it('reports links in raw HTML too', () => {
    const { diagnostics, hrefs } = build('<p>\n<a href="nowhere.md">x</a>\n</p>');
    expect(hrefs).toEqual(['nowhere.md']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'link/missing-target', line: 5 })]);
  });
});

describe('links to documents whose names hold URL-safe punctuation', () => {
  it("keeps the whole key of a target named with an apostrophe (the HTML serializer escapes ')", () => {
    const files: SourceFile[] = [
      { path: "codes/it's_gone.md", text: '# Gone\n' },
      { path: 'codes/list.md', text: "# Codes\n\n- [gone](./it's_gone.md)\n- [odd](./(odd)*!.md)\n" },
      { path: 'codes/(odd)*!.md', text: '# Odd\n' },
    ];
    const state = buildDesiredState(buildContentTree(files));
    const index = state.articles.find((a) => a.path === 'codes/list.md') as DesiredArticle;
    expect(placeholdersIn(index.html).articles).toEqual(["codes/it's_gone", 'codes/(odd)*!']);
  });
});
