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
