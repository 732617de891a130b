import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** One top-level key of a YAML (or JSON) mapping, with the absolute file line its key is on. */
export interface Field {
  value: unknown;
  line: number;
}

/** Top-level keys in source order. */
export type Fields = Map<string, Field>;

export interface YamlSource {
  text: string;
  file: string;
  /** Absolute file line of the first line of `text`. */
  firstLine: number;
  /** Diagnostic code for syntax problems, e.g. `frontmatter/yaml` or `collection/metadata`. */
  code: string;
  /** What the text is, for messages: "frontmatter", "_category_.yml". */
  what: string;
  /**
   * Accept what site generators accept (Hugo, gray-matter's js-yaml, Jekyll): tab-indented lines, and a
   * key written twice (the last one wins, as in Jekyll). Each is a warning naming the line, never an error.
   */
  lenient?: boolean;
}

const MAX_ALIASES = 100;

/**
 * Parses a YAML mapping with the `yaml` package (YAML 1.2 core schema: no custom tags, no code, no
 * dates) and returns its top-level keys with their lines. Returns null fields when the text is not
 * valid YAML or not a mapping; the reasons are diagnostics naming the absolute file line.
 */
export function readYamlFields(source: YamlSource): { fields: Fields | null; diagnostics: Diagnostic[] } {
  const strict = readStrictly(source);
  if (!source.lenient || strict.fields) return strict;
  const tabbed = tabIndentedLines(source.text);
  if (tabbed.length === 0 && !strict.diagnostics.some((d) => /unique|duplicate/i.test(d.message))) {
    return { fields: null, diagnostics: firstErrorOnly(strict.diagnostics) };
  }
  const relaxed = readStrictly({ ...source, text: untab(source.text) }, false);
  if (!relaxed.fields) return { fields: null, diagnostics: firstErrorOnly(strict.diagnostics) };
  const warnings: Diagnostic[] = tabbed.slice(0, 1).map((index) => ({
    severity: 'warning',
    code: `${source.code}-dubious`,
    message: `Tab characters indent ${tabbed.length === 1 ? 'this line' : `${tabbed.length} lines`} of the ${source.what}; YAML forbids tabs for indentation, but site generators accept them.`,
    file: source.file,
    line: source.firstLine + index,
    hint: 'Indent with spaces so every YAML reader agrees.',
  }));
  return { fields: relaxed.fields, diagnostics: [...warnings, ...relaxed.diagnostics] };
}

/** Only the first error of a YAML text: the ones after it are usually the same mistake seen again. */
function firstErrorOnly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const first = diagnostics.find((d) => d.severity === 'error');
  return diagnostics.filter((d) => d.severity !== 'error' || d === first);
}

function tabIndentedLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (/^ *\t/.test(line) ? [index] : []));
}

function untab(text: string): string {
  return text.replace(/^[ \t]+/gm, (indent) => indent.replace(/\t/g, '  '));
}

function readStrictly(
  source: YamlSource,
  uniqueKeys = true,
): { fields: Fields | null; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + source.firstLine - 1;
  const at = (offset: number) => ({ file: source.file, line: lineAt(offset) });

  const diagnostics: Diagnostic[] = [];
  const errorLines = new Set<number>();
  const opened = unclosedOpenings(doc, source.text);
  for (const error of doc.errors) {
    // Unclosed quotes and brackets are reported where the parser gave up (the next key, or the end of the
    // text): point at the quote or bracket that was never closed, else at the last written line.
    const unclosed =
      error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? opened.get(error.pos[0]) : undefined;
    const offset = unclosed ?? Math.min(error.pos[0], source.text.trimEnd().length);
    // A second error on the same line is the first one seen again by the parser: report it once.
    if (errorLines.has(lineAt(offset))) continue;
    errorLines.add(lineAt(offset));
    diagnostics.push({
      severity: 'error',
      code: source.code,
      message: `Invalid YAML in ${source.what}: ${firstLine(error.message)}.`,
      ...at(offset),
      column: lineCounter.linePos(offset).col,
      hint: 'Fix the YAML syntax (quote values that contain ": " or start with a special character).',
    });
  }
  for (const warning of doc.warnings) {
    diagnostics.push({
      severity: 'warning',
      code: source.code,
      message: `YAML warning in ${source.what}: ${firstLine(warning.message)}.`,
      ...at(warning.pos[0]),
    });
  }
  if (doc.errors.length > 0) return { fields: null, diagnostics };

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null))
    return { fields: new Map(), diagnostics };
  if (!isMap(contents)) {
    diagnostics.push({
      severity: 'error',
      code: source.code,
      message: `The ${source.what} must be a mapping of keys to values.`,
      ...at(contents.range?.[0] ?? 0),
      hint: 'Write one `key: value` per line.',
    });
    return { fields: null, diagnostics };
  }

  let values: Record<string, unknown>;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch (error) {
    diagnostics.push({
      severity: 'error',
      code: source.code,
      message: `The ${source.what} cannot be read: ${firstLine(String((error as Error).message))}.`,
      file: source.file,
      line: source.firstLine,
      hint: 'Remove the YAML aliases (`*name`) or expand them.',
    });
    return { fields: null, diagnostics };
  }

  const fields: Fields = new Map();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const offset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
    if (fields.has(key)) {
      diagnostics.push({
        severity: 'warning',
        code: `${source.code}-dubious`,
        message: `The key "${key}" is written twice in the ${source.what}; the last value is used.`,
        ...at(offset),
        field: key,
        hint: 'Remove one of them.',
      });
      fields.delete(key);
    }
    fields.set(key, { value: values[key], line: lineAt(offset) });
  }
  return { fields, diagnostics };
}

/**
 * Quoted scalars and flow collections (`[…]`, `{…}`) the text never closes, by the offset where the parser
 * stopped reading them: the offset of their opening quote or bracket (the innermost when several end there).
 */
function unclosedOpenings(doc: Document, text: string): Map<number, number> {
  const opened = new Map<number, number>();
  const note = (range: readonly number[] | null | undefined, closer: string) => {
    const [start, end] = range ?? [];
    if (start === undefined || end === undefined || text[end - 1] === closer) return;
    if ((opened.get(end) ?? -1) < start) opened.set(end, start);
  };
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_DOUBLE') note(node.range, '"');
      if (node.type === 'QUOTE_SINGLE') note(node.range, "'");
    },
    Collection(_, node) {
      if (node.flow) note(node.range, isMap(node) ? '}' : ']');
    },
  });
  return opened;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}
