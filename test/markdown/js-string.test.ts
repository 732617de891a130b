import { describe, expect, it } from 'vitest';
import { includeRequests } from '../../src/markdown/syntax/includes.js';
import { jsStringValue } from '../../src/markdown/syntax/js-string.js';

describe('JavaScript string literals in MDX imports', () => {
  it.each([
    [String.raw`'./_it\'s.mdx'`, "./_it's.mdx"],
    [String.raw`"./_caf\u00e9.mdx"`, './_café.mdx'],
    [String.raw`'./_\x41\u{1F600}.mdx'`, './_A😀.mdx'],
    [String.raw`"./a\\b.mdx"`, './a\\b.mdx'],
  ])('%s reads as %s', (literal, value) => {
    expect(jsStringValue(literal)).toBe(value);
  });

  it('a malformed escape gives no value', () => {
    expect(jsStringValue(String.raw`'./\u00g.mdx'`)).toBeUndefined();
  });

  it('the I/O edge is asked for the decoded path', () => {
    const markdown = `import Part from "./_caf\\u00e9.mdx";\n\n<Part />\n`;
    expect(includeRequests(markdown, 'guide/page.mdx')).toContain('guide/_café.mdx');
  });
});
