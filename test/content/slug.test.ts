import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify, splitNumberPrefix, titleFromName } from '../../src/content/index.js';

describe('slugify', () => {
  it.each([
    ['Getting Started', 'getting-started'],
    ['  API -- keys!! ', 'api-keys'],
    ['Crème brûlée à la carte', 'creme-brulee-a-la-carte'],
    ['ＦＵＬＬ width', 'full-width'],
    ['snake_case_name', 'snake-case-name'],
    ['C++ & C#', 'c-c'],
    ['日本語', ''],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it('always produces a valid slug or an empty string', () => {
    for (const input of ['A', '--a--b--', 'Ünïcödé', '1.2.3', '  ']) {
      const slug = slugify(input);
      expect(slug === '' || isValidSlug(slug)).toBe(true);
    }
  });
});

describe('isValidSlug', () => {
  it('accepts lower-case words joined by single hyphens', () => {
    expect(isValidSlug('getting-started-2')).toBe(true);
    for (const bad of ['Getting', 'a--b', '-a', 'a-', 'a_b', 'a b', '']) expect(isValidSlug(bad)).toBe(false);
  });
});

describe('splitNumberPrefix', () => {
  it.each([
    ['01-intro', { name: 'intro', order: 1 }],
    ['10_faq', { name: 'faq', order: 10 }],
    ['3 - Setup', { name: 'Setup', order: 3 }],
    ['2.troubleshooting', { name: 'troubleshooting', order: 2 }],
    ['2024-01-01-release', { name: '2024-01-01-release' }],
    ['1.5-notes', { name: '1.5-notes' }],
    ['2fa', { name: '2fa' }],
    ['01-', { name: '01-' }],
    ['intro', { name: 'intro' }],
  ])('%s', (input, expected) => {
    expect(splitNumberPrefix(input)).toEqual(expected);
  });

  it('can be turned off', () => {
    expect(splitNumberPrefix('01-intro', false)).toEqual({ name: '01-intro' });
  });
});

describe('titleFromName', () => {
  it('turns a file or folder name into words with a capital first letter', () => {
    expect(titleFromName('getting-started')).toBe('Getting started');
    expect(titleFromName('api_keys')).toBe('Api keys');
    expect(titleFromName('FAQ')).toBe('FAQ');
  });
});
