import type { Nodes, Parent, RootContent } from 'mdast';
import { type DataValue, literalValue } from './estree-literal.js';

/** The MDX JSX nodes remark-mdx produces (mdast-util-mdx-jsx), described as far as pylon-kb reads them. */
export interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?:
    | string
    | { type: 'mdxJsxAttributeValueExpression'; value: string; data?: { estree?: unknown } }
    | null;
}

export interface JsxElement extends Parent {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
}

export function isJsx(node: Nodes | RootContent): node is JsxElement & RootContent {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/**
 * A literal attribute value: a string, `true` for a bare attribute, a string literal written as an
 * expression (`{'x'}`); an expression is never evaluated, so any other is undefined.
 */
export function attribute(element: JsxElement, name: string): string | true | undefined {
  for (const attr of element.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name !== name) continue;
    if (attr.value === null || attr.value === undefined) return true;
    if (typeof attr.value === 'string') return attr.value;
    const literal = /^\s*(["'`])([^"'`\\]*)\1\s*$/.exec(attr.value.value);
    // A template literal with a placeholder (`${…}`) is code, not text.
    if (literal && !(literal[1] === '`' && literal[2]!.includes('${'))) return literal[2];
    const markup = jsxMarkupText(attr.value.data?.estree);
    if (markup !== undefined) return markup;
    if (/^\s*true\s*$/.test(attr.value.value)) return true;
    const number = /^\s*(-?\d+(?:\.\d+)?)\s*$/.exec(attr.value.value);
    if (number) return number[1];
    return undefined;
  }
  return undefined;
}

/**
 * The data an attribute written as an expression holds (`items={['npm', 'pnpm']}`), read from the ESTree
 * the MDX parser (acorn) made of it, never evaluated: `NOT_DATA` where it is code; undefined when absent.
 */
export function dataAttribute(element: JsxElement, name: string): DataValue | undefined {
  for (const attr of element.attributes) {
    if (attr.type !== 'mdxJsxAttribute' || attr.name !== name) continue;
    if (typeof attr.value !== 'object' || attr.value === null) return attr.value ?? true;
    return literalValue(attr.value.data?.estree);
  }
  return undefined;
}

export function textAttribute(element: JsxElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = attribute(element, name);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** Attributes written as expressions (`{…}`) or spreads: not evaluated, so not published. */
export function expressionAttributes(element: JsxElement): string[] {
  return element.attributes
    .filter(
      (attr) =>
        attr.type === 'mdxJsxExpressionAttribute' ||
        (typeof attr.value === 'object' &&
          attr.value !== null &&
          attribute(element, attr.name ?? '') === undefined),
    )
    .map((attr) => attr.name ?? '{…}');
}

interface EstreeNode {
  type: string;
  expression?: EstreeNode;
  body?: EstreeNode[];
  children?: EstreeNode[];
  value?: unknown;
}

/**
 * The text of an attribute written as JSX markup (`title={<>Add it to <code>docs.json</code></>}`), read
 * from the parser's ESTree: its text and string literals, tags left out. Undefined when the expression is
 * anything else, or when the markup holds code (`{count}`).
 */
function jsxMarkupText(estree: unknown): string | undefined {
  const program = estree as EstreeNode | undefined;
  const statement = program?.type === 'Program' && program.body?.length === 1 ? program.body[0] : undefined;
  const root = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (root?.type !== 'JSXFragment' && root?.type !== 'JSXElement') return undefined;
  const parts: string[] = [];
  const walk = (node: EstreeNode): boolean => {
    if (node.type === 'JSXText') return parts.push(String(node.value ?? '')) > 0;
    if (node.type === 'JSXElement' || node.type === 'JSXFragment') return (node.children ?? []).every(walk);
    if (node.type !== 'JSXExpressionContainer') return false;
    const inner = node.expression;
    if (inner?.type === 'JSXEmptyExpression') return true;
    if (inner?.type === 'Literal' && typeof inner.value === 'string') return parts.push(inner.value) > 0;
    return false;
  };
  if (!walk(root)) return undefined;
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}
