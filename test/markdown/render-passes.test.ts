import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../src/markdown/index.js';
import { SITE_DEFINITIONS, syntaxPresetOf } from '../../src/sites/index.js';

/**
 * The renderer walks the mdast once before the pipeline and the sanitised tree once after it; these pin
 * the cases where the steps those walks merge depend on each other's order.
 */
describe('render walks', () => {
  it('leaves headings out when the caller does not want them, and nothing else changes', () => {
    const markdown =
      '# Guide\n\n## Set *up* {#setup}\n\nSee [a](./a.md) and <a href="b.md">b</a>.\n\n## Set up\n';
    const full = renderDocument(markdown, { title: 'Guide' });
    const lean = renderDocument(markdown, { title: 'Guide', headings: false });
    expect(full.headings).toEqual([
      { depth: 2, id: 'setup', text: 'Set up' },
      { depth: 2, id: 'set-up', text: 'Set up' },
    ]);
    expect(lean.headings).toEqual([]);
    expect({ ...lean, headings: full.headings }).toEqual(full);
  });

  it('does not take the line of a link in a dropped title heading for a later link with the same URL', () => {
    const markdown = '# Guide <a href="x.md">x</a> [y](y.md)\n\nText\n\nMore <a href="x.md">again</a>\n';
    const rendered = renderDocument(markdown, { title: 'Guide x y' });
    expect(rendered.html).toBe('<p>Text</p>\n<p>More <a href="pylon-kb-ref:0">again</a></p>');
    expect(rendered.references).toEqual([{ kind: 'link', url: 'x.md', raw: true, line: 5 }]);
  });

  it('marks the links a table of contents adds, and those of the page', () => {
    const rendered = renderDocument('* TOC\n{:toc}\n\n## One\n\nSee [a](./a.md).\n', {
      syntax: syntaxPresetOf(SITE_DEFINITIONS.jekyll),
    });
    expect(rendered.references.map((r) => r.url)).toEqual(['#one', './a.md']);
    expect(rendered.references[1]).toEqual({ kind: 'link', url: './a.md', line: 6, column: 5 });
  });

  it('gives ids in order as if a heading left without text were still there', () => {
    // github-slugger makes `''` of both; the second heading's id counts the removed one.
    const rendered = renderDocument('<h2><b></b></h2>\n\n## !!!\n\n## !!!\n');
    expect(rendered.anchors).toEqual(['-1', '-2']);
    expect(rendered.diagnostics.map((d) => d.code)).toEqual(['markdown/empty-heading']);
  });

  it('reads raw HTML once for the unsafe-content warnings and the references of the same piece', () => {
    const rendered = renderDocument('Intro\n\n<a href="setup.md" onclick="go()">Setup</a>\n', {
      file: 'a.md',
    });
    expect(rendered.html).toBe('<p>Intro</p>\n<p><a href="pylon-kb-ref:0">Setup</a></p>');
    expect(rendered.references).toEqual([{ kind: 'link', url: 'setup.md', raw: true, line: 3 }]);
    expect(rendered.diagnostics).toEqual([
      expect.objectContaining({ code: 'markdown/html-removed', file: 'a.md', line: 3, column: 1 }),
    ]);
  });

  it('gives the laid-out text without whitespace as compact text, as hast-util-to-text reads it', () => {
    // Outside `pre` the bidi controls are dropped, inside they are kept; table and block breaks are whitespace.
    const markdown = 'A\u200e b\n\n```\nc\u200e d\n```\n\n| x | y |\n|---|---|\n| 1 | 2 |\n';
    const laidOut = renderDocument(markdown);
    const compact = renderDocument(markdown, { compactText: true });
    expect(laidOut.text).toBe('A b\n\nc\u200e d\n\nx\ty\n1\t2');
    expect(compact.text).toBe('Abc\u200edxy12');
    expect(compact.html).toBe(laidOut.html);
  });
});
