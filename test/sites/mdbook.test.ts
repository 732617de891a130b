import { describe, expect, it } from 'vitest';
import { detectSite, SITE_DEFINITIONS, SITES } from '../../src/sites/index.js';
import { readSummary } from '../../src/sites/mdbook/summary.js';

const listing = (dir: string, ...names: string[]) => ({ dir, names: new Set(names) });
const { mdbook } = SITE_DEFINITIONS;

describe('mdBook', () => {
  it('is detected by book.toml above src/SUMMARY.md; a SUMMARY.md alone stays GitBook', () => {
    expect(
      detectSite([listing('', 'SUMMARY.md', 'intro.md'), listing('..', 'book.toml', 'src/')], SITES),
    ).toMatchObject({ site: { name: 'mdbook' }, root: '..', marker: 'book.toml' });
    expect(
      detectSite([listing('', 'SUMMARY.md', 'README.md'), listing('..', 'package.json')], SITES),
    ).toMatchObject({ site: { name: 'gitbook' }, root: '', marker: 'SUMMARY.md' });
  });

  it('reads SUMMARY.md: prefix chapters, parts, nesting, drafts, and the folders chapters name', () => {
    const nav = readSummary(
      [
        '# Summary',
        '',
        '[Welcome](README.md)',
        '',
        '# Basics',
        '',
        '- [Setup](basics/setup.md)',
        '- [Usage](basics/usage.md)',
        '',
        '# Reference',
        '',
        '- [Commands](commands/README.md)',
        '  - [Build](commands/build.md)',
        '  - [Later]()',
        '- [Types](types.md)',
        '  - [Structs](types/structs.md)',
        '    - [Tuple structs](types/structs/tuple.md)',
        '',
        '---',
        '',
        '[Thanks](thanks%20all.md)',
      ].join('\n'),
    );
    const byTarget = Object.fromEntries(nav.map((e) => [e.target, [e.title, e.position]]));
    expect(byTarget).toEqual({
      'README.md': ['Welcome', 1],
      'basics/setup.md': ['Setup', 2],
      'basics/usage.md': ['Usage', 3],
      'basics/': ['Basics', 1],
      'commands/README.md': ['Commands', 4],
      'commands/build.md': ['Build', 1],
      'commands/': ['Commands', 4],
      'types.md': ['Types', 5],
      'types/structs.md': ['Structs', 1],
      'types/structs/tuple.md': ['Tuple structs', 1],
      'types/structs/': ['Structs', 1],
      'types/': ['Types', 5],
      'thanks all.md': ['Thanks', 6],
    });
  });

  it('reads book.toml: the source folder, and redirects relative to the old page', () => {
    const data = mdbook.readConfig(
      [
        {
          path: 'book.toml',
          text: [
            '[book]',
            'title = "Field guide"',
            'src = "pages"',
            '',
            '[output.html.redirect]',
            '"/old/intro.html" = "../start/index.html"',
            '"/moved.html" = "https://example.com/elsewhere"',
            '"/gone.html" = "/start/setup.html"',
          ].join('\n'),
        },
      ],
      'src',
    );
    expect(data.redirects).toEqual([
      { from: '/old/intro', to: '/start', file: 'book.toml', line: 6 },
      { from: '/gone', to: '/start/setup', file: 'book.toml', line: 8 },
    ]);
    expect(data.notes.join('\n')).toContain('source folder is "pages"');
    expect(data.notes.join('\n')).toContain('https://example.com/elsewhere');
  });

  it('serves pages as .html, a README as its folder; a file SUMMARY.md leaves out is not published', () => {
    const data = { ...mdbook.readConfig([], ''), nav: [{ target: 'a.md', position: 1 }] };
    expect(mdbook.page({ path: 'a.md', fields: {}, isIndex: false }, data)).toEqual({
      urls: ['/a', '/a.html'],
      redirects: [],
    });
    expect(mdbook.page({ path: 'cli/README.md', fields: {}, isIndex: true }, data).urls).toEqual([
      '/cli',
      '/cli/index.html',
    ]);
    expect(mdbook.page({ path: 'cli/README.md', fields: {}, isIndex: true }, data).notRendered).toMatchObject(
      {
        key: 'SUMMARY.md',
      },
    );
  });
});
