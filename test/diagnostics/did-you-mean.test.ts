import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/diagnostics/did-you-mean.js';

describe('didYouMean', () => {
  const keys = ['title', 'slug', 'author', 'redirect_from', 'visibility'];

  it('suggests near misses, swaps and hyphen/underscore mix-ups', () => {
    expect(didYouMean('titel', keys)).toBe('title');
    expect(didYouMean('Autor', keys)).toBe('author');
    expect(didYouMean('redirect-from', keys)).toBe('redirect_from');
    expect(didYouMean('visiblity', keys)).toBe('visibility');
  });

  it('suggests the only candidate a word starts', () => {
    expect(didYouMean('internal', ['public', 'customer', 'internal_only'])).toBe('internal_only');
  });

  it('stays quiet when nothing is close', () => {
    expect(didYouMean('tags', keys)).toBeUndefined();
    expect(didYouMean('x', keys)).toBeUndefined();
  });

  it('counts a swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('editDistance with a bound', () => {
  const pairs: [string, string][] = [
    ['getting-started', 'getting-startde'],
    ['guides/setup', 'guide/setup'],
    ['a', 'abcdefgh'],
    ['kitten', 'sitting'],
    ['', 'abc'],
    ['reference/api', 'reference/apis/intro'],
    ['ab', 'ba'],
  ];

  it('is the unbounded distance whenever that is within the bound, and the bound + 1 otherwise', () => {
    for (const [a, b] of pairs) {
      const exact = editDistance(a, b);
      for (const max of [0, 1, 2, 3, 5, 8]) {
        expect(editDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
      }
    }
  });

  it('counts a swap of neighbours as one edit, bounded or not', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('setup', 'setpu', 1)).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
