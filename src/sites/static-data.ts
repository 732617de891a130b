import { LineCounter, parseDocument } from 'yaml';

/**
 * Readers for site configuration that is data: JSON, YAML, the top level of TOML, and object literals in
 * JavaScript/TypeScript config files. Nothing is ever executed: a JS value that is not a literal
 * (a variable, a call, a spread, a template with `${}`) makes the reader give up on that value.
 */

export interface YamlData {
  value: unknown;
  /** 1-based line of a top-level key. */
  lineOf(key: string): number | undefined;
}

/** YAML the way site generators read it: unknown tags (`!!python/name:…`) are kept as plain text. */
export function readYamlData(text: string): YamlData | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(
    text.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length)),
    {
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
    },
  );
  if (doc.errors.length > 0) return undefined;
  const lines = new Map<string, number>();
  const contents = doc.contents as { items?: { key?: { value?: unknown; range?: number[] } }[] } | null;
  for (const pair of contents?.items ?? []) {
    const offset = pair.key?.range?.[0];
    if (offset !== undefined) lines.set(String(pair.key?.value), lineCounter.linePos(offset).line);
  }
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }), lineOf: (key) => lines.get(key) };
  } catch {
    return undefined;
  }
}

export function readJsonData(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** `key = "value"` lines before the first `[table]` of a TOML file (strings, numbers, booleans). */
export function readTomlTopLevel(text: string): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) break;
    const match = /^([A-Za-z0-9_-]+)\s*=\s*(.+?)\s*(#.*)?$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    const value = match[2];
    const quoted = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(value);
    if (quoted) values[match[1]] = quoted[1] ?? quoted[2] ?? '';
    else if (value === 'true' || value === 'false') values[match[1]] = value === 'true';
    else if (/^-?\d+(\.\d+)?$/.test(value)) values[match[1]] = Number(value);
  }
  return values;
}

/** Thrown inside the literal reader when the source is code rather than data. */
class NotStatic extends Error {}

/**
 * The value of the first `key:` (or `key =`) in a JS/TS source whose value is a literal (object, array,
 * string, number, boolean, null), with its 1-based line; undefined when the key is missing or its value
 * is not plain data.
 */
export function readJsLiteral(source: string, key: string): { value: unknown; line: number } | undefined {
  // `key: {…}`, `key = {…}`, and TypeScript's typed `const key: SidebarsConfig = {…}`.
  const typed = `:\\s*[A-Za-z_$][\\w$.]*(?:<[^=;]*>)?\\s*=`;
  const pattern = new RegExp(`(?:^|[\\s{,(])['"]?${key}['"]?\\s*(?:${typed}|[:=])\\s*`, 'g');
  return readAfter(source, pattern);
}

/**
 * A string value of `key`: its literal, or the literal of the constant it names (`hostname: siteUrl` with
 * `const siteUrl = 'https://…'` in the same file). Still only read, never run.
 */
export function readJsString(source: string, key: string): string | undefined {
  const literal = readJsLiteral(source, key)?.value;
  if (typeof literal === 'string') return literal;
  const named = new RegExp(`(?:^|[\\s{,(])['"]?${key}['"]?\\s*:\\s*([A-Za-z_$][\\w$]*)\\s*[,}\\n]`).exec(
    source,
  );
  const constant = named?.[1] && readJsLiteral(source, named[1])?.value;
  return typeof constant === 'string' ? constant : undefined;
}

/** The module's exported literal: `module.exports = {…}` or `export default {…}`. */
export function readJsExport(source: string): { value: unknown; line: number } | undefined {
  return readAfter(source, /(?:^|[\s;])(?:module\.exports\s*=|export\s+default)\s*/g);
}

function readAfter(source: string, pattern: RegExp): { value: unknown; line: number } | undefined {
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const start = match.index + match[0].length;
    try {
      const reader = new LiteralReader(source, start);
      const value = reader.value();
      return { value, line: source.slice(0, start).split('\n').length };
    } catch (error) {
      if (!(error instanceof NotStatic)) throw error;
    }
  }
  return undefined;
}

class LiteralReader {
  constructor(
    private readonly s: string,
    private at: number,
  ) {}

  value(): unknown {
    this.space();
    const c = this.s[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'" || c === '`') return this.string();
    const word = /^(-?\d+(?:\.\d+)?|true|false|null)\b/.exec(this.s.slice(this.at));
    if (!word?.[1]) throw new NotStatic();
    this.at += word[1].length;
    return word[1] === 'true'
      ? true
      : word[1] === 'false'
        ? false
        : word[1] === 'null'
          ? null
          : Number(word[1]);
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.at++;
    for (;;) {
      this.space();
      if (this.s[this.at] === '}') {
        this.at++;
        return out;
      }
      const c = this.s[this.at];
      let key: string;
      if (c === '"' || c === "'") key = this.string();
      else {
        const id = /^[A-Za-z_$][\w$]*/.exec(this.s.slice(this.at));
        if (!id) throw new NotStatic();
        key = id[0];
        this.at += key.length;
      }
      this.space();
      if (this.s[this.at] !== ':') throw new NotStatic();
      this.at++;
      out[key] = this.value();
      this.separator('}');
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    this.at++;
    for (;;) {
      this.space();
      if (this.s[this.at] === ']') {
        this.at++;
        return out;
      }
      out.push(this.value());
      this.separator(']');
    }
  }

  private separator(close: string): void {
    this.space();
    if (this.s[this.at] === ',') this.at++;
    else if (this.s[this.at] !== close) throw new NotStatic();
  }

  private string(): string {
    const quote = this.s[this.at];
    let out = '';
    for (this.at++; this.at < this.s.length; this.at++) {
      const c = this.s[this.at];
      if (c === quote) {
        this.at++;
        return out;
      }
      if (quote === '`' && c === '$' && this.s[this.at + 1] === '{') throw new NotStatic();
      if (c === '\\') {
        this.at++;
        out += this.s[this.at] ?? '';
      } else out += c;
    }
    throw new NotStatic();
  }

  /** Whitespace and comments. */
  private space(): void {
    for (;;) {
      const rest = this.s.slice(this.at);
      const skip = /^(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!skip) return;
      this.at += skip[0].length;
    }
  }
}
