import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdown,
  formatBytes,
  markdownCode,
  markdownFence,
  markdownLink,
  terminalSafe,
  truncate,
  utf8Length,
} from '../../src/report/escape.js';
import { isSafeHref } from '../../src/report/sanitize.js';

describe('escaping helpers', () => {
  it('escapes HTML text and attribute values', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('makes Markdown text one inert line', () => {
    expect(escapeMarkdown('a | b\n<i>*x*</i> [l](u) `c` @me')).toBe(
      'a \\| b &lt;i&gt;\\*x\\*&lt;/i&gt; \\[l\\]\\(u\\) \\`c\\` \\@me',
    );
  });

  it('fences code spans longer than any backtick run inside', () => {
    expect(markdownCode('plain')).toBe('`plain`');
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownCode('``x')).toBe('``` ``x ```');
    expect(markdownCode('a|b', true)).toBe('`a\\|b`');
    expect(markdownCode('two\nlines')).toBe('`two lines`');
  });

  it('fences code blocks longer than any backtick run inside', () => {
    expect(markdownFence('x', 'diff')).toBe('```diff\nx\n```');
    expect(markdownFence('````\ny', 'diff')).toBe('`````diff\n````\ny\n`````');
  });

  it('links only http(s) URLs', () => {
    expect(markdownLink('open', 'https://h.test/a_(b)|c')).toBe('[open](https://h.test/a_%28b%29%7Cc)');
    expect(markdownLink('open', 'https://h.test/a b')).toBe('`https://h.test/a b`');
    expect(markdownLink('open', 'javascript:alert(1)')).toBe('`javascript:alert(1)`');
  });

  it('keeps terminal output free of control sequences', () => {
    expect(terminalSafe('red\u001b[31m\nnext\tx')).toBe('red\uFFFD[31m ⏎ next x');
  });

  it('measures UTF-8 like Buffer.byteLength', () => {
    for (const s of ['abc', 'é', '€', '😀', 'a\uD800b', '→ ✓'])
      expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });

  it('truncates and formats sizes', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(formatBytes(1_000_000)).toBe('1 MB');
    expect(formatBytes(65_536)).toBe('65.5 KB');
  });

  it('recognises safe link targets', () => {
    for (const href of ['https://a.test', '/x', '#h', 'mailto:a@b.test', 'rel/path', '?q=1']) {
      expect(isSafeHref(href), href).toBe(true);
    }
    for (const href of ['javascript:alert(1)', ' JaVa\tScript:x', 'data:text/html,x', 'vbscript:x']) {
      expect(isSafeHref(href), href).toBe(false);
    }
  });
});
