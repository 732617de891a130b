import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripMarkdownExtension } from '../../src/content/markdown-path.js';
import { closest, nearestDocuments } from '../../src/content/nearest-documents.js';

const segment = fc.stringMatching(/^[a-zA-Z0-9_-]{1,12}$/);
const stem = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));

describe('nearestDocuments', () => {
  it('suggests what the plain search over every document suggests (the count bound only skips work)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(stem, { minLength: 1, maxLength: 40 }), stem, (stems, word) => {
        const paths = stems.map((s) => `${s}.md`);
        expect(nearestDocuments(word, paths)).toEqual(closest(word, paths.map(stripMarkdownExtension)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds a misspelt page, the same page in another folder, and nothing for a word like no page', () => {
    const paths = ['guides/getting-started.md', 'reference/cli.md', 'guides/install/linux.md', 'faq.md'];
    expect(nearestDocuments('guides/getting-startde', paths)).toEqual(['guides/getting-started']);
    expect(nearestDocuments('setup/linux', paths)).toEqual(['guides/install/linux']);
    expect(nearestDocuments('zzzzzzzzzzzzzzzz', paths)).toEqual([]);
  });
});
