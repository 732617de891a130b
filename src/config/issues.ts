import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { defaultAt } from './defaults.js';

/** How a layer of the config names its keys in messages: the file uses key paths, the CLI its flags. */
export interface IssueSource {
  /** Config file path, set on file diagnostics. */
  file?: string;
  /** Name of the key for the message, e.g. `rateLimits.preset` or `--rate-limits`. */
  label: (path: string) => string;
  /** How to fix a value in this layer, e.g. "Set rateLimits.preset in pylon-kb.config.ts to". */
  fix: (path: string) => string;
}

type Path = readonly PropertyKey[];

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType;
  return s;
}

function child(value: unknown, key: PropertyKey): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;
}

/** The variant of a discriminated union that `value` selects, if any. */
function variant(union: z.ZodDiscriminatedUnion, value: unknown): z.ZodType | undefined {
  const key = union.def.discriminator;
  const kind = child(value, key);
  return union.options.find((o) => o instanceof z.ZodObject && child(o.shape[key], 'value') === kind) as
    | z.ZodType
    | undefined;
}

/** The values a discriminated union's key takes, e.g. the target kinds. */
function discriminatorValues(union: z.ZodDiscriminatedUnion): unknown[] {
  return union.options.map((o) =>
    o instanceof z.ZodObject ? child(o.shape[union.def.discriminator], 'value') : undefined,
  );
}

/** The schema that validates the value at `path` of `input`. */
export function schemaAt(root: z.ZodType, path: Path, input: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let value = input;
  for (const key of [...path, null]) {
    if (schema instanceof z.ZodDiscriminatedUnion)
      schema = variant(schema, value) ?? (key === null ? schema : undefined);
    if (key === null || schema === undefined) return schema;
    if (schema instanceof z.ZodObject) schema = schema.shape[String(key)] as z.ZodType | undefined;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else return undefined;
    schema = schema && unwrap(schema);
    value = child(value, key);
  }
  return schema;
}

const quote = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** What a schema accepts, phrased to follow "must be". */
export function allowedText(schema: z.ZodType | undefined): string {
  if (!schema) return 'valid';
  if (schema.description) return schema.description;
  if (schema instanceof z.ZodEnum) return `one of ${quote(schema.options)}`;
  if (schema instanceof z.ZodLiteral) return quote([schema.value]);
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodString) return 'a string';
  if (schema instanceof z.ZodNumber) return 'a number';
  if (schema instanceof z.ZodArray) return 'a list';
  if (schema instanceof z.ZodDiscriminatedUnion) {
    return `an object whose ${schema.def.discriminator} is one of ${quote(discriminatorValues(schema))}`;
  }
  if (schema instanceof z.ZodObject) return `an object with keys ${Object.keys(schema.shape).join(', ')}`;
  return 'valid';
}

/** Every key path the schema knows, to point at a key written at the wrong level. */
function keyPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  const s = unwrap(schema);
  const objects = s instanceof z.ZodDiscriminatedUnion ? s.options : [s];
  const out: string[][] = [];
  for (const o of objects) {
    if (!(o instanceof z.ZodObject)) continue;
    for (const [key, value] of Object.entries(o.shape)) {
      out.push([...prefix, key], ...keyPaths(value as z.ZodType, [...prefix, key]));
    }
  }
  return out;
}

function describeValue(value: unknown, path: Path): string {
  if (path.includes('token')) return 'a value that is not shown';
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…"` : json;
}

/** Names people reach for that are not pylon-kb's, by full key path. */
const ALIASES: Record<string, string> = {
  kb: 'knowledgeBase',
  author: 'defaultAuthor',
  docs: 'contentDir',
  docsDir: 'contentDir',
  ignore: 'exclude',
  files: 'include',
  apiKey: 'target.token',
  apiToken: 'target.token',
  baseUrl: 'target.apiUrl',
};

/** The full key path an unknown key was most likely meant to be. */
function suggestKey(root: z.ZodType, at: string[], key: string, siblings: string[]): string | undefined {
  const full = [...at, key].join('.');
  if (Object.hasOwn(ALIASES, full)) return ALIASES[full];
  const elsewhere = keyPaths(root).find(
    (p) => p.length !== at.length + 1 && p.at(-1)?.toLowerCase() === key.toLowerCase(),
  );
  if (elsewhere) return elsewhere.join('.');
  const near = didYouMean(key, siblings);
  return near === undefined ? undefined : [...at, near].join('.');
}

function unknownKey(root: z.ZodType, input: unknown, at: Path, key: string, source: IssueSource): Diagnostic {
  const parent = schemaAt(root, at, input);
  const siblings = parent instanceof z.ZodObject ? Object.keys(parent.shape) : [];
  const path = at.map(String);
  const full = [...path, key].join('.');
  const near = suggestKey(root, path, key, siblings);
  const where = at.length === 0 ? 'at the top level' : `in ${path.join('.')}`;
  return {
    severity: 'error',
    code: 'config/invalid',
    message: `Unknown key "${full}"${near === undefined ? '' : `; did you mean "${near}"?`}`,
    ...(source.file !== undefined ? { file: source.file } : {}),
    field: full,
    hint: `Keys allowed ${where}: ${siblings.join(', ')}.`,
  };
}

/** zod issues of one config layer as `config/invalid` diagnostics that name the key and what it allows. */
export function issuesToDiagnostics(
  root: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
  source: IssueSource,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(unknownKey(root, input, issue.path, key, source));
      continue;
    }
    const path = issue.path.map(String).join('.');
    let value: unknown = input;
    for (const key of issue.path) value = child(value, key);
    const union = issue.code === 'invalid_union' ? schemaAt(root, issue.path.slice(0, -1), input) : undefined;
    const allowed =
      union instanceof z.ZodDiscriminatedUnion
        ? `one of ${quote(discriminatorValues(union))}`
        : issue.code === 'invalid_value'
          ? `one of ${quote(issue.values)}`
          : allowedText(schemaAt(root, issue.path, input));
    const fallback = defaultAt(issue.path);
    const orDefault =
      fallback === undefined || fallback === null
        ? ''
        : `, or leave it out to use the default (${JSON.stringify(fallback)})`;
    out.push({
      severity: 'error',
      code: 'config/invalid',
      message:
        path === ''
          ? `The config must be an object (got ${describeValue(value, issue.path)}).`
          : `${source.label(path)} must be ${allowed} (got ${describeValue(value, issue.path)}).`,
      ...(source.file !== undefined ? { file: source.file } : {}),
      ...(path !== '' ? { field: path } : {}),
      hint:
        path === ''
          ? 'Export it as: export default defineConfig({ ... }).'
          : `${source.fix(path)} ${allowed}${orDefault}.`,
    });
  }
  return out;
}
