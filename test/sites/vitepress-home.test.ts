import { describe, expect, it } from 'vitest';
import { buildContentTree, parseDocument } from '../../src/content/index.js';
import { SITE_DEFINITIONS } from '../../src/sites/index.js';
import { emptySiteData, type SiteContext } from '../../src/sites/types.js';

const site: SiteContext = {
  definition: SITE_DEFINITIONS.vitepress,
  data: emptySiteData(),
  staticDirs: [],
  root: '..',
};

const home = [
  '---',
  'layout: home',
  'hero:',
  '  name: Lantern',
  '  text: Logs you can search',
  '  tagline: Ship once, read forever',
  '  actions:',
  '    - theme: brand',
  '      text: Start here',
  '      link: ./guide/start',
  '    - theme: alt',
  '      text: Source',
  '      link: https://example.com/lantern',
  'features:',
  '  - icon: <span class="bolt"></span>',
  '    title: Quick queries',
  '    details: Answers in under a second.',
  '  - title: Plain files',
  '    details: Every log is a text file.',
  '    link: ./guide/files',
  '    linkText: How files are kept',
  '---',
  '',
].join('\n');

describe('VitePress home layout', () => {
  it("publishes the hero and the features of a body-less home page as the page's text", () => {
    const { doc, diagnostics } = parseDocument({ path: 'index.md', text: home }, { site, isIndex: true });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(doc?.title).toBe('Lantern');
    expect(doc?.markdown).toBe(
      [
        '# Lantern',
        'Logs you can search',
        'Ship once, read forever',
        '- [Start here](<./guide/start>)\n- [Source](<https://example.com/lantern>)',
        '### Quick queries',
        'Answers in under a second.',
        '### Plain files',
        'Every log is a text file.',
        '[How files are kept](<./guide/files>)\n\n',
      ].join('\n\n'),
    );
    expect(doc?.bodyStartLine).toBeGreaterThanOrEqual(1);
  });

  it('makes a body-less home page an article of the tree, not only its folder metadata', () => {
    const tree = buildContentTree(
      [
        { path: 'index.md', text: home },
        { path: 'guide/start.md', text: '# Start\n\nText.\n' },
        { path: 'guide/files.md', text: '# Files\n\nText.\n' },
      ],
      { site },
    );
    expect(tree.docs.map((d) => d.path).sort()).toEqual(['guide/files.md', 'guide/start.md', 'index.md']);
  });

  it('leaves a page without the home layout as written', () => {
    const text = home.replace('layout: home', 'layout: doc');
    const { doc } = parseDocument({ path: 'index.md', text }, { site, isIndex: true });
    expect(doc?.markdown).toBe('');
  });
});
