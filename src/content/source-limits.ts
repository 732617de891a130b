import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './types.js';

/**
 * What a content file must be before anything parses or renders it: UTF-8 text of a bounded size, with
 * bounded block nesting. Files are read as UTF-8 (undecodable bytes become U+FFFD) and at most
 * MAX_DOCUMENT_BYTES + 1 bytes of them (the reader marks a file whose bytes were not UTF-8), so these checks see everything they need and a huge file never
 * reaches the Markdown parser (a 50 MB file would take gigabytes of memory to render).
 */

/** Larger documents are refused: split them. 2 MiB of Markdown is a book, not a help-center article. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
/** Lists and block quotes nested deeper than this are refused: the renderer recurses once per level. */
export const MAX_NESTING_DEPTH = 32;

const utf8 = new TextEncoder();

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function error(file: SourceFile, code: string, message: string, hint: string, line = 1): Diagnostic {
  return { severity: 'error', code, message, file: file.path, line, hint };
}

/** UTF-16 read as UTF-8: a byte-order mark that is not UTF-8 (two U+FFFD), or a NUL beside every ASCII letter. */
function looksLikeUtf16(text: string): boolean {
  if (text.startsWith('\uFFFD\uFFFD')) return true;
  const sample = text.slice(0, 512);
  let nuls = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) nuls++;
  return sample.length >= 4 && nuls >= sample.length / 3;
}

/** The first problem that makes a file unreadable as a Markdown document, or undefined. */
export function checkSourceText(file: SourceFile): Diagnostic | undefined {
  const { text } = file;
  if (text.length > MAX_DOCUMENT_BYTES / 4 && utf8.encode(text).length > MAX_DOCUMENT_BYTES) {
    return error(
      file,
      'content/too-large',
      `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB; it is not rendered.`,
      'Split it into several documents (one topic per article).',
    );
  }
  if (looksLikeUtf16(text)) {
    return error(
      file,
      'content/encoding',
      'The file is UTF-16 text; pylon-kb reads Markdown as UTF-8.',
      'Save it as UTF-8 (in most editors: "Save with encoding" → UTF-8).',
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return error(
      file,
      'content/binary',
      'The file holds binary data (a NUL byte), not Markdown text.',
      'Give binary files another extension, or exclude them with `exclude` in the config.',
      lineAt(text, nul),
    );
  }
  // Only bytes that are not UTF-8: a U+FFFD the author wrote (a page about fonts shows it) is text.
  const invalid = file.undecodable ? text.indexOf('\uFFFD') : -1;
  if (invalid !== -1) {
    return error(
      file,
      'content/encoding',
      'The file is not valid UTF-8: some of its bytes cannot be decoded.',
      'Save it as UTF-8; if the file was converted from another encoding, check the characters on this line.',
      lineAt(text, invalid),
    );
  }
  return undefined;
}

/** A code fence after the containers of its line. */
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
/** One container marker at the start of `rest`: `>` or a list marker followed by a space or tab. */
const CONTAINER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;

/**
 * The first line whose block nesting (list items and block quotes, counted as CommonMark opens them:
 * markers on the line plus list items still open from the lines above by indentation) exceeds
 * MAX_NESTING_DEPTH. Lines inside fenced code are skipped. Linear in the text.
 */
export function checkNesting(file: SourceFile, markdown: string, firstLine: number): Diagnostic | undefined {
  /** The open code fence's closing run (``` or ~~~, at least as long as the opening one). */
  let fence: string | undefined;
  /** Content columns of the list items open from previous lines. */
  const open: number[] = [];
  const inline = new InlineDepth();
  let lineNo = firstLine - 1;
  for (const raw of markdown.split('\n')) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (fence) {
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed)) fence = undefined;
      continue;
    }
    if (line.trim() === '') {
      inline.reset();
      continue;
    }
    const what = inline.add(line);
    if (what) {
      return error(
        file,
        'content/nesting',
        `${what} are nested more than ${MAX_NESTING_DEPTH} levels deep; the document is not rendered.`,
        'Close what is open, or write the text without nesting that deep.',
        lineNo,
      );
    }
    const indent = line.length - line.trimStart().length;
    while (open.length > 0 && indent < (open[open.length - 1] as number)) open.pop();
    let depth = open.length;
    let column = indent;
    let rest = line.slice(indent);
    for (let m = CONTAINER.exec(rest); m; m = CONTAINER.exec(rest)) {
      depth++;
      column += m[0].length;
      if (!m[0].trimStart().startsWith('>')) open.push(column);
      rest = rest.slice(m[0].length);
      if (depth > MAX_NESTING_DEPTH) {
        return error(
          file,
          'content/nesting',
          `Lists or block quotes are nested more than ${MAX_NESTING_DEPTH} levels deep; the document is not rendered.`,
          'Flatten the structure: use headings or separate lists instead of nesting deeper.',
          lineNo,
        );
      }
    }
    fence = FENCE.exec(rest)?.[1];
  }
  return undefined;
}

