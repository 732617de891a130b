/**
 * Generators of pathological Markdown: inputs that once took the renderer seconds, hundreds of MB or
 * overflowed its stack. Shared by the unit tests (outcome: rendered or refused with file and line) and
 * the bench row that times them (bench/pathological.ts).
 */

/** `size` characters of one delimiter-run unit repeated (`_a_ _b__ `, `_*`, `**_` …): one paragraph. */
export function delimiterRuns(unit: string, size = 20_000): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** The delimiter-run shapes that cost the most (each of underscores, asterisks, and both mixed). */
export const DELIMITER_UNITS = ['_a_ _b__ ', 'a_ ', '_*', '**_', '*a', '_`a', '_[a]', '_a**b_'] as const;

/** `<details>` opened `depth` times, one per line (or per paragraph: `separator` '\n\n'), then closed. */
export function nestedDetails(depth: number, separator = '\n'): string {
  return `${`<details>${separator}`.repeat(depth)}x\n\n${`</details>${separator}`.repeat(depth)}`;
}

/** One line of `depth` nested blockquotes. */
export function nestedQuotes(depth: number): string {
  return `${'>'.repeat(depth)} x\n`;
}

/** One line of `depth` nested list items. */
export function nestedLists(depth: number): string {
  return `${'- '.repeat(depth)}x\n`;
}

/** Strong emphasis nested `depth / 2` deep: `****…a…****`. */
export function nestedEmphasis(depth: number): string {
  return `${'*'.repeat(depth)}a${'*'.repeat(depth)}\n`;
}

/** `count` equal `## Same` headings. */
export function equalHeadings(count: number): string {
  return '## Same\n\n'.repeat(count);
}

/** `count` `&amp;` character references in one paragraph. */
export function entities(count: number): string {
  return `${'&amp;'.repeat(count)}\n`;
}

/** `lines` lines of `perLine` references each, named, decimal and hexadecimal in turn (each an ampersand). */
export function entityLines(lines: number, perLine: number): string {
  const forms = ['&amp;', '&#38;', '&#x26;'];
  const line = Array.from({ length: perLine }, (_, i) => forms[i % forms.length]).join('');
  return `${line}\n`.repeat(lines);
}
