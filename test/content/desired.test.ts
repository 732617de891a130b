import { describe, expect, it } from 'vitest';
import { buildContentTree, buildDesiredState } from '../../src/content/index.js';
import { digestOf } from '../../src/identity/digest.js';
import { textDigest } from '../../src/identity/text-digest.js';

const tree = buildContentTree([
  {
    path: 'guides/setup.md',
    text: '---\ntitle: Setup\nauthor: ada@acme.test\nvisibility: customer\n---\n# Setup\n\nRun it.\n\n<script>x</script>\n',
  },
  { path: 'guides/_category_.yml', text: 'label: Guides\nposition: 1\n' },
]);

describe('buildDesiredState', () => {
  const state = buildDesiredState(tree);

  it('renders each document, drops the leading H1 that repeats the title, and digests title + HTML', () => {
    expect(state.collections).toEqual(tree.collections);
    expect(state.articles).toEqual([
      {
        key: 'guides/setup',
        path: 'guides/setup.md',
        collectionKey: 'guides',
        title: 'Setup',
        slug: 'setup',
        html: '<p>Run it.</p>',
        digest: digestOf('Setup', '<p>Run it.</p>'),
        textDigest: textDigest('<p>Run it.</p>'),
        author: { value: 'ada@acme.test', line: 3 },
        published: true,
        unlisted: false,
        visibility: 'customer',
        redirectFrom: [],
        links: [],
        assets: [],
        translations: [],
      },
    ]);
  });

  it('reports render problems at the line of the source file', () => {
    expect(state.diagnostics).toEqual([
      expect.objectContaining({ code: 'markdown/html-removed', file: 'guides/setup.md', line: 10 }),
    ]);
  });

  it('keeps the H1 when asked to', () => {
    const kept = buildDesiredState(tree, { dropLeadingH1: false });
    expect(kept.articles[0]?.html).toBe('<h1 id="setup">Setup</h1>\n<p>Run it.</p>');
    expect(kept.articles[0]?.digest).not.toBe(state.articles[0]?.digest);
  });

  it('is deterministic', () => {
    expect(buildDesiredState(tree)).toEqual(state);
  });
});

describe('buildDesiredState with a render cache', () => {
  const files = [
    { path: 'a.md', text: '# A\n\nSee [b](b.md#install).\n' },
    { path: 'b.md', text: '# B\n\n## Install\n' },
    { path: 'b.fr.md', text: '# B en français\n\n## Installer {#install}\n' },
  ];

  it('renders each document and translation once, and still resolves links against the current tree', () => {
    const cache = new Map();
    let renders = 0;
    const counting = {
      get: (key: string) => cache.get(key),
      set: (key: string, value: unknown) => {
        renders++;
        cache.set(key, value);
      },
    };
    const first = buildDesiredState(buildContentTree(files), { renderCache: counting });
    expect(renders).toBe(3);
    expect(first).toEqual(buildDesiredState(buildContentTree(files)));
    expect(first.diagnostics).toEqual([]);

    // b.md loses the heading a.md links to: only b.md is rendered again, and a.md's link is now broken.
    const changed = files.map((f) => (f.path === 'b.md' ? { ...f, text: '# B\n\n## Setup\n' } : f));
    const second = buildDesiredState(buildContentTree(changed), { renderCache: counting });
    expect(renders).toBe(4);
    expect(second.diagnostics).toEqual([
      expect.objectContaining({ code: 'link/missing-anchor', file: 'a.md', line: 3 }),
    ]);
  });
});
