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
}

const MAX_ALIASES = 100;

/**
 * Parses a YAML mapping with the `yaml` package (YAML 1.2 core schema: no custom tags, no code, no
 * dates) and returns its top-level keys with their lines. Returns null fields when the text is not
 * valid YAML or not a mapping; the reasons are diagnostics naming the absolute file line.
 */
export function readYamlFields(source: YamlSource): { fields: Fields | null; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + source.firstLine - 1;
  const at = (offset: number) => ({ file: source.file, line: lineAt(offset) });

  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    // Unclosed quotes and brackets are reported where the text ends: point at the last written line instead.
    const offset = Math.min(error.pos[0], source.text.trimEnd().length);
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
    fields.set(key, { value: values[key], line: lineAt(offset) });
  }
  return { fields, diagnostics };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[.:]\s*$/, '');
}
