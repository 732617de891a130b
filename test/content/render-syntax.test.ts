import { describe, expect, it } from 'vitest';
import { formatOf, syntaxCacheKey, syntaxOptionsFor } from '../../src/content/render-syntax.js';
import { SITE_DEFINITIONS, syntaxPresetOf } from '../../src/sites/index.js';

const jekyll = syntaxPresetOf(SITE_DEFINITIONS.jekyll);
const hugo = syntaxPresetOf(SITE_DEFINITIONS.hugo);
const docusaurus = syntaxPresetOf(SITE_DEFINITIONS.docusaurus);

const doc = { path: 'guide.md', title: 'Guide', markdown: '<!--@include: ./part.md-->\n\n{{ site.name }}' };

describe('syntax inputs of a rendering', () => {
  it('parses .mdx, and .md on a Docusaurus site, with the MDX grammar', () => {
    expect([formatOf('a.mdx', undefined), formatOf('a.md', docusaurus), formatOf('a.md', hugo)]).toEqual([
      'mdx',
      'mdx',
      'md',
    ]);
  });

  it('changes the cache key when an included file, the site variables or the site syntax change', () => {
    const base = {
      syntax: jekyll,
      siteVariables: { name: 'A' },
      includes: new Map([['part.md', { text: 'one' }]]),
    };
    const key = syntaxCacheKey(doc, base);
    expect(syntaxCacheKey(doc, { ...base, includes: new Map([['part.md', { text: 'two' }]]) })).not.toBe(key);
    expect(syntaxCacheKey(doc, { ...base, siteVariables: { name: 'B' } })).not.toBe(key);
    expect(syntaxCacheKey(doc, { ...base, syntax: hugo })).not.toBe(key);
    expect(syntaxCacheKey(doc, { ...base })).toBe(key);
  });

  it('hands the frontmatter to Liquid as page variables', () => {
    expect(
      syntaxOptionsFor({ ...doc, frontmatter: { version: 2 } }, { syntax: jekyll }).variables?.page,
    ).toEqual({ title: 'Guide', version: 2 });
  });
});
