import { describe, expect, it } from 'vitest';
import {
  type AssetReadResult,
  buildContentTree,
  buildDesiredState,
  contentTypeOf,
  localReferences,
  renderContentTree,
} from '../../src/content/index.js';
import type { SourceFile } from '../../src/content/types.js';
import { ASSET_ATTRIBUTE, assetPlaceholder } from '../../src/identity/placeholders.js';

const SHOT = 'a'.repeat(64);
const PDF = 'b'.repeat(64);
const files: SourceFile[] = [
  {
    path: 'guides/setup.md',
    text: [
      '---',
      'title: Setup',
      '---',
      '![The dashboard](img/shot.png "Dashboard")',
      '',
      'Download [the price list](../files/prices.pdf) or ![again](/guides/img/shot.png).',
      '',
      '<p><img src="img/raw.png" alt="raw"></p>',
      '',
      '![gone](img/gone.png) ![big](video.mp4) ![escape](../../etc/passwd) ![root](/../secret.png)',
    ].join('\n'),
  },
];
const tree = buildContentTree(files);

const lookup = new Map<string, AssetReadResult>([
  ['guides/img/shot.png', { path: 'guides/img/shot.png', sha256: SHOT, size: 120, contentType: 'image/png' }],
  ['files/prices.pdf', { path: 'files/prices.pdf', sha256: PDF, size: 3000, contentType: 'application/pdf' }],
  ['guides/img/gone.png', { error: 'missing', path: 'guides/img/gone.png' }],
  [
    'guides/video.mp4',
    { error: 'too-large', path: 'guides/video.mp4', size: 31 * 1024 * 1024, limit: 20 * 1024 * 1024 },
  ],
]);

describe('local files in the pure core', () => {
  it('lists the files to read with their source line, flagging paths that leave the content directory', () => {
    expect(localReferences(renderContentTree(tree))).toEqual([
      { path: '../etc/passwd', file: 'guides/setup.md', line: 10, outside: true },
      { path: '../secret.png', file: 'guides/setup.md', line: 10, outside: true },
      { path: 'files/prices.pdf', file: 'guides/setup.md', line: 6, outside: false },
      { path: 'guides/img/gone.png', file: 'guides/setup.md', line: 10, outside: false },
      { path: 'guides/img/raw.png', file: 'guides/setup.md', line: 8, outside: false },
      { path: 'guides/img/shot.png', file: 'guides/setup.md', line: 4, outside: false },
      { path: 'guides/img/shot.png', file: 'guides/setup.md', line: 6, outside: false },
      { path: 'guides/video.mp4', file: 'guides/setup.md', line: 10, outside: false },
    ]);
  });

  const state = buildDesiredState(tree, { assets: lookup });
  const article = state.articles[0];

  it('writes the asset placeholder and data attribute into img and a, and records AssetRefs', () => {
    expect(article?.html).toContain(
      `<img src="${assetPlaceholder(SHOT)}" ${ASSET_ATTRIBUTE}="${SHOT}" alt="The dashboard" title="Dashboard">`,
    );
    expect(article?.html).toContain(
      `<a href="${assetPlaceholder(PDF)}" ${ASSET_ATTRIBUTE}="${PDF}">the price list</a>`,
    );
    expect(article?.assets).toEqual([
      { path: 'guides/img/shot.png', sha256: SHOT, size: 120, contentType: 'image/png', line: 4 },
      { path: 'files/prices.pdf', sha256: PDF, size: 3000, contentType: 'application/pdf', line: 6 },
      { path: 'guides/img/shot.png', sha256: SHOT, size: 120, contentType: 'image/png', line: 6 },
    ]);
  });

  it('reports each unusable file at its line and leaves its URL as written', () => {
    expect(state.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([
      // A missing file or one outside the docs tree: the generator publishes the page (warnings).
      ['asset/missing', 'warning', 8, undefined],
      ['asset/missing', 'warning', 10, 1],
      ['asset/too-large', 'error', 10, 23],
      ['asset/outside-content', 'warning', 10, 41],
      ['asset/outside-content', 'warning', 10, 69],
    ]);
    expect(state.diagnostics.find((d) => d.code === 'asset/too-large')?.message).toBe(
      'The image "video.mp4" (guides/video.mp4) is 31 MiB, over the 20 MiB limit for uploads.',
    );
    expect(article?.html).toContain('<img src="../../etc/passwd" alt="escape">');
    expect(article?.html).toContain('<img src="img/gone.png" alt="gone">');
  });

  it('changes the digest when a file’s bytes change', () => {
    const changed = new Map(lookup);
    changed.set('guides/img/shot.png', {
      path: 'guides/img/shot.png',
      sha256: 'c'.repeat(64),
      size: 121,
      contentType: 'image/png',
    });
    expect(buildDesiredState(tree, { assets: changed }).articles[0]?.digest).not.toBe(article?.digest);
  });

  it('names content types by extension', () => {
    expect(
      [
        'a.PNG',
        'b.jpg',
        'c.jpeg',
        'd.gif',
        'e.svg',
        'f.webp',
        'g.pdf',
        'h.mp4',
        'i.zip',
        'j.txt',
        'k.csv',
        'l.json',
        'm.docx',
        'noext',
      ].map(contentTypeOf),
    ).toEqual([
      'image/png',
      'image/jpeg',
      'image/jpeg',
      'image/gif',
      'image/svg+xml',
      'image/webp',
      'application/pdf',
      'video/mp4',
      'application/zip',
      'text/plain',
      'text/csv',
      'application/json',
      'application/octet-stream',
      'application/octet-stream',
    ]);
  });
});
