import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../src/identity/text-digest.js';
import { renderMarkdown } from '../../src/markdown/index.js';
import { htmlToMarkdown } from '../../src/pull/html-to-markdown.js';

/**
 * Editor-shaped HTML built from the constructs Pylon's editor writes, with words that include characters
 * Markdown and the site syntax treat specially. Property: pulling it to Markdown and rendering that back
 * keeps every visible character (whitespace collapsed), and so does pulling and publishing that again.
 */
const word = fc.oneof(
  fc.constantFrom(
    'setup',
    'Pylon',
    'café',
    '42',
    'a_b',
    '*x*',
    '`tick`',
    '[x]',
    '<tag>',
    '&amp;',
    '#1',
    '{{ v }}',
    '{% if %}',
    ':smile:',
    '==m==',
    '|',
    '\\',
    '~t~',
    '1.',
    '- ',
    '> ',
  ),
  fc.string({
    unit: fc.constantFrom('a', 'b', 'Z', ' ', '.', ',', '!', '?', '-', '_', '*', '#'),
    minLength: 1,
    maxLength: 8,
  }),
);
// Inline code with leading/trailing spaces has no Markdown form that keeps them exactly; editors trim it.
const nonBlank = (t: string) => t.trim() !== '';
const text = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) =>
  ws
    .join(' ')
    .replace(/&(?!amp;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;'),
);
const inline = fc.oneof(
  text,
  text.map((t) => `<strong>${t}</strong>`),
  text.map((t) => `<em>${t}</em>`),
  text.filter(nonBlank).map((t) => `<code>${t.trim()}</code>`),
  text.map((t) => `<a href="https://example.com/x?a=1&amp;b=2">${t}</a>`),
  text.map((t) => `<u>${t}</u>`),
);
const phrasing = fc.array(inline, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' '));
const paragraph = phrasing.map((p) => `<p>${p}</p>`);
const block: fc.Arbitrary<string> = fc.oneof(
  paragraph,
  fc.tuple(fc.constantFrom('h2', 'h3'), phrasing).map(([h, p]) => `<${h}>${p}</${h}>`),
  fc
    .array(paragraph, { minLength: 1, maxLength: 3 })
    .map((ps) => `<ul>${ps.map((p) => `<li>${p}</li>`).join('')}</ul>`),
  fc
    .array(paragraph, { minLength: 1, maxLength: 3 })
    .map((ps) => `<ol><li>${ps.join('</li><li>')}<ul><li>${ps[0]}</li></ul></li></ol>`),
  text.map((t) => `<pre><code class="language-bash">${t}\n${t}</code></pre>`),
  fc
    .array(text, { minLength: 2, maxLength: 4 })
    .map(
      (cells) =>
        `<table><tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr><tr>${cells.map((c) => `<td><p>${c}</p></td>`).join('')}</tr></tbody></table>`,
    ),
  paragraph.map((p) => `<blockquote class="callout callout-tip">${p}</blockquote>`),
  paragraph.map((p) => `<div class="callout" data-callout-type="warning">${p}</div>`),
  paragraph.map((p) => `<details><summary>More</summary>${p}</details>`),
  fc.constant('<hr>'),
);
const article = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => bs.join(''));

describe('pull round trip (property)', () => {
  it('HTML → Markdown → HTML keeps the visible text, twice over', () => {
    fc.assert(
      fc.property(article, (html) => {
        const { markdown } = htmlToMarkdown(html);
        const back = renderMarkdown(markdown).html;
        expect(visibleText(back)).toBe(visibleText(html));
        const again = renderMarkdown(htmlToMarkdown(back).markdown).html;
        expect(visibleText(again)).toBe(visibleText(html));
      }),
      { numRuns: 30, seed: 20261201 },
    );
  });
});
