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