const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option'.split(' '),
);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g;
const EMPHASIS_RUN = /[*_]+/g;
/** `](destination "title")`, the destination holding balanced parentheses one level deep. */
const LINK_DESTINATION = /\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:"[^"]*"|'[^']*'))?\)/g;
/** What may stand before an opening run: whitespace or punctuation. */
const FLANK = /[\s\p{P}]/u;

/**
 * Inline nesting within one paragraph (reset at blank lines): open `[` brackets, emphasis delimiter runs
 * that open, and raw HTML elements (those whose end tag may be left out are not counted). Each level is a
 * recursion in the parser or the HTML tools, and unbalanced openers make the parser quadratic.
 */
class InlineDepth {
  private brackets = 0;
  private emphasis = 0;
  private html: string[] = [];

  reset(): void {
    this.brackets = 0;
    this.emphasis = 0;
    this.html = [];
  }

  /** What is nested too deeply after this line, or undefined. */
  add(line: string): string | undefined {
    // Most lines hold no escape, code span, bracket, emphasis marker or tag: each scan runs only when its
    // character is there (this runs on every line of every document before anything is parsed).
    let text = line.includes('\\') ? line.replace(/\\./g, '') : line;
    if (text.includes('`')) text = text.replace(/(`+)[^`]*?\1/g, '');
    // A link's destination is no text: the `_` of `](./_images/a.png)` opens no emphasis.
    if (text.includes('](')) text = text.replace(LINK_DESTINATION, ']');
    if (text.includes('[') || this.brackets > 0) {
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x5b) this.brackets++;
        else if (code === 0x5d && this.brackets > 0) this.brackets--;
        if (this.brackets > MAX_NESTING_DEPTH) return 'Link brackets ([)';
      }
    }
    if (text.includes('*') || text.includes('_')) {
      // A whole run of markers opens or closes once (`:**` before a space closes `**enable:**`).
      for (const m of text.matchAll(EMPHASIS_RUN)) {
        const before = text[m.index - 1];
        const after = text[m.index + m[0].length];
        const opens =
          after !== undefined && !/\s/.test(after) && (before === undefined || FLANK.test(before));
        if (opens) this.emphasis++;
        else if (before !== undefined && !/\s/.test(before) && this.emphasis > 0) this.emphasis--;
        if (this.emphasis > MAX_NESTING_DEPTH) return 'Emphasis markers (* or _)';
      }
    }
    if (!text.includes('<')) return undefined;
    for (const m of text.matchAll(TAG)) {
      const name = (m[2] ?? '').toLowerCase();
      if (VOID_ELEMENTS.has(name) || m[3] === '/') continue;
      if (m[1] !== '/') this.html.push(name);
      else {
        const at = this.html.lastIndexOf(name);
        if (at !== -1) this.html.length = at;
      }
      if (this.html.length > MAX_NESTING_DEPTH) return 'HTML elements';
    }
    return undefined;
  }
}
