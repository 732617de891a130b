import { describe, expect, it } from 'vitest';
import { documentPathRule, inertFilePath } from '../../src/pull/file-names.js';

describe('a downloaded file never takes a name the next apply reads as a document', () => {
  it('keeps a name no reader takes for a document', () => {
    const isDocument = documentPathRule(['**/*.md', '**/*.markdown', '**/*.mdx']);
    expect(inertFilePath('guides/chart-3fa2c1d0.png', isDocument)).toBe('guides/chart-3fa2c1d0.png');
    expect(inertFilePath('guides/notes-3fa2c1d0.md.txt', isDocument)).toBe('guides/notes-3fa2c1d0.md.txt');
  });

  it('adds an inert extension to a Markdown name, whatever its case', () => {
    const isDocument = documentPathRule([]);
    expect(inertFilePath('notes-3fa2c1d0.md', isDocument)).toBe('notes-3fa2c1d0.md.txt');
    expect(inertFilePath('a/page-3fa2c1d0.MDX', isDocument)).toBe('a/page-3fa2c1d0.MDX.txt');
    expect(inertFilePath('a/b-3fa2c1d0.markdown', isDocument)).toBe('a/b-3fa2c1d0.markdown.txt');
  });

  it('adds one to a name a site generator builds into a page (Hugo .html, .adoc, .rst; Jekyll .mkd)', () => {
    const isDocument = documentPathRule([]);
    expect(inertFilePath('a/form-3fa2c1d0.html', isDocument)).toBe('a/form-3fa2c1d0.html.txt');
    expect(inertFilePath('a/spec-3fa2c1d0.ADOC', isDocument)).toBe('a/spec-3fa2c1d0.ADOC.txt');
    expect(inertFilePath('a/api-3fa2c1d0.rst', isDocument)).toBe('a/api-3fa2c1d0.rst.txt');
    expect(inertFilePath('a/old-3fa2c1d0.mkd', isDocument)).toBe('a/old-3fa2c1d0.mkd.txt');
    expect(inertFilePath('a/report-3fa2c1d0.pdf', isDocument)).toBe('a/report-3fa2c1d0.pdf');
  });

  it("follows the config's include: a site that reads .txt pages gets .bin, one that reads everything nothing", () => {
    const textPages = documentPathRule(['**/*.md', '**/*.txt']);
    expect(inertFilePath('notes-3fa2c1d0.txt', textPages)).toBe('notes-3fa2c1d0.txt.bin');
    expect(inertFilePath('notes-3fa2c1d0.md', textPages)).toBe('notes-3fa2c1d0.md.bin');
    expect(inertFilePath('chart-3fa2c1d0.png', textPages)).toBe('chart-3fa2c1d0.png');
    expect(inertFilePath('chart-3fa2c1d0.png', documentPathRule(['**/*']))).toBeNull();
  });
});
