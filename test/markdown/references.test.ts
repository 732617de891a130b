import { describe, expect, it } from 'vitest';
import { firstHeading, renderDocument, renderMarkdown, replaceSentinels } from '../../src/markdown/index.js';

describe('custom heading ids', () => {
  it('takes `{#id}` off the heading text and uses it as the id, after sanitising', () => {
    const { html, headings, anchors } = renderMarkdown('## Install it {#install}\n\n## Install it\n');
    expect(html).toBe('<h2 id="install">Install it</h2>\n<h2 id="install-it">Install it</h2>');
    expect(headings.map((h) => h.id)).toEqual(['install', 'install-it']);
    expect(anchors).toEqual(['install', 'install-it']);
  });

  it('drops a leading H1 that repeats the title once its `{#id}` is removed, and keeps its id as an anchor', () => {
    const rendered = renderMarkdown('# Setup {#top}\n\nBody.\n', { title: 'Setup' });
    expect(rendered.html).toBe('<p>Body.</p>');
    expect(rendered.anchors).toEqual(['top', 'setup']);
  });

  it('keeps `{#id}` out of a title taken from the first heading', () => {
    expect(firstHeading('# Getting started {#start}\n')).toBe('Getting started');
  });

  it('warns when a custom id repeats another id on the page', () => {
    const { diagnostics } = renderMarkdown('## Setup\n\n## Other {#setup}\n', {
      file: 'a.md',
      lineOffset: 2,
    });
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'markdown/duplicate-id', severity: 'warning', file: 'a.md', line: 5 }),
    ]);
  });

  it('does not let raw HTML set reserved pylon-kb attributes', () => {
    const { html } = renderMarkdown(
      '<p data-pylon-kb-asset="abc" data-pylon-kb="v1;k=x">x</p>\n\n<h2 data-pylon-kb-id="custom">Raw</h2>\n',
    );
    expect(html).toBe('<p>x</p>\n<h2 id="custom">Raw</h2>');
  });
});

describe('local references', () => {
  const markdown = [
    'See [setup](../setup.md#install "Setup"), [ref][r], [top](#intro), [web](https://example.com),',
    '![shot](img/shot.png) and [pdf](<files/price list.pdf>).',
    '',
    '<p><img alt="raw" src="img/raw.png"></p>',
    '',
    '[^1]: A note[^1].',
    '',
    '[r]: guides/',
  ].join('\n');

  it('records every local link and image with its line and column, in document order', () => {
    const { references } = renderDocument(markdown, { lineOffset: 3 });
    expect(references).toEqual([
      { kind: 'link', url: '../setup.md#install', line: 4, column: 5 },
      { kind: 'link', url: 'guides/', line: 4, column: 43 },
      { kind: 'link', url: '#intro', line: 4, column: 53 },
      { kind: 'image', url: 'img/shot.png', line: 5, column: 1 },
      { kind: 'link', url: 'files/price%20list.pdf', line: 5, column: 27 },
      { kind: 'image', url: 'img/raw.png', line: 7, raw: true },
    ]);
  });

  it('writes a sentinel for each one, first among the attributes, that replaceSentinels fills in', () => {
    const { html, references } = renderDocument(markdown);
    expect(html).toContain('<a href="pylon-kb-ref:0" title="Setup">setup</a>');
    expect(html).toContain('<img src="pylon-kb-ref:5" alt="raw">');
    expect(html).toContain('<a href="https://example.com">web</a>');
    const filled = replaceSentinels(html, (index) =>
      index === 3
        ? { url: 'pylon-kb://asset/abc', attributes: { 'data-pylon-kb-asset': 'abc' } }
        : { url: `${references[index]?.url}&"` },
    );
    expect(filled).toContain('<img src="pylon-kb://asset/abc" data-pylon-kb-asset="abc" alt="shot">');
    expect(filled).toContain('<a href="../setup.md#install&#x26;&#x22;" title="Setup">');
    expect(filled).not.toContain('pylon-kb-ref:');
  });

  it('renderMarkdown leaves local URLs as written', () => {
    const { html } = renderMarkdown(markdown);
    expect(html).toContain('<a href="../setup.md#install" title="Setup">setup</a>');
    expect(html).toContain('<a href="files/price%20list.pdf">pdf</a>');
    expect(html).not.toContain('pylon-kb-ref');
  });

  it('cannot be forged: a sentinel written by an author is removed by the sanitizer or stays text', () => {
    const forged = '[x](pylon-kb-ref:0) `<a href="pylon-kb-ref:0"` <a href="pylon-kb-ref:0">y</a>';
    const { html, references } = renderDocument(forged);
    expect(references).toEqual([]);
    expect(replaceSentinels(html, () => ({ url: 'REPLACED' }))).not.toContain('REPLACED');
  });
});
