import { Parser } from 'acorn';
import jsx from 'acorn-jsx';
import { type DataValue, entriesOf, literalValue, NOT_DATA } from '../markdown/syntax/estree-literal.js';

/**
 * Object literals in a site's JavaScript or TypeScript files (`_meta.ts`, `astro.config.mjs`), found and
 * read with a real JavaScript parser (acorn, with JSX) and never executed. A TypeScript file acorn cannot
 * read whole (type annotations) is read from the literal itself: the parser starts at its `{`. A part that
 * is code (a variable, a call, JSX) reads as `NOT_DATA` in its place, so the keys around it keep their order.
 */
const JsParser = Parser.extend(jsx());
const OPTIONS = { ecmaVersion: 'latest', sourceType: 'module', locations: true } as const;

interface EsNode {
  type: string;
  start: number;
  loc?: { start: { line: number } };
  [key: string]: unknown;
}

export interface JsObject {
  /** Keys and values in the order written. */
  entries: [string, DataValue][];
  /** The same as an object. */
  value: Record<string, DataValue>;
  /** 1-based line where the literal starts. */
  line: number;
  node: unknown;
}

/** The module's default export when it is an object literal (directly, through a `const`, or a call's argument). */
export function readDefaultExport(source: string): JsObject | undefined {
  const program = parseModule(source);
  if (program) {
    for (const statement of program.body as EsNode[]) {
      if (statement.type === 'ExportDefaultDeclaration') return objectOf(program, statement.declaration);
      const assigned =
        statement.type === 'ExpressionStatement' ? (statement.expression as EsNode) : undefined;
      if (assigned?.type === 'AssignmentExpression' && isModuleExports(assigned.left as EsNode))
        return objectOf(program, assigned.right);
    }
    return undefined;
  }
  // TypeScript: `export default {…}`, `export default {…} satisfies T`, `const meta: T = {…}; export default meta`.
  const direct = /export\s+default\s+(?:[A-Za-z_$][\w$]*\s*\(\s*)?(?=\{)/.exec(source);
  if (direct) return objectAt(source, direct.index + direct[0].length);
  const named = /export\s+default\s+([A-Za-z_$][\w$]*)\s*;?\s*$/m.exec(source);
  if (!named) return undefined;
  const declared = new RegExp(`(?:const|let|var)\\s+${named[1]}\\b[^=]*=\\s*(?=\\{)`).exec(source);
  return declared ? objectAt(source, declared.index + declared[0].length) : undefined;
}

/** The value of the first property named `key` anywhere in the module (`sidebar: [...]` inside a call). */
export function readProperty(source: string, key: string): { value: DataValue; line: number } | undefined {
  const program = parseModule(source);
  if (!program) return undefined;
  const found = findProperty(program, key);
  if (!found) return undefined;
  return { value: literalValue(found), line: found.loc?.start.line ?? 1 };
}

/**
 * What a method or arrow function named `key` returns when it returns a literal (`async redirects() {
 * return [...] }` in `next.config.*`); undefined when the function computes it.
 */
export function readReturned(source: string, key: string): { value: DataValue; line: number } | undefined {
  const program = parseModule(source);
  const fn = program ? findProperty(program, key) : undefined;
  if (!fn || (fn.type !== 'FunctionExpression' && fn.type !== 'ArrowFunctionExpression')) return undefined;
  const body = fn.body as EsNode;
  if (body.type !== 'BlockStatement') return { value: literalValue(body), line: body.loc?.start.line ?? 1 };
  const returned = (body.body as EsNode[]).find((statement) => statement.type === 'ReturnStatement');
  const argument = returned?.argument as EsNode | undefined;
  return argument ? { value: literalValue(argument), line: argument.loc?.start.line ?? 1 } : undefined;
}

export function isData(value: DataValue): boolean {
  return value !== NOT_DATA;
}

function parseModule(source: string): EsNode | undefined {
  try {
    return JsParser.parse(source, OPTIONS) as unknown as EsNode;
  } catch {
    return undefined;
  }
}

function objectAt(source: string, offset: number): JsObject | undefined {
  try {
    const node = JsParser.parseExpressionAt(source, offset, OPTIONS) as unknown as EsNode;
    return toObject(node);
  } catch {
    return undefined;
  }
}

function objectOf(program: EsNode, node: unknown): JsObject | undefined {
  let target = node as EsNode | undefined;
  if (target?.type === 'CallExpression') target = (target.arguments as EsNode[])[0];
  if (target?.type === 'Identifier') target = declarationOf(program, target.name as string);
  return target ? toObject(target) : undefined;
}

function toObject(node: EsNode): JsObject | undefined {
  const entries = entriesOf(node);
  if (!entries) return undefined;
  return { entries, value: Object.fromEntries(entries), line: node.loc?.start.line ?? 1, node };
}

function declarationOf(program: EsNode, name: string): EsNode | undefined {
  for (const statement of program.body as EsNode[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? (statement.declaration as EsNode | null) : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations as EsNode[]) {
      const id = declarator.id as EsNode;
      if (id.type === 'Identifier' && id.name === name) return declarator.init as EsNode;
    }
  }
  return undefined;
}

function isModuleExports(node: EsNode): boolean {
  const object = node.object as EsNode | undefined;
  const property = node.property as EsNode | undefined;
  return node.type === 'MemberExpression' && object?.name === 'module' && property?.name === 'exports';
}

function findProperty(node: unknown, key: string): EsNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findProperty(item, key);
      if (found) return found;
    }
    return undefined;
  }
  const n = node as EsNode;
  if (n.type === 'Property' && !n.computed) {
    const k = n.key as EsNode;
    if ((k.type === 'Identifier' && k.name === key) || (k.type === 'Literal' && k.value === key))
      return n.value as EsNode;
  }
  for (const [name, child] of Object.entries(n)) {
    if (name === 'loc' || typeof child !== 'object') continue;
    const found = findProperty(child, key);
    if (found) return found;
  }
  return undefined;
}
