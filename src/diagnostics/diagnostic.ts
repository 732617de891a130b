/**
 * A problem found in the user's input (content, frontmatter, config, authors, links).
 * Diagnostics are collected and reported together, before any remote write.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `frontmatter/yaml`, `author/unknown`, `config/invalid`. */
  code: string;
  /** What is wrong, in one sentence. Never contains a secret. */
  message: string;
  /** Path relative to the content directory (posix separators), or the config file path. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** Frontmatter field or config key the problem is about. */
  field?: string;
  /** How to fix it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function errorsOnly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** `file:line:column` as editors and terminals understand it. */
export function diagnosticLocation(d: Diagnostic): string {
  if (!d.file) return '';
  let loc = d.file;
  if (d.line !== undefined) loc += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) loc += `:${d.column}`;
  return loc;
}

/** One diagnostic as plain text: `guides/a.md:3:1 error [frontmatter/yaml] message (field: author)\n  hint`. */
export function formatDiagnostic(d: Diagnostic): string {
  const location = diagnosticLocation(d);
  const field = d.field ? ` (field: ${d.field})` : '';
  const head = `${location ? `${location} ` : ''}${d.severity} [${d.code}] ${d.message}${field}`;
  return d.hint ? `${head}\n  ${d.hint}` : head;
}

/** Stable order: by file, line, column, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code),
  );
}
