import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { isValidSlug, slugify } from './slug.js';
import type { Field, Fields } from './yaml-fields.js';

/**
 * Reads typed values out of parsed frontmatter (or metadata) fields. A value of the wrong type is an
 * error diagnostic naming the file, line and field and saying what is allowed; the reader then returns
 * undefined for it. A `null` value (`key:` with nothing after it) counts as absent.
 */
export class FieldReader {
  private readonly found: Diagnostic[] = [];

  /** The problems found so far, in line order. */
  get diagnostics(): Diagnostic[] {
    return [...this.found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  constructor(
    private readonly fields: Fields,
    private readonly file: string,
    /** Code for wrong types, e.g. `frontmatter/type` or `collection/metadata`. */
    private readonly typeCode: string,
  ) {}

  /** Adds a problem found by another rule about these fields. */
  report(diagnostic: Diagnostic): void {
    this.found.push(diagnostic);
  }

  line(name: string): number | undefined {
    return this.fields.get(name)?.line;
  }

  /** The value as written, whatever its type (undefined when absent). */
  raw(name: string): unknown {
    return this.present(name)?.value;
  }

  has(name: string): boolean {
    return this.present(name) !== undefined;
  }

  string(name: string): string | undefined {
    const field = this.present(name);
    if (!field) return undefined;
    if (typeof field.value === 'string' && field.value.trim() !== '') return field.value.trim();
    const hint =
      typeof field.value === 'number' || typeof field.value === 'boolean'
        ? `Quote the value: ${name}: "${String(field.value)}"`
        : `Write it as ${name}: some text`;
    return this.wrongType(name, field, 'a non-empty string', hint);
  }

  boolean(name: string): boolean | undefined {
    const field = this.present(name);
    if (!field) return undefined;
    if (typeof field.value === 'boolean') return field.value;
    return this.wrongType(
      name,
      field,
      'true or false',
      `Write ${name}: true or ${name}: false (YAML 1.2: yes/no are text).`,
    );
  }

  number(name: string): number | undefined {
    const field = this.present(name);
    if (!field) return undefined;
    if (typeof field.value === 'number' && Number.isFinite(field.value)) return field.value;
    return this.wrongType(name, field, 'a number', `Write it without quotes, e.g. ${name}: 3`);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const field = this.present(name);
    if (!field) return undefined;
    if (typeof field.value === 'string' && (allowed as readonly string[]).includes(field.value))
      return field.value as T;
    const guess = typeof field.value === 'string' ? didYouMean(field.value, allowed) : undefined;
    const hint = guess ? `Did you mean ${name}: ${guess}?` : `Use one of: ${allowed.join(', ')}.`;
    return this.wrongType(name, field, `one of ${allowed.join(', ')}`, hint);
  }

  /** A string or a list of strings, as a list. */
  stringList(name: string): string[] | undefined {
    const field = this.present(name);
    if (!field) return undefined;
    const list = typeof field.value === 'string' ? [field.value] : field.value;
    if (Array.isArray(list) && list.every((item) => typeof item === 'string' && item.trim() !== '')) {
      return list.map((item: string) => item.trim());
    }
    return this.wrongType(
      name,
      field,
      'a string or a list of strings',
      `Write ${name}: [/old/path, /older/path]`,
    );
  }

  /** A slug: lower-case a-z, 0-9 and single hyphens. */
  slug(name: string): string | undefined {
    const value = this.string(name);
    if (value === undefined || isValidSlug(value)) return value;
    const suggestion = slugify(value);
    this.found.push({
      severity: 'error',
      code: this.typeCode,
      message: `Invalid ${name} "${value}": use lower-case letters a-z, digits and single hyphens.`,
      ...this.where(name),
      hint: suggestion ? `Use ${name}: ${suggestion}` : `Choose a ${name} such as "getting-started".`,
    });
    return undefined;
  }

  /** Warns about keys outside `known` (and `ignored`), suggesting the nearest known key. */
  warnUnknownKeys(known: readonly string[], code: string, ignored: readonly string[] = []): void {
    for (const [key, field] of this.fields) {
      if (known.includes(key) || ignored.includes(key)) continue;
      const guess = didYouMean(key, known);
      this.found.push({
        severity: 'warning',
        code,
        message: `Unknown key "${key}" is ignored.`,
        file: this.file,
        line: field.line,
        field: key,
        hint: guess ? `Did you mean "${guess}"?` : `Known keys: ${known.join(', ')}.`,
      });
    }
  }

  error(name: string, message: string, hint: string): void {
    this.found.push({ severity: 'error', code: this.typeCode, message, ...this.where(name), hint });
  }

  private present(name: string): Field | undefined {
    const field = this.fields.get(name);
    return field && field.value !== null && field.value !== undefined ? field : undefined;
  }

  private where(name: string) {
    const line = this.line(name);
    return { file: this.file, ...(line !== undefined && { line }), field: name };
  }

  private wrongType(name: string, field: Field, expected: string, hint: string): undefined {
    this.found.push({
      severity: 'error',
      code: this.typeCode,
      message: `${name} must be ${expected}, not ${describe(field.value)}.`,
      file: this.file,
      line: field.line,
      field: name,
      hint,
    });
    return undefined;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : `the text "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
