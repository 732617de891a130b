import { describe, expect, it } from 'vitest';
import { globMatcher, globToRegExp } from '../../src/content/index.js';

const matches = (pattern: string, path: string) => globToRegExp(pattern).test(path);

describe('globToRegExp', () => {
  it('matches ** across any number of folders, including none', () => {
    expect(matches('**/*.md', 'a.md')).toBe(true);
    expect(matches('**/*.md', 'guides/deep/a.md')).toBe(true);
    expect(matches('**/*.md', 'a.markdown')).toBe(false);
    expect(matches('guides/**/setup.md', 'guides/setup.md')).toBe(true);
    expect(matches('guides/**/setup.md', 'guides/x/y/setup.md')).toBe(true);
    expect(matches('drafts/**', 'drafts/a/b.md')).toBe(true);
    expect(matches('drafts/**', 'other/drafts/b.md')).toBe(false);
  });

  it('keeps * and ? inside one path segment', () => {
    expect(matches('guides/*.md', 'guides/a.md')).toBe(true);
    expect(matches('guides/*.md', 'guides/x/a.md')).toBe(false);
    expect(matches('a?c.md', 'abc.md')).toBe(true);
    expect(matches('a?c.md', 'a/c.md')).toBe(false);
  });

  it('supports {a,b} alternatives and treats other characters literally', () => {
    expect(matches('**/*.{md,markdown}', 'x/a.markdown')).toBe(true);
    expect(matches('a+b(1).md', 'a+b(1).md')).toBe(true);
    expect(matches('a.md', 'aXmd')).toBe(false);
  });

  it('matches the default exclusions', () => {
    const excluded = globMatcher(['**/node_modules/**', '**/.*/**']);
    expect(excluded('node_modules/pkg/readme.md')).toBe(true);
    expect(excluded('guides/node_modules/a.md')).toBe(true);
    expect(excluded('.github/a.md')).toBe(true);
    expect(excluded('guides/.drafts/a.md')).toBe(true);
    expect(excluded('guides/.hidden.md')).toBe(false);
    expect(excluded('guides/a.md')).toBe(false);
  });
});
