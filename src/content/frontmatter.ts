import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { checkNesting, checkSourceText } from './source-limits.js';
import type { SourceFile } from './types.js';
import { type Fields, readYamlFields } from './yaml-fields.js';

export interface Frontmatter {
  /** Top-level keys with their absolute lines; empty when the file has no frontmatter. */
  fields: Fields;
  /** The Markdown after the frontmatter. */
  body: string;
  /** 1-based file line of the first body line. */
  bodyStartLine: number;
}

/** `---` or `---yaml`; any other word after the dashes names a front-matter language. */
const OPENING_FENCE = /^---[ \t]*([A-Za-z]*)[ \t]*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*$/;
const CODE_LANGUAGES = new Set(['js', 'javascript', 'coffee', 'cson', 'coffeescript']);

/**
 * Splits YAML frontmatter from the body and parses it safely. There is no JavaScript engine: `---js`
 * frontmatter is an error, never evaluated. Returns null when the frontmatter cannot be read, and when
 * the file is not a readable document at all (binary, not UTF-8, too large, nested too deeply): those are
 * checked first, so nothing downstream parses or renders such a file.
 */
export function readFrontmatter(
  file: SourceFile,
  options: { lenient?: boolean | undefined } = {},
): {
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
  /** When the YAML cannot be read: the body after it, so the file's other problems are still found. */
  body?: { markdown: string; bodyStartLine: number };
} {
  const unreadable = checkSourceText(file);
  if (unreadable) return { frontmatter: null, diagnostics: [unreadable] };
  const split = splitFrontmatter(file, options.lenient === true);
  const { frontmatter, diagnostics } = split;
  const nesting = frontmatter && checkNesting(file, frontmatter.body, frontmatter.bodyStartLine);
  if (nesting) return { frontmatter: null, diagnostics: [...diagnostics, nesting] };
  // A body behind unreadable YAML is still checked later, unless it is nested too deeply to parse safely.
  if (split.body && checkNesting(file, split.body.markdown, split.body.bodyStartLine))
    return { frontmatter, diagnostics };
  return split;
}

function splitFrontmatter(
  file: SourceFile,
  lenient: boolean,
): {
  frontmatter: Frontmatter | null;
  diagnostics: Diagnostic[];
  body?: { markdown: string; bodyStartLine: number };
} {
  const text = file.text.replace(/^\uFEFF/, '');
  const lines = splitLines(text);
  const first = lines[0]?.content ?? '';

  if (/^\+\+\+\s*$/.test(first)) {
    return fail(
      file,
      'frontmatter/language',
      'TOML frontmatter (+++) is not supported.',
      'Convert it to YAML between `---` lines.',
    );
  }
  const opening = OPENING_FENCE.exec(first);
  if (!opening) return { frontmatter: { fields: new Map(), body: text, bodyStartLine: 1 }, diagnostics: [] };

  const language = (opening[1] ?? '').toLowerCase();
  if (CODE_LANGUAGES.has(language)) {
    return fail(
      file,
      'frontmatter/js-engine',
      `\`---${opening[1]}\` frontmatter is code; pylon-kb never runs code from content files.`,
      'Write the frontmatter as YAML: start it with a plain `---` line and use `key: value` lines.',
    );
  }
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return fail(
      file,
      'frontmatter/language',
      `\`---${opening[1]}\` frontmatter is not supported.`,
      'Use YAML frontmatter: start it with a plain `---` line.',
    );
  }

  const closeIndex = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line.content));
  const closing = lines[closeIndex];
  if (closeIndex < 0 || !closing) {
    return fail(
      file,
      'frontmatter/unclosed',
      'The frontmatter that starts on line 1 is never closed.',
      'End it with a line containing only `---`. If line 1 is meant as a horizontal rule, put a blank line before it.',
    );
  }

  const yamlText = lines
    .slice(1, closeIndex)
    .map((line) => line.content)
    .join('\n');
  const { fields, diagnostics } = readYamlFields({
    text: yamlText,
    file: file.path,
    firstLine: 2,
    code: 'frontmatter/yaml',
    what: 'frontmatter',
    lenient,
  });
  if (!fields) {
    return {
      frontmatter: null,
      diagnostics,
      body: { markdown: text.slice(closing.end), bodyStartLine: closeIndex + 2 },
    };
  }
  return {
    frontmatter: { fields, body: text.slice(closing.end), bodyStartLine: closeIndex + 2 },
    diagnostics,
  };
}

interface Line {
  content: string;
  /** Offset just after the line break. */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const stop = newline < 0 ? text.length : newline;
    lines.push({
      content: text.slice(start, stop).replace(/\r$/, ''),
      end: newline < 0 ? text.length : newline + 1,
    });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function fail(file: SourceFile, code: string, message: string, hint: string) {
  const diagnostic: Diagnostic = { severity: 'error', code, message, file: file.path, line: 1, hint };
  return { frontmatter: null, diagnostics: [diagnostic] };
}
