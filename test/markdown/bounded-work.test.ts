import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { MAX_CHARACTER_REFERENCES } from '../../src/markdown/bounds.js';
import { HeadingSlugger } from '../../src/markdown/heading-slugs.js';
import { renderDocument } from '../../src/markdown/index.js';
import { markdownProcessor } from '../../src/markdown/pipeline.js';
import {
  DELIMITER_UNITS,
  delimiterRuns,
  entities,
  entityLines,
  equalHeadings,
  nestedDetails,
  nestedEmphasis,
  nestedLists,
  nestedQuotes,
} from './pathological.js';

const FILE = 'guide/deep.md';

function render(markdown: string, lineOffset = 0) {
  return renderDocument(markdown, { file: FILE, lineOffset });
}

function errorsOf(result: ReturnType<typeof render>) {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

describe('pathological nesting is refused for that document, with file and line', () => {
  it.each([
    ['<details> 5,000 deep', nestedDetails(5000), 1],
    ['<details> 600 deep', nestedDetails(600), 1],
    ['<details> 5,000 deep, one per paragraph', nestedDetails(5000, '\n\n'), 1],
    ['blockquotes 5,000 deep', nestedQuotes(5000), 1],
    ['lists 3,000 deep', nestedLists(3000), 1],
    ['strong emphasis 500 deep', nestedEmphasis(1000), 1],
    ['blockquotes 200 deep on line 3', `Intro.\n\n${nestedQuotes(200)}`, 3],
  ])('%s', (_, markdown, line) => {
    const result = render(markdown, 4);
    expect(result.html).toBe('');
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'markdown/too-deep',
        file: FILE,
        line: line + 4,
        hint: expect.any(String),
      }),
    ]);
  });

  it('renders nesting up to the limits as written', () => {
    const details = render(nestedDetails(100));
    expect(errorsOf(details)).toEqual([]);
    expect(details.html.match(/<details>/g)).toHaveLength(100);
    const quotes = render(nestedQuotes(100));
    expect(errorsOf(quotes)).toEqual([]);
    expect(quotes.html.match(/<blockquote>/g)).toHaveLength(100);
    const lists = render(nestedLists(50));
    expect(errorsOf(lists)).toEqual([]);
    expect(lists.html.match(/<ul>/g)).toHaveLength(50);
  });

  it('does not count container markers inside a line, only at its start', () => {
    const result = render(`Text ${'> '.repeat(300)}\n`);
    expect(errorsOf(result)).toEqual([]);
    expect(result.html).toContain('<p>Text > > >');
  });
});

describe('many equal headings', () => {
  it('numbers 10,000 equal headings as GitHub does', () => {
    const result = renderDocument(equalHeadings(10_000), { file: FILE });
    expect(errorsOf(result)).toEqual([]);
    expect(result.anchors).toHaveLength(10_000);
    expect(result.anchors.slice(0, 3)).toEqual(['same', 'same-1', 'same-2']);
    expect(result.anchors.at(-1)).toBe('same-9999');
  });

  it('gives the ids github-slugger gives, collisions with numbered texts included', () => {
    const texts = ['A', 'A', 'A 1', 'A', 'a-2', 'A', 'B', 'A-1', 'A', '', '', 'B'];
    const ours = new HeadingSlugger('github');
    const theirs = new GithubSlugger();
    expect(texts.map((t) => ours.slug(t))).toEqual(texts.map((t) => theirs.slug(t)));
  });

  it('numbers repeated Python-Markdown ids with _1, _2, and never leaves one empty', () => {
    const slugger = new HeadingSlugger('python-markdown');
    expect(['Same', 'Same', 'Same', '!!', '!!', 'same_1'].map((t) => slugger.slug(t))).toEqual([
      'same',
      'same_1',
      'same_2',
      '_1',
      '_2',
      'same_1_1',
    ]);
  });
});

describe('pathological emphasis renders, its text kept', () => {
  it.each(DELIMITER_UNITS)(
    'a paragraph of %j runs keeps them as text, with a warning at its line',
    (unit) => {
      const markdown = `Intro.\n\n${delimiterRuns(unit, 20_000)}`;
      const result = render(markdown, 2);
      expect(result.diagnostics).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'markdown/emphasis-as-text',
          file: FILE,
          line: 5,
        }),
      ]);
      const letters = markdown.replace(/[^a-z]/g, '');
      expect((result.text ?? '').replace(/[^a-z]/g, '')).toBe(letters);
      expect(result.html).not.toContain('<em>');
    },
  );

  it('pairs emphasis as micromark does below the bounds (the same tree, positions included)', () => {
    const stock = unified().use(remarkParse).use(remarkGfm).freeze();
    const piece = fc.constantFrom(
      '*',
      '_',
      '**',
      '__',
      '~~',
      'a',
      ' ',
      'b c',
      '`x`',
      '[l](u)',
      '[',
      ']',
      '\n',
      '!',
      '\\*',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        expect(markdownProcessor.parse(markdown)).toEqual(stock.parse(markdown));
      }),
      { numRuns: 400 },
    );
  });

  it('pairs a long paragraph of ordinary emphasis as always', () => {
    const markdown = 'Some *em* and **strong** and _under_ words. '.repeat(150);
    const result = render(markdown);
    expect(result.diagnostics).toEqual([]);
    expect(result.html.match(/<em>/g)).toHaveLength(300);
    expect(result.html.match(/<strong>/g)).toHaveLength(150);
  });
});

describe('character references are bounded per document', () => {
  it(`refuses more than ${MAX_CHARACTER_REFERENCES} at the line of the first one past the bound`, () => {
    // 1,000 a line after two lines of intro: the 20,001st reference opens line 23.
    const result = render(`Intro.\n\n${entityLines(MAX_CHARACTER_REFERENCES / 1000 + 1, 1000)}`, 4);
    expect(result.html).toBe('');
    expect(errorsOf(result)).toEqual([
      expect.objectContaining({
        code: 'markdown/too-many-references',
        file: FILE,
        line: 23 + 4,
        hint: expect.stringContaining('&amp;'),
      }),
    ]);
    expect(errorsOf(render(entities(300_000)))).toEqual([
      expect.objectContaining({ code: 'markdown/too-many-references', line: 1 }),
    ]);
  });

  it('renders a page of exactly the bound, each reference as its character', () => {
    const result = render(entityLines(MAX_CHARACTER_REFERENCES / 1000, 1000));
    expect(result.diagnostics).toEqual([]);
    // Every reference is an ampersand, which the HTML writes as `&#x26;`.
    expect(result.html.match(/&#x26;|&amp;/g)).toHaveLength(MAX_CHARACTER_REFERENCES);
  });

  it('counts only what CommonMark reads as a reference: bare ampersands are text', () => {
    const result = render(`${'a & b &c &#; &#x; &12; '.repeat(MAX_CHARACTER_REFERENCES / 4)}\n`);
    expect(errorsOf(result)).toEqual([]);
  });
});
