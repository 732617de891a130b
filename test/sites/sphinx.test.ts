import { describe, expect, it } from 'vitest';
import { detectSite, SITE_DEFINITIONS, SITES } from '../../src/sites/index.js';

const { sphinx } = SITE_DEFINITIONS;
const listing = (dir: string, names: string[], texts: Record<string, string> = {}) => ({
  dir,
  names: new Set(names),
  texts: new Map(Object.entries(texts)),
});

describe('Sphinx with MyST', () => {
  it('is detected by a conf.py that names myst_parser (read as text), myst.yml or _toc.yml', () => {
    const conf = 'extensions = [\n    "sphinx.ext.intersphinx",\n    "myst_parser",\n]\n';
    expect(detectSite([listing('', ['conf.py', 'index.md'], { 'conf.py': conf })], SITES)).toMatchObject({
      site: { name: 'sphinx' },
      marker: 'conf.py',
    });
    // A reStructuredText-only Sphinx project is not a MyST site.
    const rst = 'extensions = ["sphinx.ext.autodoc"]\n';
    expect(detectSite([listing('', ['conf.py', 'index.md'], { 'conf.py': rst })], SITES)).toBeUndefined();
    expect(detectSite([listing('', ['myst.yml', 'index.md'])], SITES)).toMatchObject({
      site: { name: 'sphinx' },
    });
    // Jupyter Book: _toc.yml beside the _config.yml Jekyll would claim.
    expect(detectSite([listing('', ['_config.yml', '_toc.yml', 'intro.md'])], SITES)).toMatchObject({
      site: { name: 'sphinx' },
      marker: '_toc.yml',
    });
  });

  it('reads the toctrees of index pages as order, captions as folder titles, and conf.py redirects', () => {
    const data = sphinx.readConfig(
      [
        {
          path: 'conf.py',
          text: [
            'extensions = ["myst_parser", "sphinx_reredirects"]',
            'redirects = {',
            '    "old/start": "../start/index.html",  # moved',
            '    "gone": "https://example.com/gone",',
            '}',
            'rediraffe_redirects = {',
            '    "howto/env/setup": "howto/setup",',
            '}',
          ].join('\n'),
        },
        {
          path: 'docs/index.md',
          text: '# Home\n\n```{toctree}\n:maxdepth: 2\n\nstart/index\nFAQ <faq>\n```\n',
        },
        {
          path: 'docs/guides/index.md',
          text: '# Guides\n\n:::{toctree}\n:caption: Deploying\n\ncloud/aws\ncloud/gcp\nself\n:::\n',
        },
      ],
      'docs',
    );
    expect(data.nav).toEqual([
      { target: 'start/index.md', position: 1 },
      { target: 'start/', position: 1 },
      { target: 'faq.md', position: 2, title: 'FAQ' },
      { target: 'guides/cloud/aws.md', position: 1 },
      { target: 'guides/cloud/gcp.md', position: 2 },
      { target: 'guides/cloud/', title: 'Deploying', position: 1 },
    ]);
    expect(data.redirects).toEqual([
      { from: '/old/start', to: '/start', file: 'conf.py', line: 3 },
      { from: '/howto/env/setup', to: 'howto/setup.md', file: 'conf.py', line: 7 },
    ]);
    expect(data.notes.join('\n')).toContain('https://example.com/gone');
  });

  it("reads conf.py's myst_substitutions as site data: string literals only, never executed", () => {
    const conf = [
      'extensions = ["myst_parser"]',
      'myst_substitutions = {',
      '    "version": "4.2",  # the current release',
      "    'motto': 'Fast, ' 'small',",
      '    "long": """two',
      'lines""",',
      '    "computed": release.upper(),',
      '    "nested": {"a": "b"},',
      '}',
      'version = "ignored"',
    ].join('\n');
    expect(sphinx.readVariables?.([{ path: 'conf.py', text: conf }])).toEqual({
      myst_substitutions: { version: '4.2', motto: 'Fast, small', long: 'two\nlines' },
    });
    expect(sphinx.readVariables?.([{ path: 'conf.py', text: 'extensions = ["myst_parser"]\n' }])).toBe(
      undefined,
    );
  });

  it('serves pages as .html and folders at their index', () => {
    const data = sphinx.readConfig([], '');
    expect(sphinx.page({ path: 'a/b.md', fields: {}, isIndex: false }, data).urls).toEqual([
      '/a/b',
      '/a/b.html',
    ]);
    expect(sphinx.page({ path: 'a/index.md', fields: {}, isIndex: true }, data).urls).toEqual([
      '/a',
      '/a/index.html',
    ]);
  });
});
