import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FieldReader } from './field-reader.js';
import type { Frontmatter } from './frontmatter.js';

/** Longer titles are refused: Pylon documents no limit, and a help-center title that long is unreadable. */
export const MAX_TITLE_LENGTH = 255;

/** C0 controls (NUL, BEL, ESC, newline, tab…), DEL, C1 controls, and the Unicode line/paragraph separators. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

const NAMES: Record<number, string> = {
  0: 'NUL',
  7: 'BEL',
  8: 'BS',
  9: 'TAB',
  10: 'LF',
  13: 'CR',
  27: 'ESC',
  127: 'DEL',
};

function describe(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} (${NAMES[code]})` : hex;
}

export interface TitleSource {
  file: string;
  line: number;
  /** The frontmatter or metadata key the title came from, when it came from one. */
  field?: string | undefined;
  /** What the title is of, for the message: "title", "collection title"… */
  what?: string;
}

/** A title Pylon would store as it is but no reader should see: control characters, or far too long. */
export function checkTitle(title: string, source: TitleSource): Diagnostic | undefined {
  const what = source.what ?? 'title';
  const base = {
    severity: 'error' as const,
    file: source.file,
    line: source.line,
    ...(source.field !== undefined && { field: source.field }),
  };
  const control = CONTROL.exec(title);
  if (control) {
    return {
      ...base,
      code: 'content/title-control',
      message: `The ${what} holds the control character ${describe(control[0])} at position ${control.index + 1}.`,
      hint: 'Remove it: titles are plain text on one line.',
    };
  }
  const length = [...title].length;
  if (length > MAX_TITLE_LENGTH) {
    return {
      ...base,
      code: 'content/title-length',
      message: `The ${what} is ${length} characters long; at most ${MAX_TITLE_LENGTH} are allowed.`,
      hint: 'Shorten it, and move the detail into the description or the first paragraph.',
    };
  }
  return undefined;
}

/** Where a document's title comes from: its `title:` line, else its first heading, else its first line. */
export function titleLine(fm: FieldReader, frontmatter: Frontmatter): { line: number; field?: string } {
  const line = fm.line('title');
  if (line !== undefined) return { line, field: 'title' };
  const heading = frontmatter.body.split('\n').findIndex((l) => /^ {0,3}#{1,6}(\s|$)/.test(l));
  return { line: frontmatter.bodyStartLine + Math.max(0, heading) };
}
