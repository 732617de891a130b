/**
 * The value of a JavaScript expression that is plain data (an ESTree node from acorn: objects, arrays,
 * strings, numbers, booleans, null, templates without placeholders, `x as T` / `x satisfies T` left aside),
 * never evaluated. A part that is code (a variable, a call, JSX, a spread) is `NOT_DATA` where it stands, so
 * an object keeps its other keys and their order: a site's `_meta.js` whose titles are JSX still gives its
 * order. Pure: shared by the MDX attributes of markdown/ and the config readers of sites/.
 */
export const NOT_DATA: unique symbol = Symbol('not data');
export type DataValue = unknown;

interface EsNode {
  type: string;
  [key: string]: unknown;
}

export function literalValue(node: unknown): DataValue {
  const n = node as EsNode | null | undefined;
  if (!n || typeof n !== 'object') return NOT_DATA;
  switch (n.type) {
    case 'Program': {
      const [statement] = n.body as EsNode[];
      return statement?.type === 'ExpressionStatement' ? literalValue(statement.expression) : NOT_DATA;
    }
    case 'ExpressionStatement':
      return literalValue(n.expression);
    case 'Literal':
      return n.regex || typeof n.bigint === 'string' ? NOT_DATA : n.value;
    case 'TemplateLiteral': {
      const quasis = n.quasis as { value: { cooked: string | null } }[];
      return (n.expressions as unknown[]).length === 0 ? (quasis[0]?.value.cooked ?? NOT_DATA) : NOT_DATA;
    }
    case 'UnaryExpression': {
      const value = literalValue(n.argument);
      return n.operator === '-' && typeof value === 'number' ? -value : NOT_DATA;
    }
    case 'ArrayExpression':
      return (n.elements as (EsNode | null)[]).map((element) =>
        element === null || element.type === 'SpreadElement' ? NOT_DATA : literalValue(element),
      );
    case 'ObjectExpression':
      return objectValue(n.properties as EsNode[]);
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return literalValue(n.expression);
    default:
      return NOT_DATA;
  }
}

function objectValue(properties: readonly EsNode[]): Record<string, DataValue> {
  return Object.fromEntries(propertyEntries(properties));
}

/**
 * The keys and values of an object expression in the order written (an object would put integer-like keys
 * such as `'404'` first); undefined when the node is not an object literal.
 */
export function entriesOf(node: unknown): [string, DataValue][] | undefined {
  const n = node as EsNode | null | undefined;
  if (
    n?.type === 'TSAsExpression' ||
    n?.type === 'TSSatisfiesExpression' ||
    n?.type === 'ParenthesizedExpression'
  )
    return entriesOf(n.expression);
  return n?.type === 'ObjectExpression' ? propertyEntries(n.properties as EsNode[]) : undefined;
}

function propertyEntries(properties: readonly EsNode[]): [string, DataValue][] {
  const out: [string, DataValue][] = [];
  for (const property of properties) {
    if (property.type !== 'Property' || property.computed || property.kind !== 'init') continue;
    const key = property.key as EsNode;
    const name =
      key.type === 'Identifier'
        ? (key.name as string)
        : key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')
          ? String(key.value)
          : undefined;
    if (name === undefined) continue;
    out.push([name, literalValue(property.value)]);
  }
  return out;
}

/** The strings of an array value (`['npm', 'pnpm']`); undefined when it is not an array of strings. */
export function stringArray(value: DataValue): string[] | undefined {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) return undefined;
  return value as string[];
}
