import { describe, expect, it } from 'vitest';
import { checkNesting, checkSourceText, MAX_NESTING_DEPTH } from '../../src/content/source-limits.js';
import { checkTitle, MAX_TITLE_LENGTH } from '../../src/content/title-rules.js';

const file = (text: string) => ({ path: 'a.md', text });
const nesting = (markdown: string) => checkNesting(file(markdown), markdown, 1);

describe('source limits', () => {
  it('accepts ordinary nesting, code fences full of markers, and many emphasised words', () => {
    const nested = Array.from({ length: 10 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const fenced = `\`\`\`\n${'- '.repeat(200)}\n${'> '.repeat(200)}\n\`\`\`\n`;
    const inList = `- item\n\n  \`\`\`yaml\n  ${'- '.repeat(100)}\n  \`\`\`\n`;
    const words = Array.from({ length: 200 }, (_, i) => `*w${i}* [l${i}](u) <b>b</b>`).join(' ');
    // One paragraph of list items whose bold keys end in punctuation (`**name:**`): each run closes.
    const keys = Array.from({ length: 40 }, (_, i) => `- **key-${i}:** what it does.`).join('\n');
    for (const text of [nested, fenced, inList, words, keys, '<p>one<p>two<br><img src=x>'.repeat(50)]) {
      expect(nesting(text)).toBeUndefined();
    }
  });

  it(`refuses more than ${MAX_NESTING_DEPTH} levels, on the line where it happens`, () => {
    const depth = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(nesting(depth(MAX_NESTING_DEPTH))).toBeUndefined();
    expect(nesting(depth(MAX_NESTING_DEPTH + 1))).toMatchObject({
      code: 'content/nesting',
      line: MAX_NESTING_DEPTH + 1,
    });
    expect(nesting(`text\n\n${'> '.repeat(MAX_NESTING_DEPTH + 1)}x`)).toMatchObject({ line: 3 });
    // A blank line closes a paragraph: inline openers do not add up across paragraphs.
    expect(nesting(Array.from({ length: 100 }, () => '[open').join('\n\n'))).toBeUndefined();
    expect(nesting(`${' *a'.repeat(MAX_NESTING_DEPTH + 1)}`)).toMatchObject({ code: 'content/nesting' });
  });

  it('reads no emphasis in link destinations: a paragraph of linked images from an _images folder is flat', () => {
    const gallery = Array.from(
      { length: 40 },
      (_, i) => `[![Shot ${i}](./_images/s${i}.png)](https://e.example/p${i})`,
    );
    expect(nesting(gallery.join('\n'))).toBeUndefined();
    expect(nesting(Array.from({ length: 40 }, (_, i) => `_open${i}`).join('\n'))).toMatchObject({
      code: 'content/nesting',
    });
  });

  it('tells binary, UTF-16 and invalid UTF-8 apart; a UTF-8 byte-order mark is fine', () => {
    expect(checkSourceText(file('\uFEFF# Title\n'))).toBeUndefined();
    expect(checkSourceText(file('x\ny\0z'))).toMatchObject({ code: 'content/binary', line: 2 });
    expect(checkSourceText(file('\uFFFD\uFFFD#\0 \0T\0'))).toMatchObject({ code: 'content/encoding' });
    const undecodable = { ...file('a\nb\nc\uFFFD'), undecodable: true };
    expect(checkSourceText(undecodable)).toMatchObject({ code: 'content/encoding', line: 3 });
    // U+FFFD written in a valid UTF-8 file is text (a page about missing glyphs shows it).
    expect(checkSourceText(file('a\nb\nc\uFFFD'))).toBeUndefined();
  });

  it('titles: control characters named by code point, length counted in characters', () => {
    expect(checkTitle('Café ☕ and 日本語', { file: 'a.md', line: 2 })).toBeUndefined();
    expect(checkTitle('a\u0085b', { file: 'a.md', line: 2 })?.message).toContain('U+0085');
    expect(checkTitle('😀'.repeat(MAX_TITLE_LENGTH), { file: 'a.md', line: 2 })).toBeUndefined();
    expect(checkTitle('x'.repeat(MAX_TITLE_LENGTH + 1), { file: 'a.md', line: 2 })?.code).toBe(
      'content/title-length',
    );
  });
});
