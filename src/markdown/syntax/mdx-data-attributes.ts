import type { List, PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { type DataValue, literalValue, NOT_DATA } from './estree-literal.js';
import type { JsxElement } from './jsx.js';
import type { InlineParser } from './mdx-blocks.js';

/**
 * The text a component is given as data in an attribute written as an expression (`<Resource
 * resources={[{ title, description, href }]} />`, `<DatabaseTable fields={userFields} />` naming an
 * `export const` of the same file): never evaluated, but where the expression is plain data its text is
 * what the site shows, so it is published, as a list or a table, rather than dropped:
 * - a string: a paragraph; an array of strings: a list;
 * - an array of objects: a table, one row per object, one column per key that holds text somewhere;
 * - an object of objects (`{ name: { type, description } }`): a table whose first column is the key;
 * - an object of strings: a list of `key: value`; an array of arrays of strings: a list of rows.
 * Anything else (code, numbers alone, nested structures) holds no text to keep and stays unpublished.
 */

/** `export const name = <data>` of a document's ESM blocks, by name (ESTree from the MDX parser). */
export function exportedConstants(esmEstrees: readonly unknown[]): Map<string, DataValue> {
  const found = new Map<string, DataValue>();
  for (const program of esmEstrees) {
    for (const statement of (program as { body?: EsNode[] } | undefined)?.body ?? []) {
      const declaration =
        statement.type === 'ExportNamedDeclaration' ? (statement.declaration as EsNode | null) : statement;
      if (declaration?.type !== 'VariableDeclaration') continue;
      for (const declarator of declaration.declarations as EsNode[]) {
        const id = declarator.id as EsNode;
        if (id.type === 'Identifier' && declarator.init)
          found.set(id.name as string, literalValue(declarator.init));
      }
    }
  }
  return found;
}

/** Attributes whose data is presentation, never text. */
const PRESENTATION = /^(style|className|class|sx|css|icon|icons)$/;

/**
 * The content of each named attribute that holds text as data, by attribute name. An identifier is
 * looked up among the file's exported constants.
 */
export function dataAttributeContent(
  element: JsxElement,
  names: readonly string[],
  constants: ReadonlyMap<string, DataValue>,
  inline: InlineParser,
): Map<string, RootContent[]> {
  const out = new Map<string, RootContent[]>();
  for (const name of names) {
    if (PRESENTATION.test(name)) continue;
    const attr = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
    if (typeof attr?.value !== 'object' || attr.value === null) continue;
    const estree = attr.value.data?.estree as EsNode | undefined;
    const expression = (estree?.body as EsNode[] | undefined)?.[0]?.expression as EsNode | undefined;
    const value =
      expression?.type === 'Identifier'
        ? (constants.get(expression.name as string) ?? NOT_DATA)
        : literalValue(estree);
    const content = render(value, inline);
    if (content.length > 0) out.set(name, content);
  }
  return out;
}

interface EsNode {
  type: string;
  [key: string]: unknown;
}

type Row = Record<string, DataValue>;

function isRecord(value: DataValue): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value shown in one line or cell: text, a number, a boolean, or a list of those. */
function cellText(value: DataValue): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0 && value.every((v) => cellText(v) !== undefined))
    return value.map((v) => cellText(v) as string).join(', ');
  return undefined;
}

function hasText(value: DataValue): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasText);
  if (isRecord(value)) return Object.values(value).some(hasText);
  return false;
}

function render(value: DataValue, inline: InlineParser): RootContent[] {
  if (!hasText(value)) return [];
  if (typeof value === 'string') return [{ type: 'paragraph', children: inline(value) }];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || Array.isArray(v)))
      return [
        list(
          value.map(cellText).filter((t): t is string => t !== undefined),
          inline,
        ),
      ];
    const rows = value.filter(isRecord);
    return rows.length > 0 ? [table(rows, undefined, inline)] : [];
  }
  if (!isRecord(value)) return [];
  const entries = Object.entries(value);
  if (entries.every(([, v]) => isRecord(v)))
    return [
      table(
        entries.map(([, v]) => v as Row),
        entries.map(([k]) => k),
        inline,
      ),
    ];
  const lines = entries.flatMap(([k, v]) => {
    const text = cellText(v);
    return text === undefined ? [] : [`${k}: ${text}`];
  });
  return lines.length > 0 ? [list(lines, inline)] : [];
}

function list(items: readonly string[], inline: InlineParser): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: inline(item) }],
    })),
  };
}

/** Rows of records as a table; `keys` (an object of objects) become a first column. */
function table(rows: readonly Row[], keys: readonly string[] | undefined, inline: InlineParser): Table {
  const columns: string[] = [];
  for (const row of rows)
    for (const [key, v] of Object.entries(row))
      if (!columns.includes(key) && cellText(v) !== undefined) columns.push(key);
  const cells = (texts: (string | undefined)[]): TableRow => ({
    type: 'tableRow',
    children: texts.map((text) => ({
      type: 'tableCell',
      children: text === undefined ? [] : (inline(text) as PhrasingContent[]),
    })),
  });
  const header = cells([...(keys ? [''] : []), ...columns]);
  const body = rows.map((row, i) =>
    cells([...(keys ? [keys[i]] : []), ...columns.map((column) => cellText(row[column]))]),
  );
  // The HTML conversion writes as many cells per row as `align` has entries.
  const align = header.children.map(() => null);
  return { type: 'table', align, children: [header, ...body] };
}
