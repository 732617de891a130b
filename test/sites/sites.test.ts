import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/content/frontmatter.js';
import { headingSlug } from '../../src/markdown/heading-slugs.js';
import { renderMarkdown } from '../../src/markdown/index.js';
import { CONSTRUCTS } from '../../src/markdown/syntax/constructs.js';
import {
  detectSite,
  SITE_DEFINITIONS,
  SITE_NAMES,
  SITES,
  type SiteName,
  syntaxPresetOf,
} from '../../src/sites/index.js';
import { readJsLiteral } from '../../src/sites/static-data.js';

describe('heading ids by generator', () => {
  it.each([
    ['Caret, Mark & Tilde', 'github', 'caret-mark--tilde'],
    ['Caret, Mark & Tilde', 'python-markdown', 'caret-mark-tilde'],
    ['Provide / Inject', 'mdit-vue', 'provide-inject'],
    ['Provide / Inject', 'github', 'provide--inject'],
    ['Version 2.4', 'python-markdown', 'version-24'],
    ['2. Install', 'mdit-vue', '_2-install'],
  ] as const)('%s (%s) → %s', (text, rule, id) => {
    expect(headingSlug(text, rule)).toBe(id);
  });
});

describe('site detection', () => {
  const listing = (dir: string, ...names: string[]) => ({ dir, names: new Set(names) });

  it('takes the nearest folder first, then the parent', () => {
    expect(
      detectSite([listing('', '.vitepress/', 'index.md'), listing('..', 'package.json')], SITES),
    ).toMatchObject({
      site: { name: 'vitepress' },
      root: '',
      marker: '.vitepress/',
    });
    expect(detectSite([listing('', 'intro.md'), listing('..', 'docusaurus.config.ts')], SITES)).toMatchObject(
      {
        site: { name: 'docusaurus' },
        root: '..',
      },
    );
    expect(detectSite([listing('', 'a.md'), listing('..', 'README.md')], SITES)).toBeUndefined();
  });
});

describe('JS config read as data, never run', () => {
  it('reads a literal and gives up on code', () => {
    const source =
      "export default { redirects: [{ to: '/a', from: ['/b'] }], sidebar: makeSidebar(), x: `${y}` };";
    expect(readJsLiteral(source, 'redirects')?.value).toEqual([{ to: '/a', from: ['/b'] }]);
    expect(readJsLiteral(source, 'sidebar')).toBeUndefined();
    expect(readJsLiteral(source, 'x')).toBeUndefined();
  });

  it('reads a TypeScript const with a type annotation (a typed sidebars.ts), comments and all', () => {
    const source = [
      "import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';",
      '',
      'const sidebars: SidebarsConfig = {',
      "  guide: ['intro', {type: 'category', label: 'Setup', items: ['setup/install']}],",
      '  // a note for maintainers',
      '};',
      'export default sidebars;',
    ].join('\n');
    expect(readJsLiteral(source, 'sidebars')).toEqual({
      value: { guide: ['intro', { type: 'category', label: 'Setup', items: ['setup/install'] }] },
      line: 3,
    });
  });
});

describe('lenient frontmatter', () => {
  const file = { path: 'a.md', text: '---\ntitle: A\naliases: [\n\t"/a",\n\t"/b",\n]\n---\nBody\n' };

  it('reads tab-indented YAML on a site with one warning, and is one error without', () => {
    const lenient = readFrontmatter(file, { lenient: true });
    expect(lenient.frontmatter?.fields.get('aliases')?.value).toEqual(['/a', '/b']);
    expect(lenient.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'frontmatter/yaml-dubious', line: 4 }),
    ]);
    const strict = readFrontmatter(file);
    expect(strict.frontmatter).toBeNull();
    expect(strict.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(1);
    expect(strict.body).toEqual({ markdown: 'Body\n', bodyStartLine: 8 });
  });
});

