import fc from 'fast-check';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { textDigest, textDigestOfText } from '../../src/identity/text-digest.js';
import { renderMarkdown } from '../../src/markdown/index.js';

/** Pieces that make hostile and tricky inputs likely, mixed with arbitrary text. */
const pieces = fc.constantFrom(
  '<script>alert(1)</script>',
  '<script',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x61;script:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '<iframe src="http://x">',
  '<iframe src="https://x" onload="a()">',
  '<style>*{}</style>',
  '<svg onload=alert(1)>',
  '<details><summary>s</summary>',
  '</details>',
  '<div onclick="x">',
  '</div>',
  '<!--',
  '-->',
  '<textarea>',
  '<math><mi xlink:href="javascript:alert(1)">',
  '> [!NOTE]\n> ',
  '# ',
  '```\n',
  '`',
  '*',
  '[^1]',
  '[^1]: n\n',
  '| a |\n|---|\n| b |\n',
  '- [ ] ',
  '\n',
  '\n\n',
  ' ',
);
const markdown = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 25 })
  .map((p) => p.join(''));

function unsafeParts(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (['script', 'style', 'svg', 'math', 'textarea'].includes(node.tagName))
      found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if (typeof value === 'string' && /^\s*javascript:/i.test(value)) found.push(`${node.tagName}[${name}]`);
    }
    if (node.tagName === 'iframe' && !String(node.properties.src ?? '').startsWith('https://')) {
      found.push('insecure iframe');
    }
  });
  return found;
}

describe('renderMarkdown properties', () => {
  it('is deterministic and never emits scripts, event handlers or javascript: URLs', () => {
    fc.assert(
      fc.property(markdown, fc.boolean(), (input, withTitle) => {
        const options = withTitle ? { title: 'T' } : {};
        const first = renderMarkdown(input, options);
        const second = renderMarkdown(input, options);
        expect(second).toEqual(first);
        expect(first.html).not.toMatch(/<script/i);
        // Text never contains a raw `<` (it is escaped), so each `<` below starts a real tag.
        expect(first.html).not.toMatch(/<[^>]*\son[a-z-]+\s*=/i);
        expect(first.html).not.toMatch(/<[^>]*(href|src)\s*=\s*"?\s*javascript:/i);
        expect(unsafeParts(first.html)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the text digest of its HTML from the rendered tree, whatever the input', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const { html, text } = renderMarkdown(input, { title: 'T' });
        if (text !== undefined) expect(textDigestOfText(text)).toBe(textDigest(html));
        // The compact text the content core asks for is the same text without whitespace.
        const compact = renderMarkdown(input, { title: 'T', compactText: true });
        expect(compact.html).toBe(html);
        expect(compact.text).toBe(text?.replace(/\s+/g, ''));
      }),
      { numRuns: 400 },
    );
  });
});
