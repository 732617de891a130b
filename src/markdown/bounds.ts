import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';

/**
 * How deep a document may nest before it is refused (an error for that document only; the run holds it
 * back). The tree libraries the renderer uses recurse once per level, so a document nested some thousands
 * deep would overflow the stack, and Markdown containers nested that deep take the parser quadratic time.
 *
 * - Markdown: 100 levels of blockquotes, lists and inline emphasis, links and strikethrough. This is
 *   markdown-it's `maxNesting` (VitePress' parser), which stops nesting at 100; no page of a real docs
 *   tree comes near it.
 * - HTML: 512 elements, the depth past which Chromium's HTML parser stops nesting elements (it attaches
 *   deeper ones to the 512th): a browser would not show deeper nesting as written either.
 */
export const MAX_MARKDOWN_NESTING = 100;
export const MAX_HTML_NESTING = 512;

/**
 * How many character references (`&amp;`, `&#123;`, `&#x1F600;`) one document may hold before it is
 * refused. The parser keeps some kilobytes of events per reference while it renders: 300,000 `&amp;` took
 * 3.5 s and 1.1 GB. The most in one page of the docs trees we test against is about 6,200 (a generated
 * schema reference); 20,000 is three times that, and renders in a fraction of a second.
 */
export const MAX_CHARACTER_REFERENCES = 20_000;

/** A document the renderer refuses, with the (Markdown) line where the problem is. */
export class RenderRefusal extends Error {
  constructor(
    readonly line: number,
    message: string,
    readonly hint: string,
    readonly code = 'markdown/too-deep',
  ) {
    super(message);
  }
}

/** A character reference as CommonMark reads one: named, decimal (1-7 digits) or hexadecimal (1-6). */
const CHARACTER_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});/g;

/**
 * Refuses, before parsing, a document with more than `MAX_CHARACTER_REFERENCES` character references, at
 * the line of the first one past the bound. References in code count too: they cost nothing there, but a
 * page past the bound has no reader either way, and one count is simpler to state. One pass.
 */
export function checkCharacterReferences(markdown: string): void {
  if (!markdown.includes('&')) return;
  let count = 0;
  for (const m of markdown.matchAll(CHARACTER_REFERENCE)) {
    if (++count <= MAX_CHARACTER_REFERENCES) continue;
    throw new RenderRefusal(
      lineAt(markdown, m.index),
      `This page holds more than ${MAX_CHARACTER_REFERENCES.toLocaleString('en-US')} character references (\`&amp;\`, \`&#123;\` …); pylon-kb renders at most ${MAX_CHARACTER_REFERENCES.toLocaleString('en-US')} in one page.`,
      'Write the characters themselves instead of references (`&` for `&amp;`, except before a letter and `;`), or split the page.',
      'markdown/too-many-references',
    );
  }
}

/** The 1-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const NESTING_HINT =
  'Flatten the nesting (split the quote or list, or close the elements sooner): pages nested this deep are ' +
  'not published.';

/**
 * Refuses, before parsing, a line that opens more than `MAX_MARKDOWN_NESTING` blockquote or list
 * containers (`> > > …`, `- - - …`): the parser's time grows with the square of that depth. Counts the
 * container markers at the start of each line, as a parser would see them outside code; one pass.
 */
export function checkContainerNesting(markdown: string): void {
  let line = 1;
  let at = 0;
  const length = markdown.length;
  while (at < length) {
    let depth = 0;
    let i = at;
    for (;;) {
      let spaces = 0;
      while (spaces < 4 && (markdown[i] === ' ' || markdown[i] === '\t')) {
        i++;
        spaces++;
      }
      const marker = containerMarkerLength(markdown, i);
      if (marker === 0) break;
      depth++;
      i += marker;
    }
    if (depth > MAX_MARKDOWN_NESTING) {
      throw new RenderRefusal(
        line,
        `This line nests ${depth} blockquotes or lists; pylon-kb renders at most ${MAX_MARKDOWN_NESTING} levels.`,
        NESTING_HINT,
      );
    }
    const end = markdown.indexOf('\n', i);
    if (end < 0) break;
    at = end + 1;
    line++;
  }
}

/** The length of a `>` or list marker (with the space after a list marker) at `i`, or 0. */
function containerMarkerLength(text: string, i: number): number {
  const char = text[i];
  if (char === '>') return 1;
  const spaceAfter = (j: number) => text[j] === ' ' || text[j] === '\t';
  if ((char === '-' || char === '+' || char === '*') && spaceAfter(i + 1)) return 2;
  let j = i;
  while (j - i < 9 && isDigit(text.charCodeAt(j))) j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && spaceAfter(j + 1)) return j - i + 2;
  return 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The mdast nodes that nest as Markdown (what `MAX_MARKDOWN_NESTING` counts). */
const MARKDOWN_NESTING = new Set([
  'blockquote',
  'list',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'footnoteDefinition',
]);

/**
 * Refuses a parsed document whose Markdown nests more than `MAX_MARKDOWN_NESTING` levels (inline
 * emphasis can nest as deep as the line is long). Walks without recursion, so it is safe on any tree.
 */
export function checkMarkdownNesting(tree: MdastRoot, lineOf: (line: number) => number): void {
  const stack: [node: MdastRoot | MdastRoot['children'][number], level: number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop() as (typeof stack)[number];
    const own = MARKDOWN_NESTING.has(node.type) ? level + 1 : level;
    if (own > MAX_MARKDOWN_NESTING) {
      const line = lineOf(node.position?.start.line ?? 1);
      throw new RenderRefusal(
        line,
        `The Markdown here nests more than ${MAX_MARKDOWN_NESTING} levels (quotes, lists, emphasis or links); pylon-kb renders at most ${MAX_MARKDOWN_NESTING}.`,
        NESTING_HINT,
      );
    }
    if ('children' in node) for (const child of node.children) stack.push([child, own]);
  }
}

/** The depth of elements in a hast tree, found without recursion. */
export function elementDepth(tree: HastRoot): number {
  let deepest = 0;
  const stack: [node: HastRoot | HastRoot['children'][number], depth: number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as (typeof stack)[number];
    const own = node.type === 'element' ? depth + 1 : depth;
    if (own > deepest) deepest = own;
    if ('children' in node) for (const child of node.children) stack.push([child, own]);
  }
  return deepest;
}

/** The refusal of HTML nested deeper than `MAX_HTML_NESTING` (the raw HTML starts at `line`). */
export function htmlNestingRefusal(line: number): RenderRefusal {
  return new RenderRefusal(
    line,
    `The raw HTML of this page nests elements more than ${MAX_HTML_NESTING} deep; pylon-kb renders at most ${MAX_HTML_NESTING} (browsers stop nesting there too).`,
    'Close the HTML elements (`</details>`, `</div>` …) sooner, or flatten the nesting: pages nested this deep are not published.',
  );
}
