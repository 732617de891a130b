import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../../src/report/html-to-lines.js';
import {
  diffBodies,
  diffLines,
  hunkHeader,
  lineChanges,
  MAX_LINE_EDITS,
} from '../../src/report/line-diff.js';

describe('htmlToLines', () => {
  it('puts blocks on their own lines and collapses inline whitespace', () => {
    expect(htmlToLines('<p>One   two\n three</p><div>Four</div>Five<br>Six')).toEqual([
      'One two three',
      'Four',
      'Five',
      'Six',
    ]);
  });

  it('prefixes headings, list items and quotes', () => {
    const html =
      '<h2>Title</h2><ul><li>a</li><li><p>b</p><ul><li>c</li></ul></li></ul>' +
      '<ol start="3"><li>x</li><li>y</li></ol><blockquote><p>quoted</p></blockquote><hr>';
    expect(htmlToLines(html)).toEqual(['## Title', '- a', '- b', '  - c', '3. x', '4. y', '> quoted', '---']);
  });

  it('keeps code blocks verbatim and shows inline code, links, images and table rows', () => {
    const html =
      '<p>Run <code>npm ci</code>, see <a href="https://x.test/d">docs</a> ![i]</p>' +
      '<pre><code class="language-sh">a\n  indented   b\n</code></pre>' +
      '<table><tr><th>k|v</th><th>w</th></tr><tr><td>1</td><td><img src="p.png" alt="pic"></td></tr></table>';
    expect(htmlToLines(html)).toEqual([
      'Run `npm ci`, see [docs](https://x.test/d) ![i]',
      '```sh',
      'a',
      '  indented   b',
      '```',
      '| k\\|v | w |',
      '| 1 | ![pic](p.png) |',
    ]);
  });

  it('ignores scripts, styles, comments and the empty marker element', () => {
    const html =
      '<div data-pylon-kb="x"></div><!-- c --><script>alert(1)</script><style>p{}</style><p>Text</p>';
    expect(htmlToLines(html)).toEqual(['Text']);
  });

  it('gives the same lines for re-formatted but visibly identical HTML', () => {
    expect(htmlToLines('<p>Hello <em>world</em></p>')).toEqual(
      htmlToLines('<p>\n  Hello\n  <em>world</em>\n</p>\n'),
    );
  });
});

describe('diffLines', () => {
  const base = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);

  it('groups changes into hunks with three lines of context', () => {
    const after = [...base];
    after[4] = 'changed';
    after[17] = 'also changed';
    const { hunks, added, removed } = diffLines(base, after);
    expect([added, removed]).toEqual([2, 2]);
    expect(hunks.map(hunkHeader)).toEqual(['@@ -2,7 +2,7 @@', '@@ -15,6 +15,6 @@']);
    expect(hunks[0]?.lines.map((l) => `${l.type}${l.text}`)).toEqual([
      ' line 2',
      ' line 3',
      ' line 4',
      '-line 5',
      '+changed',
      ' line 6',
      ' line 7',
      ' line 8',
    ]);
  });

  it('merges changes closer than twice the context', () => {
    const after = [...base];
    after[4] = 'x';
    after[9] = 'y';
    expect(diffLines(base, after).hunks).toHaveLength(1);
  });

  it('has no hunks for equal input and handles empty sides', () => {
    expect(diffLines(base, base).hunks).toEqual([]);
    expect(diffLines([], ['a', 'b']).hunks.map(hunkHeader)).toEqual(['@@ -0,0 +1,2 @@']);
    expect(diffLines(['a'], []).hunks.map(hunkHeader)).toEqual(['@@ -1 +0,0 @@']);
  });

  it('diffs bodies on their readable text', () => {
    const diff = diffBodies('<p>Keep</p><p>Old words</p>', '<p>Keep</p>\n<p>New words</p>');
    expect(diff.hunks[0]?.lines).toEqual([
      { type: ' ', text: 'Keep' },
      { type: '-', text: 'Old words' },
      { type: '+', text: 'New words' },
    ]);
  });

  it('shows a rewrite beyond MAX_LINE_EDITS as removed then added, keeping common ends', () => {
    const n = MAX_LINE_EDITS;
    const before = ['same start', ...Array.from({ length: n }, (_, i) => `old ${i}`), 'same end'];
    const after = ['same start', ...Array.from({ length: n }, (_, i) => `new ${i}`), 'same end'];
    expect(lineChanges(before, after).map((c) => [c.type, c.lines.length])).toEqual([
      [' ', 1],
      ['-', n],
      ['+', n],
      [' ', 1],
    ]);
  });
});