describe('GitBook redirects', () => {
  it('names the line of each redirect entry, not of the redirects block', () => {
    const text =
      'root: ./\n\nredirects:\n  old-setup: guides/setup.md\n  "legacy/limits": reference/limits.md\n';
    const gitbook = SITES.find((site) => site.name === 'gitbook')!;
    expect(gitbook.readConfig([{ path: '.gitbook.yaml', text }], '').redirects).toEqual([
      { from: '/old-setup', to: 'guides/setup.md', file: '.gitbook.yaml', line: 4 },
      { from: '/legacy/limits', to: 'reference/limits.md', file: '.gitbook.yaml', line: 5 },
    ]);
  });
});

describe('Hugo pages the site does not build', () => {
  const hugo = SITES.find((site) => site.name === 'hugo')!;
  const data = { redirects: [], nav: [], exclude: [], settings: {}, notes: [] };
  const page = (path: string, fields: Record<string, unknown>, isIndex = false) =>
    hugo.page({ path, fields, isIndex }, data).notRendered;

  it('are the ones whose build options say render never (or false), under either key', () => {
    expect(page('docs/parts/a.md', { build: { render: 'never', list: 'never' } })).toEqual({
      key: 'build',
      reason: 'build: render: never',
    });
    expect(page('docs/parts/b.md', { _build: { render: false } })?.key).toBe('_build');
    expect(page('docs/c.md', { build: { render: 'always' } })).toBeUndefined();
  });

  it('and headless leaf bundles, but not a headless regular page (Hugo ignores it there)', () => {
    expect(page('docs/shared/index.md', { headless: true }, true)?.key).toBe('headless');
    expect(page('docs/shared/part.md', { headless: true })).toBeUndefined();
    expect(page('docs/_index.md', { headless: true }, true)).toBeUndefined();
  });
});

describe('MkDocs pymdownx.snippets settings', () => {
  const mkdocs = SITES.find((site) => site.name === 'mkdocs')!;
  const read = (...lines: string[]) =>
    mkdocs.readConfig([{ path: 'mkdocs.yml', text: ['site_name: Relay', ...lines].join('\n') }], 'docs');

  it('reads base_path, auto_append and check_paths, and says the appended files are added', () => {
    const data = read(
      'markdown_extensions:',
      '  - abbr',
      '  - pymdownx.snippets:',
      '      base_path: [snippets, .]',
      '      check_paths: true',
      '      auto_append:',
      '        - includes/abbreviations.md',
    );
    expect(data.snippets).toEqual({
      basePaths: ['snippets', '.'],
      autoPrepend: [],
      autoAppend: ['includes/abbreviations.md'],
      checkPaths: true,
    });
    expect(data.notes).toEqual([
      "mkdocs.yml: pymdownx.snippets' base_path (snippets, .) was read; auto_prepend/auto_append (includes/abbreviations.md) are added to every page.",
    ]);
  });

  it('defaults base_path to the site root (a bare name or a single string too), and is absent without the extension', () => {
    expect(read('markdown_extensions:', '  - pymdownx.snippets').snippets?.basePaths).toEqual(['.']);
    expect(
      read('markdown_extensions:', '  - pymdownx.snippets:', '      base_path: docs').snippets?.basePaths,
    ).toEqual(['docs']);
    expect(read('markdown_extensions:', '  - abbr').snippets).toBeUndefined();
  });
});

describe('syntax presets', () => {
  const render = (markdown: string, site: SiteName) =>
    renderMarkdown(markdown, { syntax: syntaxPresetOf(SITE_DEFINITIONS[site]) }).html;

  it("reads a generator's own constructs and leaves another generator's as text", () => {
    const admonition = '!!! note "Heads up"\n    Body.\n';
    expect(render(admonition, 'mkdocs')).toContain('class="callout callout-note"');
    expect(render(admonition, 'docusaurus')).not.toContain('callout');
    expect(render(admonition, 'docusaurus')).toContain('!!! note');
    const container = ':::tip\nBody.\n:::\n';
    expect(render(container, 'docusaurus')).toContain('callout-tip');
    expect(render(container, 'mkdocs')).toContain(':::tip');
  });

  it('lists only constructs the renderer knows, each site under its own name', () => {
    for (const [name, site] of Object.entries(SITE_DEFINITIONS)) {
      expect(site.name).toBe(name);
      for (const construct of site.syntax) expect(CONSTRUCTS).toContain(construct);
    }
    expect(SITE_NAMES.at(-1)).toBe('none');
  });
});
