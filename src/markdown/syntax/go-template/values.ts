/**
 * The values a Go template works with, in JavaScript: strings, numbers, booleans, null, arrays, plain
 * objects (maps, read case-insensitively as Hugo reads params), HTML already safe to print (Go's
 * `template.HTML`), and Hugo objects (the shortcode, its page, the site) whose fields are known.
 */

/** What the evaluator cannot do as the generator would: the caller falls back, with a warning. */
export class Unsupported extends Error {}

/** The template stopped the build itself (`errorf`): the call is not one it accepts. */
export class TemplateFailed extends Unsupported {}

/** HTML that is printed as it is (`.Inner`, `markdownify`, `safeHTML`, a partial's output). */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** A Hugo object: its known fields; methods are functions taking the call's arguments. */
export class HugoObject {
  constructor(
    readonly name: string,
    readonly fields: Readonly<Record<string, unknown>>,
  ) {}
}

export type Method = (...args: unknown[]) => unknown;

/** Go's truth: false, 0, nil, "" and empty collections are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (value instanceof SafeHtml) return value.html !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && !(value instanceof HugoObject) && !(value instanceof Date))
    return Object.keys(value).length > 0;
  return true;
}

/** `.Name` of a value: a Hugo object's field (unknown fields are Unsupported), a map key, or nil. */
export function field(value: unknown, name: string): unknown {
  if (value instanceof HugoObject) {
    if (Object.hasOwn(value.fields, name)) return value.fields[name];
    throw new Unsupported(`.${name} of ${value.name}`);
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof SafeHtml) {
    throw new Unsupported(`the field ${name} of a ${Array.isArray(value) ? 'list' : typeof value}`);
  }
  const map = value as Record<string, unknown>;
  if (Object.hasOwn(map, name)) return map[name];
  const lower = name.toLowerCase();
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : map[key];
}

/** How Go's fmt prints a value (`%v`), with Hugo's nil as nothing. */
export function format(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return `[${value.map(format).join(' ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof HugoObject) throw new Unsupported(`printing ${value.name}`);
  if (typeof value === 'object')
    return `map[${Object.keys(value)
      .sort()
      .map((k) => `${k}:${format((value as Record<string, unknown>)[k])}`)
      .join(' ')}]`;
  return String(value);
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;')
    .replace(/'/g, '&#39;');
}

/** An action's output: safe HTML as it is, anything else escaped (html/template's text context). */
export function printed(value: unknown): string {
  return value instanceof SafeHtml ? value.html : escapeHtml(format(value));
}

export function toText(value: unknown): string {
  return value instanceof SafeHtml ? value.html : format(value);
}

export function equal(a: unknown, b: unknown): boolean {
  const left = a instanceof SafeHtml ? a.html : a;
  const right = b instanceof SafeHtml ? b.html : b;
  if ((left === undefined || left === null) && (right === undefined || right === null)) return true;
  return left === right;
}

/** A template that is wrong as written (an undeclared variable, a constant called). */
export class TemplateErrorAt extends Error {}
