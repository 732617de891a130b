import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
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
  for (const error of doc.errors) {
    // Unclosed quotes and brackets are reported where the text ends: point at the last written line instead.
    const offset = Math.min(error.pos[0], source.text.trimEnd().length);
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

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}
